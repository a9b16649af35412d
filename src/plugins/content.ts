import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import { feedLength, homeFeaturedLimit, newestFirst } from "../lib/articles.ts";
import { commentCountLabel, commentsOf, commentThreads } from "../lib/comments.ts";
import { formatDate, isoDate } from "../lib/dates.ts";
import { articleLanguage, languageMarkup } from "../lib/language.ts";
import { pageTitles } from "../lib/page-title.ts";
import { displayName } from "../lib/people.ts";
import { relatedArticles } from "../lib/related.ts";
import type { Article } from "../lib/schemas.ts";
import { hashtags, shareLinks } from "../lib/share-links.ts";
import { absoluteUrl } from "../lib/urls.ts";

/** Collections and filters that turn articles and `_data/` into what templates show. */
export default function content(eleventyConfig: EleventyConfig): void {
  const articles = (api: CollectionApi) => newestFirst(api.getFilteredByGlob<Article>("articles/*.md"));
  eleventyConfig.addCollection("articles", articles);
  eleventyConfig.addCollection("featuredArticles", (api: CollectionApi) =>
    articles(api)
      .filter((article) => article.data.featured)
      .slice(0, homeFeaturedLimit),
  );
  eleventyConfig.addCollection("latestArticles", (api: CollectionApi) => articles(api).slice(0, feedLength));

  eleventyConfig.addFilter("related", relatedArticles);
  eleventyConfig.addFilter("commentsOf", commentsOf);
  eleventyConfig.addFilter("commentThreads", commentThreads);
  eleventyConfig.addFilter("commentCountLabel", commentCountLabel);
  eleventyConfig.addFilter("readableDate", formatDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  // Named apart from the RSS plugin's `absoluteUrl`, which knows nothing of the path prefix.
  eleventyConfig.addFilter("fullUrl", (path: string, siteUrl: string) =>
    absoluteUrl(path, siteUrl, eleventyConfig.pathPrefix),
  );
  eleventyConfig.addFilter("shareLinks", shareLinks);
  eleventyConfig.addFilter("hashtags", hashtags);
  eleventyConfig.addFilter("pageTitles", pageTitles);
  eleventyConfig.addFilter("displayName", displayName);
  // ` lang="ar" dir="rtl"` on what is written in an article's language, when it is not the page's.
  eleventyConfig.addFilter("languageMarkup", languageMarkup);
  eleventyConfig.addFilter("articleLanguage", articleLanguage);
}
