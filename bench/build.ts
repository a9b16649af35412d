// npm run bench: how the full build grows with the number of articles, against bare Eleventy.
// For 100, 1,000 and 4,000 synthetic articles (plus the real four, and a few photos): a cold
// build (empty image cache), a warm build (cache kept), and bare Eleventy on the same Markdown
// (no layouts, no plugins, no data). Writes the figures and a chart to docs/benchmarks.md.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { copyProject, projectRoot, temporaryDir } from "../tests/helpers/build.ts";
import { writeReportSection } from "./report.ts";
import { syntheticArticle } from "./synthetic.ts";

const sizes = (process.env.BENCH_SIZES ?? "100,1000,4000").split(",").map(Number);
const run = promisify(execFile);

interface Measurement {
  total: number;
  pages: number;
  images: number;
  cards: number;
  search: number;
  memoryMb: number;
}

const seconds = (output: string, pattern: RegExp) => Number(output.match(pattern)?.[1] ?? Number.NaN);

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

async function timedBuild(
  projectDir: string,
  outputDir: string,
  args: string[],
  env = process.env,
): Promise<Measurement> {
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/measured-build.ts", `--output=${outputDir}`, ...args],
    { cwd: projectDir, env, maxBuffer: 512 * 1024 * 1024 },
  );
  return {
    total: (performance.now() - started) / 1000,
    pages: seconds(stdout, /\[pages\] \d+ pages written in ([\d.]+) s/),
    images: seconds(stdout, /\[images\] \d+ pictures in ([\d.]+) s/),
    cards: seconds(stdout, /\[cards\] .* in ([\d.]+) s/),
    search: seconds(stdout, /\[search\] Indexed \d+ pages in ([\d.]+) s/),
    memoryMb: seconds(stdout, /\[memory\] peak (\d+) MB/),
  };
}

async function benchmark(count: number) {
  const photos: string[] = [];
  const articles = Array.from({ length: count }, (_, index) => syntheticArticle(index));
  const projectDir = await copyProject(
    Object.fromEntries(articles.map(({ name, source }) => [`articles/${name}`, source])),
  );
  cpSync(join(projectRoot, "bench"), join(projectDir, "bench"), { recursive: true });
  photos.push(...(await addPhotos(projectDir)));
  // A few articles show a photo instead of a drawing.
  for (const [index, photo] of photos.entries()) {
    const article = articles[(index * 7) % articles.length];
    if (article)
      writeFileSync(join(projectDir, "articles", article.name), article.source.replace(/src: .*$/m, `src: ${photo}`));
  }
  const env = { ...process.env, IMAGE_CACHE_DIR: join(projectDir, ".cache/images") };
  rmSync(env.IMAGE_CACHE_DIR, { recursive: true, force: true });
  const config = ["--config=eleventy.config.ts"];
  process.stdout.write(" cold…");
  const cold = await timedBuild(projectDir, await temporaryDir("imd-bench-cold-"), config, env);
  process.stdout.write(" warm…");
  const warm = await timedBuild(projectDir, await temporaryDir("imd-bench-warm-"), config, env);

  // Bare Eleventy: the same Markdown files alone, no configuration, layouts, data or plugins;
  // quiet, as the site's own build is, so that neither pays for a line per file.
  const bareDir = await temporaryDir("imd-bench-bare-");
  cpSync(join(projectDir, "articles"), join(bareDir, "articles"), {
    recursive: true,
    filter: (path) => !path.endsWith(".json"),
  });
  cpSync(join(projectRoot, "bench"), join(bareDir, "bench"), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(bareDir, "node_modules"), "dir");
  process.stdout.write(" bare Eleventy…");
  const bare = await timedBuild(bareDir, await temporaryDir("imd-bench-bare-out-"), ["--input=articles", "--quiet"]);
  return { count, cold, warm, bare };
}

const results: Awaited<ReturnType<typeof benchmark>>[] = [];
for (const count of sizes) {
  process.stdout.write(`${count.toLocaleString("en")} articles:`);
  const result = await benchmark(count);
  results.push(result);
  console.log(
    ` done (cold ${result.cold.total.toFixed(1)} s, warm ${result.warm.total.toFixed(1)} s, bare ${result.bare.total.toFixed(1)} s)`,
  );
}

const f = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(1));
const rows = results.flatMap(({ count, cold, warm, bare }) =>
  [
    ["cold", cold],
    ["warm", warm],
  ].map(
    ([kind, m]) =>
      `| ${count.toLocaleString("en")} | ${kind} | ${f((m as Measurement).total)} s | ${f((m as Measurement).pages)} s | ${f((m as Measurement).images)} s | ${f((m as Measurement).cards)} s | ${f((m as Measurement).search)} s | ${(m as Measurement).memoryMb} MB | ${f(bare.total)} s | ${((m as Measurement).total / bare.total).toFixed(2)}× |`,
  ),
);
const table = [
  "| articles | cache | total | in Eleventy | pictures (within Eleventy) | social cards | Pagefind | peak memory | bare Eleventy | ratio |",
  "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows,
].join("\n");

const perArticle = (count: number, kind: "cold" | "warm") => {
  const result = results.find((r) => r.count === count);
  return result ? result[kind].total / count : Number.NaN;
};
const growth = (kind: "cold" | "warm") => perArticle(4000, kind) / perArticle(1000, kind);
console.log(`\n${table}\n`);
console.log(
  `Time per article at 4,000 ÷ at 1,000: cold ${growth("cold").toFixed(2)}, warm ${growth("warm").toFixed(2)} (target ≤ 1.2)`,
);

/** A bar chart of total build time per size: cold, warm and bare Eleventy. */
function chart(): string {
  const width = 640;
  const rowHeight = 26;
  const top = 30;
  const left = 110;
  const max = Math.max(...results.flatMap((r) => [r.cold.total, r.warm.total, r.bare.total]));
  const series = [
    ["cold", "#d1495b"],
    ["warm", "#e9a23b"],
    ["bare", "#0f4c5c"],
  ] as const;
  const bars = results.flatMap((result, group) =>
    series.map(([kind, colour], index) => {
      const value = result[kind].total;
      const y = top + group * (rowHeight * 3 + 16) + index * rowHeight;
      const barWidth = Math.max(1, ((width - left - 80) * value) / max);
      return `<rect x="${left}" y="${y}" width="${barWidth.toFixed(1)}" height="${rowHeight - 6}" fill="${colour}"/><text x="${(left + barWidth + 6).toFixed(1)}" y="${y + 15}">${value.toFixed(1)} s</text>${index === 0 ? `<text x="8" y="${y + 15}">${result.count.toLocaleString("en")} articles</text>` : ""}`;
    }),
  );
  const height = top + results.length * (rowHeight * 3 + 16) + 10;
  const legend = series
    .map(
      ([kind, colour], index) =>
        `<rect x="${left + index * 150}" y="6" width="14" height="14" fill="${colour}"/><text x="${left + index * 150 + 20}" y="18">${kind === "bare" ? "bare Eleventy" : `${kind} build`}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13"><rect width="100%" height="100%" fill="#ffffff"/>${legend}${bars.join("")}</svg>\n`;
}
writeFileSync(join(projectRoot, "docs/build-benchmark.svg"), chart());

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
writeReportSection(
  "build",
  `## Build (\`npm run bench\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.
Synthetic articles (bench/synthetic.ts: valid front matter, 400–900 words each, four drawings and
three 2400×1600 JPEG photos among them) are added to the real site. "Cold" starts with an empty image
cache, "warm" keeps it (as Netlify does between builds); both include checking the content, every
page, the pictures, a social card per page and the Pagefind index. "In Eleventy" is the time to write
the pages (content check, templates, pictures); the social cards and the Pagefind index are made
after that, at the same time as each other. The pictures are made while pages render, so their span
(first started to last finished) is part of the time in Eleventy. "Bare Eleventy"
builds the same Markdown files with no configuration, layouts, data or plugins; both builds are
quiet (no line per file written). Peak memory is the
Node process's (Pagefind and sharp's threads run outside its heap but inside it, Pagefind's own binary
apart). Targets: at 4,000 articles the full build at most 3× bare Eleventy; time per article at
4,000 at most 1.2× the time per article at 1,000.

${table}

Time per article at 4,000 ÷ at 1,000: cold ${growth("cold").toFixed(2)}, warm ${growth("warm").toFixed(2)}.

![Total build time by number of articles](build-benchmark.svg)
`,
);
console.log("Wrote docs/benchmarks.md and docs/build-benchmark.svg");
