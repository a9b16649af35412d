import type { EleventyConfig } from "@11ty/eleventy";
import { commentCountLabel, commentsOf, commentThreads } from "../lib/site/comments.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** A page's approved comments (_data/comments/), as threads, and how many there are in words. */
export default function comments(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  eleventyConfig.addFilter("commentsOf", commentsOf);
  eleventyConfig.addFilter("commentThreads", commentThreads);
  eleventyConfig.addFilter("commentCountLabel", (count: number) =>
    commentCountLabel(count, locale.words().comments.count, locale.language()),
  );
}
