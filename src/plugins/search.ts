import type { EleventyConfig } from "@11ty/eleventy";
import { SearchIndex, stopSearch } from "../lib/search-index.ts";

/**
 * Indexes the site in every build, in `npm run build` and in each rebuild of `npm start`.
 * Pages go to Pagefind as they are written; the index is written once they all are.
 */
export default function search(eleventyConfig: EleventyConfig): void {
  let index: Promise<SearchIndex> | undefined;
  let started = 0;

  eleventyConfig.on("eleventy.before", async () => {
    // A build that failed half way left its Pagefind running.
    if (index) await stopSearch();
    index = undefined;
  });
  // Fired once the build knows every page's address, in the order it will write them.
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }) => {
    started = performance.now();
    index = SearchIndex.start(Object.keys(urlToInputPath));
    index.catch(() => {}); // Reported by the first page that waits for it.
  });
  // Registered after every other transform: Pagefind sees the page as it is written.
  eleventyConfig.addTransform("search-index", async function (content) {
    const { url, outputPath } = this.page;
    if (index && typeof url === "string" && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      // Addresses without the path prefix: Pagefind puts in front of each result the folder its
      // own files are served from, minus "pagefind/", which is the prefix wherever the site is.
      (await index).add({ url, content });
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (!index) return;
    const building = index;
    index = undefined;
    try {
      if (outputMode !== "fs") return;
      const pagesWritten = performance.now();
      const { pages } = await (await building).write(directories.output);
      const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);
      console.log(
        `[search] Indexed ${pages} pages in ${seconds(started)} s, ${seconds(pagesWritten)} s of it after the pages`,
      );
    } finally {
      await stopSearch();
    }
  });
}
