import type { CollectionItem, EleventyConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import { nextOccurrence } from "../lib/dates.ts";
import { jsonFeed, lastUpdated } from "../lib/feeds.ts";
import { displayName } from "../lib/people.ts";
import type { Article, Day, Site } from "../lib/schemas.ts";
import { type DescribedPage, jsonLdScript, structuredDataFor } from "../lib/structured-data.ts";
import { absoluteUrl } from "../lib/urls.ts";

/** What machines read: the Atom and JSON feeds and JSON-LD. The templates are in src/pages/. */
export default function metadata(eleventyConfig: EleventyConfig, { now }: { now: DateTime }): void {
  const full = (path: string, site: Site) => absoluteUrl(path, site.url, eleventyConfig.pathPrefix);
  const feedEntries = (articles: CollectionItem<Article>[], site: Site) =>
    articles.map((article) => ({
      url: full(article.url, site),
      title: article.data.title,
      summary: article.data.summary,
      contentHtml: article.content,
      date: article.data.date,
      updated: article.data.updated,
      authors: article.data.people.map(displayName),
      image: full(article.data.image.src, site),
    }));

  // Its date filters (dateToRfc3339) for the Atom feed.
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("feedUpdated", (articles: CollectionItem<Article>[]) =>
    lastUpdated(articles.map((article) => article.data)),
  );
  eleventyConfig.addFilter("jsonFeed", (articles: CollectionItem<Article>[], site: Site) =>
    jsonFeed(
      {
        title: site.name,
        description: site.description,
        language: site.language,
        homeUrl: full("/", site),
        feedUrl: full("/feed.json", site),
        icon: full("/favicon.svg", site),
      },
      feedEntries(articles, site),
    ),
  );

  eleventyConfig.addFilter("jsonLd", jsonLdScript);
  // The JSON-LD blocks of a page, chosen by its kind; structured-data.njk prints each.
  eleventyConfig.addFilter(
    "structuredData",
    (
      page: DescribedPage,
      sources: {
        site: Site;
        day: Day;
        articlesIndex: { name: string; path: string };
        articles: CollectionItem<Article>[];
        featured: CollectionItem<Article>[];
        onPage?: CollectionItem<Article>[];
      },
    ) =>
      structuredDataFor(page, {
        ...sources,
        site: { ...sources.site, pathPrefix: eleventyConfig.pathPrefix },
        next: nextOccurrence(sources.day.date, now),
      }),
  );
}
