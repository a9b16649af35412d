// What must hold of any built site, whatever its content, checked against the project's own files
// rather than against numbers written in a test: every article has its page and is in every list,
// every event and programme has its page, the home page says what _data/day.ts says, comment
// counts and the wall of thanks agree with their files, every page is valid HTML and no internal
// link is broken. For the real content (tests/build/real-content.test.ts) and for a contributor's
// pull request added to it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
import type { HTMLElement } from "node-html-parser";
import { cardFormats } from "../../src/assets/js/shared/thanks-card.js";
import { readFrontMatter } from "../../src/lib/content/front-matter.ts";
import type { Day } from "../../src/lib/content/schemas.ts";
import { thanksCardPicture } from "../../src/lib/graphics/thanks-card-files.ts";
import { thanksCardPath } from "../../src/lib/graphics/thanks-cards.ts";
import { type Design, thumbnailPixels } from "../../src/lib/publishing/design-tokens.ts";
import { feedLength, homeFeaturedLimit } from "../../src/lib/site/articles.ts";
import { brokenLinks } from "./links.ts";
import { fileForUrl, htmlFiles, htmlProblems, readPage, visibleText } from "./site.ts";

/** An article file of the project, as the site must show it. */
interface ArticleFile {
  file: string;
  url: string;
  title: string;
  date: Date;
  draft: boolean;
  featured: boolean;
}

function articleFiles(projectDir: string): ArticleFile[] {
  return readdirSync(join(projectDir, "articles"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => {
      const { data } = readFrontMatter(readFileSync(join(projectDir, "articles", name), "utf8"));
      return {
        file: `articles/${name}`,
        url: `/articles/${name.slice(0, -".md".length)}/`,
        title: String(data.title),
        date: data.date as Date,
        draft: data.draft === true,
        featured: data.featured === true,
      };
    });
}

/** A JSON file of the project, or `fallback` when there is none. */
function jsonFile(projectDir: string, path: string, fallback: unknown): unknown {
  const file = join(projectDir, path);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : fallback;
}

/** The pages of a paged list, from its first page, following each page's rel="next" link. */
function pagesOf(siteDir: string, firstPage: string): HTMLElement[] {
  const pages: HTMLElement[] = [];
  for (let url: string | undefined = firstPage; url && pages.length < 1000; ) {
    const page = readPage(siteDir, url);
    pages.push(page);
    url = page.querySelector('.pager a[rel="next"]')?.getAttribute("href");
  }
  return pages;
}

/** A problem line when `actual` and `expected` differ as sets, or `actual` names something twice. */
function sameSet(what: string, actual: string[], expected: string[]): string[] {
  const problems: string[] = [];
  const missing = expected.filter((value) => !actual.includes(value));
  const extra = actual.filter((value) => !expected.includes(value));
  const twice = actual.filter((value, index) => actual.indexOf(value) !== index);
  if (missing.length) problems.push(`${what}: missing ${missing.join(", ")}`);
  if (extra.length) problems.push(`${what}: has ${extra.join(", ")}, which it should not`);
  if (twice.length) problems.push(`${what}: lists ${twice.join(", ")} more than once`);
  return problems;
}

function articleProblems(articles: ArticleFile[], siteDir: string): string[] {
  const problems: string[] = [];
  const published = articles.filter((article) => !article.draft);
  // Every article that is not a draft has its page, with its title; a draft has none.
  for (const article of articles) {
    const page = fileForUrl(siteDir, article.url);
    if (article.draft) {
      if (page) problems.push(`${article.file}: a draft, but it has a page at ${article.url}`);
    } else if (!page) {
      problems.push(`${article.file}: no page at ${article.url}`);
    } else {
      const h1 = readPage(siteDir, article.url).querySelector("h1");
      const title = article.title.replace(/\s+/g, " ").trim();
      if (!h1 || visibleText(h1) !== title)
        problems.push(`${article.url}: expected the h1 "${title}", got "${h1 ? visibleText(h1) : ""}"`);
    }
  }
  const articlePages = htmlFiles(siteDir)
    .map((file) => /^articles\/([^/]+)\/index\.html$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && name !== "page")
    .map((name) => `/articles/${name}/`);
  problems.push(
    ...sameSet(
      "the article pages",
      articlePages,
      published.map((article) => article.url),
    ),
  );

  // /articles/, every page of it, lists each of them once, newest first.
  const listPages = pagesOf(siteDir, "/articles/");
  const listed = listPages.flatMap((page) =>
    page.querySelectorAll(".article-list .card__title a").map((link) => link.getAttribute("href") ?? ""),
  );
  problems.push(
    ...sameSet(
      "/articles/",
      listed,
      published.map((article) => article.url),
    ),
  );
  const dates = listPages.flatMap((page) =>
    page.querySelectorAll(".article-list time").map((time) => time.getAttribute("datetime") ?? ""),
  );
  if (dates.join() !== [...dates].sort().reverse().join()) problems.push("/articles/: not newest first");

  // The feeds hold every article, or the newest when there are more, in the list's order.
  const newest = listed.slice(0, feedLength);
  const inFeeds = published.length <= feedLength ? published.map((article) => article.url) : newest;
  const atom = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ["entry", "link"].includes(name),
  }).parse(readFileSync(join(siteDir, "feed.xml"), "utf8")) as {
    feed: { entry?: { link: { "@href": string }[] }[] };
  };
  const json = JSON.parse(readFileSync(join(siteDir, "feed.json"), "utf8")) as { items: { url: string }[] };
  for (const [feed, urls] of [
    ["feed.xml", (atom.feed.entry ?? []).map((entry) => new URL(entry.link[0]?.["@href"] ?? "").pathname)],
    ["feed.json", json.items.map((item) => new URL(item.url).pathname)],
  ] as const) {
    problems.push(...sameSet(feed, urls, inFeeds));
    if (urls.join() !== newest.join()) problems.push(`${feed}: not in the order of /articles/`);
  }

  // The home page features the newest featured articles, and counts them all.
  const home = readPage(siteDir, "/");
  const featured = home.querySelectorAll(".featured .card__title a").map((link) => link.getAttribute("href") ?? "");
  const expectedFeatured = published
    .filter((article) => article.featured)
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, homeFeaturedLimit);
  if (featured.length !== expectedFeatured.length)
    problems.push(`/: expected ${expectedFeatured.length} featured articles, got ${featured.length}`);
  problems.push(
    ...featured
      .filter((url) => !published.some((article) => article.featured && article.url === url))
      .map((url) => `/: features ${url}, which is no featured article`),
  );
  const count = new Intl.NumberFormat(language(home)).format(published.length);
  const all = home.querySelector(".featured__all");
  if (!all || !visibleText(all).includes(count))
    problems.push(`/: expected the link to all articles to count ${count}, got "${all ? visibleText(all) : ""}"`);
  return problems;
}

const language = (page: HTMLElement) => page.querySelector("html")?.getAttribute("lang") ?? "en";

/** The home page shows the day as _data/day.ts describes it. */
async function homeProblems(projectDir: string, siteDir: string): Promise<string[]> {
  const day = ((await import(pathToFileURL(join(projectDir, "_data/day.ts")).href)) as { default: Day }).default;
  const home = readPage(siteDir, "/");
  const text = visibleText(home);
  const problems: string[] = [];
  const h1 = home.querySelectorAll("h1").map(visibleText);
  if (h1.join() !== day.name) problems.push(`/: expected the one h1 "${day.name}", got ${JSON.stringify(h1)}`);
  const facts = home.querySelectorAll(".key-facts li").map(visibleText);
  problems.push(
    ...day.keyFacts.filter((fact) => !facts.includes(fact)).map((fact) => `/: the key fact "${fact}" is missing`),
  );
  for (const [part, words] of [
    ["intro", day.intro],
    ["call to join in", day.joinUs],
  ]) {
    if (!text.includes(words as string)) problems.push(`/: the ${part} of _data/day.ts is missing`);
  }
  const alt = home.querySelector(".hero img")?.getAttribute("alt");
  if (alt !== day.image.alt) problems.push(`/: expected the picture's alt text "${day.image.alt}", got "${alt}"`);
  return problems;
}

/** Every comments file's comments are on its page, counted on the page's cards, and none elsewhere. */
function commentProblems(articles: ArticleFile[], projectDir: string, siteDir: string): string[] {
  const problems: string[] = [];
  const folder = join(projectDir, "_data/comments");
  const files = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".json")) : [];
  const countOf = new Map(
    files.map((name) => [
      name === "home.json" ? "/" : `/articles/${name.slice(0, -".json".length)}/`,
      (jsonFile(projectDir, `_data/comments/${name}`, []) as unknown[]).length,
    ]),
  );
  const published = articles.filter((article) => !article.draft);
  // (A missing page is a problem of its own, above.)
  for (const url of ["/", ...published.map((article) => article.url)].filter((url) => fileForUrl(siteDir, url))) {
    const expected = countOf.get(url) ?? 0;
    const page = readPage(siteDir, url);
    const shown = page.querySelectorAll("article.comment").length;
    if (shown !== expected) problems.push(`${url}: expected ${expected} comments on the page, got ${shown}`);
    const described = page
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.innerHTML) as { "@type": string; commentCount?: number })
      .find((thing) => thing["@type"] === (url === "/" ? "CollectionPage" : "Article"));
    if (described?.commentCount !== expected)
      problems.push(`${url}: expected a JSON-LD commentCount of ${expected}, got ${described?.commentCount}`);
  }
  // Each card of /articles/ counts its article's comments, and says nothing when there are none.
  for (const page of pagesOf(siteDir, "/articles/")) {
    for (const card of page.querySelectorAll(".article-list .card")) {
      const url = card.querySelector(".card__title a")?.getAttribute("href") ?? "";
      const expected = countOf.get(url) ?? 0;
      const label = card.querySelector(".card__comments");
      const count = new Intl.NumberFormat(language(page)).format(expected);
      if (expected === 0 && label) problems.push(`/articles/: the card of ${url} shows "${visibleText(label)}"`);
      // The count is the label's first word: "4 comments", "1,234 comments".
      const shownCount = /^[\d.,\u00a0\u202f ]*\d/.exec(label?.querySelector("a")?.textContent ?? "")?.[0];
      if (expected > 0 && shownCount !== count)
        problems.push(
          `/articles/: the card of ${url} should count ${count} comments, got "${label ? visibleText(label) : ""}"`,
        );
    }
  }
  return problems;
}

/** The wall of thanks shows every thanks of _data/thanks.json once, each with its page and card. */
async function thanksProblems(projectDir: string, siteDir: string): Promise<string[]> {
  const thanks = (jsonFile(projectDir, "_data/thanks.json", []) as { id: string }[]).map(({ id }) => id);
  const wall = pagesOf(siteDir, "/thank-your-mentor/");
  const shown = wall.flatMap((page) =>
    page.querySelectorAll(".thanks-item").map((item) => (item.getAttribute("id") ?? "").replace(/^thanks-/, "")),
  );
  const problems = sameSet("/thank-your-mentor/", shown, thanks);
  const empty = wall[0]?.querySelector(".thanks-wall__empty");
  if (Boolean(empty) !== (thanks.length === 0))
    problems.push(`/thank-your-mentor/: ${empty ? "says no thanks are published" : "has no word for an empty wall"}`);
  for (const id of thanks) {
    if (!fileForUrl(siteDir, `/thank-your-mentor/thanks/${id}/`)) problems.push(`thanks ${id}: no page of its own`);
  }
  // Each card as a PNG and the renditions pages show, one of them at the size of a search result's thumbnail.
  const design = ((await import(pathToFileURL(join(projectDir, "_data/design.ts")).href)) as { default: Design })
    .default;
  const thumbnail = thumbnailPixels(design.layout);
  const cards = existsSync(join(siteDir, "cards/thanks")) ? readdirSync(join(siteDir, "cards/thanks")) : [];
  problems.push(
    ...sameSet(
      "cards/thanks/",
      cards,
      thanks.flatMap((id) =>
        thanksCardPicture({ url: thanksCardPath(id), ...cardFormats.landscape }, thumbnail).variants.map(({ url }) =>
          url.replace(/^\/cards\/thanks\//, ""),
        ),
      ),
    ),
  );
  return problems;
}

/** Every event and programme file has its page (a past event keeps its own), its title or name its h1. */
function listingProblems(projectDir: string, siteDir: string): string[] {
  const problems: string[] = [];
  for (const [folder, heading] of [
    ["events", "title"],
    ["programmes", "name"],
  ] as const) {
    if (!existsSync(join(projectDir, folder))) continue;
    for (const name of readdirSync(join(projectDir, folder)).filter((file) => file.endsWith(".md"))) {
      const { data } = readFrontMatter(readFileSync(join(projectDir, folder, name), "utf8"));
      const url = `/${folder}/${name.slice(0, -".md".length)}/`;
      if (!fileForUrl(siteDir, url)) {
        problems.push(`${folder}/${name}: no page at ${url}`);
        continue;
      }
      const h1 = readPage(siteDir, url).querySelector("h1");
      const expected = String(data[heading]).replace(/\s+/g, " ").trim();
      if (!h1 || visibleText(h1) !== expected)
        problems.push(`${url}: expected the h1 "${expected}", got "${h1 ? visibleText(h1) : ""}"`);
    }
  }
  return problems;
}

/** Every way the site built into `siteDir` disagrees with the files of `projectDir`, a line each. */
export async function contentProblems(projectDir: string, siteDir: string): Promise<string[]> {
  const articles = articleFiles(projectDir);
  return [
    ...articleProblems(articles, siteDir),
    ...listingProblems(projectDir, siteDir),
    ...(await homeProblems(projectDir, siteDir)),
    ...commentProblems(articles, projectDir, siteDir),
    ...(await thanksProblems(projectDir, siteDir)),
  ];
}

/**
 * The site checks: every way the site built into `siteDir` disagrees with the files of
 * `projectDir` or is broken (invalid HTML, a broken internal link), a line each: none, for a site
 * built right.
 */
export async function siteProblems(projectDir: string, siteDir: string): Promise<string[]> {
  return [
    ...(await contentProblems(projectDir, siteDir)),
    ...(await htmlProblems(siteDir, htmlFiles(siteDir))),
    ...brokenLinks(siteDir),
  ];
}
