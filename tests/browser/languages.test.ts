import { describe, expect, inject, it } from "vitest";
import { axeSettings, axeViolations } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The site with an article in each of nine scripts, and an Arabic comment on an English article.
const chromium = chromiumWithSite(inject("languagesSiteDir"));

/** What Chromium makes of an element: the direction its text runs, where its text starts, its border sides, its style. */
async function layoutOf(path: string, selector: string, width = 390) {
  const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width, height: 800 } });
  await page.goto(chromium.site.origin + path);
  const layout = await page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        direction: style.direction,
        textAlign: style.textAlign,
        borderLeft: style.borderLeftWidth,
        borderRight: style.borderRightWidth,
        fontStyle: style.fontStyle,
      };
    });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await close();
  return { ...layout, scrollWidth, problems };
}

describe("an Arabic article on a phone", () => {
  it("sets its title, summary and body right to left, in the width of the phone", async () => {
    for (const selector of [".article h1", ".article .lede", ".article__body p"]) {
      const layout = await layoutOf("/articles/arabic/", selector);
      expect(layout.direction, selector).toBe("rtl");
      expect(layout.scrollWidth, selector).toBe(390);
      expect(layout.problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    }
  });

  it("draws the pull quote's bar on the side its lines start, the right, and does not slant Arabic", async () => {
    const arabic = await layoutOf("/articles/arabic/", ".article .pull-quote");
    expect(arabic).toMatchObject({ direction: "rtl", borderRight: "4px", borderLeft: "0px" });
    expect((await layoutOf("/articles/arabic/", ".article .pull-quote blockquote")).fontStyle).toBe("normal");
    const english = await layoutOf("/articles/storytelling-humanism-mentoring/", ".article .pull-quote");
    expect(english).toMatchObject({ direction: "ltr", borderLeft: "4px", borderRight: "0px" });
  });

  it("keeps the site's own words left to right around it", async () => {
    for (const selector of [".site-header", ".article__meta", ".related h2", ".comments h2"]) {
      expect((await layoutOf("/articles/arabic/", selector)).direction, selector).toBe("ltr");
    }
  });
});

describe("a Chinese article on a desktop", () => {
  it("does not slant Chinese in its pull quote, as it has no italics", async () => {
    expect((await layoutOf("/articles/chinese/", ".article .pull-quote blockquote", 1280)).fontStyle).toBe("normal");
    expect(
      (await layoutOf("/articles/storytelling-humanism-mentoring/", ".pull-quote blockquote", 1280)).fontStyle,
    ).toBe("italic");
  });
});

describe("a comment in Arabic on an English article", () => {
  it("runs right to left, and the English reply to it left to right", async () => {
    const path = "/articles/scholarship-mentoring-stem/";
    expect((await layoutOf(path, "#comment-arabic-comment .comment__text")).direction).toBe("rtl");
    expect((await layoutOf(path, "#comment-arabic-comment .comment__name")).direction).toBe("rtl");
    expect((await layoutOf(path, "#comment-english-reply .comment__text")).direction).toBe("ltr");
  });
});

describe.each(axeSettings)("WCAG 2.2 A and AA, $colorScheme at $width px", ({ colorScheme, width }) => {
  it.each(["/articles/arabic/", "/articles/chinese/"])("%s has no violation", async (path) => {
    // axe-core is injected as a script of its own: this test bypasses the CSP so that it can run.
    const { page, close } = await watchedPage(chromium.browser, {
      bypassCSP: true,
      colorScheme,
      viewport: { width, height: 800 },
    });
    await page.goto(chromium.site.origin + path);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });
});
