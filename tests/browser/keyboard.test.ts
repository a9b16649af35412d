import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

const siteDir = inject("siteDir");
const chromium = chromiumWithSite(siteDir);

/** What the focused element is, and how it shows that it has focus. */
interface FocusStop {
  step: number;
  element: string;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  width: number;
  height: number;
}

/** Presses Tab from the top of the page until focus leaves the page, and says where it stopped each time. */
async function tabWalk(page: Page): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let step = 0; step < 200; step++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate((step) => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || element === document.body || element.dataset.focusStep) return null;
      // Marked, so that the test can find the same element again by selector.
      element.dataset.focusStep = String(step);
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").replace(/\s+/g, " ").trim();
      return {
        step,
        element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${name.slice(0, 40)}"`,
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
        boxShadow: style.boxShadow,
        width: box.width,
        height: box.height,
      };
    }, step);
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

/** The step at which each element that `selector` finds was focused (-1: never). */
function stepsOf(page: Page, selector: string): Promise<number[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) => elements.map((element) => Number((element as HTMLElement).dataset.focusStep ?? -1)));
}

/** A focus indicator that can be seen: an outline at least 2 px wide, or a box shadow. */
const showsFocus = (stop: FocusStop) =>
  (stop.outlineStyle !== "none" && stop.outlineWidth >= 2) || stop.boxShadow !== "none";

describe.each([1280, 390])("the keyboard on / at %i px", (width) => {
  const viewport = { width, height: 844 };

  it("reaches the skip link first; it shows when focused and moves focus to the main content", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport });
    await page.goto(`${chromium.site.origin}/`);
    await page.keyboard.press("Tab");
    const skipLink = page.locator(".skip-link");
    expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await skipLink.textContent()).toBe("Skip to content");
    const box = await skipLink.boundingBox();
    expect(box).not.toBeNull();
    // Inside the window, not parked above it as it is until it has focus.
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    expect(box!.width).toBeGreaterThan(20);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    // The next Tab goes on from the main content, not from the top of the page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
    await close();
  });

  it("walks with Tab in reading order: skip link, navigation, search, … share links, the comment form", async () => {
    const { page, close } = await watchedPage(chromium.browser, { viewport });
    await page.goto(`${chromium.site.origin}/`, { waitUntil: "networkidle" });
    const stops = await tabWalk(page);
    console.log(`Tab order of / at ${width} px:\n${stops.map((stop) => `  ${stop.step}: ${stop.element}`).join("\n")}`);

    const expectedOrder = [
      ".skip-link",
      ".site-nav__list a",
      // A phone has the search page's link where a desktop has the search form (base.njk).
      width < 1024 ? ".site-nav__search" : "#site-search-query",
      ".share__links > li > a, .share__links summary",
      "#new-comment-text",
      "#new-comment-name",
      "#new-comment-email",
      "#new-comment-website",
      ".comment-form button[type=submit]",
    ];
    const steps: number[] = [];
    for (const selector of expectedOrder) {
      const found = await stepsOf(page, selector);
      expect(found.length, selector).toBeGreaterThan(0);
      expect(found, `${selector} is reached with Tab`).not.toContain(-1);
      steps.push(...found);
    }
    expect(steps[0]).toBe(0);
    expect(steps, "in this order").toEqual([...steps].sort((a, b) => a - b));

    // Nothing is focused that cannot be seen, and everything focused shows it.
    expect(stops.filter((stop) => stop.width === 0 || stop.height === 0)).toEqual([]);
    expect(stops.filter((stop) => !showsFocus(stop))).toEqual([]);
    await close();
  });
});
