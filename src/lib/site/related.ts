/** What related-article ranking needs to know about an article (the shape of an Eleventy collection item). */
export interface Relatable {
  url: string;
  date: Date;
  data: { title: string; tags?: readonly string[] };
}

import { compareText } from "../words/locale.ts";

interface ArticleIndex<T> {
  /** The language whose order titles are sorted in. */
  language: string;
  /** Every article with a tag, by tag. */
  byTag: Map<string, T[]>;
  /** All articles, newest first, then by title and URL: the order among equals. */
  newestFirst: T[];
  /** Each article's place in `newestFirst`, so that ties are broken by comparing two numbers. */
  rank: Map<T, number>;
  /** The best few for each set of tags already asked for: many pages share a set. */
  bestForTags: Map<string, T[]>;
}

// Every page of a build asks with the same list: it is indexed once, not once a page.
const indexes = new WeakMap<readonly Relatable[], ArticleIndex<Relatable>>();

function indexOf<T extends Relatable>(articles: readonly T[], language: string): ArticleIndex<T> {
  let index = indexes.get(articles) as ArticleIndex<T> | undefined;
  if (index?.language !== language) {
    const byText = compareText(language);
    const newestFirst = [...articles].sort(
      (a, b) => b.date.getTime() - a.date.getTime() || byText(a.data.title, b.data.title) || byText(a.url, b.url),
    );
    const byTag = new Map<string, T[]>();
    for (const article of newestFirst) {
      for (const tag of new Set(article.data.tags ?? [])) {
        const tagged = byTag.get(tag);
        if (tagged) tagged.push(article);
        else byTag.set(tag, [article]);
      }
    }
    const rank = new Map(newestFirst.map((article, place) => [article, place]));
    index = { language, byTag, newestFirst, rank, bestForTags: new Map() };
    indexes.set(articles, index as ArticleIndex<Relatable>);
  }
  return index;
}

/**
 * Other articles ranked by how many tags they share with `current`, then newest
 * first, then by title and URL (as `language` sorts them) so that the order never depends on input order.
 * `current` itself is never in the list, nor any article of `current.excluding` (those the page shows already).
 */
export function relatedArticles<T extends Relatable>(
  articles: readonly T[],
  current: { url?: string; tags?: readonly string[]; excluding?: readonly Relatable[] },
  language: string,
  limit = 3,
): T[] {
  const index = indexOf(articles, language);
  const tags = [...new Set(current.tags ?? [])].sort();
  const shown = new Set([current.url, ...(current.excluding ?? []).map((article) => article.url)]);
  // As many more than asked for as the page may show already: whichever page asks, its own are left out.
  const wanted = limit + shown.size;
  const key = `${wanted} ${tags.join(" ")}`;
  let best = index.bestForTags.get(key);
  if (!best) {
    best = bestSharing(index, tags, wanted);
    index.bestForTags.set(key, best);
  }
  return best.filter((article) => !shown.has(article.url)).slice(0, limit);
}

/** The `limit` articles sharing most of `tags`, then the newest of the rest. */
function bestSharing<T extends Relatable>(
  { byTag, newestFirst, rank }: ArticleIndex<T>,
  tags: string[],
  limit: number,
) {
  const shared = new Map<T, number>();
  for (const tag of tags) {
    for (const article of byTag.get(tag) ?? []) shared.set(article, (shared.get(article) ?? 0) + 1);
  }
  // The best of them in one pass: a page shows three, and sorting thousands for that is waste.
  const better = (a: T, b: T) => (shared.get(a) ?? 0) - (shared.get(b) ?? 0) || (rank.get(b) ?? 0) - (rank.get(a) ?? 0);
  const best: T[] = [];
  for (const article of shared.keys()) {
    if (best.length === limit) {
      if (better(article, best[limit - 1] as T) <= 0) continue;
      best.pop();
    }
    let place = best.length;
    while (place > 0 && better(article, best[place - 1] as T) > 0) place--;
    best.splice(place, 0, article);
  }
  for (const article of newestFirst) {
    if (best.length >= limit) break;
    if (!shared.has(article)) best.push(article);
  }
  return best;
}
