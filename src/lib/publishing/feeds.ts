/** An article as the feeds describe it: absolute addresses, rendered HTML. */
export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  /** The article's language, a BCP 47 tag: the site's unless it says its own. */
  language: string;
  contentHtml: string;
  date: Date;
  updated?: Date;
  authors: string[];
  /** A picture the build made (under /img/): a source picture is never published. */
  image: string;
}

export interface FeedSite {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  feedUrl: string;
  icon: string;
}

/** The newest date of any entry, published or updated: the feed's own "updated". */
export function lastUpdated(entries: readonly Pick<FeedEntry, "date" | "updated">[]): Date {
  const times = entries.map((entry) => (entry.updated ?? entry.date).getTime());
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(site: FeedSite, entries: readonly FeedEntry[]): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: site.title,
    description: site.description,
    language: site.language,
    home_page_url: site.homeUrl,
    feed_url: site.feedUrl,
    icon: site.icon,
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      language: entry.language,
      content_html: entry.contentHtml,
      image: entry.image,
      date_published: entry.date.toISOString(),
      ...(entry.updated ? { date_modified: entry.updated.toISOString() } : {}),
      authors: entry.authors.map((name) => ({ name })),
    })),
  };
  return JSON.stringify(feed, null, 2);
}
