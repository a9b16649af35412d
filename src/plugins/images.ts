import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { decodedImagePath, isContainedImagePath } from "../lib/content/check.ts";
import { imageCacheDir, largestFallback, type ProcessedImage, processImage } from "../lib/graphics/image-files.ts";
import { getAttribute, pictureHtml, replaceImages } from "../lib/graphics/picture.ts";
import { normalisedPrefix } from "../lib/publishing/urls.ts";
import type { SiteDesignHolder } from "./design.ts";

/** The pictures of one build, for every plugin that shows one: each is made (or read from the cache) once. */
export interface BuildPictures {
  /** What was made of the picture at a site path such as /images/a.jpg. */
  picture(sitePath: string): Promise<ProcessedImage>;
  /** The site path of its largest JPEG or PNG: the one picture that feeds and JSON-LD name. */
  rendition(sitePath: string): Promise<string>;
  /**
   * `html` with each of its /images/ pictures as the <picture> the build made; `where` names the
   * page in a failure. `srcPrefix` is the path prefix its addresses carry: "/" until Eleventy's
   * HTML transform adds the prefix, as in an article's content shown in a feed.
   */
  withPictures(html: string, where: string, srcPrefix?: string): Promise<string>;
}

const perConfig = new WeakMap<EleventyConfig, BuildPictures>();

/**
 * The pictures of the build that `eleventyConfig` runs, shared by the plugins that show them
 * (this one for pages, metadata.ts for feeds and JSON-LD): a contributor's picture is published
 * only as what was made here, never as its own file.
 */
export function buildPictures(eleventyConfig: EleventyConfig, design: SiteDesignHolder): BuildPictures {
  const known = perConfig.get(eleventyConfig);
  if (known) return known;
  let directories = { input: ".", output: "_site" };
  // One picture shown on many pages is made (or read from the cache) once per build.
  const pictures = new Map<string, Promise<ProcessedImage>>();
  // From the first picture started to the last one finished: they are made while pages render.
  let span = { first: 0, last: 0 };
  eleventyConfig.on("eleventy.before", (event) => {
    directories = event.directories;
    pictures.clear();
    span = { first: 0, last: 0 };
  });
  eleventyConfig.on("eleventy.after", () => {
    console.log(`[images] ${pictures.size} pictures in ${((span.last - span.first) / 1000).toFixed(2)} s`);
  });
  const prefix = normalisedPrefix(eleventyConfig.pathPrefix);
  const withPrefix = (path: string) => prefix.slice(0, -1) + path;

  const picture = (sitePath: string) => {
    let making = pictures.get(sitePath);
    if (!making) {
      span.first ||= performance.now();
      // Decoded as the content check decodes it, and refused unless it stays in static/images/.
      const file = decodedImagePath(sitePath);
      if (file === undefined || !isContainedImagePath(file)) {
        return Promise.reject(new Error(`${sitePath} is not a picture under static/images/`));
      }
      making = processImage(join(directories.input, "static", file), {
        outputDir: directories.output,
        cacheDir: imageCacheDir(directories.input),
      });
      pictures.set(sitePath, making);
      making.finally(() => (span.last = performance.now())).catch(() => {});
    }
    return making;
  };

  const withPictures = (html: string, where: string, srcPrefix = "/") =>
    replaceImages(html, async (attributes, index) => {
      const src = getAttribute(attributes, "src") ?? "";
      if (!src.startsWith(`${srcPrefix}images/`)) return undefined;
      const sitePath = src.slice(srcPrefix.length - 1);
      try {
        const image = await picture(sitePath);
        return pictureHtml(attributes, image, index, withPrefix, design.tokens().sizes.mainColumn);
      } catch (error) {
        throw new Error(`${where}: image ${sitePath}: could not be made into a picture: ${(error as Error).message}`);
      }
    });

  const shared: BuildPictures = {
    picture,
    rendition: async (sitePath) => largestFallback(await picture(sitePath)).url,
    withPictures,
  };
  perConfig.set(eleventyConfig, shared);
  return shared;
}

/**
 * Pictures from static/images/ become <picture>s of AVIF, WebP and JPEG or PNG at widths that
 * fit the layout; only what was made of them is published. A picture whose template gives no
 * `sizes` spans the main column (the design tokens' `sizes.mainColumn`).
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
