import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";

/** A page as the build just wrote it: where, and its HTML. */
export interface WrittenPage {
  outputPath: string;
  content: string;
}

/**
 * The pages of `pages` that search should find, as globs of their paths in `siteDir`
 * (`{about/index.html,index.html,…}`), at most `perGlob` paths each: Pagefind cannot parse a
 * glob of 10,000 (5,000 is fine). Pages without `data-pagefind-body` are left out: Pagefind
 * would ignore them anyway.
 */
export function searchablePagesGlobs(siteDir: string, pages: readonly WrittenPage[], perGlob = 2000): string[] {
  const paths = pages
    .filter((page) => page.outputPath.endsWith(".html") && page.content.includes("data-pagefind-body"))
    .map((page) => relative(siteDir, page.outputPath).split(sep).join("/"))
    // Wax, Pagefind's glob syntax, reads these characters as patterns unless escaped.
    .map((path) => path.replace(/[\\{}[\]()<>,*?$:]/g, "\\$&"))
    .sort();
  const globs: string[] = [];
  for (let start = 0; start < paths.length; start += perGlob) {
    globs.push(`{${paths.slice(start, start + perGlob).join(",")}}`);
  }
  return globs;
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
 * Writes Pagefind's index of `pages` into `<siteDir>/pagefind/`. Pagefind reads the pages
 * from disk itself, only those the globs name:
 * - only this build's pages are indexed, never stale files an earlier build left in the folder;
 * - reading files, Pagefind indexes 4,000 pages in about 3 s, against about 7 s when each page
 *   is sent through its Node API (`addHTMLFile`); and it reads them in a fixed order, so two
 *   builds of one commit give the same index.
 * Pagefind reports problems as strings: any of them fails the build with its words.
 */
export async function writeSearchIndex(siteDir: string, pages: readonly WrittenPage[]): Promise<{ pages: number }> {
  // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
  await rm(join(siteDir, "pagefind"), { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    let indexed = 0;
    // One glob after another, in order: the index comes out the same every build.
    for (const glob of searchablePagesGlobs(siteDir, pages)) {
      const added = await index.addDirectory({ path: siteDir, glob });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages: ${added.errors.join("; ")}`);
      indexed += added.page_count;
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    await mkdir(join(siteDir, "pagefind/dialog"), { recursive: true });
    await writeFile(join(siteDir, "pagefind/dialog/pagefind.js"), dialogEntry);
    return { pages: indexed };
  } finally {
    await pagefind.close();
  }
}
