import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import en from "../../_data/locales/en.ts";
import site from "../../_data/site.ts";
import { axeViolations } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The header reaches every section of the site (site.navigation, and search) on a phone in at most
// 120 px of its height, and on one row of its own on a desktop; with no script, by keyboard, in
// light and dark, and it says which page (or section) the visitor is on, to the eye and to a screen reader.

const chromium = chromiumWithSite(inject("eventsSiteDir"));
const sections = site.navigation.map(({ page, url }) => ({ name: en.navigation.pages[page], url }));

/** What the header is at this width: its height, and each link of its navigation as laid out. */
async function headerOf(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector(".site-header") as HTMLElement;
    const list = document.querySelector(".site-nav__list") as HTMLElement;
    const row = list.getBoundingClientRect();
    const shown = (element: Element | null) => element !== null && element.getBoundingClientRect().width > 0;
    return {
      height: header.getBoundingClientRect().height,
      links: [...list.querySelectorAll("a")].map((link) => {
        const box = link.getBoundingClientRect();
        const style = getComputedStyle(link);
        return {
          name: link.textContent?.trim(),
          href: link.getAttribute("href"),
          current: link.getAttribute("aria-current"),
          top: Math.round(box.top),
          // Inside the part of the row that can be seen (it scrolls on a phone).
          inSight: box.left >= row.left - 1 && box.right <= row.right + 1,
          bold: Number(style.fontWeight) >= 700,
          bar: style.borderBottomColor !== "rgba(0, 0, 0, 0)" && style.borderBottomWidth !== "0px",
        };
      }),
      searchLink: shown(document.querySelector(".site-nav__search")),
      searchForm: shown(document.querySelector(".site-search input")),
      rowScrolls: list.scrollWidth > list.clientWidth,
    };
  });
}

describe.each(["light", "dark"] as const)("the header, %s", (colorScheme) => {
  const open = async (path: string, width: number, javaScriptEnabled = true) => {
    const opened = await watchedPage(chromium.browser, {
      colorScheme,
      javaScriptEnabled,
      viewport: { width, height: 844 },
    });
    await opened.page.goto(chromium.site.origin + path);
    return opened;
  };

  it.each([320, 390])("is at most 120 px tall at %i px, with a link to every section and to search", async (width) => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, problems, close } = await open("/articles/", width, javaScriptEnabled);
      const header = await headerOf(page);
      expect(header.height, `scripts ${javaScriptEnabled ? "on" : "off"}`).toBeLessThanOrEqual(120);
      expect(header.links.map(({ name, href }) => ({ name, url: href }))).toEqual(sections);
      // One row: it scrolls sideways rather than wrap.
      expect(new Set(header.links.map((link) => link.top)).size).toBe(1);
      expect(header.searchLink).toBe(true);
      expect(header.searchForm).toBe(false);
      const search = page.getByRole("link", { name: en.navigation.search, exact: true });
      expect(await search.getAttribute("href")).toBe("/search/");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
      await close();
    }
  });

  it.each([1024, 1280])(
    "has its navigation on one row at %i px, every link in sight, with the search form",
    async (width) => {
      const { page, close } = await open("/events/", width);
      const header = await headerOf(page);
      expect(header.links.map(({ name, href }) => ({ name, url: href }))).toEqual(sections);
      expect(new Set(header.links.map((link) => link.top)).size).toBe(1);
      expect(header.links.filter((link) => !link.inSight)).toEqual([]);
      expect(header.rowScrolls).toBe(false);
      expect(header.searchForm).toBe(true);
      expect(header.searchLink).toBe(false);
      await close();
    },
  );

  it.each([390, 1280])(
    "marks the page it is on, and the section, to a screen reader and in sight, at %i px",
    async (width) => {
      const { page, close } = await open("/", width);
      for (const { url } of sections) {
        await page.goto(chromium.site.origin + url);
        const { links } = await headerOf(page);
        const current = links.filter((link) => link.current !== null);
        expect(
          current.map(({ href, current }) => ({ href, current })),
          url,
        ).toEqual([{ href: url, current: "page" }]);
        // Bold on a bar, and scrolled into the part of the row that shows.
        expect(current[0], url).toMatchObject({ bold: true, bar: true, inSight: true });
        expect(
          links.filter((link) => link.current === null && (link.bold || link.bar)),
          url,
        ).toEqual([]);
      }
      await page.goto(`${chromium.site.origin}/articles/storytelling-humanism-mentoring/`);
      expect((await headerOf(page)).links.filter((link) => link.current !== null)).toMatchObject([
        { href: "/articles/", current: "true", bold: true, bar: true },
      ]);
      await close();
    },
    // Nine pages, one after another: on two busy cores that outlasts the usual minute.
    120_000,
  );

  it("marks the search page's link on the search page, on a phone", async () => {
    const { page, close } = await open("/search/", 390);
    expect(await page.locator(".site-nav__search").getAttribute("aria-current")).toBe("page");
    await close();
  });

  it.each([390, 1024])(
    "has no WCAG 2.2 A or AA violation at %i px (the widths the site-wide check leaves out)",
    async (width) => {
      // axe is injected as a script of its own: the page bypasses the CSP for it (accessibility.test.ts).
      const { page, close } = await watchedPage(chromium.browser, {
        bypassCSP: true,
        colorScheme,
        viewport: { width, height: 844 },
      });
      await page.goto(`${chromium.site.origin}/thank-your-mentor/`);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    },
  );
});

describe("the header's row of links on a 320-pixel phone", () => {
  it("brings each link into sight as Tab reaches it, then the search page's link", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${chromium.site.origin}/`);
    expect((await headerOf(page)).rowScrolls).toBe(true);
    await page.locator(".site-name").focus();
    const reached: string[] = [];
    for (const _ of [...sections, "search"]) {
      await page.keyboard.press("Tab");
      reached.push(
        await page.evaluate(() => {
          const focused = document.activeElement as HTMLElement;
          const box = focused.getBoundingClientRect();
          const row = (focused.closest(".site-nav__list") ?? document.documentElement).getBoundingClientRect();
          // Chromium scrolls a link that is out of sight into view, and leaves one that is partly in
          // sight as it is: never hidden whole (WCAG 2.2's Focus Not Obscured, 2.4.11).
          const seen = Math.min(box.right, row.right, innerWidth) - Math.max(box.left, row.left, 0);
          return `${focused.getAttribute("href")}${seen >= Math.min(box.width, 24) ? "" : " (out of sight)"}`;
        }),
      );
    }
    expect(reached).toEqual([...sections.map(({ url }) => url), "/search/"]);
    await close();
  });
});
