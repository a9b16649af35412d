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
  const ranked = (a: { article: T; shared: number }, b: { article: T; shared: number }) =>
    b.shared - a.shared ||
    b.article.date.getTime() - a.article.date.getTime() ||
    a.article.data.title.localeCompare(b.article.data.title, "en") ||
    a.article.url.localeCompare(b.article.url, "en");

  // Keeps only the best `limit` while walking the list once: every page of a large site
  // asks for its related articles, so sorting the whole list each time would cost n² log n.
  const best: { article: T; shared: number }[] = [];
  for (const article of articles) {
    if (article.url === current.url) continue;
    const candidate = { article, shared: new Set((article.data.tags ?? []).filter((tag) => ownTags.has(tag))).size };
    const last = best[best.length - 1];
    if (best.length === limit && last && ranked(candidate, last) >= 0) continue;
    const position = best.findIndex((entry) => ranked(candidate, entry) < 0);
    best.splice(position === -1 ? best.length : position, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ article }) => article);
}
