import { rm } from "node:fs/promises";
import * as pagefind from "pagefind";

/** A page as the build just wrote it: its address (without the path prefix) and its HTML. */
export interface BuiltPage {
  url: string;
  content: string;
}

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
    return { pages: added.length };
  } finally {
    await pagefind.close();
  }
}
