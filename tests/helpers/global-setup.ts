import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildSite, temporaryDir } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the project as it is, shared by the build tests. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const siteDir = await temporaryDir("imd-site-");
  // A fixed clock (1 December 2026) so that the tests know which date "Next:" shows.
  await buildSite({ outputDir: siteDir, env: { SOURCE_DATE_EPOCH: "1796083200" } });
  project.provide("siteDir", siteDir);
  return async () => rm(siteDir, { recursive: true, force: true });
}
