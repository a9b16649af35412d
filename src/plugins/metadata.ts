import type { CollectionItem, EleventyConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import type { Article, Day, Site } from "../lib/content/schemas.ts";
import { type FeedMaking, feedEntries, jsonFeed, lastUpdated } from "../lib/publishing/feeds.ts";
import {
  type DescribedPage,
  jsonLdPictures,
  jsonLdScript,
  structuredDataFor,
} from "../lib/publishing/structured-data.ts";
import { absoluteUrl, currentLink } from "../lib/publishing/urls.ts";
import type { EventListing } from "../lib/site/events.ts";
import { nextOccurrence } from "../lib/words/dates.ts";
import type { SiteDesignHolder } from "./design.ts";
import { buildPictures } from "./images.ts";

/**
 * What machines read: the Atom and JSON feeds, JSON-LD, and the absolute addresses of canonical
 * links, sitemaps and feeds. The templates are in src/pages/.
 */
export default function metadata(
  eleventyConfig: EleventyConfig,
  { now, design }: { now: DateTime; design: SiteDesignHolder },
): void {
  const full = (path: string, site: Site) => absoluteUrl(path, site.url, eleventyConfig.pathPrefix);
  // Feeds and JSON-LD name the pictures the build made: a source picture is never published.
  const pictures = buildPictures(eleventyConfig, design);
  const made = (site: Site): FeedMaking => ({
    absolute: (path) => full(path, site),
    withPictures: pictures.withPictures,
    rendition: pictures.rendition,
  });

  // Named apart from the RSS plugin's `absoluteUrl`, which knows nothing of the path prefix.
  eleventyConfig.addFilter("fullUrl", (path: string, siteUrl: string) =>
    absoluteUrl(path, siteUrl, eleventyConfig.pathPrefix),
  );
  // The navigation's aria-current: what assistive technology says of each link, the current page or its section.
  eleventyConfig.addFilter("currentLink", currentLink);
  // Its date filters (dateToRfc3339) for the Atom feed.
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addFilter("feedUpdated", (articles: CollectionItem<Article>[]) =>
    lastUpdated(articles.map((article) => article.data)),
  );
  eleventyConfig.addAsyncFilter("jsonFeed", async (articles: CollectionItem<Article>[], site: Site) =>
    jsonFeed(
      {
        title: site.name,
        description: site.description,
        language: site.language,
        homeUrl: full("/", site),
        feedUrl: full("/feed.json", site),
        icon: full("/favicon.svg", site),
      },
      await feedEntries(articles, site.language, made(site)),
    ),
  );

  eleventyConfig.addFilter("jsonLd", jsonLdScript);
  // The JSON-LD blocks of a page, chosen by its kind; structured-data.njk prints each.
  eleventyConfig.addAsyncFilter(
    "structuredData",
    async (
      page: DescribedPage,
      sources: {
        site: Site;
        day: Day;
        articlesIndex: { name: string; path: string };
        articles: CollectionItem<Article>[];
        featured: CollectionItem<Article>[];
        onPage?: CollectionItem<Article>[];
        events?: EventListing[];
      },
    ) => {
      // The pictures a page's JSON-LD may name, as the build made them: a source picture is never published.
      const pictureUrl = await jsonLdPictures(page.path, sources, pictures.rendition);
      return structuredDataFor(page, {
        ...sources,
        site: { ...sources.site, pathPrefix: eleventyConfig.pathPrefix, pictureUrl },
        next: nextOccurrence(sources.day.date, now),
      });
    },
  );
}
