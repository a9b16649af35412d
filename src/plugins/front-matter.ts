import type { EleventyConfig } from "@11ty/eleventy";
import { frontMatterEngines } from "../lib/content/front-matter.ts";

/** Eleventy reads front matter with the content check's own YAML parser, and with no other engine. */
export default function frontMatter(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setFrontMatterParsingOptions({ language: "yaml", engines: frontMatterEngines() });
}
