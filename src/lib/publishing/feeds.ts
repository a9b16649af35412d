import type { Article } from "../content/schemas.ts";
import { displayName } from "../site/people.ts";
import { articleLanguage } from "../words/language.ts";

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

/** An article as Eleventy's collections hold it: its site path, its file, its rendered content and its front matter. */
export interface FeedArticle {
  url: string;
  inputPath: string;
  content: string;
  data: Article;
}

/** What the build made that an entry names: absolute addresses, and the pictures made of the article's. */
export interface FeedMaking {
  /** A site path as an absolute address (with the path prefix). */
  absolute(path: string): string;
  /** An article's HTML with its pictures as the <picture>s the build made; `where` names it in a failure. */
  withPictures(html: string, where: string): Promise<string>;
  /** The site path of the one picture the build made of a source picture, for readers that take one. */
  rendition(src: string): Promise<string>;
}

/** The articles as the feeds describe them, in the site's language unless an article says its own. */
export function feedEntries(
  articles: readonly FeedArticle[],
  siteLanguage: string,
  made: FeedMaking,
): Promise<FeedEntry[]> {
  return Promise.all(
    articles.map(async (article) => ({
      url: made.absolute(article.url),
      title: article.data.title,
      summary: article.data.summary,
      language: articleLanguage(article.data.lang, siteLanguage).tag,
      // The content as written, before the page transform made <picture>s of its pictures.
      contentHtml: await made.withPictures(article.content, article.inputPath),
      date: article.data.date,
      updated: article.data.updated,
      authors: article.data.people.map(displayName),
      image: made.absolute(await made.rendition(article.data.image.src)),
    })),
  );
}
