import type { EleventyConfig } from "@11ty/eleventy";

/**
 * `draft: true` articles exist only in the dev server (`npm start`), marked as drafts.
 * In any other build they are dropped before Eleventy reads them, so no page, collection,
 * related list, feed, sitemap or search index ever sees them.
 */
export default function drafts(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPreprocessor("drafts", "md", (data) => {
    if (data.draft === true && process.env.ELEVENTY_RUN_MODE !== "serve") return false;
    return undefined;
  });
}
