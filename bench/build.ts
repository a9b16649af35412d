// npm run bench: how the full build grows with the number of articles, against the setup a user
// would pick instead (the peer: plain Eleventy with one minimal layout, then Pagefind's own CLI)
// and bare Eleventy. For 100, 1,000 and 4,000 synthetic articles (BENCH_SIZES=100,1000 for
// others; plus the real four, and a few photos): a cold build (empty image cache), a warm build
// (cache kept), the peer twice and bare Eleventy once, on the same Markdown. Merges the rows into
// docs/benchmarks.json (the other sizes' rows stay) and writes them and a chart to docs/benchmarks.md.
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { copyProject, projectRoot } from "../tests/helpers/project.ts";
import { syntheticArticle } from "../tests/helpers/synthetic-articles.ts";
import { type Measured, measuredLine, mergeResults, thisRun, writeReportSection } from "./report.ts";
import {
  clearScratch,
  eleventy,
  entries,
  keepForNow,
  run,
  type Stages,
  scratchDir,
  since,
  siteBuild,
} from "./site-build.ts";

const sizes = (process.env.BENCH_SIZES ?? "100,1000,4000").split(",").map(Number);
if (sizes.some((count) => !Number.isInteger(count) || count <= 0))
  throw new Error(`BENCH_SIZES: expected numbers of articles like 100,1000, got "${process.env.BENCH_SIZES}"`);
interface BuildRow extends Measured, Stages {
  cache: "cold" | "warm";
  total: number;
  /** The peer's time: its first run beside the cold build, its second beside the warm one. */
  peer: number;
  bare: number;
}

/** Three photos a contributor might add, made here so that nothing is downloaded. */
async function addPhotos(projectDir: string): Promise<string[]> {
  mkdirSync(join(projectDir, "static/images/photos"), { recursive: true });
  const colours = ["#0f4c5c", "#e9a23b", "#d1495b"];
  return Promise.all(
    colours.map(async (background, index) => {
      const file = `/images/photos/photo-${index}.jpg`;
      const noise = await sharp({
        create: {
          width: 2400,
          height: 1600,
          channels: 3,
          background: "#808080",
          noise: { type: "gaussian", mean: 128, sigma: 40 },
        },
      })
        .png()
        .toBuffer();
      await sharp({ create: { width: 2400, height: 1600, channels: 3, background } })
        .composite([{ input: noise, blend: "soft-light" }])
        .jpeg({ quality: 85 })
        .toFile(join(projectDir, "static", file));
      return file;
    }),
  );
}

/**
 * A folder with the project's Markdown files alone (not its directory data: no layout, no
 * plugins), for plain Eleventy, and `extra` files beside them.
 */
async function plainProject(projectDir: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await scratchDir("imd-bench-plain-");
  cpSync(join(projectDir, "articles"), join(dir, "articles"), {
    recursive: true,
    filter: (path) => !path.endsWith(".json"),
  });
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** The peer's one layout, as a user starting from Eleventy's documentation would write it. */
const peerLayout = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main>
<h1>{{ title }}</h1>
{{ content | safe }}
</main>
</body>
</html>
`;

/** The peer, timed as one: Eleventy with the layout, then Pagefind's CLI over what it wrote. */
async function peerBuild(peerDir: string): Promise<number> {
  const started = performance.now();
  const outputDir = await scratchDir("imd-bench-peer-out-");
  await eleventy(entries.eleventy, peerDir, outputDir, ["--input=articles", "--quiet"]);
  const { stdout } = await run(process.execPath, ["node_modules/pagefind/lib/runner/bin.cjs", "--site", outputDir], {
    cwd: peerDir,
    maxBuffer: 64 * 1024 * 1024,
  });
  // Pagefind finds no page in HTML without a <body>: a peer that indexed nothing would be no peer.
  if (!/Indexed [1-9]\d* pages/.test(stdout)) throw new Error(`Pagefind indexed no page of the peer:\n${stdout}`);
  return since(started);
}

async function benchmark(count: number): Promise<BuildRow[]> {
  const articles = Array.from({ length: count }, (_, index) => syntheticArticle(index));
  const projectDir = await copyProject(
    Object.fromEntries(articles.map(({ name, source }) => [`articles/${name}`, source])),
  );
  keepForNow(projectDir);
  const photos = await addPhotos(projectDir);
  // A few articles show a photo instead of a drawing.
  for (const [index, photo] of photos.entries()) {
    const article = articles[(index * 7) % articles.length];
    if (article)
      writeFileSync(join(projectDir, "articles", article.name), article.source.replace(/src: .*$/m, `src: ${photo}`));
  }
  const env = { ...process.env, IMAGE_CACHE_DIR: join(projectDir, ".cache/images") };
  rmSync(env.IMAGE_CACHE_DIR, { recursive: true, force: true });
  process.stdout.write(" cold…");
  const cold = await siteBuild(projectDir, env);
  process.stdout.write(" warm…");
  const warm = await siteBuild(projectDir, env);

  // The peer: the layout set for every article by a directory data file; it keeps no cache
  // between builds, so its second run differs from its first only by what the OS has cached.
  const peerDir = await plainProject(projectDir, {
    "articles/articles.json": `${JSON.stringify({ layout: "article.njk" })}\n`,
    "articles/_includes/article.njk": peerLayout,
  });
  process.stdout.write(" peer…");
  const peerFirst = await peerBuild(peerDir);
  process.stdout.write(" peer again…");
  const peerSecond = await peerBuild(peerDir);

  // Bare Eleventy: the same Markdown files alone, no configuration, layouts, data or plugins;
  // quiet, as the site's own build is, so that neither pays for a line per file.
  process.stdout.write(" bare Eleventy…");
  const bareDir = await plainProject(projectDir);
  const bare = (
    await eleventy(entries.eleventy, bareDir, await scratchDir("imd-bench-bare-out-"), ["--input=articles", "--quiet"])
  ).total;
  clearScratch();
  const when = { articles: count, ...thisRun() };
  return [
    { ...when, cache: "cold", ...cold, peer: peerFirst, bare },
    { ...when, cache: "warm", ...warm, peer: peerSecond, bare },
  ];
}

const measured: BuildRow[] = [];
for (const count of sizes) {
  process.stdout.write(`${count.toLocaleString("en")} articles:`);
  const [cold, warm] = (await benchmark(count)) as [BuildRow, BuildRow];
  measured.push(cold, warm);
  console.log(
    ` done (cold ${cold.total.toFixed(1)} s, warm ${warm.total.toFixed(1)} s, peer ${cold.peer.toFixed(1)} s and ${warm.peer.toFixed(1)} s, bare ${cold.bare.toFixed(1)} s)`,
  );
}
const rows = mergeResults("build", measured, (row) => `${row.articles} ${row.cache}`);

const s = (value: number) => `${value.toFixed(1)} s`;
const ratio = (value: number, to: number) => `${(value / to).toFixed(2)}×`;
const table = [
  "| articles | cache | total | in Eleventy | pictures (within Eleventy) | social cards | Pagefind | peak memory | peer (Eleventy + layout + Pagefind CLI) | ratio to peer | bare Eleventy | ratio to bare |",
  "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (row) =>
      `| ${row.articles.toLocaleString("en")} | ${row.cache} | ${s(row.total)} | ${s(row.pages)} | ${s(row.images)} | ${s(row.cards)} | ${s(row.search)} | ${row.memoryMb} MB | ${s(row.peer)} | ${ratio(row.total, row.peer)} | ${s(row.bare)} | ${ratio(row.total, row.bare)} |`,
  ),
].join("\n");

/** Time per article at 4,000 ÷ at 1,000, when both were measured. */
function growthLine(): string | undefined {
  const perArticle = (count: number, cache: BuildRow["cache"]) => {
    const row = rows.find((r) => r.articles === count && r.cache === cache);
    return row && row.total / count;
  };
  const [cold1000, cold4000, warm1000, warm4000] = [
    perArticle(1000, "cold"),
    perArticle(4000, "cold"),
    perArticle(1000, "warm"),
    perArticle(4000, "warm"),
  ];
  if (!cold1000 || !cold4000 || !warm1000 || !warm4000) return undefined;
  return `Time per article at 4,000 ÷ at 1,000: cold ${(cold4000 / cold1000).toFixed(2)}, warm ${(warm4000 / warm1000).toFixed(2)} (target ≤ 1.2).`;
}
const growth = growthLine();
console.log(`\n${table}\n`);
if (growth) console.log(growth);

/** A bar chart of total build time per size: this site and the peer, cold and warm, and bare Eleventy. */
function chart(): string {
  const width = 680;
  const rowHeight = 26;
  const top = 54;
  const left = 110;
  const series = [
    { label: "this site, cold", colour: "#d1495b", value: (cold: BuildRow) => cold.total, cache: "cold" },
    { label: "peer, first run", colour: "#7a9eb1", value: (cold: BuildRow) => cold.peer, cache: "cold" },
    { label: "this site, warm", colour: "#e9a23b", value: (warm: BuildRow) => warm.total, cache: "warm" },
    { label: "peer, second run", colour: "#a9c6d4", value: (warm: BuildRow) => warm.peer, cache: "warm" },
    { label: "bare Eleventy", colour: "#0f4c5c", value: (cold: BuildRow) => cold.bare, cache: "cold" },
  ] as const;
  const counts = [...new Set(rows.map((row) => row.articles))];
  const groupHeight = rowHeight * series.length + 16;
  const max = Math.max(...rows.flatMap((row) => [row.total, row.peer, row.bare]));
  const bars = counts.flatMap((count, group) =>
    series.flatMap(({ colour, value, cache }, index) => {
      const row = rows.find((r) => r.articles === count && r.cache === cache);
      if (!row) return [];
      const y = top + group * groupHeight + index * rowHeight;
      const barWidth = Math.max(1, ((width - left - 80) * value(row)) / max);
      const name = index === 0 ? `<text x="8" y="${y + 15}">${count.toLocaleString("en")} articles</text>` : "";
      return [
        `<rect x="${left}" y="${y}" width="${barWidth.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"/><text x="${(left + barWidth + 6).toFixed(1)}" y="${y + 15}">${value(row).toFixed(1)} s</text>${name}`,
      ];
    }),
  );
  const height = top + counts.length * groupHeight + 10;
  const legend = series
    .map(({ label, colour }, index) => {
      const x = left + (index % 3) * 180;
      const y = 6 + Math.floor(index / 3) * 22;
      return `<rect x="${x}" y="${y}" width="14" height="14" fill="${colour}"/><text x="${x + 20}" y="${y + 12}">${label}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13"><rect width="100%" height="100%" fill="#ffffff"/>${legend}${bars.join("")}</svg>\n`;
}
writeFileSync(join(projectRoot, "docs/build-benchmark.svg"), chart());

writeReportSection(
  "build",
  `## Build (\`npm run bench\`)

${measuredLine(rows)}
Synthetic articles (tests/helpers/synthetic-articles.ts: valid front matter, 400–900 words each,
four drawings and three 2400×1600 JPEG photos among them) are added to the real site. "Cold" starts
with an empty image cache, "warm" keeps it (as Netlify does between builds); both include checking
the content, every page, the pictures, a social card per page and the Pagefind index. "In Eleventy"
is the time to write the pages (content check, templates, pictures); the social cards and the
Pagefind index are made after that, at the same time as each other. The pictures are made while
pages render, so their span (first started to last finished) is part of the time in Eleventy.
Peak memory is the Node process's (Pagefind and sharp's threads run outside its heap but inside
it, Pagefind's own binary apart).

"Peer" is the setup a user would pick instead of this project, timed in the same run on the same
Markdown files: plain Eleventy with one minimal Nunjucks layout (title and content, set for the
articles by a directory data file), then Pagefind's own CLI (\`pagefind --site\`) over its output.
It makes no pictures, cards, feeds or list pages, and checks nothing. It has no image cache, nor
any other cache kept between builds: its second run (beside "warm") differs from its first (beside
"cold") only by what the operating system has cached, so the two are near-equal, and "ratio to
peer" warm is this site with its cache against the peer as it always is. "Bare Eleventy" builds
the same Markdown files with no configuration, layouts, data or plugins (and no search index).
Every build is quiet (no line per file written). Targets: at 4,000 articles the full build at
most 3× bare Eleventy; time per article at 4,000 at most 1.2× the time per article at 1,000; and
(issue 22, not met) warm at most 0.7× the peer at 1,000 and 4,000, cold at most 2.5× at 1,000,
peak memory at most 1 GB at 4,000. Writing the index of 4,000 pages alone takes Pagefind about
6 s, 0.8× the whole peer; a cold build draws a social card for every page, which the peer does not.
A run of some sizes (\`BENCH_SIZES=100 npm run bench\`) replaces only those sizes' rows; every
row is kept in docs/benchmarks.json.

${table}
${growth ? `\n${growth}\n` : ""}
![Total build time by number of articles: this site, the peer and bare Eleventy](build-benchmark.svg)
`,
);
console.log("Wrote docs/benchmarks.json, docs/benchmarks.md and docs/build-benchmark.svg");
