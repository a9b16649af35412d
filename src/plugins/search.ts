import type { EleventyConfig } from "@11ty/eleventy";
import { removeUnloadedSearchFiles, searchIndexOfBuild } from "../lib/publishing/search-index-files.ts";

/**
 * Indexes the site in every build, in `npm run build` and in each rebuild of `npm start`: each page
 * goes to Pagefind as it is written, the index is written once every page is, and of Pagefind's
 * files only those a page loads are published.
 */
export default function search(eleventyConfig: EleventyConfig): void {
  const index = searchIndexOfBuild();
  eleventyConfig.on("eleventy.before", async ({ directories, outputMode }) => {
    if (outputMode === "fs") index.start(directories.output);
  });
  // Every page's address, before Eleventy writes any: their places in the index.
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }) => index.plan(Object.keys(urlToInputPath)));
  // Registered after every other transform (pictures.ts's): Pagefind gets the page as it is written.
  eleventyConfig.addTransform("searchIndex", async function (content) {
    if (typeof this.page.outputPath === "string") await index.add(this.page.outputPath, content);
    return content;
  });
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    const started = performance.now();
    // The entries of the index import the script that searches every language, as the assets plugin published it.
    const languagesScript = eleventyConfig.getFilter("fingerprint")("/assets/js/search-languages.js") as string;
    const { pages } = await index.write(languagesScript);
    await removeUnloadedSearchFiles(directories.output);
    const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);
    console.log(`[search] Indexed ${pages} pages in ${seconds(started)} s after the pages were written`);
  });
}
