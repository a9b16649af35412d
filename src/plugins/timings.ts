import type { EleventyConfig } from "@11ty/eleventy";

/**
 * Says how long Eleventy took to write the pages, before the work that follows them (social
 * cards, the search index) starts. Registered first, so that its "after" runs first.
 */
export default function timings(eleventyConfig: EleventyConfig): void {
  let started = 0;
  eleventyConfig.on("eleventy.before", () => {
    started = performance.now();
  });
  eleventyConfig.on("eleventy.after", ({ results }) => {
    console.log(`[pages] ${results.length} pages written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
}
