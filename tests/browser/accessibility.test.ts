import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, Result } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, serveSite, watchedPage } from "../helpers/browser.ts";
import { htmlFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.2 at levels A and AA, with the rules added in 2.1 and 2.2. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Nodes of Pagefind's component UI that axe faults and that cannot be fixed from outside
 * (through --pf-* variables or attributes). Each entry says which rule, which node and why.
 */
const pagefindExclusions: { rule: string; selector: string; why: string }[] = [];

let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir)]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every page of the built site by its address: /, /about/, /404.html … */
const pages = htmlFiles(siteDir).map((file) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`);

/** A violation as a line a person can act on: the rule, and each node with what is wrong. */
function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map(
    (node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
  );
  return [`${violation.id} (${violation.impact}): ${violation.help}`, ...nodes].join("\n");
}

/** Runs axe-core in the page as it is now, and lists what fails WCAG 2.2 A and AA. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    ([tags, exclusions]) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe.run(
        { exclude: exclusions.map((exclusion) => exclusion.selector) },
        { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] },
      ) as Promise<AxeResults>,
    [wcagTags, pagefindExclusions] as const,
  );
  return results.violations.map(describeViolation);
}

const settings = [
  { colorScheme: "light", width: 320 },
  { colorScheme: "light", width: 1280 },
  { colorScheme: "dark", width: 320 },
  { colorScheme: "dark", width: 1280 },
] as const;

describe.concurrent.each(settings)("WCAG 2.2 A and AA, $colorScheme at $width px", ({ colorScheme, width }) => {
  /**
   * axe-core is injected as a script of its own, which the site's Content-Security-Policy
   * (script-src 'self', no inline scripts) rightly refuses: this test alone bypasses the CSP
   * so that axe can run. That the CSP holds is tested in pages.test.ts, with it in force.
   */
  async function open(path: string) {
    const watched = await watchedPage(browser, { bypassCSP: true, colorScheme, viewport: { width, height: 800 } });
    await watched.page.goto(site.origin + path);
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
