import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type HTMLElement, parse } from "node-html-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import en from "../../_data/locales/en.ts";
import es from "../fixtures/locale-es.ts";
import { serveSite } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { prefixedSitePreview } from "../helpers/global-setup.ts";
import { brokenLinks } from "../helpers/links.ts";
import { buildSite, copyProject, siteFixtureDir, temporaryDir } from "../helpers/project.ts";
import { htmlFiles, readPage, visibleText } from "../helpers/site.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../fixtures", name), "utf8");

/** A locale's words, each fragment between placeholders: "Today is {name}" gives "Today is". */
function fragments(words: unknown): string[] {
  if (typeof words === "string") return words.split(/\{\w+\}/).map((part) => part.trim());
  return Object.values(words as Record<string, unknown>).flatMap(fragments);
}

/**
 * The words of an attribute a script reads: its text, or, when it holds JSON (the card's words, a
 * palette), the texts in it, without their keys. Placeholders ({mentor}) are names, never shown.
 */
function wordsOfAttribute(value: string): string[] {
  let parsed: unknown = value;
  try {
    parsed = JSON.parse(value);
  } catch {}
  const texts = (data: unknown): string[] =>
    typeof data === "string" ? [data] : data && typeof data === "object" ? Object.values(data).flatMap(texts) : [];
  return texts(parsed).map((text) => text.replace(/\{\w+\}/g, ""));
}

/** What people read of a page: its text, the attributes shown or read aloud, its titles and descriptions, and the words given to its scripts. */
function shownText(page: HTMLElement): string[] {
  const clone = parse(page.toString());
  for (const script of clone.querySelectorAll("script")) script.remove();
  const shown = [visibleText(clone.querySelector("title")!), visibleText(clone.querySelector("body")!)];
  for (const element of clone.querySelectorAll("*")) {
    for (const [name, value] of Object.entries(element.attributes)) {
      // data-* attributes are the words given to scripts, but for those that name an element, an address or a date.
      const reference = /^data-(pagefind-|copy$|url$|reply-to$|needs$|month$|day$)/.test(name);
      if (
        ["aria-label", "placeholder", "alt", "title", "label"].includes(name) ||
        (name.startsWith("data-") && !reference)
      ) {
        shown.push(...wordsOfAttribute(value));
      }
    }
  }
  for (const meta of clone.querySelectorAll(
    'meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]',
  )) {
    // An address (og:url, og:image) is no more read than a link's href is.
    const content = meta.getAttribute("content") ?? "";
    if (!URL.canParse(content)) shown.push(content);
  }
  return shown;
}

describe("a site built in Spanish for another day, with a hostile article and approved comments", () => {
  let siteDir: string;
  // The fixtures sit two folders down; _data/day.ts and _data/site.ts are one.
  const dataFile = (name: string) =>
    fixture(name)
      .replace(/\.\.\/\.\.\/src\/lib\//g, "../src/lib/")
      .replace("./other-day.ts", "./day.ts");

  beforeAll(async () => {
    const projectDir = await copyProject({
      "_data/day.ts": dataFile("other-day.ts"),
      "_data/site.ts": dataFile("site-es.ts"),
      "_data/toolkit.ts": dataFile("toolkit-es.ts"),
      "_data/topics.ts": dataFile("topics-es.ts"),
      "_data/cardWords.ts": fixture("card-words-other-day.ts"),
      // Two folders down, as the fixture is.
      "_data/locales/es.ts": fixture("locale-es.ts"),
      // The fixture's articles are about mentoring, in English: a Spanish article stands in for them.
      ...Object.fromEntries(
        readdirSync(join(siteFixtureDir, "articles"))
          .filter((name) => name.endsWith(".md"))
          .map((name) => [`articles/${name}`, null]),
      ),
      "articles/barrio.md": fixture("article-es.md"),
      "articles/hostile.md": fixture("hostile-article.md"),
      "_data/comments/hostile.json": JSON.stringify([
        {
          id: "6790a1b2c3d4e5f601234801",
          name: "Ama Owusu",
          date: "2026-11-21",
          text: "Un gesto amable me cambió la vida.",
        },
      ]),
    });
    siteDir = await temporaryDir("imd-fixture-site-");
    // 13 November 2027, 10:00 UTC: the other day itself.
    await buildSite({ projectDir, outputDir: siteDir, env: { SOURCE_DATE_EPOCH: "1826100000" } });
  });

  describe("another day", () => {
    it("puts that day's name and date on the home page", () => {
      const home = readPage(siteDir, "/");
      expect(visibleText(home.querySelector("h1")!)).toBe("World Kindness Day");
      expect(visibleText(home)).toContain("el 13 de noviembre de cada año");
      expect(visibleText(home.querySelector(".hero__next")!)).toBe("Hoy es el World Kindness Day");
    });

    it("leaves nothing of International Mentoring Day or 17 January on any page", () => {
      for (const file of htmlFiles(siteDir)) {
        const html = readFileSync(join(siteDir, file), "utf8");
        expect(html, file).not.toContain("Mentoring Day");
        expect(html, file).not.toContain("17 January");
      }
    });

    it("says nothing about mentoring on any page, in its text, its attributes or its scripts' words", () => {
      for (const file of htmlFiles(siteDir)) {
        for (const text of shownText(readPage(siteDir, `/${file}`))) expect(text, file).not.toMatch(/mentor/i);
      }
      // What a script could show: its strings, but for names (a form field's, a key's), which no one reads.
      const scripts = readdirSync(join(siteDir, "assets/js"), { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile(),
      );
      for (const file of scripts.map((entry) => relative(siteDir, join(entry.parentPath, entry.name)))) {
        const code = readFileSync(join(siteDir, file), "utf8").replace(/^\s*\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
        const strings = [...code.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`]*)`/g)].map((match) =>
          match.slice(1).join(""),
        );
        expect(
          strings.filter((text) => !/^[a-z]+$/.test(text)),
          file,
        ).not.toContainEqual(expect.stringMatching(/mentor/i));
      }
    });
  });

  describe("in another language", () => {
    it("marks every page as Spanish", () => {
      for (const file of htmlFiles(siteDir)) {
        expect(readPage(siteDir, `/${file}`).querySelector("html")?.getAttribute("lang"), file).toBe("es-ES");
      }
    });

    it("shows none of the English interface's words on any page, nor gives any to a script", () => {
      // Every English fragment of more than two letters that the Spanish locale does not share (brand names).
      const shared = new Set(fragments(es));
      const english = [...new Set(fragments(en))].filter(
        (fragment) => (fragment.match(/\p{L}/gu) ?? []).length > 2 && !shared.has(fragment),
      );
      expect(english).toEqual(expect.arrayContaining(["Leave a Comment", "Related posts", "Today is", "each year"]));
      for (const file of htmlFiles(siteDir)) {
        const shown = shownText(readPage(siteDir, `/${file}`)).join("\n");
        // As words, not inside one: the English "Format" is no trace of English in the Spanish "Formato".
        const left = english.filter((fragment) =>
          new RegExp(`(?<!\\p{L})${fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u").test(shown),
        );
        expect(left, file).toEqual([]);
      }
    });

    it("writes dates and numbers in Spanish", () => {
      const article = readPage(siteDir, "/articles/barrio/");
      expect(visibleText(article.querySelector(".article__meta")!)).toBe("12 de noviembre de 2026");
      expect(visibleText(readPage(siteDir, "/").querySelector(".site-footer")!)).toContain(
        "World Kindness Day: el 13 de noviembre de cada año.",
      );
      const toolkit = readPage(siteDir, "/toolkit/");
      const facts = toolkit.querySelectorAll(".toolkit-graphic__facts > *").slice(0, 4).map(visibleText);
      expect(facts).toEqual(["Tamaño", "1080 × 1080 píxeles", "Archivo", expect.stringMatching(/^PNG, \d+ kB$/)]);
      expect(readPage(siteDir, "/articles/").querySelector("title")?.textContent).toBe(
        "Artículos · World Kindness Day",
      );
    });

    it("shows the countdown and a copy's status in Spanish, in Chromium", async () => {
      const browser = await launchChromium();
      const site = await serveSite(siteDir);
      try {
        const context = await browser.newContext({ timezoneId: "Europe/Madrid" });
        await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
        const page = await context.newPage();
        await page.clock.setFixedTime(new Date("2027-09-23T12:00:00Z"));
        await page.goto(`${site.origin}/articles/barrio/`);
        expect((await page.locator(".site-header [data-countdown]").textContent())?.trim()).toBe(
          "Próxima fecha: sábado 13 de noviembre de 2027 (dentro de 51 días)",
        );
        await page.getByRole("button", { name: "Copiar el enlace" }).click();
        await expect.poll(() => page.locator(".share__status").textContent()).toBe("Enlace copiado.");
        await page.goto(`${site.origin}/articles/hostile/`);
        await page.getByRole("button", { name: "Responder a Ama Owusu" }).click();
        expect(await page.locator(".comment-form__replying").textContent()).toContain("Respondiendo a Ama Owusu");
      } finally {
        await site.close();
        await browser.close();
      }
    });
  });

  describe("the hostile article", () => {
    it("shows the script and markup in its front matter and body as text", () => {
      const page = readPage(siteDir, "/articles/hostile/");
      expect(visibleText(page.querySelector("h1")!)).toBe(
        "<script>alert('title')</script> Hostile <img src=x onerror=alert(1)> article",
      );
      expect(visibleText(page.querySelector(".article__body")!)).toContain(
        "A body with <script>alert(1)</script> written in it.",
      );
      expect(visibleText(page.querySelector(".article__body")!)).toContain("<img src=x onerror=alert(2)>");
      expect(visibleText(page.querySelector(".pull-quote")!)).toContain("<script>alert('quote')</script>");
      expect(visibleText(page.querySelector(".article__header .people")!)).toBe("<em>Mallory</em>");
    });

    it("does not run template tags written in an article", () => {
      const page = readPage(siteDir, "/articles/hostile/");
      expect(visibleText(page.querySelector(".article__body")!)).toContain("Template tags are text too: {{ 6 * 7 }}");
    });

    it("adds no script, event handler or element of its own to any page", () => {
      for (const file of htmlFiles(siteDir)) {
        const page = readPage(siteDir, `/${file}`);
        for (const script of page.querySelectorAll(
          'script:not([type="application/ld+json"]):not([type="text/pagefind-template"])',
        )) {
          expect(script.getAttribute("src"), file).toMatch(/^\/(assets|pagefind)\//);
        }
        for (const data of page.querySelectorAll('script[type="application/ld+json"]')) {
          expect(data.innerHTML, file).not.toContain("<");
          expect(() => JSON.parse(data.innerHTML), file).not.toThrow();
        }
        expect(page.querySelectorAll("[onerror], em, b"), file).toHaveLength(0);
        expect(
          page.querySelectorAll("img").map((img) => img.getAttribute("src")),
          file,
        ).not.toContain("x");
      }
    });
  });

  describe("approved comments", () => {
    it("show the name, date and text under their page", () => {
      const page = readPage(siteDir, "/articles/hostile/");
      const comment = page.querySelector(".comments__list .comment")!;
      expect(visibleText(comment.querySelector(".comment__meta")!)).toBe("Ama Owusu, 21 de noviembre de 2026");
      expect(visibleText(comment.querySelector(".comment__text")!)).toBe("Un gesto amable me cambió la vida.");
      expect(comment.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-21");
      expect(comment.id).toBe("comment-6790a1b2c3d4e5f601234801");
    });

    it("stay under their own page", () => {
      expect(readPage(siteDir, "/").querySelector(".comments__list")).toBeNull();
    });
  });
});

describe("a Netlify deploy preview built under a sub-path", () => {
  it("links every page, image, stylesheet and script inside that sub-path, at the preview's own address", async () => {
    // The global setup's build: --pathprefix=/mentoring-day/ with a deploy preview's CONTEXT, URL and DEPLOY_PRIME_URL.
    const siteDir = inject("prefixedSiteDir");
    const preview = prefixedSitePreview.origin;
    expect(prefixedSitePreview.pathPrefix).toBe("/mentoring-day/");
    const home = readPage(siteDir, "/");
    expect(home.querySelector('link[rel="stylesheet"]')?.getAttribute("href")).toMatch(
      /^\/mentoring-day\/assets\/css\/site\.[0-9a-f]{10}\.css$/,
    );
    expect(home.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${preview}/mentoring-day/`);
    const share = home.querySelectorAll(".share__links a").map((a) => decodeURIComponent(a.getAttribute("href")!));
    expect(share.every((href) => href.includes(`${preview}/mentoring-day/`))).toBe(true);
    expect(readFileSync(join(siteDir, "sitemap.xml"), "utf8")).toContain(
      `<loc>${preview}/mentoring-day/articles/</loc>`,
    );
    expect(home.querySelector("form.comment-form")?.getAttribute("action")).toBe("/mentoring-day/thank-you/");
    expect(brokenLinks(siteDir, "/mentoring-day/")).toEqual([]);
  });
});
