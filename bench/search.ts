// npm run bench:search: how Pagefind's index and a search grow with the number of articles.
// For 1,000 and 10,000 synthetic articles: build and index the site, then measure the index
// on disk and the bytes Chromium transfers for one search of a common word.
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { copyProject, temporaryDir } from "../tests/helpers/build.ts";
import { launchChromium, serveSite } from "../tests/helpers/browser.ts";
import { writeReportSection } from "./report.ts";
import { syntheticArticle } from "./synthetic.ts";

const sizes = [1_000, 10_000];
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
    Array.from({ length: count }, (_, index) => syntheticArticle(index)).map(({ name, source }) => [`articles/${name}`, source]),
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

/** Bytes on the wire (compressed, headers excluded) for one search, from Chromium's network events. */
async function searchTransfer(siteDir: string) {
  const site = await serveSite(siteDir, { compress: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const urls = new Map<string, string>();
    const bytes = new Map<string, number>();
    cdp.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
    cdp.on("Network.loadingFinished", (event) => bytes.set(event.requestId, event.encodedDataLength));
    await page.goto(`${site.origin}/about/`, { waitUntil: "networkidle" });
    const before = new Set(bytes.keys());
    // The API alone: what Pagefind itself costs for one search and its top five results.
    await page.evaluate(async (word) => {
      const pagefind = await import("/pagefind/pagefind.js");
      const search = await pagefind.search(word);
      await Promise.all(search.results.slice(0, 5).map((result: { data: () => Promise<unknown> }) => result.data()));
    }, query);
    await page.waitForLoadState("networkidle");
    const apiBytes = [...bytes].filter(([id]) => !before.has(id)).reduce((sum, [, size]) => sum + size, 0);
    // The header's dialog (Pagefind's Component UI) on another page, as a visitor uses it.
    const dialogPage = await browser.newPage();
    const dialogCdp = await dialogPage.context().newCDPSession(dialogPage);
    await dialogCdp.send("Network.enable");
    let dialogBytes = 0;
    dialogCdp.on("Network.loadingFinished", (event) => (dialogBytes += event.encodedDataLength));
    await dialogPage.goto(`${site.origin}/about/`, { waitUntil: "networkidle" });
    dialogBytes = 0;
    await dialogPage.keyboard.press("/");
    await dialogPage.locator("pagefind-modal input:focus").waitFor();
    await dialogPage.keyboard.type(query);
    await dialogPage.locator("pagefind-modal .pf-result-link").first().waitFor();
    await dialogPage.waitForLoadState("networkidle");
    return { apiBytes, dialogBytes, urls: urls.size };
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
