import type { EleventyConfig } from "@11ty/eleventy";
import { createMarkdown } from "../lib/content/markdown.ts";

export default function markdown(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setLibrary("md", createMarkdown());
}
