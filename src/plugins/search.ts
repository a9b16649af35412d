import type { EleventyConfig } from "@11ty/eleventy";
import { removeUnloadedSearchFiles, searchIndexOfBuild } from "../lib/publishing/search-index-files.ts";

/**
 * Indexes the site in every build, in `npm run build` and in each rebuild of `npm start`: once
 * every page is written, Pagefind reads them, and of its files only those a page loads are published.
 */
export default function search(eleventyConfig: EleventyConfig): void {
  const index = searchIndexOfBuild();
  eleventyConfig.on("eleventy.before", ({ directories, outputMode }) => {
    if (outputMode === "fs") index.start(directories.output);
  });
  // Registered after every other transform (pictures.ts's): the page as it is written.
  eleventyConfig.addTransform("searchIndex", function (content) {
    if (typeof this.page.outputPath === "string") index.add(this.page.outputPath, content);
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    const started = performance.now();
    // The entries of the index import the script that searches every language, as the assets plugin published it.
    const languagesScript = eleventyConfig.getFilter("fingerprint")("/assets/js/search-languages.js") as string;
    const { pages } = await index.write(languagesScript);
    await removeUnloadedSearchFiles(directories.output);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`[search] Indexed ${pages} pages in ${seconds} s after the pages were written`);
  });
}
