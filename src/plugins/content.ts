import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import { newestFirst } from "../lib/articles.ts";
import { publicComments } from "../lib/comments.ts";
import type { AnnualDate } from "../lib/dates.ts";
import {
  buildTime,
  formatAnnualDate,
  formatDate,
  formatLongDate,
  isObservedOn,
  isoDate,
  nextOccurrence,
} from "../lib/dates.ts";
import { relatedArticles } from "../lib/related.ts";
import type { Article } from "../lib/schemas.ts";
import { shareLinks } from "../lib/share-links.ts";
import { absoluteUrl } from "../lib/urls.ts";

/** Collections and filters that turn articles and `_data/` into what templates show. */
export default function content(eleventyConfig: EleventyConfig): void {
  const now = buildTime();

  eleventyConfig.addCollection("articles", (api: CollectionApi) =>
    newestFirst(api.getFilteredByGlob<Article>("articles/*.md")),
  );

  eleventyConfig.addFilter("related", relatedArticles);
  eleventyConfig.addFilter("publicComments", publicComments);
  eleventyConfig.addFilter("annualDate", (date: AnnualDate) => formatAnnualDate(date));
  eleventyConfig.addFilter("nextOccurrence", (date: AnnualDate) => nextOccurrence(date, now));
  eleventyConfig.addFilter("isToday", (date: AnnualDate) => isObservedOn(date, now));
  eleventyConfig.addFilter("longDate", formatLongDate);
  eleventyConfig.addFilter("readableDate", formatDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("absoluteUrl", (path: string, siteUrl: string) =>
    absoluteUrl(path, siteUrl, eleventyConfig.pathPrefix),
  );
  eleventyConfig.addFilter("shareLinks", shareLinks);
}
