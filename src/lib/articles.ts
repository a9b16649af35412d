/** How many featured articles the home page shows, newest first. */
export const homeFeaturedLimit = 6;
/** How many articles the feeds carry: the newest. Readers poll feeds; thousands of entries would be megabytes each time. */
export const feedLength = 20;

/** Newest first; articles of the same day by title, so the order is stable. */
export function newestFirst<T extends { date: Date; data: { title: string } }>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || a.data.title.localeCompare(b.data.title, "en"),
  );
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
