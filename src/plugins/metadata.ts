import type { CollectionItem, EleventyConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import { nextOccurrence } from "../lib/dates.ts";
import { jsonFeed, lastUpdated } from "../lib/feeds.ts";
import type { Article, Day, Site } from "../lib/schemas.ts";
import {
  articleJsonLd,
  breadcrumbJsonLd,
  collectionPageJsonLd,
  eventJsonLd,
  jsonLdScript,
} from "../lib/structured-data.ts";
import { absoluteUrl } from "../lib/urls.ts";

/** What machines read: the Atom and JSON feeds and JSON-LD. The templates are in src/pages/. */
export default function metadata(eleventyConfig: EleventyConfig, { now }: { now: DateTime }): void {
  const full = (path: string, site: Site) => absoluteUrl(path, site.url, eleventyConfig.pathPrefix);
  const publisher = (site: Site) => ({ name: site.name, url: site.url, pathPrefix: eleventyConfig.pathPrefix });
  const linked = (pages: { name: string; path: string }[], site: Site) =>
    pages.map(({ name, path }) => ({ name, url: full(path, site) }));
  const feedEntries = (articles: CollectionItem<Article>[], site: Site) =>
    articles.map((article) => ({
      url: full(article.url, site),
      title: article.data.title,
      summary: article.data.summary,
      contentHtml: article.content,
      date: article.data.date,
      updated: article.data.updated,
      authors: article.data.people.map((person) => [person.honorific, person.name].filter(Boolean).join(" ")),
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
  eleventyConfig.addFilter("eventJsonLd", (day: Day, site: Site) =>
    eventJsonLd(day, nextOccurrence(day.date, now), publisher(site)),
  );
  eleventyConfig.addFilter("articleJsonLd", (article: CollectionItem<Article>, site: Site) =>
    articleJsonLd({ url: full(article.url, site), data: article.data }, publisher(site)),
  );
  eleventyConfig.addFilter("breadcrumbJsonLd", (pages: { name: string; path: string }[], site: Site) =>
    breadcrumbJsonLd(linked(pages, site)),
  );
  eleventyConfig.addFilter(
    "collectionJsonLd",
    (articles: CollectionItem<Article>[], page: { name: string; path: string; description: string }, site: Site) =>
      collectionPageJsonLd(
        { name: page.name, url: full(page.path, site), description: page.description },
        linked(
          articles.map((article) => ({ name: article.data.title, path: article.url })),
          site,
        ),
      ),
  );
}
