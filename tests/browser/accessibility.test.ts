import { describe, expect, inject, it } from "vitest";
import { axeSettings, axeViolations } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";
import { htmlFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");

const chromium = chromiumWithSite(siteDir);

/** Every page of the built site by its address: /, /about/, /404.html … */
const pages = htmlFiles(siteDir).map((file) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`);

describe.each(axeSettings)("WCAG 2.2 A and AA, $colorScheme at $width px", ({ colorScheme, width }) => {
  /**
   * axe-core is injected as a script of its own, which the site's Content-Security-Policy
   * (script-src 'self', no inline scripts) rightly refuses: this test alone bypasses the CSP
   * so that axe can run. That the CSP holds is tested in pages.test.ts, with it in force.
   */
  async function open(path: string) {
    const watched = await watchedPage(chromium.browser, {
      bypassCSP: true,
      colorScheme,
      viewport: { width, height: 800 },
    });
    await watched.page.goto(chromium.site.origin + path);
    return watched;
  }

  it.each(pages)("%s has no violation", async (path) => {
    const { page, close } = await open(path);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it("/search/?q=mentoring with its results has no violation", async () => {
    const { page, close } = await open("/search/?q=mentoring");
    await page.locator(".pf-result-link").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it("/search/?q=mentoring with the topic filter open has no violation (but Pagefind's listed above)", async () => {
    const { page, close } = await open("/search/?q=mentoring");
    await page.locator(".pf-result-link").first().waitFor();
    await page.locator("pagefind-filter-dropdown .pf-dropdown-trigger").click();
    await page.locator("pagefind-filter-dropdown .pf-dropdown-option").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('the search dialog opened with "/", with results, has no violation', async () => {
    const { page, close } = await open("/");
    await page.keyboard.press("/");
    await page.locator("pagefind-modal dialog[open]").waitFor();
    await page.keyboard.type("mentoring");
    await page.locator("pagefind-modal .pf-result-link").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });
});
