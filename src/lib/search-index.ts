import { mkdir, rm, writeFile } from "node:fs/promises";
import * as pagefind from "pagefind";

/** A page as the build just wrote it: its address (without the path prefix) and its HTML. */
export interface BuiltPage {
  url: string;
  content: string;
}

/**
 * The header's search dialog loads Pagefind from `pagefind/dialog/pagefind.js` (its bundle
 * path): Pagefind's own module, but with no filters. Pagefind's Component UI asks for every
 * filter's data as soon as it loads, to offer them; the dialog offers none, and at 10,000
 * articles that data is some 60 KB, more than the Component UI itself. The search page, which
 * has the topic filter, loads Pagefind from its own folder as usual.
 */
const dialogEntry = `// Written by src/lib/search-index.ts: Pagefind for the header's dialog, which shows no filters.
export * from "../pagefind.js";
import { createInstance as pagefindInstance } from "../pagefind.js";
export function createInstance(options) {
  return { ...pagefindInstance(options), filters: async () => ({}) };
}
`;

/**
 * Writes Pagefind's index of `pages` into `<siteDir>/pagefind/`. Only the pages of this
 * build are indexed, never stale files an earlier build left in the folder. Pagefind
 * reports problems as strings: any of them fails the build with its words.
 */
export async function writeSearchIndex(siteDir: string, pages: readonly BuiltPage[]): Promise<{ pages: number }> {
  // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
  await rm(`${siteDir}/pagefind`, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // All at once: Pagefind's service indexes in parallel, and one page at a time is ~25× slower.
    const added = await Promise.all(pages.map((page) => index.addHTMLFile({ url: page.url, content: page.content })));
    const failures = added.flatMap((result, i) => result.errors.map((error) => `${pages[i]?.url}: ${error}`));
    if (failures.length > 0) throw new Error(`Pagefind could not index ${failures.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    await mkdir(`${siteDir}/pagefind/dialog`, { recursive: true });
    await writeFile(`${siteDir}/pagefind/dialog/pagefind.js`, dialogEntry);
    return { pages: added.length };
  } finally {
    await pagefind.close();
  }
}
