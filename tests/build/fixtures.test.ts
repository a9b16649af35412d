import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyProject, temporaryDir } from "../../tools/fixtures/project.ts";
import { brokenLinks } from "../helpers/links.ts";
import { htmlFiles, readPage, visibleText } from "../helpers/site.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../fixtures", name), "utf8");

describe("a site built for another day, with a hostile article and approved comments", () => {
  let siteDir: string;

  beforeAll(async () => {
    const projectDir = await copyProject({
      // The fixture sits two folders down; as _data/day.ts it is one.
      "_data/day.ts": fixture("other-day.ts").replace("../../src/lib/", "../src/lib/"),
      "articles/hostile.md": fixture("hostile-article.md"),
      "_data/comments/hostile.json": JSON.stringify([
        { id: "6790a1b2c3d4e5f601234801", name: "Ama Owusu", date: "2026-11-21", text: "My mentor changed my life." },
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
      expect(visibleText(home)).toContain("13 November each year");
      expect(visibleText(home.querySelector(".hero__next")!)).toBe("Today is World Kindness Day");
    });

    it("leaves nothing of International Mentoring Day or 17 January on any page", () => {
      for (const file of htmlFiles(siteDir)) {
        const html = readFileSync(join(siteDir, file), "utf8");
        expect(html, file).not.toContain("Mentoring Day");
        expect(html, file).not.toContain("17 January");
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
      expect(visibleText(comment.querySelector(".comment__meta")!)).toBe("Ama Owusu, 21 November 2026");
      expect(visibleText(comment.querySelector(".comment__text")!)).toBe("My mentor changed my life.");
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
    const siteDir = await temporaryDir("imd-prefixed-site-");
    const preview = "https://deploy-preview-42--imd.netlify.app";
    await buildSite({
      outputDir: siteDir,
      pathPrefix: "/mentoring-day/",
      env: { CONTEXT: "deploy-preview", URL: "https://live.example", DEPLOY_PRIME_URL: preview },
    });
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
