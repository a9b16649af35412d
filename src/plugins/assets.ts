import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { stylesheetWithTokens } from "../lib/publishing/design-tokens.ts";
import {
  type Asset,
  assetManifest,
  fingerprintedUrl,
  publishTransformed,
  writeFingerprintedAssets,
} from "../lib/publishing/fingerprint-files.ts";
import type { SiteDesignHolder } from "./design.ts";

/**
 * The files of static/ published as they are: the project's own, each named here, so that
 * publishing one is a change of code a reviewer sees. There are none today: the favicon is drawn
 * from the design tokens (src/pages/favicon.njk), and of contributors' pictures (static/images/)
 * only what the build made of them is published (plugins/images.ts).
 */
const publishedAsTheyAre: Record<string, string> = {};

/**
 * The files of static/ named above (none) are copied as they are. The stylesheet and scripts of
 * src/assets/ are published only under names made from a hash of their bytes, which
 * netlify.toml lets browsers keep for a year: `{{ "/assets/js/share.js" | fingerprint }}`.
 */
export default function assets(eleventyConfig: EleventyConfig, { design }: { design: SiteDesignHolder }): void {
  eleventyConfig.addPassthroughCopy(publishedAsTheyAre);
  eleventyConfig.addWatchTarget("src/assets/");
  let manifest = new Map<string, Asset>();

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    manifest = assetManifest(join(directories.input, "src/assets"), "/assets");
    // site.css is published with the design tokens' custom properties in it, named by the hash of that.
    const tokens = await design.read();
    publishTransformed(manifest, "/assets/css/site.css", (css) => stylesheetWithTokens(tokens, css));
  });

  eleventyConfig.addFilter("fingerprint", (path: string) => fingerprintedUrl(manifest, path));

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    await writeFingerprintedAssets(manifest, directories.output, "/assets");
  });
}
