import { compareText } from "../words/locale.ts";

/** How many featured articles the home page shows, newest first. */
export const homeFeaturedLimit = 6;
/** How many articles the feeds carry: the newest. Readers poll feeds; thousands of entries would be megabytes each time. */
export const feedLength = 20;

/** Whether Eleventy's `inputPath` (`./articles/a.md`) is an article: a Markdown file of articles/, not of a folder in it. */
export function isArticlePath(inputPath: string): boolean {
  return /^(?:\.\/)?articles\/(?!\.)[^/]+\.md$/.test(inputPath);
}

/** Newest first; articles of the same day by title as `language` sorts them, so the order is stable. */
export function newestFirst<T extends { date: Date; data: { title: string } }>(
  articles: readonly T[],
  language: string,
): T[] {
  const byTitle = compareText(language);
  return [...articles].sort((a, b) => b.date.getTime() - a.date.getTime() || byTitle(a.data.title, b.data.title));
}

// Every article page looks itself up in the same list: it is indexed once a build, not searched once a page.
const byUrlIndexes = new WeakMap<readonly { url: string }[], Map<string, { url: string }>>();

/** The item of `items` at `url`, if any. */
export function findByUrl<T extends { url: string }>(items: readonly T[], url: string): T | undefined {
  let index = byUrlIndexes.get(items);
  if (!index) {
    index = new Map(items.map((item) => [item.url, item]));
    byUrlIndexes.set(items, index);
  }
  return index.get(url) as T | undefined;
}
