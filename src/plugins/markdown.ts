import type { EleventyConfig } from "@11ty/eleventy";
import { createMarkdown } from "../lib/markdown.ts";

export default function markdown(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setLibrary("md", createMarkdown());
}
