import type { EleventyConfig } from "@11ty/eleventy";
import { writeSearchIndex } from "../lib/search-index.ts";

/** Indexes the site after every build, in `npm run build` and in each rebuild of `npm start`. */
export default function search(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }) => {
    if (outputMode !== "fs") return;
    // Addresses without the path prefix: Pagefind puts in front of each result the folder its
    // own files are served from, minus "pagefind/", which is the prefix wherever the site is.
    const pages = results
      .filter((result) => result.outputPath.endsWith(".html"))
      .map((result) => ({ url: result.url, content: result.content }));
    const started = performance.now();
    const { pages: indexed } = await writeSearchIndex(directories.output, pages);
    console.log(`[search] Indexed ${indexed} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
}
