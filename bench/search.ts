// npm run bench:search: how Pagefind's index and a search grow with the number of articles.
// For 1,000 and 10,000 synthetic articles: build and index the site, then measure the index
// on disk and the bytes Chromium transfers for one search of a common word.
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { launchChromium, serveSite } from "../tests/helpers/browser.ts";
import { copyProject, temporaryDir } from "../tests/helpers/build.ts";
import { writeReportSection } from "./report.ts";
import { syntheticArticle } from "./synthetic.ts";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const query = "mentoring";

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((total, name) => {
    const path = join(dir, name);
    return total + (statSync(path).isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

/** Builds a copy of the project with `count` extra articles; returns the site folder and Pagefind's timing line. */
async function buildSynthetic(count: number) {
  const articles = Object.fromEntries(
    Array.from({ length: count }, (_, index) => syntheticArticle(index)).map(({ name, source }) => [
      `articles/${name}`,
      source,
    ]),
  );
  const projectDir = await copyProject(articles);
  const siteDir = await temporaryDir("imd-bench-search-");
  const started = performance.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", `--output=${siteDir}`],
    { cwd: projectDir, maxBuffer: 256 * 1024 * 1024 },
  );
  const buildSeconds = (performance.now() - started) / 1000;
  const indexing = stdout.match(/\[search\] Indexed (\d+) pages in ([\d.]+) s/);
  return { siteDir, buildSeconds, indexedPages: Number(indexing?.[1]), indexSeconds: Number(indexing?.[2]) };
}

interface PagefindApi {
  search(term: string): Promise<{ results: { data: () => Promise<unknown> }[] }>;
}

/**
 * Bytes on the wire (brotli as a CDN sends text, headers excluded) for one search, counted
 * from Chromium's finished requests, Pagefind's worker and WebAssembly included.
 */
async function searchTransfer(siteDir: string) {
  const site = await serveSite(siteDir, { compress: true });
  const browser = await launchChromium();
  const measure = async (search: (page: Page) => Promise<void>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/about/`, { waitUntil: "networkidle" });
    const sizes: Promise<number>[] = [];
    context.on("requestfinished", (request) => sizes.push(request.sizes().then((size) => size.responseBodySize)));
    await search(page);
    await page.waitForLoadState("networkidle");
    const total = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    await context.close();
    return total;
  };
  try {
    // Pagefind's API alone: one search and the fragments of its top five results.
    const apiBytes = await measure((page) =>
      page.evaluate(async (word) => {
        const entry: string = "/pagefind/pagefind.js";
        const pagefind = (await import(entry)) as PagefindApi;
        const { results } = await pagefind.search(word);
        await Promise.all(results.slice(0, 5).map((result) => result.data()));
      }, query),
    );
    // The header's dialog (Pagefind's Component UI), as a visitor uses it.
    const dialogBytes = await measure(async (page) => {
      await page.keyboard.press("/");
      await page.locator("pagefind-modal input:focus").waitFor();
      await page.keyboard.type(query);
      await page.locator("pagefind-modal .pf-result-link").first().waitFor();
    });
    return { apiBytes, dialogBytes };
  } finally {
    await browser.close();
    await site.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows: string[] = [];
for (const count of sizes) {
  process.stdout.write(`Building and indexing ${count.toLocaleString("en")} synthetic articles… `);
  const build = await buildSynthetic(count);
  const indexBytes = folderBytes(join(build.siteDir, "pagefind"));
  process.stdout.write(`done in ${build.buildSeconds.toFixed(1)} s; searching in Chromium… `);
  const transfer = await searchTransfer(build.siteDir);
  console.log("done");
  rows.push(
    `| ${count.toLocaleString("en")} | ${build.indexedPages} | ${build.indexSeconds.toFixed(1)} s | ${build.buildSeconds.toFixed(1)} s | ${kb(indexBytes)} | ${kb(transfer.apiBytes)} | ${kb(transfer.dialogBytes)} |`,
  );
}

const table = [
  "| articles | pages indexed | indexing | whole build | index on disk | one search, API | one search, header dialog |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows,
].join("\n");
console.log(`\n${table}\n`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const section = `## Search (\`npm run bench:search\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.
Synthetic articles (bench/synthetic.ts) are added to the real site; the search is for "${query}".
"One search" is what Chromium's network events count as transferred (brotli-compressed as a CDN
serves it, headers excluded): "API" is Pagefind's own files (pagefind.js, its worker and WebAssembly,
index chunks, filter data) plus the fragments of the top five results; "header dialog" adds
Pagefind's Component UI script and stylesheet, loaded when a visitor presses "/".
Target: under 100 KB per search at 10,000 articles.

${table}
`;
writeReportSection("search", section);
console.log("Wrote docs/benchmarks.md");
