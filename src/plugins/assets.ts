import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { type Asset, assetManifest, writeFingerprintedAssets } from "../lib/fingerprint.ts";

/**
 * Images and icons from static/ are copied as they are. The stylesheet and scripts of
 * src/assets/ are published only under names made from a hash of their bytes, which
 * netlify.toml lets browsers keep for a year: `{{ "/assets/js/share.js" | fingerprint }}`.
 */
export default function assets(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ static: "/" });
  eleventyConfig.addWatchTarget("src/assets/");
  let manifest = new Map<string, Asset>();

  eleventyConfig.on("eleventy.before", ({ directories }) => {
    manifest = assetManifest(join(directories.input, "src/assets"), "/assets");
  });

  eleventyConfig.addFilter("fingerprint", (path: string) => {
    const asset = manifest.get(path);
    if (!asset) {
      throw new Error(`fingerprint: ${path} is not a file of src/assets/ (it has ${[...manifest.keys()].join(", ")})`);
    }
    return asset.url;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    await writeFingerprintedAssets(manifest, directories.output, "/assets");
  });
}
