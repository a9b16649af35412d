import type { EleventyConfig } from "@11ty/eleventy";
import { writeSearchIndex } from "../lib/search-index.ts";

/** Indexes the site after every build, in `npm run build` and in each rebuild of `npm start`. */
export default function search(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode === "fs") await writeSearchIndex(directories.output);
  });
}
