import type { EleventyConfig } from "@11ty/eleventy";

/** Files served as they are: images and icons from static/, CSS and scripts from src/assets/. */
export default function assets(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ static: "/" });
  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
}
