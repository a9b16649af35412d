import { describe, expect, inject, it } from "vitest";
import { axeSettings, axeViolationsAt } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The site with 54 articles: /articles/ has three pages, with links between them.
const chromium = chromiumWithSite(inject("manyArticlesSiteDir"));

describe("the pages of /articles/", () => {
  it("lead from the newest to the oldest with the keyboard alone, with no error on the way", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/articles/`);
    for (const expected of ["/articles/page/2/", "/articles/page/3/"]) {
      const older = page.locator('.pager a[rel="next"]');
      await older.focus();
      // A visible focus indicator on the link (the site draws a 3 px outline).
      expect(await older.evaluate((link) => getComputedStyle(link).outlineWidth)).toBe("3px");
      await page.keyboard.press("Enter");
      await page.waitForURL(`${chromium.site.origin}${expected}`);
    }
    expect(await page.locator('.pager a[rel="next"]').count()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });
});

describe.each(axeSettings)("WCAG 2.2 A and AA, $colorScheme at $width px", (setting) => {
  it.each(["/", "/articles/", "/articles/page/2/", "/articles/page/3/"])("%s has no violation", async (path) => {
    expect(await axeViolationsAt(chromium.browser, chromium.site.origin + path, setting)).toEqual([]);
  });
});
