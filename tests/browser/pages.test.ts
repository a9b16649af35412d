import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, serveSite, watchedPage } from "../helpers/browser.ts";
import { htmlFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir)]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("every page in Chromium, with netlify.toml's headers", () => {
  it("loads with no console error, no CSP violation and no failed request", async () => {
    for (const file of htmlFiles(siteDir)) {
      const url = `/${file.replace(/index\.html$/, "")}`;
      const { page, problems, close } = await watchedPage(browser, { viewport: { width: 390, height: 844 } });
      await page.goto(site.origin + url, { waitUntil: "networkidle" });
      expect(problems, url).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
      await close();
    }
  });

  it("answers an unknown address with the 404 page and status 404", async () => {
    const { page, close } = await watchedPage(browser);
    const response = await page.goto(`${site.origin}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await close();
  });
});

describe("the countdown to the next day", () => {
  // 16 January 2027, 20:00 UTC; the shared build's clock is 1 December 2026.
  const evening = new Date("2027-01-16T20:00:00Z");

  const headerDate = async (timezoneId: string, now: Date) => {
    const { page, problems, close } = await watchedPage(browser, { timezoneId });
    await page.clock.setFixedTime(now);
    await page.goto(`${site.origin}/`);
    const text = await page.locator(".site-header [data-countdown]").textContent();
    expect(problems.cspViolations).toEqual([]);
    await close();
    return text?.trim();
  };

  it("counts the days in the visitor's own time zone", async () => {
    expect(await headerDate("Europe/London", new Date("2026-11-26T12:00:00Z"))).toBe(
      "Next: Sunday 17 January 2027 (in 52 days)",
    );
    expect(await headerDate("America/Los_Angeles", evening)).toBe("Next: Sunday 17 January 2027 (tomorrow)");
    expect(await headerDate("Pacific/Kiritimati", evening)).toBe("Today is International Mentoring Day");
  });

  it("moves on to next year once the day has passed", async () => {
    expect(await headerDate("Pacific/Kiritimati", new Date("2027-01-17T12:00:00Z"))).toBe(
      "Next: Monday 17 January 2028 (in 364 days)",
    );
  });
});

describe("share links", () => {
  it("reveal copy-link, and copy the page's address", async () => {
    const { page, close } = await watchedPage(browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    await page.goto(`${site.origin}/articles/surgtime-telemedicine-mentoring/`);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.locator(".share__status").textContent()).toBe("Link copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^https:\/\/.+\/articles\/surgtime-telemedicine-mentoring\/$/,
    );
    await close();
  });

  it("work without JavaScript, with the script-only buttons hidden", async () => {
    const { page, close } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/`);
    expect(await page.getByRole("link", { name: "LinkedIn" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy link" }).isVisible()).toBe(false);
    expect(await page.locator(".share a").count()).toBeGreaterThanOrEqual(8);
    await close();
  });
});
