import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serveSite } from "./browser.ts";
import { launchChromium } from "./chromium.ts";

/**
 * Chromium and a built site behind the preview server (netlify.toml's headers), started
 * before the tests of one file and stopped after them.
 */
export function chromiumWithSite(siteDir: string) {
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveSite>> | undefined;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir)]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("Chromium and the site start in beforeAll: use them inside a test");
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get site() {
      return started(site);
    },
  };
}
