import type { EleventyConfig } from "@11ty/eleventy";
import { type BuildPictures, picturesOfBuild } from "../lib/graphics/picture-files.ts";
import { thumbnailPixels } from "../lib/publishing/design-tokens.ts";
import { normalisedPrefix } from "../lib/publishing/urls.ts";
import type { SiteDesignHolder } from "./design.ts";

const perConfig = new WeakMap<EleventyConfig, BuildPictures>();

/**
 * The pictures of the build that `eleventyConfig` runs, shared by the plugins that show them
 * (this one for pages, metadata.ts for feeds and JSON-LD).
 */
export function buildPictures(eleventyConfig: EleventyConfig, design: SiteDesignHolder): BuildPictures {
  const known = perConfig.get(eleventyConfig);
  if (known) return known;
  const pictures = picturesOfBuild({
    prefix: normalisedPrefix(eleventyConfig.pathPrefix),
    defaultSizes: () => design.tokens().sizes.mainColumn,
    thumbnail: () => thumbnailPixels(design.tokens().layout),
  });
  eleventyConfig.on("eleventy.before", ({ directories }) => pictures.start(directories));
  eleventyConfig.on("eleventy.after", () => {
    const { count, seconds } = pictures.made();
    console.log(`[images] ${count} pictures in ${seconds.toFixed(2)} s`);
  });
  perConfig.set(eleventyConfig, pictures);
  return pictures;
}

/**
 * Pictures from static/images/ become <picture>s of AVIF, WebP and JPEG or PNG at widths that
 * fit the layout; only what was made of them is published. A picture whose template gives no
 * `sizes` spans the main column (the design tokens' `sizes.mainColumn`). A picture that search
 * shows (`data-pagefind-meta="image[src]"`) gets a thumbnail at the size search shows it.
 */
export default function images(eleventyConfig: EleventyConfig, { design }: { design: SiteDesignHolder }): void {
  const pictures = buildPictures(eleventyConfig, design);
  // Not copied to the site, so not watched as a copy would be: `npm start` remakes a changed picture.
  eleventyConfig.addWatchTarget("static/images/");
  const prefix = normalisedPrefix(eleventyConfig.pathPrefix);
  // Eleventy's own HTML transform (the path prefix) has already run: addresses carry the prefix.
  eleventyConfig.addTransform("pictures", async function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    return pictures.withPictures(content, this.page.inputPath, prefix);
  });
  // For HTML no page transform sees, such as an article's content in the Atom feed:
  // `{{ article.content | withPictures(article.inputPath) }}`.
  eleventyConfig.addAsyncFilter("withPictures", (html: string, where: string) => pictures.withPictures(html, where));
}
