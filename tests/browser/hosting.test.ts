import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { watchedPage } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { prefixedSitePreview } from "../helpers/global-setup.ts";
import { htmlFiles } from "../helpers/site.ts";
import { servePlainFiles } from "../helpers/static-server.ts";

// The site must work on any static host, not only with netlify.toml's headers and redirects.
const siteDir = inject("siteDir");
// The global setup's build under a sub-path (a deploy preview's: its links' own address does not matter here).
const prefixedDir = inject("prefixedSiteDir");
const prefix = prefixedSitePreview.pathPrefix;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const pagePath = (file: string) => file.replace(/(^|\/)index\.html$/, "$1");

/** Loads every page of `dir` from `origin + mount` and returns what went wrong, page by page. */
async function loadEveryPage(dir: string, origin: string, mount: string) {
  const problems: Record<string, string[]> = {};
  const queue = htmlFiles(dir);
  // Four pages at a time, each in its own context: each waits for its network to go quiet (half a
  // second after its last request), and one after another thirty pages outlast a test's usual time
  // (these two have three minutes: they load every page of a site).
  const loadNext = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const url = `${mount}${pagePath(file)}`;
      const watched = await watchedPage(browser, { viewport: { width: 390, height: 844 } });
      await watched.page.goto(origin + url, { waitUntil: "networkidle" });
      const found = [...watched.problems.consoleErrors, ...watched.problems.failedRequests];
      if (found.length > 0) problems[url] = found;
      await watched.close();
    }
  };
  await Promise.all(Array.from({ length: 4 }, loadNext));
  return problems;
}

/** The addresses of the results the "/" dialog shows for `query`, searched from `from`. */
async function searchFromDialog(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(url);
  await page.keyboard.press("/");
  const input = page.locator("pagefind-modal input");
  await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type(query);
  await page.locator("pagefind-modal .pf-result-link").first().waitFor();
  return page
    .locator("pagefind-modal .pf-result-link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

describe("on a plain file server (no headers, no redirects, no 404 page)", () => {
  let host: Awaited<ReturnType<typeof servePlainFiles>>;
  beforeAll(async () => {
    host = await servePlainFiles(siteDir);
  });
  afterAll(() => host?.close());

  it("every page loads with no failed request and no console error", async () => {
    expect(await loadEveryPage(siteDir, host.origin, "/")).toEqual({});
  }, 180_000);
});

describe(`built with --pathprefix=${prefix} and served under it by a plain file server`, () => {
  let host: Awaited<ReturnType<typeof servePlainFiles>>;
  beforeAll(async () => {
    host = await servePlainFiles(prefixedDir, prefix);
  });
  afterAll(() => host?.close());

  it("every page loads with no failed request and no console error", async () => {
    expect(await loadEveryPage(prefixedDir, host.origin, prefix)).toEqual({});
  }, 180_000);

  it('searches from the "/" dialog, with results inside the sub-path', async () => {
    const { page, problems, close } = await watchedPage(browser);
    const results = await searchFromDialog(page, `${host.origin}${prefix}about/`, "surgeons");
    expect(results[0]).toBe(`${prefix}articles/surgtime-telemedicine-mentoring/`);
    expect(results.every((href) => href.startsWith(prefix))).toBe(true);
    await page.locator("pagefind-modal .pf-result-link").first().click();
    await page.waitForURL(`${host.origin}${prefix}articles/surgtime-telemedicine-mentoring/`);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await close();
  });

  it("searches from the header form, on the search page", async () => {
    const { page, problems, close } = await watchedPage(browser);
    await page.goto(`${host.origin}${prefix}`);
    await page.getByRole("searchbox", { name: "Search the site" }).fill("scholarship");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${host.origin}${prefix}search/?q=scholarship`);
    await page.locator(".pf-result-link").first().waitFor();
    const results = await page
      .locator(".pf-result-link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(results).toContain(`${prefix}articles/scholarship-mentoring-stem/`);
    expect(results.every((href) => href.startsWith(prefix))).toBe(true);
    expect(problems.failedRequests).toEqual([]);
    await close();
  });
});
