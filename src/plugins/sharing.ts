import type { EleventyConfig } from "@11ty/eleventy";
import { hashtags, type SharedPage, shareLinks } from "../lib/publishing/share-links.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** The links that share a page on other sites, and the day's hashtags. */
export default function sharing(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  eleventyConfig.addFilter("shareLinks", (page: SharedPage) => shareLinks(page, locale.words().share.links));
  eleventyConfig.addFilter("hashtags", hashtags);
}
