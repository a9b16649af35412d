import type { EleventyConfig } from "@11ty/eleventy";
import { removeUnloadedSearchFiles, writeSearchIndex } from "../lib/publishing/search-index-files.ts";

/**
 * Indexes the site after every build, in `npm run build` and in each rebuild of `npm start`, and
 * publishes of Pagefind only what a page loads.
 */
export default function search(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }) => {
    if (outputMode !== "fs") return;
    const started = performance.now();
    // The entries of the index import the script that searches every language, as the assets plugin published it.
    const languagesScript = eleventyConfig.getFilter("fingerprint")("/assets/js/search-languages.js") as string;
    const { pages } = await writeSearchIndex(directories.output, results, languagesScript);
    await removeUnloadedSearchFiles(directories.output);
    console.log(`[search] Indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
}
