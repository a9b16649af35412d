import type { EleventyConfig } from "@11ty/eleventy";
import { writeSearchIndex } from "../lib/search-index.ts";

/** Indexes the site after every build, in `npm run build` and in each rebuild of `npm start`. */
export default function search(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }) => {
    if (outputMode !== "fs") return;
    const started = performance.now();
    const { pages } = await writeSearchIndex(directories.output, results);
    console.log(`[search] Indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
}
