import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "@11ty/eleventy";

/** Lets `_data/*.ts` files be data: their default export is the value. */
export default function typescriptData(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (filePath: string) => {
      const url = pathToFileURL(resolve(filePath));
      // The modification time in the URL makes the dev server see edits instead of a cached module.
      url.searchParams.set("mtime", String((await stat(filePath)).mtimeMs));
      const module = (await import(url.href)) as { default?: unknown };
      if (module.default === undefined) throw new Error(`${filePath}: expected a default export with the data`);
      return module.default;
    },
  });
}
