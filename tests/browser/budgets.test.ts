import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveSite, watchedPage } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { blocksRendering, pageWeight as weightOf } from "../helpers/page-weight.ts";
import { htmlFiles, readPage } from "../helpers/site.ts";

/**
 * Size budgets, in bytes as they travel (brotli, as a CDN sends them). Sizes, not times:
 * what a page weighs is the same on every machine, so it can be asserted.
 */
// What the first round trip of a new connection carries (TCP's initial window, about 14 KB):
// a page whose HTML and render-blocking CSS fit in it can be drawn after one round trip.
const firstRenderBudget = 14 * 1024;
// Everything `/` loads on a phone, pictures and fonts included.
const homePageBudget = 250 * 1024;
// What each result of a search adds on /search/: its fragment (its words and metadata, as Pagefind
// compressed them) and its thumbnail. A picture at a column's size was 20 KB a result by itself.
const searchResultBudget = 4 * 1024;
const thumbnailBudget = 4 * 1024;

const siteDir = inject("siteDir");

const pageWeight = (urlPath: string) => weightOf(siteDir, urlPath);

const pages = htmlFiles(siteDir).map((file) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`);
const articlePages = pages.filter((path) => /^\/articles\/[^/]+\/$/.test(path));

describe("the first render", () => {
  it("finds the article pages to measure", () => {
    expect(articlePages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(["/", ...articlePages])("%s: HTML and render-blocking CSS and scripts fit in 14 KB of brotli", (path) => {
    const weight = pageWeight(path);
    console.log(
      `${path}: first render ${weight.firstRender} B brotli (HTML ${weight.html} B, CSS ${weight.css} B); ` +
        `with the deferred scripts ${weight.total} B`,
    );
    expect(weight.firstRender).toBeLessThanOrEqual(firstRenderBudget);
  });

  it.each(pages)("%s: no script blocks rendering (every one is a module, deferred or async)", (path) => {
    const blocking = readPage(siteDir, path)
      .querySelectorAll("script")
      .filter(blocksRendering)
      .map((script) => script.outerHTML.slice(0, 120));
    expect(blocking).toEqual([]);
  });
});

// The pages as a CDN serves them (compressed), to a phone, for the budgets of what a visit loads.
let browser: Awaited<ReturnType<typeof launchChromium>>;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir, { compress: true })]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("what / loads on a phone", () => {
  it("is at most 250 KB, pictures and fonts included, scrolled to the end; Pagefind is not loaded", async () => {
    const { page, problems, close } = await watchedPage(browser, { viewport: { width: 390, height: 844 } });
    const responses: { path: string; type: string; bytes: number; encoding: string }[] = [];
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    page.on("requestfinished", async (request) => {
      const response = await request.response();
      const { responseBodySize } = await request.sizes();
      responses.push({
        path: new URL(request.url()).pathname,
        type: request.resourceType(),
        bytes: responseBodySize,
        encoding: (await response?.headerValue("content-encoding")) ?? "",
      });
    });
    await page.goto(`${site.origin}/`, { waitUntil: "networkidle" });
    // Scrolling to the end loads whatever is lazy.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(problems.failedRequests).toEqual([]);

    const total = responses.reduce((sum, response) => sum + response.bytes, 0);
    const byType = new Map<string, { bytes: number; files: number }>();
    for (const { type, bytes } of responses) {
      const sums = byType.get(type) ?? { bytes: 0, files: 0 };
      byType.set(type, { bytes: sums.bytes + bytes, files: sums.files + 1 });
    }
    console.log(
      `/ at 390×844 loads ${responses.length} files, ${total} B as sent:\n` +
        [...byType].map(([type, sums]) => `  ${type}: ${sums.bytes} B in ${sums.files}`).join("\n"),
    );
    // Measured as a CDN sends it: the page itself came brotli-compressed.
    expect(responses.find((response) => response.path === "/")?.encoding).toBe("br");
    expect(responses.length).toBeGreaterThan(3);
    expect(total).toBeLessThanOrEqual(homePageBudget);
    // Pagefind's interface and index wait until someone starts to search.
    expect(requested.filter((path) => path.startsWith("/pagefind/"))).toEqual([]);
    await close();
  });
});

describe("one search on /search/, on a phone", () => {
  it("costs at most 4 KB a result shown (its fragment and thumbnail), each thumbnail at most 4 KB", async () => {
    const { page, problems, close } = await watchedPage(browser, { viewport: { width: 390, height: 844 } });
    const responses: { path: string; bytes: number }[] = [];
    page.on("requestfinished", async (request) => {
      const { responseBodySize } = await request.sizes();
      responses.push({ path: new URL(request.url()).pathname, bytes: responseBodySize });
    });
    await page.goto(`${site.origin}/search/?q=mentoring`);
    await page.locator(".search-page .pf-result-link").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(problems.failedRequests).toEqual([]);
    const shown = await page.locator(".search-page li.pf-result:not(:has(.pf-skeleton))").count();
    const fragments = responses.filter(({ path }) => path.startsWith("/pagefind/fragment/"));
    const thumbnails = responses.filter(({ path }) => path.startsWith("/img/"));
    const sum = (list: { bytes: number }[]) => list.reduce((total, { bytes }) => total + bytes, 0);
    console.log(
      `/search/?q=mentoring at 390×844: ${responses.length} files, ${sum(responses)} B as sent; ` +
        `${shown} results shown: fragments ${sum(fragments)} B in ${fragments.length}, thumbnails ${sum(thumbnails)} B in ${thumbnails.length}`,
    );
    expect(shown).toBeGreaterThan(3);
    expect(thumbnails.length).toBeGreaterThan(1);
    for (const { path, bytes } of thumbnails) expect(bytes, path).toBeLessThanOrEqual(thumbnailBudget);
    expect((sum(fragments) + sum(thumbnails)) / shown).toBeLessThanOrEqual(searchResultBudget);
    await close();
  });
});
