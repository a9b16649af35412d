import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { importFresh } from "../lib/build/import-fresh-files.ts";
import { type Design, stylesheetWithTokens } from "../lib/publishing/design-tokens.ts";
import {
  type Asset,
  assetManifest,
  fingerprintedPath,
  writeFingerprintedAssets,
} from "../lib/publishing/fingerprint-files.ts";

const stylesheetPath = "/assets/css/site.css";

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
export default function assets(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy(publishedAsTheyAre);
  eleventyConfig.addWatchTarget("src/assets/");
  let manifest = new Map<string, Asset>();

  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    manifest = assetManifest(join(directories.input, "src/assets"), "/assets");
    // site.css is published with the design tokens' custom properties in it, named by the hash of that.
    const source = manifest.get(stylesheetPath)?.source;
    if (!source) throw new Error(`Assets: src${stylesheetPath} is missing`);
    const design = (await importFresh(join(directories.data, "design.ts"))) as Design;
    const css = Buffer.from(stylesheetWithTokens(design, readFileSync(source, "utf8")));
    manifest.set(stylesheetPath, { source, url: fingerprintedPath(stylesheetPath, css), bytes: css });
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
