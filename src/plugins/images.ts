import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { imageCacheDir, type ProcessedImage, processImage } from "../lib/images.ts";
import { getAttribute, pictureHtml, replaceImages } from "../lib/picture.ts";
import { normalisedPrefix } from "../lib/urls.ts";

/** Pictures from static/images/ become <picture>s of AVIF, WebP and JPEG or PNG at widths that fit the layout. */
export default function images(eleventyConfig: EleventyConfig): void {
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
  // Eleventy's own HTML transform (the path prefix) has already run: addresses carry the prefix.
  const prefix = normalisedPrefix(eleventyConfig.pathPrefix);
  const withPrefix = (path: string) => prefix.slice(0, -1) + path;

  eleventyConfig.addTransform("pictures", async function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html")) return content;
    return replaceImages(content, async (attributes, index) => {
      const src = getAttribute(attributes, "src") ?? "";
      if (!src.startsWith(`${prefix}images/`)) return undefined;
      const sitePath = src.slice(prefix.length - 1);
      const source = join(directories.input, "static", decodeURI(sitePath));
      try {
        if (!pictures.has(source)) {
          span.first ||= performance.now();
          const making = processImage(source, {
            outputDir: directories.output,
            cacheDir: imageCacheDir(directories.input),
          });
          pictures.set(source, making);
          making.finally(() => (span.last = performance.now())).catch(() => {});
        }
        const image = await (pictures.get(source) as Promise<ProcessedImage>);
        return pictureHtml(attributes, image, index, withPrefix);
      } catch (error) {
        throw new Error(
          `${this.page.inputPath}: image ${sitePath}: could not be made into a picture: ${(error as Error).message}`,
        );
      }
    });
  });
}
