import type { EleventyConfig } from "@11ty/eleventy";
import { importFresh } from "../lib/build/import-fresh-files.ts";

/** Lets `_data/*.ts` files be data: their default export is the value. */
export default function typescriptData(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", { read: false, parser: importFresh });
}
