import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { articlesInScripts } from "./articles-in-scripts.ts";
import { fixtureListings } from "./events-site.ts";
import { buildSite, copyProject, projectRoot, temporaryDir } from "./project.ts";
import { syntheticArticle } from "./synthetic-articles.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The site built once from the project as it is, shared by the build tests. */
    siteDir: string;
    /** The site with 50 more articles, none featured: three pages of /articles/ (24, 24, 6). */
    manyArticlesSiteDir: string;
    /**
     * The site with an article in each of nine scripts (tests/fixtures/articles-in-scripts/), and
     * a comment in Arabic answered in English on an English article, and the wall of thanks of
     * tests/fixtures/thanks.json (26 thanks, eight in other scripts: two pages of the wall).
     */
    languagesSiteDir: string;
    /** The site with the fixture events and programmes (tests/fixtures/events/, tests/fixtures/programmes/). */
    eventsSiteDir: string;
  }
}

export default async function setup(project: TestProject) {
  // A fixed clock (1 December 2026) so that the tests know which date "Next:" shows.
  const env = { SOURCE_DATE_EPOCH: "1796083200" };
  const [siteDir, manyArticlesSiteDir, languagesSiteDir, eventsSiteDir] = await Promise.all([
    temporaryDir("imd-site-"),
    temporaryDir("imd-many-"),
    temporaryDir("imd-languages-"),
    temporaryDir("imd-events-"),
  ]);
  const eventsProject = await copyProject(fixtureListings());
  const articles = Array.from({ length: 50 }, (_, index) => syntheticArticle(index));
  const manyArticlesProject = await copyProject(
    Object.fromEntries(articles.map(({ name, source }) => [`articles/${name}`, source])),
  );
  const languagesProject = await copyProject({
    ...articlesInScripts(),
    "_data/thanks.json": readFileSync(join(projectRoot, "tests/fixtures/thanks.json"), "utf8"),
    "_data/comments/scholarship-mentoring-stem.json": JSON.stringify([
      { id: "arabic-comment", name: "ليلى", date: "2026-11-21", text: "شكرًا على هذه القصة الجميلة." },
      { id: "english-reply", name: "Ama", date: "2026-11-22", text: "Thank you, Layla.", replyTo: "arabic-comment" },
    ]),
  });
  await Promise.all([
    buildSite({ outputDir: siteDir, env }),
    buildSite({ projectDir: manyArticlesProject, outputDir: manyArticlesSiteDir, env }),
    buildSite({ projectDir: languagesProject, outputDir: languagesSiteDir, env }),
    buildSite({ projectDir: eventsProject, outputDir: eventsSiteDir, env }),
  ]);
  project.provide("eventsSiteDir", eventsSiteDir);
  project.provide("siteDir", siteDir);
  project.provide("manyArticlesSiteDir", manyArticlesSiteDir);
  project.provide("languagesSiteDir", languagesSiteDir);
  return async () => {
    for (const dir of [
      siteDir,
      manyArticlesSiteDir,
      manyArticlesProject,
      languagesSiteDir,
      languagesProject,
      eventsSiteDir,
      eventsProject,
    ])
      await rm(dir, { recursive: true, force: true });
  };
}
