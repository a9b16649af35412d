import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { brokenLinks } from "../helpers/links.ts";
import { htmlProblems, readPage, visibleText } from "../helpers/site.ts";

// The fixture's four articles and 50 more, none of them featured: three pages of /articles/ (24, 24, 6).
const siteDir = inject("manyArticlesSiteDir");

const listed = (url: string) =>
  readPage(siteDir, url)
    .querySelectorAll(".article-list .card__title a")
    .map((link) => link.getAttribute("href"));

describe("a site with 54 articles", () => {
  it("lists them 24 to a page on /articles/, each once, newest first", () => {
    const pages = ["/articles/", "/articles/page/2/", "/articles/page/3/"].map(listed);
    expect(pages.map((page) => page.length)).toEqual([24, 24, 6]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(54);
    const dates = ["/articles/", "/articles/page/2/", "/articles/page/3/"].flatMap((url) =>
      readPage(siteDir, url)
        .querySelectorAll(".article-list time")
        .map((time) => time.getAttribute("datetime") ?? ""),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    // The numbering runs on from page to page.
    expect(readPage(siteDir, "/articles/page/2/").querySelector(".article-list")?.getAttribute("start")).toBe("25");
  });

  it("lists on / more articles than the featured ones, newest first, none of them featured above", () => {
    const home = readPage(siteDir, "/");
    const featured = home.querySelectorAll(".featured .card__title a").map((link) => link.getAttribute("href"));
    const more = home.querySelectorAll(".related li a").map((link) => link.getAttribute("href"));
    expect(visibleText(home.querySelector("#related-heading")!)).toBe("More articles");
    expect(featured).toHaveLength(4);
    expect(more).toHaveLength(3);
    expect(more.filter((url) => featured.includes(url))).toEqual([]);
    // The newest three of the rest: the first three of /articles/ that are not featured.
    expect(more).toEqual(
      listed("/articles/")
        .filter((url) => !featured.includes(url))
        .slice(0, 3),
    );
  });

  it("links the pages of the list to each other, and names each page", () => {
    const first = readPage(siteDir, "/articles/");
    expect(first.querySelector('.pager a[rel="prev"]')).toBeNull();
    expect(first.querySelector('.pager a[rel="next"]')?.getAttribute("href")).toBe("/articles/page/2/");
    expect(visibleText(first.querySelector(".pager p")!)).toBe("Page 1 of 3");

    const middle = readPage(siteDir, "/articles/page/2/");
    expect(middle.querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/articles/");
    expect(middle.querySelector('.pager a[rel="next"]')?.getAttribute("href")).toBe("/articles/page/3/");
    expect(visibleText(middle.querySelector("h1")!)).toBe("Articles, page 2");
    expect(middle.querySelector("title")?.text).toContain("Articles, page 2");
    expect(middle.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(/\/articles\/page\/2\/$/);

    const last = readPage(siteDir, "/articles/page/3/");
    expect(last.querySelector('.pager a[rel="next"]')).toBeNull();
    expect(last.querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/articles/page/2/");
  });

  it("gives every page of the list the first page's social card", () => {
    const card = (url: string) =>
      readPage(siteDir, url).querySelector('meta[property="og:image"]')?.getAttribute("content");
    expect(card("/articles/page/3/")).toBe(card("/articles/"));
  });

  it("shows only the featured articles on /, with a link to all of them", () => {
    const home = readPage(siteDir, "/");
    const featured = home.querySelectorAll(".featured .card__title a").map((link) => link.getAttribute("href"));
    expect(featured).toHaveLength(4);
    expect(featured.every((href) => !href?.includes("synthetic"))).toBe(true);
    expect(visibleText(home.querySelector(".featured__all")!)).toBe("All 54 articles, newest first");
  });

  it("puts the newest 20 articles in each feed", () => {
    const newest = listed("/articles/").slice(0, 20);
    const atom = readFileSync(join(siteDir, "feed.xml"), "utf8");
    const atomLinks = [...atom.matchAll(/<entry[^>]*>\s*<title>[^<]*<\/title>\s*<link href="([^"]+)"/g)].map(
      (match) => new URL(match[1] ?? "").pathname,
    );
    expect(atomLinks).toEqual(newest);
    const json = JSON.parse(readFileSync(join(siteDir, "feed.json"), "utf8")) as { items: { url: string }[] };
    expect(json.items.map((item) => new URL(item.url).pathname)).toEqual(newest);
  });

  it("has valid pages of the list and no broken link", async () => {
    const listPages = ["articles/index.html", "articles/page/2/index.html", "articles/page/3/index.html"];
    expect(await htmlProblems(siteDir, listPages)).toEqual([]);
    expect(brokenLinks(siteDir)).toEqual([]);
  });
});
