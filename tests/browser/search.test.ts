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
