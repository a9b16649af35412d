import type { EleventyConfig } from "@11ty/eleventy";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildTime } from "./src/lib/words/dates.ts";
import assets from "./src/plugins/assets.ts";
import content from "./src/plugins/content.ts";
import day from "./src/plugins/day.ts";
import drafts from "./src/plugins/drafts.ts";
import frontMatter from "./src/plugins/front-matter.ts";
import graphics from "./src/plugins/graphics.ts";
import images from "./src/plugins/images.ts";
import listings from "./src/plugins/listings.ts";
import { siteLocale } from "./src/plugins/locale.ts";
import markdown from "./src/plugins/markdown.ts";
import metadata from "./src/plugins/metadata.ts";
import search from "./src/plugins/search.ts";
import thanks from "./src/plugins/thanks.ts";
import timings from "./src/plugins/timings.ts";
import typescriptData from "./src/plugins/typescript-data.ts";
import validation from "./src/plugins/validation.ts";

export default function (eleventyConfig: EleventyConfig): void {
  // The build's clock, read once (SOURCE_DATE_EPOCH fixes it): every page agrees on which day is next.
  const now = buildTime();
  // The site's language and the interface's words in it, read before each build: dates, numbers and sorting follow it.
  const locale = siteLocale();

  // A line per file written is thousands of lines; Eleventy's summary and the plugins' timings remain.
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addPlugin(timings);
  eleventyConfig.addPlugin(frontMatter);
  eleventyConfig.addPlugin(typescriptData);
  eleventyConfig.addPlugin(validation, { now });
  eleventyConfig.addPlugin(locale.plugin);
  eleventyConfig.addPlugin(drafts);
  eleventyConfig.addPlugin(markdown);
  eleventyConfig.addPlugin(content, { locale });
  eleventyConfig.addPlugin(day, { now, locale });
  eleventyConfig.addPlugin(metadata, { now });
  eleventyConfig.addPlugin(assets);
  eleventyConfig.addPlugin(images);
  eleventyConfig.addPlugin(graphics, { locale });
  eleventyConfig.addPlugin(thanks, { locale });
  eleventyConfig.addPlugin(listings, { now, locale });
  eleventyConfig.addPlugin(search);
  // Writes the path prefix into every root-relative URL, so the site also works under a sub-path.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Only articles/, events/, programmes/ and src/pages/ are pages: every other folder of the project holds no template
  // (Markdown there, like README.md, is for people reading the repository).
  for (const notAPage of [
    "*.md",
    "_data/**",
    ".github/**",
    "docs/**",
    "tests/**",
    "static/**",
    "tools/**",
    "bench/**",
  ]) {
    eleventyConfig.ignores.add(notAPage);
  }
}

export const config = {
  dir: { input: ".", includes: "src/_includes", data: "_data", output: "_site" },
  templateFormats: ["md", "njk"],
  htmlTemplateEngine: "njk",
  // Article Markdown is not run through a template engine: `{{ }}` in an article is text.
  markdownTemplateEngine: false,
};
