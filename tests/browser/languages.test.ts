import { describe, expect, inject, it } from "vitest";
import { axeSettings, axeViolationsAt } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The site with an article in each of nine scripts, and an Arabic comment on an English article.
const chromium = chromiumWithSite(inject("languagesSiteDir"));

/** What Chromium makes of each element `selectors` name on a page: the direction its text runs, its border sides, its style. */
async function layoutOf<const S extends string>(path: string, selectors: readonly S[], width = 390) {
  const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width, height: 800 } });
  await page.goto(chromium.site.origin + path);
  const layouts = {} as Record<S, { direction: string; borderLeft: string; borderRight: string; fontStyle: string }>;
  for (const selector of selectors) {
    layouts[selector] = await page
      .locator(selector)
      .first()
      .evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          direction: style.direction,
          borderLeft: style.borderLeftWidth,
          borderRight: style.borderRightWidth,
          fontStyle: style.fontStyle,
        };
      });
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await close();
  return { layouts, scrollWidth, problems };
}

describe("an Arabic article on a phone", () => {
  it("is set right to left, in the width of the phone, with the site's own words around it left to right", async () => {
    const rtl = [".article h1", ".article .lede", ".article__body p", ".article .people"] as const;
    const ltr = [".site-header", ".article__meta", ".related h2", ".comments h2"] as const;
    const { layouts, scrollWidth, problems } = await layoutOf("/articles/arabic/", [...rtl, ...ltr]);
    for (const selector of rtl) expect(layouts[selector].direction, selector).toBe("rtl");
    for (const selector of ltr) expect(layouts[selector].direction, selector).toBe("ltr");
    expect(scrollWidth).toBe(390);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
  });

  it("draws the pull quote's bar on the side its lines start, the right, and does not slant Arabic", async () => {
    const arabic = await layoutOf("/articles/arabic/", [".article .pull-quote", ".article .pull-quote blockquote"]);
    expect(arabic.layouts[".article .pull-quote"]).toMatchObject({
      direction: "rtl",
      borderRight: "4px",
      borderLeft: "0px",
    });
    expect(arabic.layouts[".article .pull-quote blockquote"].fontStyle).toBe("normal");
    const english = await layoutOf("/articles/storytelling-humanism-mentoring/", [".article .pull-quote"]);
    expect(english.layouts[".article .pull-quote"]).toMatchObject({
      direction: "ltr",
      borderLeft: "4px",
      borderRight: "0px",
    });
  });
});

describe("a Chinese article on a desktop", () => {
  it("does not slant Chinese in its pull quote, as it has no italics", async () => {
    const quote = ".pull-quote blockquote";
    expect((await layoutOf("/articles/chinese/", [quote], 1280)).layouts[quote].fontStyle).toBe("normal");
    expect((await layoutOf("/articles/storytelling-humanism-mentoring/", [quote], 1280)).layouts[quote].fontStyle).toBe(
      "italic",
    );
  });
});

describe("a comment in Arabic on an English article", () => {
  it("runs right to left, and the English reply to it left to right", async () => {
    const { layouts } = await layoutOf("/articles/scholarship-mentoring-stem/", [
      "#comment-arabic-comment .comment__text",
      "#comment-arabic-comment .comment__name",
      "#comment-english-reply .comment__text",
    ]);
    expect(layouts["#comment-arabic-comment .comment__text"].direction).toBe("rtl");
    expect(layouts["#comment-arabic-comment .comment__name"].direction).toBe("rtl");
    expect(layouts["#comment-english-reply .comment__text"].direction).toBe("ltr");
  });
});

describe.each(axeSettings)("WCAG 2.2 A and AA, $colorScheme at $width px", (setting) => {
  it.each(["/articles/arabic/", "/articles/chinese/"])("%s has no violation", async (path) => {
    expect(await axeViolationsAt(chromium.browser, chromium.site.origin + path, setting)).toEqual([]);
  });
});
