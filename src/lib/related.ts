/** What related-article ranking needs to know about an article (the shape of an Eleventy collection item). */
export interface Relatable {
  url: string;
  date: Date;
  data: { title: string; tags?: readonly string[] };
}

interface ArticleIndex<T> {
  /** Every article with a tag, by tag. */
  byTag: Map<string, T[]>;
  /** All articles, newest first, then by title and URL: the order among equals. */
  newestFirst: T[];
}

// Every page of a build asks with the same list: it is indexed once, not once a page.
const indexes = new WeakMap<readonly Relatable[], ArticleIndex<Relatable>>();

function indexOf<T extends Relatable>(articles: readonly T[]): ArticleIndex<T> {
  let index = indexes.get(articles) as ArticleIndex<T> | undefined;
  if (!index) {
    const byTag = new Map<string, T[]>();
    for (const article of articles) {
      for (const tag of new Set(article.data.tags ?? [])) {
        const tagged = byTag.get(tag);
        if (tagged) tagged.push(article);
        else byTag.set(tag, [article]);
      }
    }
    index = { byTag, newestFirst: [...articles].sort(newerFirst) };
    indexes.set(articles, index as ArticleIndex<Relatable>);
  }
  return index;
}

function newerFirst(a: Relatable, b: Relatable): number {
  return (
    b.date.getTime() - a.date.getTime() ||
    a.data.title.localeCompare(b.data.title, "en") ||
    a.url.localeCompare(b.url, "en")
  );
}

/**
 * Other articles ranked by how many tags they share with `current`, then newest
 * first, then by title and URL so that the order never depends on input order.
 * `current` itself is never in the list.
 */
export function relatedArticles<T extends Relatable>(
  articles: readonly T[],
  current: { url?: string; tags?: readonly string[] },
  limit = 3,
): T[] {
  const { byTag, newestFirst } = indexOf(articles);
  // Only articles that share a tag need counting; the rest tie at zero and follow by date.
  const shared = new Map<T, number>();
  for (const tag of new Set(current.tags ?? [])) {
    for (const article of byTag.get(tag) ?? []) {
      if (article.url !== current.url) shared.set(article, (shared.get(article) ?? 0) + 1);
    }
  }
  const sharing = [...shared.keys()].sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || newerFirst(a, b));
  const related = sharing.slice(0, limit);
  for (const article of newestFirst) {
    if (related.length >= limit) break;
    if (article.url !== current.url && !shared.has(article)) related.push(article);
  }
  return related;
}
