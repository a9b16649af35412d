import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import type { Article } from "../lib/content/schemas.ts";
import { hashtags, type SharedPage, shareLinks } from "../lib/publishing/share-links.ts";
import { absoluteUrl } from "../lib/publishing/urls.ts";
import { feedLength, homeFeaturedLimit, newestFirst } from "../lib/site/articles.ts";
import { commentCountLabel, commentsOf, commentThreads } from "../lib/site/comments.ts";
import { displayName } from "../lib/site/people.ts";
import { type Relatable, relatedArticles } from "../lib/site/related.ts";
import { formatDate, isoDate } from "../lib/words/dates.ts";
import { articleLanguage, languageMarkup } from "../lib/words/language.ts";
import { pageTitles } from "../lib/words/page-title.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** Collections and filters that turn articles and `_data/` into what templates show. */
export default function content(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  const articles = (api: CollectionApi) =>
    newestFirst(api.getFilteredByGlob<Article>("articles/*.md"), locale.language());
  eleventyConfig.addCollection("articles", articles);
  eleventyConfig.addCollection("featuredArticles", (api: CollectionApi) =>
    articles(api)
      .filter((article) => article.data.featured)
      .slice(0, homeFeaturedLimit),
  );
  eleventyConfig.addCollection("latestArticles", (api: CollectionApi) => articles(api).slice(0, feedLength));

  eleventyConfig.addFilter("related", (articles: Relatable[], current: { url?: string; tags?: string[] }) =>
    relatedArticles(articles, current, locale.language()),
  );
  eleventyConfig.addFilter("commentsOf", commentsOf);
  eleventyConfig.addFilter("commentThreads", commentThreads);
  eleventyConfig.addFilter("commentCountLabel", (count: number) =>
    commentCountLabel(count, locale.words().comments.count, locale.language()),
  );
  eleventyConfig.addFilter("readableDate", (date: Date) => formatDate(date, locale.language()));
  eleventyConfig.addFilter("isoDate", isoDate);
  // Named apart from the RSS plugin's `absoluteUrl`, which knows nothing of the path prefix.
  eleventyConfig.addFilter("fullUrl", (path: string, siteUrl: string) =>
    absoluteUrl(path, siteUrl, eleventyConfig.pathPrefix),
  );
  eleventyConfig.addFilter("shareLinks", (page: SharedPage) => shareLinks(page, locale.words().share.links));
  eleventyConfig.addFilter("hashtags", hashtags);
  eleventyConfig.addFilter("pageTitles", pageTitles);
  eleventyConfig.addFilter("displayName", displayName);
  // ` lang="ar" dir="rtl"` on what is written in an article's language, when it is not the page's.
  eleventyConfig.addFilter("languageMarkup", languageMarkup);
  eleventyConfig.addFilter("articleLanguage", articleLanguage);
}
