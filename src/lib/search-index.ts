import { rm } from "node:fs/promises";
import * as pagefind from "pagefind";

/**
 * Writes Pagefind's index of the built site into `<siteDir>/pagefind/`.
 * Pagefind reports problems as strings: any of them fails the build with its words.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
  await rm(`${siteDir}/pagefind`, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
