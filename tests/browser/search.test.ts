import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

const siteDir = inject("siteDir");
const chromium = chromiumWithSite(siteDir);

const articles = [
  { url: "/articles/scholarship-mentoring-stem/", titleWord: "recruiting", person: "Galvez" },
  { url: "/articles/building-community-learning-legacy/", titleWord: "legacy", person: "Hopp" },
  { url: "/articles/surgtime-telemedicine-mentoring/", titleWord: "arthroscopy", person: "Stetson" },
  { url: "/articles/storytelling-humanism-mentoring/", titleWord: "humanism", person: "Cruz" },
];

/** The addresses of the results on the page, in order, once Pagefind has answered. */
async function resultUrls(page: Page): Promise<string[]> {
  await page
    .locator(".pf-summary", { hasText: /result/ })
    .first()
    .waitFor();
  // The summary comes first, then a placeholder per result, which that result's fragment
  // replaces once it is in view: read the links when the visible ones have all arrived (on a
  // busy machine that takes a while).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const results = [...document.querySelectorAll("pagefind-results li.pf-result")];
        const inView = results.filter((result) => result.getBoundingClientRect().top < window.innerHeight);
        return inView.length > 0 && inView.every((result) => !result.querySelector(".pf-skeleton"));
      }),
    )
    .toBe(true);
  return page.locator(".pf-result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

/** Searches from the header form of `from`, as a visitor types and presses Enter. */
async function searchFromHeader(page: Page, from: string, query: string): Promise<string[]> {
  await page.goto(chromium.site.origin + from);
  await page.getByRole("searchbox", { name: "Search the site" }).fill(query);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=/);
  return resultUrls(page);
}

describe("search from the header", () => {
  it("finds each article by a word of its title and by a person's name, with no error or CSP violation", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser);
    for (const [index, article] of articles.entries()) {
      const from = index % 2 === 0 ? "/about/" : articles[(index + 1) % articles.length]!.url;
      expect(await searchFromHeader(page, from, article.titleWord), article.titleWord).toContain(article.url);
      expect(await searchFromHeader(page, from, article.person), article.person).toContain(article.url);
    }
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it('lists the SurgTime article first for "surgeons", and finds the storytelling article and the about page', async () => {
    const { page, close } = await watchedPage(chromium.browser);
    expect((await searchFromHeader(page, "/", "surgeons"))[0]).toBe("/articles/surgtime-telemedicine-mentoring/");
    expect(await searchFromHeader(page, "/", "storytelling")).toContain("/articles/storytelling-humanism-mentoring/");
    expect(await searchFromHeader(page, "/", "Louisville")).toContain("/about/");
    await close();
  });
});

describe("the search page", () => {
  it("shows results on load for /search/?q=scholarship", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/search/?q=scholarship`);
    expect(await resultUrls(page)).toContain("/articles/scholarship-mentoring-stem/");
    expect(await page.locator("pagefind-input input").inputValue()).toBe("scholarship");
    await close();
  });

  it("narrows the results with a tag filter", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/search/?q=mentoring`);
    const all = await resultUrls(page);
    await page.locator("pagefind-filter-dropdown .pf-dropdown-trigger").click();
    await page.locator('.pf-dropdown-option[data-value="Medicine"]').click();
    expect(all.length).toBeGreaterThan(1);
    // Pagefind empties the list before it shows the filtered one: wait for the list itself.
    const shown = () =>
      page.locator(".pf-result-link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    await expect.poll(shown).toEqual(["/articles/surgtime-telemedicine-mentoring/"]);
    await close();
  });

  it("says that search needs scripts, and links the articles, when scripts are off", async () => {
    const { page, close } = await watchedPage(chromium.browser, { javaScriptEnabled: false });
    await page.goto(`${chromium.site.origin}/search/?q=mentoring`);
    const notice = page.locator(".search-noscript");
    expect(await notice.textContent()).toContain("needs JavaScript");
    expect(await notice.getByRole("link").getAttribute("href")).toBe("/articles/");
    await close();
  });
});

/**
 * The words found (<mark>) in the excerpts of `scope` that a visitor cannot see: cut off by the
 * excerpt's edge. Gives how many were looked at too, so that a test of none cannot pass.
 */
async function hiddenMatches(page: Page, scope: string): Promise<{ looked: number; hidden: string[] }> {
  return page.evaluate((scope) => {
    const marks = [...document.querySelectorAll(`${scope} .pf-result mark`)];
    const hidden = marks.filter((mark) => {
      const excerpt = mark.closest("p");
      if (!excerpt) return true;
      const box = excerpt.getBoundingClientRect();
      const word = mark.getBoundingClientRect();
      const clipped = excerpt.scrollWidth > excerpt.clientWidth + 1 || excerpt.scrollHeight > excerpt.clientHeight + 1;
      return clipped || word.left < box.left - 1 || word.right > box.right + 1 || word.bottom > box.bottom + 1;
    });
    return {
      looked: marks.length,
      hidden: hidden.map((mark) => `${mark.textContent} in "${mark.closest("p")?.textContent?.trim()}"`),
    };
  }, scope);
}

describe("the search page on a phone", () => {
  it.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])("shows one search box at $width px", async (viewport) => {
    const { page, close } = await watchedPage(chromium.browser, { viewport });
    await page.goto(`${chromium.site.origin}/search/?q=mentoring`);
    await resultUrls(page);
    const boxes = await page
      .locator("input:not([type=hidden])")
      .evaluateAll((inputs) => inputs.filter((input) => input.checkVisibility()).map((input) => input.outerHTML));
    expect(boxes).toHaveLength(1);
    expect(await page.locator(".search-page pagefind-input input").isVisible()).toBe(true);
    await close();
  });

  it("shows the word found in every excerpt at 390 px, the date on a line of its own", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`${chromium.site.origin}/search/?q=mentoring`);
    await resultUrls(page);
    const { looked, hidden } = await hiddenMatches(page, ".search-page");
    expect(looked).toBeGreaterThan(3);
    expect(hidden).toEqual([]);
    const dates = page.locator(".search-page .pf-result time");
    expect(await dates.count()).toBeGreaterThan(0);
    expect(await dates.evaluateAll((times) => times.filter((time) => time.closest(".search-result__excerpt")))).toEqual(
      [],
    );
    await close();
  });

  it("shows the word found in every excerpt of the header's dialog at 390 px", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`${chromium.site.origin}/about/`);
    await page.keyboard.press("/");
    await page.locator("pagefind-modal input:focus").waitFor();
    await page.keyboard.type("mentoring");
    await page.locator("pagefind-modal .pf-result mark").first().waitFor();
    const { looked, hidden } = await hiddenMatches(page, "pagefind-modal");
    expect(looked).toBeGreaterThan(3);
    expect(hidden).toEqual([]);
    await close();
  });

  it("shows each result's picture as the thumbnail made for it, twice its size in pixels", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`${chromium.site.origin}/search/?q=mentoring`);
    await resultUrls(page);
    const images = page.locator(".search-page .pf-result-image");
    await expect
      .poll(() => images.evaluateAll((all) => all.every((image) => (image as HTMLImageElement).complete)))
      .toBe(true);
    const shown = await images.evaluateAll((all) =>
      all.map((image) => {
        const { naturalWidth, naturalHeight, width, height, currentSrc } = image as HTMLImageElement;
        return {
          natural: [naturalWidth, naturalHeight],
          shown: [width * 2, height * 2],
          webp: currentSrc.endsWith(".webp"),
        };
      }),
    );
    expect(shown.length).toBeGreaterThan(1);
    for (const image of shown) expect(image).toEqual({ natural: image.shown, shown: image.shown, webp: true });
    await close();
  });
});

describe("search with the keyboard", () => {
  it('opens with "/", reaches a result with the arrows, opens it with Enter', async () => {
    const { page, problems, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/about/`);
    await page.keyboard.press("/");
    const input = page.locator("pagefind-modal input");
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("surgeons");
    await page.locator("pagefind-modal .pf-result-link").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/articles\/surgtime-telemedicine-mentoring\/$/);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it('goes to the search page\'s own box with "/", and opens no dialog beside it', async () => {
    const { page, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/search/`);
    const box = page.locator(".search-page pagefind-input input");
    await box.waitFor();
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.locator("pagefind-modal").count()).toBe(0);
    await close();
  });

  it("closes with Esc and gives focus back to where it was", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/`);
    await page.getByRole("link", { name: "Articles", exact: true }).focus();
    await page.keyboard.press("/");
    await page.locator("pagefind-modal dialog[open]").waitFor();
    await page.keyboard.press("Escape");
    await page.locator("pagefind-modal dialog[open]").waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Articles");
    await close();
  });
});

describe("Pagefind's own files", () => {
  it("load only when someone starts to search", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${chromium.site.origin}/`, { waitUntil: "networkidle" });
    expect(requested.filter((path) => path.startsWith("/pagefind/"))).toEqual([]);
    await page.keyboard.press("/");
    await page.locator("pagefind-modal input:focus").waitFor();
    await page.keyboard.type("mentor");
    await page.locator("pagefind-modal .pf-result-link").first().waitFor();
    expect(requested.filter((path) => path.startsWith("/pagefind/")).length).toBeGreaterThan(0);
    // The dialog shows no filters, so it fetches none of their data (tens of KB on a large site).
    await page.waitForLoadState("networkidle");
    expect(requested.filter((path) => path.startsWith("/pagefind/filter/"))).toEqual([]);
    await close();
  });

  it("fetches the filters' data on the search page, which shows them", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${chromium.site.origin}/search/?q=mentor`, { waitUntil: "networkidle" });
    expect(requested.filter((path) => path.startsWith("/pagefind/filter/")).length).toBeGreaterThan(0);
    await close();
  });
});
