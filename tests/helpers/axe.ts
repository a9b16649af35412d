import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Result } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { watchedPage } from "./browser.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.2 at levels A and AA, with the rules added in 2.1 and 2.2. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Faults of Pagefind's component UI (1.6.0) that cannot be fixed from outside, through its
 * --pf-* variables or attributes. Each is skipped for that rule on those nodes only; every
 * other rule still runs on them, and every rule on everything else. Seen only with the topic
 * filter's list open.
 */
const pagefindExceptions: { rule: string; selector: string; why: string }[] = [
  {
    rule: "label-content-name-mismatch",
    selector: "pagefind-filter-dropdown .pf-dropdown-option",
    why:
      'Pagefind names each option "Medicine, 1 result" while it shows "Medicine" and, aria-hidden, "1": ' +
      "the visible label starts the name, so a speech user's \"click Medicine\" works; axe wants the count's digit too. " +
      "The aria-label is rewritten by Pagefind on every search.",
  },
  {
    rule: "scrollable-region-focusable",
    selector: "pagefind-filter-dropdown .pf-dropdown-options",
    why:
      "The open list of topics scrolls once there are more than fit in --pf-dropdown-max-height. It is a " +
      "listbox driven from its combobox: the arrow keys move through the options and scroll them into view, " +
      "so keyboard users reach every one; axe cannot see that and wants the list itself in the Tab order.",
  },
];
/** A violation as a line a person can act on: the rule, and each node with what is wrong. */
function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map(
    (node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
  );
  return [`${violation.id} (${violation.impact}): ${violation.help}`, ...nodes].join("\n");
}

/** Runs axe-core in the page as it is now, and lists what fails WCAG 2.2 A and AA. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    async ([tags, exceptions]) => {
      const { axe } = window as unknown as { axe: typeof import("axe-core") };
      const results = await axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
        elementRef: true,
      });
      const excepted = (rule: string, element: Element | undefined) =>
        exceptions.some((exception) => exception.rule === rule && element?.matches(exception.selector));
      return results.violations
        .map((violation) => ({
          ...violation,
          nodes: violation.nodes
            .filter((node) => !excepted(violation.id, node.element))
            .map(({ element: _element, ...node }) => node),
        }))
        .filter((violation) => violation.nodes.length > 0);
    },
    [wcagTags, pagefindExceptions] as const,
  );
  return violations.map(describeViolation);
}

/** The schemes and widths every page is checked at. */
export const axeSettings = [
  { colorScheme: "light", width: 320 },
  { colorScheme: "light", width: 1280 },
  { colorScheme: "dark", width: 320 },
  { colorScheme: "dark", width: 1280 },
] as const;

/**
 * What axe finds on the page at `url`, opened afresh in one of the `axeSettings`. axe-core is
 * injected as a script of its own, which the site's CSP rightly refuses: the page bypasses the CSP
 * so that axe can run (pages.test.ts tests the CSP with it in force).
 */
export async function axeViolationsAt(
  browser: Browser,
  url: string,
  { colorScheme, width }: (typeof axeSettings)[number],
): Promise<string[]> {
  const { page, close } = await watchedPage(browser, {
    bypassCSP: true,
    colorScheme,
    viewport: { width, height: 800 },
  });
  try {
    await page.goto(url);
    return await axeViolations(page);
  } finally {
    await close();
  }
}
