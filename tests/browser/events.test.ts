import { describe, expect, inject, it } from "vitest";
import { axeSettings, axeViolationsAt } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The site with the fixture events and programmes (tests/fixtures/events/, tests/fixtures/programmes/).
const chromium = chromiumWithSite(inject("eventsSiteDir"));
const noProblems = { consoleErrors: [], cspViolations: [], failedRequests: [] };

/** The Tokyo meetup's page in a browser set to `timezoneId`: the visitor's line, how much the layout shifted, and every request. */
async function tokyoPageIn(timezoneId: string, javaScriptEnabled = true) {
  const { page, problems, close } = await watchedPage(chromium.browser, {
    timezoneId,
    javaScriptEnabled,
    viewport: { width: 390, height: 800 },
  });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  try {
    await page.goto(`${chromium.site.origin}/events/tokyo-mentoring-meetup/`);
    await page.waitForLoadState("networkidle");
    const line = page.locator("[data-local-time]");
    const visitorTime = line.locator("time");
    return {
      text: (await line.textContent())?.trim() ?? "",
      datetime: (await visitorTime.count()) > 0 ? await visitorTime.getAttribute("datetime") : null,
      height: await line.evaluate((element) => element.getBoundingClientRect().height),
      shift: !javaScriptEnabled
        ? 0
        : await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                let total = 0;
                new PerformanceObserver((entries) => {
                  for (const entry of entries.getEntries()) total += (entry as unknown as { value: number }).value;
                }).observe({ type: "layout-shift", buffered: true });
                setTimeout(() => resolve(total), 300);
              }),
          ),
      requests,
      problems,
    };
  } finally {
    await close();
  }
}

describe("an event's time for a visitor in another zone", () => {
  it("adds the visitor's own time, labelled: 19:00 in Tokyo is 05:00 in New York", async () => {
    const newYork = await tokyoPageIn("America/New_York");
    expect(newYork.text).toBe("Your time: Sun 17 Jan 2027, 05:00 Eastern Standard Time");
    expect(newYork.datetime).toBe("2027-01-17T19:00:00+09:00");
    expect(newYork.problems).toEqual(noProblems);
  });

  it("moves nothing when it is written: its line was kept for it", async () => {
    const newYork = await tokyoPageIn("America/New_York");
    expect(newYork.shift).toBe(0);
    expect(newYork.height).toBeGreaterThan(0);
  });

  it("adds nothing for a visitor in the event's own zone, or in one with the same clock", async () => {
    expect((await tokyoPageIn("Asia/Tokyo")).text).toBe("");
    expect((await tokyoPageIn("Asia/Seoul")).text).toBe("");
  });

  it("leaves no empty line without scripts, and the event's own time is all there", async () => {
    const noScripts = await tokyoPageIn("America/New_York", false);
    expect(noScripts.text).toBe("");
    expect(noScripts.height).toBe(0);
  });

  it("loads nothing from another origin", async () => {
    const { requests, problems } = await tokyoPageIn("America/New_York");
    expect(requests.filter((url) => !url.startsWith(chromium.site.origin))).toEqual([]);
    expect(problems).toEqual(noProblems);
  });
});

describe("/events/ in Chromium", () => {
  it("loads nothing from another origin, and fits a phone's width", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 800 } });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${chromium.site.origin}/events/`);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((url) => !url.startsWith(chromium.site.origin))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(problems).toEqual(noProblems);
    await close();
  });
});

describe("the map in Chromium", () => {
  it("leads from each marker, by keyboard, to the list entries of its places", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 800 } });
    await page.goto(`${chromium.site.origin}/events/`);
    const markers = page.locator("a.world-map__marker");
    const count = await markers.count();
    expect(count).toBe(3);
    for (let index = 0; index < count; index++) {
      await page.goto(`${chromium.site.origin}/events/`);
      const marker = page.locator("a.world-map__marker").nth(index);
      const box = await marker.boundingBox();
      // A target of at least 24 × 24 CSS px on a phone.
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
      const href = (await marker.getAttribute("href")) ?? "";
      await marker.focus();
      await Promise.all([
        page.waitForURL(new URL(href, `${chromium.site.origin}/events/`).href),
        page.keyboard.press("Enter"),
      ]);
      expect(await page.locator("main .listing-card").count()).toBeGreaterThan(0);
    }
    expect(problems).toEqual(noProblems);
    await close();
  });

  it("is skipped by keyboard with the link before it, which shows when it has focus, to the list's first link", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 800 } });
    await page.goto(`${chromium.site.origin}/events/`);
    // Tab from the lede: the skip link is next, before any marker.
    await page.locator(".lede").evaluate((lede) => {
      lede.setAttribute("tabindex", "-1");
      (lede as HTMLElement).focus();
    });
    await page.keyboard.press("Tab");
    const skip = page.locator(":focus");
    expect(await skip.getAttribute("href")).toBe("#events-list");
    const box = await skip.boundingBox();
    expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(24);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(
        () => document.activeElement?.closest("#events-list") !== null && document.activeElement?.localName === "a",
      ),
    ).toBe(true);
    expect(problems).toEqual(noProblems);
    await close();
  });
});

describe("search", () => {
  /** The addresses of the results /search/?q=`word` shows, once Pagefind has drawn them. */
  async function found(word: string): Promise<string[]> {
    const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${chromium.site.origin}/search/?q=${encodeURIComponent(word)}`);
    await page.locator(".search-page .pf-summary", { hasText: word }).first().waitFor();
    await page.locator(".search-page .pf-result-link").first().waitFor();
    const links = await page
      .locator(".search-page .pf-result-link")
      .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
    expect(problems).toEqual(noProblems);
    await close();
    return links;
  }

  it.each([
    ["Yaba", "/events/lagos-hybrid-forum/"],
    ["Founders", "/events/lagos-hybrid-forum/"],
    ["京都", "/events/kyoto-mentoring-exchange/"],
    ["交流会館", "/events/kyoto-mentoring-exchange/"],
    ["Harbourside", "/events/sydney-mentoring-breakfast/"],
    ["Ward Mentors", "/programmes/nurses-mentoring-nurses/"],
  ])("finds %s: a place or an organiser, in its own script", async (word, url) => {
    expect(await found(word)).toContain(url);
  });

  it("offers the events' and programmes' filters", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${chromium.site.origin}/search/?q=mentoring`);
    for (const filter of ["kind", "country", "attendance", "language"]) {
      await expect(page.locator(`pagefind-filter-dropdown[filter="${filter}"]`).count()).resolves.toBe(1);
    }
    await close();
  });
});

describe("axe", () => {
  it.each(
    ["/events/", "/events/tokyo-mentoring-meetup/", "/events/lagos-hybrid-forum/", "/search/?q=mentoring"].flatMap(
      (path) => axeSettings.map((setting) => ({ path, ...setting })),
    ),
  )("finds nothing on $path in $colorScheme at $width px", async ({ path, colorScheme, width }) => {
    expect(await axeViolationsAt(chromium.browser, chromium.site.origin + path, { colorScheme, width })).toEqual([]);
  });

  it.each(
    [
      "/programmes/",
      "/programmes/young-coders-kenya/",
      "/programmes/research-mentors-brazil/",
      "/countries/jp/",
      "/events/2026/",
      "/events/add/",
      "/programmes/add/",
    ].flatMap(
      (path) =>
        [
          { path, colorScheme: "light", width: 320 },
          { path, colorScheme: "dark", width: 1280 },
        ] as const,
    ),
  )("finds nothing on $path in $colorScheme at $width px", async ({ path, colorScheme, width }) => {
    expect(await axeViolationsAt(chromium.browser, chromium.site.origin + path, { colorScheme, width })).toEqual([]);
  });
});
