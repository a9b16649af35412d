/** What related-article ranking needs to know about an article (the shape of an Eleventy collection item). */
export interface Relatable {
  url: string;
  date: Date;
  data: { title: string; tags?: readonly string[] };
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
  const ownTags = new Set(current.tags ?? []);
  const sharedTags = (article: T) => new Set((article.data.tags ?? []).filter((tag) => ownTags.has(tag))).size;
  return articles
    .filter((article) => article.url !== current.url)
    .map((article) => ({ article, shared: sharedTags(article) }))
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.article.date.getTime() - a.article.date.getTime() ||
        a.article.data.title.localeCompare(b.article.data.title, "en") ||
        a.article.url.localeCompare(b.article.url, "en"),
    )
    .slice(0, limit)
    .map(({ article }) => article);
}
