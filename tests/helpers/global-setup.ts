import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { articlesInScripts } from "./articles-in-scripts.ts";
import { fixtureListings } from "./events-site.ts";
import { buildSite, copyProject, projectRoot, removeTemporaryFolders, temporaryDir } from "./project.ts";
import { syntheticArticle } from "./synthetic-articles.ts";

// The sites the site tests share, each built once before they run, all from the fixture's content
// (tests/fixtures/site/: four articles, no comments, no thanks) with what each adds: a contributor
// changing the real articles, comments or thanks changes none of them.

declare module "vitest" {
  export interface ProvidedContext {
    /** The site of the fixture's content as it is: four articles, no comments, an empty wall of thanks. */
    siteDir: string;
    /** The site with 50 more articles, none featured: three pages of /articles/ (24, 24, 6). */
    manyArticlesSiteDir: string;
    /**
     * The site with an article in each of nine scripts (tests/fixtures/articles-in-scripts/), and
     * a comment in Arabic answered in English on an English article, and the wall of thanks of
     * tests/fixtures/thanks.json (26 thanks, eight in other scripts: two pages of the wall), its
     * cards' words in other languages those of tests/fixtures/card-words.ts.
     */
    languagesSiteDir: string;
    /**
     * The site with approved comments: on the storytelling article a thread with a reply and a
     * reply to that reply, a comment of its own, markup in a name and a text
     * (tests/fixtures/comments-thread.json); one comment on the SurgTime article, one on the home page.
     */
    commentsSiteDir: string;
    /** The site as a Netlify deploy preview builds it under the sub-path /mentoring-day/ (`prefixedSitePreview`). */
    prefixedSiteDir: string;
    /** The site with the fixture events and programmes (tests/fixtures/events/, tests/fixtures/programmes/). */
    eventsSiteDir: string;
    /** The copy of the project each of the sites above was built from, by the site's name: `projectDirs.siteDir`. */
    projectDirs: Record<SharedSite, string>;
  }
}

type SharedSite =
  | "siteDir"
  | "manyArticlesSiteDir"
  | "languagesSiteDir"
  | "commentsSiteDir"
  | "prefixedSiteDir"
  | "eventsSiteDir";

/** The address and sub-path of `prefixedSiteDir`: a deploy preview's, which its links must use. */
export const prefixedSitePreview = {
  pathPrefix: "/mentoring-day/",
  origin: "https://deploy-preview-42--imd.netlify.app",
  liveOrigin: "https://live.example",
};

export default async function setup(project: TestProject) {
  // A fixed clock (1 December 2026) so that the tests know which date "Next:" shows.
  const env = { SOURCE_DATE_EPOCH: "1796083200" };
  const articles = Array.from({ length: 50 }, (_, index) => syntheticArticle(index));
  const projects: Record<SharedSite, Promise<string>> = {
    siteDir: copyProject(),
    manyArticlesSiteDir: copyProject(
      Object.fromEntries(articles.map(({ name, source }) => [`articles/${name}`, source])),
    ),
    languagesSiteDir: copyProject({
      ...articlesInScripts(),
      "_data/thanks.json": readFileSync(join(projectRoot, "tests/fixtures/thanks.json"), "utf8"),
      "_data/cardWords.ts": readFileSync(join(projectRoot, "tests/fixtures/card-words.ts"), "utf8"),
      "_data/comments/scholarship-mentoring-stem.json": JSON.stringify([
        { id: "arabic-comment", name: "ليلى", date: "2026-11-21", text: "شكرًا على هذه القصة الجميلة." },
        { id: "english-reply", name: "Ama", date: "2026-11-22", text: "Thank you, Layla.", replyTo: "arabic-comment" },
      ]),
    }),
    commentsSiteDir: copyProject({
      "_data/comments/storytelling-humanism-mentoring.json": readFileSync(
        join(projectRoot, "tests/fixtures/comments-thread.json"),
        "utf8",
      ),
      "_data/comments/surgtime-telemedicine-mentoring.json": JSON.stringify([
        { id: "6790a1b2c3d4e5f601234601", name: "Femi", date: "2026-11-30", text: "Telemedicine mentoring works." },
      ]),
      "_data/comments/home.json": JSON.stringify([
        { id: "6790a1b2c3d4e5f601234701", name: "Grace", date: "2026-12-01T08:00:00Z", text: "See you on the day." },
      ]),
    }),
    prefixedSiteDir: copyProject(),
    eventsSiteDir: copyProject(fixtureListings()),
  };
  const previewEnv = {
    CONTEXT: "deploy-preview",
    URL: prefixedSitePreview.liveOrigin,
    DEPLOY_PRIME_URL: prefixedSitePreview.origin,
  };
  const build = async ([name, projectDir]: [string, Promise<string>]) => {
    const outputDir = await temporaryDir(`imd-${name}-`);
    const prefixed = name === "prefixedSiteDir";
    await buildSite({
      projectDir: await projectDir,
      outputDir,
      env: prefixed ? { ...env, ...previewEnv } : env,
      ...(prefixed ? { pathPrefix: prefixedSitePreview.pathPrefix } : {}),
    });
    return [name, outputDir] as const;
  };
  // The first site fills the shared image cache alone, then the others build two at a time (one
  // per core), from a warm cache: on a clean clone six cold builds at once each encode the same
  // pictures, and on two cores one of them outran its time limit.
  const [first, ...rest] = Object.entries(projects);
  const built = await (async () => {
    const sites = [await build(first as [string, Promise<string>])];
    const queue = [...rest];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) sites.push(await build(next));
    };
    await Promise.all([worker(), worker()]);
    return sites;
  })().catch(async (error: unknown) => {
    await removeTemporaryFolders();
    throw error;
  });
  for (const [name, outputDir] of built) project.provide(name as SharedSite, outputDir);
  project.provide(
    "projectDirs",
    Object.fromEntries(
      await Promise.all(Object.entries(projects).map(async ([name, projectDir]) => [name, await projectDir])),
    ) as Record<SharedSite, string>,
  );
  return removeTemporaryFolders;
}
