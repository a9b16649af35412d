import { describe, expect, inject, it } from "vitest";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";
import { htmlFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const chromium = chromiumWithSite(siteDir);

describe("every page in Chromium, with netlify.toml's headers", () => {
  it("loads with no console error, no CSP violation and no failed request", async () => {
    for (const file of htmlFiles(siteDir)) {
      const url = `/${file.replace(/index\.html$/, "")}`;
      const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width: 390, height: 844 } });
      await page.goto(chromium.site.origin + url, { waitUntil: "networkidle" });
      expect(problems, url).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
      await close();
    }
    // Every page, each until its network is idle: on a busy machine that is more than a minute.
  }, 180_000);

  it("answers an unknown address with the 404 page and status 404", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    const response = await page.goto(`${chromium.site.origin}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await close();
  });
});

describe("the countdown to the next day", () => {
  // 16 January 2027, 20:00 UTC; the shared build's clock is 1 December 2026.
  const evening = new Date("2027-01-16T20:00:00Z");

  const headerDate = async (timezoneId: string, now: Date) => {
    const { page, problems, close } = await watchedPage(chromium.browser, { timezoneId });
    await page.clock.setFixedTime(now);
    await page.goto(`${chromium.site.origin}/`);
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
    const { page, close } = await watchedPage(chromium.browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: chromium.site.origin });
    await page.goto(`${chromium.site.origin}/articles/surgtime-telemedicine-mentoring/`);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.locator(".share__status").textContent()).toBe("Link copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^https:\/\/.+\/articles\/surgtime-telemedicine-mentoring\/$/,
    );
    await close();
  });

  it("work without JavaScript, with the script-only buttons hidden", async () => {
    const { page, close } = await watchedPage(chromium.browser, { javaScriptEnabled: false });
    await page.goto(`${chromium.site.origin}/`);
    expect(await page.getByRole("link", { name: "LinkedIn" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy link" }).isVisible()).toBe(false);
    expect(await page.locator(".share a").count()).toBeGreaterThanOrEqual(8);
    await close();
  });
});

describe("images on a phone", () => {
  it("/ at 390 pixels wide (3× screen) loads no image over 100 KB, and the picture as AVIF", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
    });
    const images: { url: string; bytes: number }[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "image") {
        images.push({ url: response.url(), bytes: (await response.body()).length });
      }
    });
    await page.goto(`${chromium.site.origin}/`, { waitUntil: "networkidle" });
    // Scrolling to the end loads whatever is lazy.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(problems.failedRequests).toEqual([]);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => image.bytes > 100_000)).toEqual([]);
    expect(images.map((image) => image.url)).toContainEqual(expect.stringMatching(/\/img\/hero-[0-9a-f]+-1200\.avif$/));
    await close();
  });
});

describe("the toolkit's posts", () => {
  it("reveal a copy button each, which copies the post with its hashtags", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: chromium.site.origin });
    await page.goto(`${chromium.site.origin}/toolkit/`);
    const buttons = page.locator("button[data-copy]");
    expect(await buttons.count()).toBeGreaterThan(1);
    await buttons.nth(1).click();
    await expect.poll(() => page.locator(".copy-status").textContent()).toBe("Post copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await page.locator("#post-2").textContent())?.replace(/\s+/g, " ").trim());
    expect(copied).toMatch(/ #InternationalMentoringDay #MentorIRL #MentoringMonth$/);
    expect(problems.cspViolations).toEqual([]);
    await close();
  });

  it("download links serve the graphics as PNG files", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/toolkit/`);
    const hrefs = await page.locator("a[download]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    const pngs = hrefs.filter((href): href is string => href?.endsWith(".png") ?? false);
    expect(pngs.length).toBe(4);
    for (const href of pngs) {
      const response = await page.request.get(chromium.site.origin + href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()["content-type"], href).toBe("image/png");
    }
    await close();
  });
});
