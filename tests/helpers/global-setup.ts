import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildSite, copyProject, temporaryDir } from "../../tools/fixtures/project.ts";
import { syntheticArticle } from "../../tools/fixtures/synthetic-articles.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the project as it is, shared by the build tests. */
    siteDir: string;
    /** The site with 50 more articles, none featured: three pages of /articles/ (24, 24, 6). */
    manyArticlesSiteDir: string;
  }
}

export default async function setup(project: TestProject) {
  // A fixed clock (1 December 2026) so that the tests know which date "Next:" shows.
  const env = { SOURCE_DATE_EPOCH: "1796083200" };
  const [siteDir, manyArticlesSiteDir] = await Promise.all([temporaryDir("imd-site-"), temporaryDir("imd-many-")]);
  const articles = Array.from({ length: 50 }, (_, index) => syntheticArticle(index));
  const manyArticlesProject = await copyProject(
    Object.fromEntries(articles.map(({ name, source }) => [`articles/${name}`, source])),
  );
  await Promise.all([
    buildSite({ outputDir: siteDir, env }),
    buildSite({ projectDir: manyArticlesProject, outputDir: manyArticlesSiteDir, env }),
  ]);
  project.provide("siteDir", siteDir);
  project.provide("manyArticlesSiteDir", manyArticlesSiteDir);
  return async () => {
    for (const dir of [siteDir, manyArticlesSiteDir, manyArticlesProject])
      await rm(dir, { recursive: true, force: true });
  };
}
