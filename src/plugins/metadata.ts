import type { CollectionItem, EleventyConfig } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import type { Article, Day, Site } from "../lib/content/schemas.ts";
import { jsonFeed, lastUpdated } from "../lib/publishing/feeds.ts";
import { type DescribedPage, jsonLdScript, structuredDataFor } from "../lib/publishing/structured-data.ts";
import { absoluteUrl } from "../lib/publishing/urls.ts";
import { findByUrl } from "../lib/site/articles.ts";
import type { EventListing } from "../lib/site/events.ts";
import { displayName } from "../lib/site/people.ts";
import { nextOccurrence } from "../lib/words/dates.ts";
import { articleLanguage } from "../lib/words/language.ts";
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
  const feedEntries = (articles: CollectionItem<Article>[], site: Site) =>
    Promise.all(
      articles.map(async (article) => ({
        url: full(article.url, site),
        title: article.data.title,
        summary: article.data.summary,
        language: articleLanguage(article.data.lang, site.language).tag,
        // The content as written, before the page transform made <picture>s of its pictures.
        contentHtml: await pictures.withPictures(article.content, article.inputPath),
        date: article.data.date,
        updated: article.data.updated,
        authors: article.data.people.map(displayName),
        image: full(await pictures.rendition(article.data.image.src), site),
      })),
    );

  // Named apart from the RSS plugin's `absoluteUrl`, which knows nothing of the path prefix.
  eleventyConfig.addFilter("fullUrl", (path: string, siteUrl: string) =>
    absoluteUrl(path, siteUrl, eleventyConfig.pathPrefix),
  );
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
      await feedEntries(articles, site),
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
      // The pictures a page's JSON-LD may name: the day's, and an article's own on its page.
      const shown = [
        sources.day.image.src,
        findByUrl(sources.articles, page.path)?.data.image.src,
        findByUrl(sources.events ?? [], page.path)?.data.image?.src,
      ];
      const renditions = new Map(
        await Promise.all(
          shown.filter((src) => src !== undefined).map(async (src) => [src, await pictures.rendition(src)] as const),
        ),
      );
      const pictureUrl = (src: string) => {
        const url = renditions.get(src);
        if (url === undefined) throw new Error(`JSON-LD: ${page.path}: expected a picture made of ${src}, found none`);
        return url;
      };
      return structuredDataFor(page, {
        ...sources,
        site: { ...sources.site, pathPrefix: eleventyConfig.pathPrefix, pictureUrl },
        next: nextOccurrence(sources.day.date, now),
      });
    },
  );
}
