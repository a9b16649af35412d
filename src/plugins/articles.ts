import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../lib/content/schemas.ts";
import { feedLength, homeFeaturedLimit, newestFirst } from "../lib/site/articles.ts";
import { displayName } from "../lib/site/people.ts";
import { type Relatable, relatedArticles } from "../lib/site/related.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** The articles as lists (all, featured on the home page, the feeds' latest), their related articles and people. */
export default function articles(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  const all = (api: CollectionApi) => newestFirst(api.getFilteredByGlob<Article>("articles/*.md"), locale.language());
  eleventyConfig.addCollection("articles", all);
  eleventyConfig.addCollection("featuredArticles", (api: CollectionApi) =>
    all(api)
      .filter((article) => article.data.featured)
      .slice(0, homeFeaturedLimit),
  );
  eleventyConfig.addCollection("latestArticles", (api: CollectionApi) => all(api).slice(0, feedLength));
  eleventyConfig.addFilter(
    "related",
    (list: Relatable[], current: { url?: string; tags?: string[]; excluding?: Relatable[] }) =>
      relatedArticles(list, current, locale.language()),
  );
  eleventyConfig.addFilter("displayName", displayName);
}
