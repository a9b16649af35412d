import { rm } from "node:fs/promises";
import * as pagefind from "pagefind";

/** A page as the build just wrote it: its address (without the path prefix) and its HTML. */
export interface BuiltPage {
  url: string;
  content: string;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/**
 * Pagefind's index of one build, fed while the pages are still being written so that
 * Pagefind's own process parses them alongside Eleventy instead of after it.
 *
 * Pagefind numbers pages in the order they are added, and that order is in its files.
 * Pages finish rendering in an order that varies from run to run, so they are held back
 * and added in the order the build planned (`plannedOrder`): two builds of one commit
 * give the same index, byte for byte.
 */
export class SearchIndex {
  readonly #index: PagefindIndex;
  readonly #planned: string[];
  readonly #waiting = new Map<string, BuiltPage>();
  readonly #added: Promise<string[]>[] = [];
  #next = 0;

  private constructor(index: PagefindIndex, plannedOrder: readonly string[]) {
    this.#index = index;
    this.#planned = [...plannedOrder];
  }

  /** Starts Pagefind. `plannedOrder` lists the addresses of the pages the build will write, in its order. */
  static async start(plannedOrder: readonly string[]): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    return new SearchIndex(index, plannedOrder);
  }

  /** Takes a page as soon as it is written; Pagefind gets it once every page planned before it has come. */
  add(page: BuiltPage): void {
    this.#waiting.set(page.url, page);
    for (let url = this.#planned[this.#next]; url !== undefined; url = this.#planned[++this.#next]) {
      const ready = this.#waiting.get(url);
      if (!ready) return;
      this.#waiting.delete(url);
      this.#send(ready);
    }
  }

  #send(page: BuiltPage): void {
    // The site marks what is searchable; Pagefind ignores a page without the mark once any page
    // has it, so there is no need to send it the page at all.
    if (!page.content.includes("data-pagefind-body")) return;
    this.#added.push(
      this.#index
        .addHTMLFile({ url: page.url, content: page.content })
        .then((result) => result.errors.map((error) => `${page.url}: ${error}`)),
    );
  }

  /**
   * Adds what is still held back (planned pages in their order, then the others by address), then writes the
   * index into `<siteDir>/pagefind/`. Pagefind reports problems as strings: any of them fails
   * the build with its words.
   */
  async write(siteDir: string): Promise<{ pages: number }> {
    for (const url of this.#planned.slice(this.#next)) {
      const page = this.#waiting.get(url);
      if (page) this.#send(page);
      this.#waiting.delete(url);
    }
    const unplanned = [...this.#waiting.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    for (const page of unplanned) this.#send(page);
    this.#waiting.clear();
    const failures = (await Promise.all(this.#added)).flat();
    if (failures.length > 0) throw new Error(`Pagefind could not index ${failures.join("; ")}`);
    // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
    await rm(`${siteDir}/pagefind`, { recursive: true, force: true });
    const written = await this.#index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return { pages: this.#added.length };
  }
}

/** Stops Pagefind's process; the next build starts a new one. */
export async function stopSearch(): Promise<void> {
  await pagefind.close();
}

/** Indexes `pages` (in their order) into `<siteDir>/pagefind/` in one go. */
export async function writeSearchIndex(siteDir: string, pages: readonly BuiltPage[]): Promise<{ pages: number }> {
  try {
    const index = await SearchIndex.start(pages.map((page) => page.url));
    for (const page of pages) index.add(page);
    return await index.write(siteDir);
  } finally {
    await stopSearch();
  }
}
