import type { EleventyConfig } from "@11ty/eleventy";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { buildTime } from "./src/lib/words/dates.ts";
import articles from "./src/plugins/articles.ts";
import assets from "./src/plugins/assets.ts";
import calendar from "./src/plugins/calendar.ts";
import comments from "./src/plugins/comments.ts";
import dates from "./src/plugins/dates.ts";
import { siteDesign } from "./src/plugins/design.ts";
import drafts from "./src/plugins/drafts.ts";
import frontMatter from "./src/plugins/front-matter.ts";
import icons from "./src/plugins/icons.ts";
import images from "./src/plugins/images.ts";
import listings from "./src/plugins/listings.ts";
import { siteLocale } from "./src/plugins/locale.ts";
import markdown from "./src/plugins/markdown.ts";
import metadata from "./src/plugins/metadata.ts";
import search from "./src/plugins/search.ts";
import sharing from "./src/plugins/sharing.ts";
import socialCards from "./src/plugins/social-cards.ts";
import thanks from "./src/plugins/thanks.ts";
import timings from "./src/plugins/timings.ts";
import toolkit from "./src/plugins/toolkit.ts";
import typescriptData from "./src/plugins/typescript-data.ts";
import validation from "./src/plugins/validation.ts";

// Every filter, shortcode, collection and global the plugins register is listed, with the
// module behind it, in src/plugins/README.md (a unit test keeps that list true).
export default function (eleventyConfig: EleventyConfig): void {
  // The build's clock, read once (SOURCE_DATE_EPOCH fixes it): every page agrees on which day is next.
  const now = buildTime();
  // The site's language and the interface's words in it, read before each build: dates, numbers and sorting follow it.
  const locale = siteLocale();
  // The design tokens, read before each build: the stylesheet, cards, icons and pictures' sizes are made from them.
  const design = siteDesign();

  // A line per file written is thousands of lines; Eleventy's summary and the plugins' timings remain.
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addPlugin(timings);
  eleventyConfig.addPlugin(frontMatter);
  eleventyConfig.addPlugin(typescriptData);
  eleventyConfig.addPlugin(validation, { now });
  eleventyConfig.addPlugin(locale.plugin);
  eleventyConfig.addPlugin(design.plugin);
  eleventyConfig.addPlugin(drafts);
  eleventyConfig.addPlugin(markdown);
  eleventyConfig.addPlugin(articles, { locale });
  eleventyConfig.addPlugin(comments, { locale });
  eleventyConfig.addPlugin(dates, { now, locale });
  eleventyConfig.addPlugin(calendar, { now });
  eleventyConfig.addPlugin(sharing, { locale });
  eleventyConfig.addPlugin(images, { design });
  eleventyConfig.addPlugin(metadata, { now, design });
  eleventyConfig.addPlugin(assets, { design });
  eleventyConfig.addPlugin(socialCards, { locale, design });
  eleventyConfig.addPlugin(toolkit, { locale, design });
  eleventyConfig.addPlugin(icons, { design });
  eleventyConfig.addPlugin(thanks, { locale, design });
  eleventyConfig.addPlugin(listings, { now, locale, design });
  eleventyConfig.addPlugin(search);
  // Writes the path prefix into every root-relative URL, so the site also works under a sub-path.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  // Only articles/, events/, programmes/ and src/pages/ are pages: every other folder of the project holds no template
  // (Markdown there, like README.md, is for people reading the repository).
  for (const notAPage of [
    "*.md",
    "src/**/*.md",
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
