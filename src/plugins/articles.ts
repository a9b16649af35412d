import type { CollectionApi, CollectionItem, EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../lib/content/schemas.ts";
import { feedLength, homeFeaturedLimit, isArticlePath, newestFirst } from "../lib/site/articles.ts";
import { displayName } from "../lib/site/people.ts";
import { type Relatable, relatedArticles } from "../lib/site/related.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** The articles as lists (all, featured on the home page, the feeds' latest), their related articles and people. */
export default function articles(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  // Three collections list the articles: they are found and sorted once a build (one CollectionApi each),
  // by their path rather than Eleventy's glob filter, which compiles its glob again for every page it tests.
  const sorted = new WeakMap<CollectionApi, CollectionItem<Article>[]>();
  const all = (api: CollectionApi) => {
    let articles = sorted.get(api);
    if (!articles) {
      const found = api.getAll<Article>().filter((item) => isArticlePath(item.inputPath));
      // Articles of one day and one title stay in the order of their files, as Eleventy's sorted lists have them.
      found.sort((a, b) => (a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0));
      articles = newestFirst(found, locale.language());
      sorted.set(api, articles);
    }
    return [...articles];
  };
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
