import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, inject, it } from "vitest";
import { fixtureScripts } from "../helpers/articles-in-scripts.ts";
import { htmlProblems, readPage, visibleText } from "../helpers/site.ts";

/** Each fixture's language, as its front matter says it and as Intl writes it. */
const languages: Record<string, { lang: string; dir?: "rtl" }> = {
  arabic: { lang: "ar", dir: "rtl" },
  chinese: { lang: "zh-Hans" },
  cyrillic: { lang: "ru" },
  devanagari: { lang: "hi" },
  greek: { lang: "el" },
  hebrew: { lang: "he", dir: "rtl" },
  japanese: { lang: "ja" },
  korean: { lang: "ko" },
  vietnamese: { lang: "vi" },
};

/** The language and direction an element's text is in, as a browser works them out: from the nearest ancestor that says. */
const marks = (element: HTMLElement | null) => ({
  lang: element?.closest("[lang]")?.getAttribute("lang"),
  dir: element?.closest("[dir]")?.getAttribute("dir"),
});

describe("an English site with articles in nine languages and scripts", () => {
  // Built once by the global setup (tests/helpers/global-setup.ts): the search and browser tests use it too.
  const siteDir = inject("languagesSiteDir");

  it("has a fixture for each language this test expects", () => {
    expect(fixtureScripts).toEqual(Object.keys(languages).sort());
  });

  it.each(Object.entries(languages))(
    "%s: marks the article's own words with its language and direction",
    (script, expected) => {
      const page = readPage(siteDir, `/articles/${script}/`);
      const mark = { lang: expected.lang, dir: expected.dir };
      // The page's interface is the site's: its language, Pagefind's and screen readers' default.
      expect(marks(page.querySelector("html"))).toEqual({ lang: "en-GB", dir: undefined });
      for (const selector of ["h1", ".lede", ".article__header .people", ".article__image", ".article__body"]) {
        expect(marks(page.querySelector(`.article ${selector}`)), selector).toEqual(mark);
      }
      // The words around the article are the site's, and are not marked as the article's.
      for (const selector of [".article__kicker", ".article__meta", ".tags", ".related", ".share", ".comments"]) {
        expect(page.querySelector(selector)?.closest("[lang]")?.tagName, selector).toBe("HTML");
      }
      const card = readPage(siteDir, "/articles/").querySelector(`.card:has(a[href="/articles/${script}/"])`);
      expect(marks(card?.querySelector(".card__title") ?? null)).toEqual(mark);
      expect(marks(card?.querySelector(".card__summary") ?? null)).toEqual(mark);
      expect(marks(card?.querySelector(".people") ?? null)).toEqual(mark);
    },
  );

  it("marks a pull quote with its article's language, on the article and on its card", () => {
    expect(marks(readPage(siteDir, "/articles/arabic/").querySelector(".article .pull-quote"))).toEqual({
      lang: "ar",
      dir: "rtl",
    });
    const card = readPage(siteDir, "/articles/").querySelector('.card:has(a[href="/articles/chinese/"])');
    expect(marks(card?.querySelector(".pull-quote") ?? null)).toEqual({ lang: "zh-Hans", dir: undefined });
  });

  it("marks an English article with nothing: it is in the page's language", () => {
    const page = readPage(siteDir, "/articles/scholarship-mentoring-stem/");
    expect(page.querySelectorAll(".article [lang], .article [dir='rtl'], .article [dir='ltr']")).toHaveLength(0);
  });

  it("marks the titles of related posts with their language", () => {
    const related = readPage(siteDir, "/articles/chinese/").querySelectorAll(".related__list a[lang]");
    expect(related.length).toBeGreaterThan(0);
    for (const link of related) {
      const script = link.getAttribute("href")?.split("/")[2] ?? "";
      expect(marks(link), script).toEqual({ lang: languages[script]?.lang, dir: languages[script]?.dir });
    }
  });

  it("says each article's language in both feeds and in its JSON-LD", () => {
    const atom = readFileSync(join(siteDir, "feed.xml"), "utf8");
    const json = JSON.parse(readFileSync(join(siteDir, "feed.json"), "utf8")) as {
      language: string;
      items: { url: string; language: string }[];
    };
    expect(atom).toMatch(/<feed [^>]*xml:lang="en-GB"/);
    expect(json.language).toBe("en-GB");
    for (const [script, { lang }] of Object.entries(languages)) {
      const url = `/articles/${script}/`;
      expect(atom).toMatch(
        new RegExp(`<entry xml:lang="${lang}">\\s*<title>[^<]*</title>\\s*<link href="[^"]*${url}"`),
      );
      expect(json.items.find((item) => item.url.endsWith(url))?.language).toBe(lang);
      const ld = readPage(siteDir, url)
        .querySelectorAll('script[type="application/ld+json"]')
        .map((script) => JSON.parse(script.textContent) as { "@type": string; inLanguage?: string });
      expect(ld.find((block) => block["@type"] === "Article")?.inLanguage).toBe(lang);
    }
    expect(json.items.find((item) => item.url.endsWith("/scholarship-mentoring-stem/"))?.language).toBe("en-GB");
  });

  it("sets each comment, and each name in it, in its own direction (dir=auto): a comment may be in any language", () => {
    const page = readPage(siteDir, "/articles/scholarship-mentoring-stem/");
    const arabic = page.querySelector("#comment-arabic-comment");
    expect(visibleText(arabic?.querySelector(".comment__text") ?? page)).toBe("شكرًا على هذه القصة الجميلة.");
    for (const selector of [
      "#comment-arabic-comment .comment__text",
      "#comment-arabic-comment .comment__name",
      ".comment-form__reply-name",
      ".article__header .person-name",
    ]) {
      expect(page.querySelector(selector)?.getAttribute("dir"), selector).toBe("auto");
    }
  });

  it("shows each title and person in the article's own script", () => {
    const page = readPage(siteDir, "/articles/arabic/");
    expect(visibleText(page.querySelector("h1")!)).toBe("الإرشاد عبر Zoom: قصص من مدارس القاهرة في عام 2025");
    expect(visibleText(page.querySelector(".article__header .people")!)).toBe("د. ليلى حسن");
  });

  it("passes html-validate's recommended rules on the pages in other scripts", async () => {
    expect(
      await htmlProblems(siteDir, [
        "articles/index.html",
        ...fixtureScripts.map((script) => `articles/${script}/index.html`),
      ]),
    ).toEqual([]);
  });
});
