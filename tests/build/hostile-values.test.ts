import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import type { HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { articleLines, commentLines, thanksLines } from "../fixtures/mistakes.ts";
import { buildSite, copyProject, fixtureArticle, projectRoot, temporaryDir } from "../helpers/project.ts";
import { htmlFiles, readPage } from "../helpers/site.ts";

// What visitors get of values sent to hurt the site: text that would turn a page's title around,
// ids that would repeat the page's own, dates, addresses and names the check must refuse. Built as
// `npm run build` builds, and checked as `npm run check:content` checks, on copies of the fixture site.

const env = { SOURCE_DATE_EPOCH: "1796083200" };
const siteName = "International Mentoring Day";
const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };

/** Characters that must never reach text shown as plain text: bidi embeddings, overrides, isolates, and invisibles of no use. */
const spoofing = /[\u202A-\u202E\u2066-\u2069\u2060-\u2064\u3164\uFFA0\uFEFF]/u;
/** What the fixtures below send in every text: each of them would spoof a page if it reached one. */
const rlo = "\u202E";
const hidden = `\u2066\u3164\uFEFF\u2060${rlo}`;

/** Every id of a page, in document order. */
const idsOf = (page: HTMLElement) => page.querySelectorAll("[id]").map((element) => element.id);

/**
 * The ids a contributor could send to take one of a page's own: each id, and each of its ends after
 * a hyphen (`new-comment-text` → `comment-text`, `text`), as far as the entries' ids allow.
 */
function idsToTry(page: HTMLElement): string[] {
  const ids = idsOf(page).flatMap((id) => id.split("-").map((_, index, words) => words.slice(index).join("-")));
  const byKey = new Map(ids.filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)).map((id) => [id.toLowerCase(), id]));
  return [...byKey.values()];
}

describe("a site whose comments, thanks and article hold hostile values the check lets through", () => {
  const article = "storytelling-humanism-mentoring";
  let siteDir: string;

  beforeAll(async () => {
    // The page ids a contributor would aim at: the wall's and an article's, as the plain fixture site has them.
    const plain = inject("siteDir");
    const thanksIds = idsToTry(readPage(plain, "/thank-your-mentor/"));
    const commentIds = idsToTry(readPage(plain, `/articles/${article}/`));
    expect(thanksIds).toEqual(expect.arrayContaining(["mentor", "wall-heading", "main"]));
    expect(commentIds).toEqual(expect.arrayContaining(["comments", "new-comment-text", "text"]));
    const thanks = thanksIds.map((id, index) => ({
      id,
      mentor: `${hidden}Kofi ${index}`,
      message: `Thank you${rlo} for everything${hidden}.`,
      name: `${rlo}Ama${hidden}`,
      date: `2026-11-${String(1 + (index % 28)).padStart(2, "0")}T10:00:00Z`,
    }));
    const comments = commentIds.map((id, index) => ({
      id,
      name: `${rlo}Ben ${index}${hidden}`,
      date: "2026-11-30T10:00:00+14:00",
      text: `A comment${rlo} that would turn the rest around${hidden}`,
      ...(index === 0 ? {} : { replyTo: commentIds[0] }),
    }));
    const articleSource = fixtureArticle(`${article}.md`)
      .replace(/^title: .*$/m, `title: "${rlo}Stories\\u2066 of mentoring\\u3164"`)
      .replace(/^summary: .*$/m, `summary: "A summary${rlo} that would turn the meta description around"`)
      .replace(/\n*$/, `\n\nA paragraph${rlo} that would turn the search excerpt around${hidden}.\n`);
    const projectDir = await copyProject({
      "_data/thanks.json": JSON.stringify(thanks),
      [`_data/comments/${article}.json`]: JSON.stringify(comments),
      [`articles/${article}.md`]: articleSource,
    });
    siteDir = await temporaryDir("imd-hostile-values-site-");
    await buildSite({ projectDir, outputDir: siteDir, env });
  }, 240_000);

  it("gives no page two elements with one id: a contributor's id is namespaced apart from the page's own", () => {
    for (const file of htmlFiles(siteDir)) {
      const ids = idsOf(readPage(siteDir, `/${file.replace(/index\.html$/, "")}`));
      expect(
        ids.filter((id, index) => ids.indexOf(id) !== index),
        file,
      ).toEqual([]);
    }
    // The namespaces are the contributors' alone: comment-<id> is a comment, thanks-<id> a thanks.
    const wall = readPage(siteDir, "/thank-your-mentor/");
    const articlePage = readPage(siteDir, `/articles/${article}/`);
    for (const page of [wall, articlePage]) {
      for (const element of page.querySelectorAll("[id^=comment-]"))
        expect(element.classList.contains("comment")).toBe(true);
      for (const element of page.querySelectorAll("[id^=thanks-]"))
        expect(element.classList.contains("thanks-item")).toBe(true);
    }
    expect(wall.querySelector("#thanks-mentor")?.classList.contains("thanks-item")).toBe(true);
    expect(wall.querySelector("#maker-mentor")?.tagName).toBe("INPUT");
    expect(articlePage.querySelector("#comment-text")?.classList.contains("comment")).toBe(true);
    expect(articlePage.querySelector("#new-comment-text")?.tagName).toBe("TEXTAREA");
  });

  it("keeps the links to each comment and thanks working: a #fragment names one element, a thanks' link its page", () => {
    for (const path of ["/thank-your-mentor/", `/articles/${article}/`]) {
      const page = readPage(siteDir, path);
      const ids = new Set(idsOf(page));
      const fragments = page
        .querySelectorAll("a[href^='#']")
        .map((link) => decodeURIComponent(link.getAttribute("href")?.slice(1) ?? ""));
      for (const fragment of fragments) expect(ids.has(fragment), `${path}#${fragment}`).toBe(true);
    }
    const permalinks = readPage(siteDir, `/articles/${article}/`).querySelectorAll("a.comment__permalink");
    expect(permalinks.length).toBeGreaterThan(10);
    const thanksLinks = readPage(siteDir, "/thank-your-mentor/")
      .querySelectorAll(".thanks-item__mentor a")
      .map((link) => link.getAttribute("href") ?? "");
    expect(thanksLinks).toContain("/thank-your-mentor/thanks/mentor/");
    for (const href of thanksLinks) expect(readPage(siteDir, href).querySelector("h1")?.textContent).toContain("Kofi");
  });

  it("shows no bidi control or invisible character in any text shown as plain text: titles, meta, share texts, data attributes, JSON-LD", () => {
    let checked = 0;
    for (const file of htmlFiles(siteDir)) {
      const page = readPage(siteDir, `/${file.replace(/index\.html$/, "")}`);
      const plainTexts = [
        page.querySelector("title")?.textContent ?? "",
        ...page.querySelectorAll("meta[content]").map((meta) => meta.getAttribute("content") ?? ""),
        ...page.querySelectorAll("*").flatMap((element) =>
          Object.entries(element.attributes)
            .filter(([name]) => name.startsWith("data-") || name === "alt" || name === "title" || name === "href")
            .map(([, value]) => value),
        ),
        ...page.querySelectorAll('script[type="application/ld+json"]').map((script) => script.textContent),
      ];
      for (const text of plainTexts) expect(text, `${file}: ${JSON.stringify(text)}`).not.toMatch(spoofing);
      checked += plainTexts.length;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("ends each thanks' tab title with the site's own name, the right way round", () => {
    const page = readPage(siteDir, "/thank-your-mentor/thanks/mentor/");
    const index = readPage(siteDir, "/thank-your-mentor/")
      .querySelectorAll(".thanks-item")
      .findIndex((item) => item.id === "thanks-mentor");
    expect(index).toBeGreaterThanOrEqual(0);
    const title = page.querySelector("title")?.textContent ?? "";
    expect(title).toMatch(new RegExp(`^Thanks to Kofi \\d+ · ${siteName}$`));
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute("content")).toMatch(/^Thanks to Kofi \d+$/);
    expect(page.querySelector('meta[name="description"]')?.getAttribute("content")).toBe("Thank you for everything.");
    const share = page.querySelector(".native-share");
    expect(share?.getAttribute("data-title")).toMatch(/^Thanks to Kofi \d+$/);
    expect(page.querySelector(".thanks-page__message p")?.textContent).toBe("Thank you for everything.");
  });

  it("says the article's title, summary and words without the characters, in its page, the feeds and the search index", () => {
    const page = readPage(siteDir, `/articles/${article}/`);
    expect(page.querySelector("title")?.textContent).toBe(`Stories of mentoring · ${siteName}`);
    expect(page.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(
      "A summary that would turn the meta description around",
    );
    for (const feed of ["feed.json", "feed.xml"]) {
      const text = readFileSync(join(siteDir, feed), "utf8");
      expect(text).toContain("Stories of mentoring");
      expect(text, feed).not.toMatch(spoofing);
    }
    const fragments = join(siteDir, "pagefind/fragment");
    const indexed = readdirSync(fragments).map((name) => gunzipSync(readFileSync(join(fragments, name))).toString());
    expect(indexed.some((text) => text.includes("Stories of mentoring"))).toBe(true);
    expect(indexed.some((text) => text.includes("A paragraph that would turn the search excerpt around."))).toBe(true);
    expect(readFileSync(join(siteDir, "feed.json"), "utf8")).toContain(
      "A paragraph that would turn the search excerpt around.",
    );
    expect(indexed.some((text) => text.includes("Thank you for everything."))).toBe(true);
    for (const text of indexed) expect(text).not.toMatch(spoofing);
  });

  it("names the commenters in plain text in the threads, the replies' answers and the Reply buttons", () => {
    const page = readPage(siteDir, `/articles/${article}/`);
    const names = page.querySelectorAll(".comment__name").map((name) => name.textContent);
    expect(names[0]).toBe("Ben 0");
    expect(names.every((name) => /^Ben \d+$/.test(name))).toBe(true);
    const replies = page
      .querySelectorAll("button.comment__reply")
      .map((button) => button.getAttribute("data-reply-name"));
    expect(replies.every((name) => /^Ben \d+$/.test(name ?? ""))).toBe(true);
  });
});

describe("the corpora of mistakes, as pull requests", () => {
  /** The problem lines of a run's output, as a contributor reads them: `file: field: message`. */
  const problemLines = (output: string) =>
    output
      .split("\n")
      .map((line) => line.replace(/^\[11ty\] /, ""))
      .filter((line) => /^(articles|static|_data)(\/\S*)?: /.test(line))
      .sort();

  const pages = [
    "home",
    "building-community-learning-legacy",
    "scholarship-mentoring-stem",
    "storytelling-humanism-mentoring",
    "surgtime-telemedicine-mentoring",
  ];
  const commentCases = Object.entries(commentLines);
  const thanksCases = Object.entries(thanksLines);
  const read = (folder: string, name: string) =>
    readFileSync(join(projectRoot, "tests/fixtures", folder, name), "utf8");

  // One pull request of every article and comments file of the corpora, and one thanks file; one more for each other thanks file.
  const pullRequests = thanksCases.map(([thanksName, thanksFileLines], index) => {
    const changes: Record<string, string> = { "_data/thanks.json": read("invalid-thanks", thanksName) };
    const expected = thanksFileLines.map((line) => `_data/thanks.json: ${line}`);
    if (index === 0) {
      for (const [name, lines] of Object.entries(articleLines)) {
        changes[`articles/${name}`] = read("many-mistakes", name);
        expected.push(...lines.map((line) => `articles/${name}: ${line}`));
      }
      commentCases.forEach(([name, lines], page) => {
        const file = `_data/comments/${pages[page]}.json`;
        changes[file] = read("invalid-comments", name);
        expected.push(...lines.map((line) => `${file}: ${line}`));
      });
    }
    return { name: thanksName, changes, expected: expected.sort() };
  });

  it("has a page for each comments file of the corpus", () => {
    expect(commentCases.length).toBeLessThanOrEqual(pages.length);
  });

  for (const { name, changes, expected } of pullRequests) {
    it(`with ${name}${Object.keys(changes).length > 1 ? " and every article and comments file" : ""}: the check and the build give the same lines, every one, and publish nothing`, async () => {
      const projectDir = await copyProject(changes);
      const checked = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], {
        cwd: projectDir,
        env: { ...process.env, ...env },
      }).then(() => ({ code: 0, stdout: "", stderr: "" }), failure);
      const outputDir = await temporaryDir("imd-mistakes-site-");
      const built = await buildSite({ projectDir, outputDir, env }).then(
        () => ({ code: 0, stdout: "", stderr: "" }),
        failure,
      );
      expect(checked.code).toBe(1);
      expect(built.code).toBe(1);
      expect(problemLines(checked.stderr)).toEqual(expected);
      expect(problemLines(built.stderr)).toEqual(expected);
      expect(built.stderr).not.toMatch(/RangeError|Invalid time value|^\s+at /m);
      expect(readdirSync(outputDir)).toEqual([]);
    }, 120_000);
  }
});
