// npm run bench:search: how Pagefind's index and a search grow with the number of articles.
// For 1,000 and 10,000 synthetic articles (BENCH_SIZES=1000 for one size, or others): build and
// index the site, then measure the index on disk and the bytes one search of a common word
// transfers, by kind of file (bench/search-transfer.ts). BENCH_VERBOSE=1 also prints every file
// a search fetched. Merges the rows into docs/benchmarks.json (the other sizes' rows stay) and
// writes them to docs/benchmarks.md.
import { execFile } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { copyProject, temporaryDir } from "../tests/helpers/project.ts";
import { syntheticArticle } from "../tests/helpers/synthetic-articles.ts";
import { type Measured, measuredLine, mergeResults, thisRun, writeReportSection } from "./report.ts";
import { categoryNames, searchTransfer, type Transfer } from "./search-transfer.ts";

const sizes = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
if (sizes.some((count) => !Number.isInteger(count) || count <= 0))
  throw new Error(`BENCH_SIZES: expected numbers of articles like 1000,10000, got "${process.env.BENCH_SIZES}"`);
const query = "mentoring";
/** A second common word, searched for next in the same page: what a search costs once Pagefind is loaded. */
const nextQuery = "community";

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
  const { stdout } = await promisify(execFile)(process.execPath, ["src/cli/build.ts", `--output=${siteDir}`], {
    cwd: projectDir,
    maxBuffer: 256 * 1024 * 1024,
  });
  const buildSeconds = (performance.now() - started) / 1000;
  const indexing = stdout.match(/\[search\] Indexed (\d+) pages in ([\d.]+) s/);
  if (!indexing) throw new Error(`The build printed no "[search] Indexed … pages" line:\n${stdout}`);
  return {
    projectDir,
    siteDir,
    buildSeconds,
    indexedPages: Number(indexing[1]),
    indexSeconds: Number(indexing[2]),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const requestCount = ({ byCategory }: StoredTransfer) =>
  Object.values(byCategory).reduce((sum, { requests }) => sum + requests, 0);

/**
 * How common the word searched for is in the synthetic articles' text (the picture's file name
 * left out): the share of articles that have it, how often, and the share that have a word
 * Pagefind matches to it, one with the same stem or that starts with it ("mentor", "mentorship").
 */
function wordStats(count: number) {
  const word = new RegExp(`\\b${query}\\b`, "gi");
  const stem = /\bmentor\w*/i;
  let articles = 0;
  let occurrences = 0;
  let related = 0;
  for (let index = 0; index < count; index++) {
    const text = syntheticArticle(index).source.replace(/^\s*src: .*$/m, "");
    const found = text.match(word)?.length ?? 0;
    if (found > 0) articles += 1;
    if (stem.test(text)) related += 1;
    occurrences += found;
  }
  return { share: articles / count, perArticle: occurrences / count, related: related / count };
}

/** What one search transferred, as docs/benchmarks.json keeps it: bytes and requests by kind of file. */
interface StoredTransfer {
  total: number;
  byCategory: Record<string, { bytes: number; requests: number }>;
}

interface SearchRow extends Measured {
  pagesIndexed: number;
  indexSeconds: number;
  buildSeconds: number;
  indexBytes: number;
  api: StoredTransfer;
  dialog: StoredTransfer;
  /** Absent from rows measured before the search page was. */
  page?: StoredTransfer;
  next: StoredTransfer;
}

const stored = ({ total, byCategory }: Transfer): StoredTransfer => ({
  total,
  byCategory: Object.fromEntries(byCategory),
});

const measured: SearchRow[] = [];
for (const count of sizes) {
  process.stdout.write(`Building and indexing ${count.toLocaleString("en")} synthetic articles… `);
  const build = await buildSynthetic(count);
  const indexBytes = folderBytes(join(build.siteDir, "pagefind"));
  process.stdout.write(`done in ${build.buildSeconds.toFixed(1)} s; searching in Chromium… `);
  const { api, dialog, page, next } = await searchTransfer(build.siteDir, query, nextQuery);
  console.log("done");
  await Promise.all([
    rm(build.siteDir, { recursive: true, force: true }),
    rm(build.projectDir, { recursive: true, force: true }),
  ]);
  measured.push({
    articles: count,
    ...thisRun(),
    pagesIndexed: build.indexedPages,
    indexSeconds: build.indexSeconds,
    buildSeconds: build.buildSeconds,
    indexBytes,
    api: stored(api),
    dialog: stored(dialog),
    page: stored(page),
    next: stored(next),
  });
  if (process.env.BENCH_VERBOSE)
    for (const { path, bytes } of [...api.requests, ...next.requests, ...dialog.requests, ...page.requests])
      console.log(`  ${path} ${bytes}`);
}
const rows = mergeResults("search", measured, (row) => String(row.articles));

const table = [
  "| articles | pages indexed | indexing | whole build | index on disk | one search, API | one search, header dialog | one search, search page on a phone |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (row) =>
      `| ${row.articles.toLocaleString("en")} | ${row.pagesIndexed} | ${row.indexSeconds.toFixed(1)} s | ${row.buildSeconds.toFixed(1)} s | ${kb(row.indexBytes)} | ${kb(row.api.total)} | ${kb(row.dialog.total)} | ${row.page ? `${kb(row.page.total)} in ${requestCount(row.page)}` : "–"} |`,
  ),
].join("\n");
const breakdown = rows.flatMap((row) =>
  (
    [
      ["API", row.api],
      ["header dialog", row.dialog],
      ["search page, phone", row.page],
      [`API, next search ("${nextQuery}")`, row.next],
    ] as const
  ).flatMap(([name, transfer]) => {
    if (!transfer) return [];
    const cells = categoryNames.map((category) => {
      const { bytes, requests } = transfer.byCategory[category] ?? { bytes: 0, requests: 0 };
      return requests === 0 ? "–" : `${(bytes / 1024).toFixed(1)}${requests > 1 ? ` (${requests})` : ""}`;
    });
    return [
      `| ${row.articles.toLocaleString("en")} | ${name} | ${cells.join(" | ")} | ${(transfer.total / 1024).toFixed(1)} |`,
    ];
  }),
);
const breakdownTable = [
  `| articles | search | ${categoryNames.join(" | ")} | total |`,
  `| ---: | --- | ${categoryNames.map(() => "---:").join(" | ")} | ---: |`,
  ...breakdown,
].join("\n");
console.log(`\n${table}\n\n${breakdownTable}\n`);

const largest = Math.max(...rows.map((row) => row.articles));
const { share, perArticle, related } = wordStats(largest);
const section = `## Search (\`npm run bench:search\`)

${measuredLine(rows)}
Synthetic articles (tests/helpers/synthetic-articles.ts: 400–900 words each from a vocabulary of
about 4,000 words with Zipf-like frequencies) are added to the real site. The search is for
"${query}": of the ${largest.toLocaleString("en")} articles, ${(share * 100).toFixed(0)} % have the word, ${perArticle.toFixed(1)} times per article on average,
and ${(related * 100).toFixed(0)} % have a word that Pagefind matches to it ("mentor", "mentors", "mentorship").
"One search" is what the server sends for it, body bytes as a CDN sends them (text brotli-compressed,
Pagefind's own index files as they are, already compressed; headers excluded), to a fresh browser
with nothing cached: "API" is \`pagefind.search()\` and the data of its top five results; "header
dialog" is a visitor pressing "/" and typing the word, which also loads Pagefind's Component UI
(and dialog/pagefind.js and search-languages.js, counted with pagefind.js: they keep the Component UI from
fetching the filters' data the dialog does not show, and search every language's index, one copy of
pagefind.js per language; these sites have one). "Search page on a phone" is \`/search/?q=${query}\` opened
from /about/ at 390×844, as the header's form opens it: the page itself and its scripts, Pagefind,
the filters' data, the results in view and their thumbnails. "API, next search" is a second search,
for "${nextQuery}", in the same page: what a search costs once Pagefind is loaded.
Targets: under 100 KB per search at 10,000 articles; on the search page, at most 150 KB at 1,000. A run of some sizes
(\`BENCH_SIZES=1000 npm run bench:search\`) replaces only those sizes' rows; every row is kept in
docs/benchmarks.json.

${table}

What one search transfers, by kind of file (KB; the number of requests in brackets where more than one):

${breakdownTable}

pagefind.js, the worker and the WebAssembly are the same for any number of pages. The metadata
(pf_meta) is loaded by the first search whatever the word: a hash, a word count and a place in the date
order for every page, about 10 bytes a page compressed. The word index is every position of the word
in every page that has it, and the fragments are the text and metadata of the results shown.
`;
writeReportSection("search", section);
console.log("Wrote docs/benchmarks.json and docs/benchmarks.md");
