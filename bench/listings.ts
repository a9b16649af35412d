// npm run bench (its second part; alone: npm run bench:listings): what events and programmes cost.
// The site with 2,000 synthetic events and 1,000 programmes (BENCH_LISTINGS=2000,1000; spread over
// every IANA time zone and 150 countries, tests/helpers/synthetic-listings.ts) against the same
// site without them, each built cold (empty image cache) and warm, on the build date the events
// are upcoming from; and what /events/ and its map then weigh with brotli. Merges the rows into
// docs/benchmarks.json and writes its section of docs/benchmarks.md.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { mapWeight, pageWeight } from "../tests/helpers/page-weight.ts";
import { copyProject } from "../tests/helpers/project.ts";
import { htmlFiles } from "../tests/helpers/site.ts";
import { syntheticListings } from "../tests/helpers/synthetic-listings.ts";
import { type Measured, measuredLine, mergeResults, thisRun, writeReportSection } from "./report.ts";
import { clearScratch, keepForNow, type Stages, scratchDir, siteBuild } from "./site-build.ts";

const [eventCount, programmeCount] = (process.env.BENCH_LISTINGS ?? "2000,1000").split(",").map(Number);
if (![eventCount, programmeCount].every((count) => Number.isInteger(count) && (count ?? -1) >= 0))
  throw new Error(
    `BENCH_LISTINGS: expected numbers of events and programmes like 2000,1000, got "${process.env.BENCH_LISTINGS}"`,
  );
/** 1 December 2026: the synthetic events (January 2027) are upcoming, as they would be in the weeks before the day. */
const buildDate = "1796083200";

interface ListingsRow extends Measured, Stages {
  events: number;
  programmes: number;
  cache: "cold" | "warm";
  total: number;
  htmlPages: number;
  /** /events/ with brotli: its HTML, and with its stylesheet and scripts. */
  eventsHtml?: number;
  eventsTransfer?: number;
  mapBytes?: number;
  mapBrotli?: number;
  markers?: number;
}

async function benchmark(events: number, programmes: number): Promise<ListingsRow[]> {
  const projectDir = await copyProject(syntheticListings(events, programmes));
  keepForNow(projectDir);
  const articles = readdirSync(join(projectDir, "articles")).filter((name) => name.endsWith(".md")).length;
  const env = { ...process.env, IMAGE_CACHE_DIR: join(projectDir, ".cache/images"), SOURCE_DATE_EPOCH: buildDate };
  const rows: ListingsRow[] = [];
  for (const cache of ["cold", "warm"] as const) {
    process.stdout.write(` ${cache}…`);
    const outputDir = await scratchDir("imd-bench-listings-out-");
    const build = await siteBuild(projectDir, env, outputDir);
    const sizes =
      events > 0
        ? (() => {
            const weight = pageWeight(outputDir, "/events/");
            const map = mapWeight(outputDir, "/events/");
            return {
              eventsHtml: weight.html,
              eventsTransfer: weight.total,
              mapBytes: map.bytes,
              mapBrotli: map.brotli,
              markers: map.markers,
            };
          })()
        : {};
    rows.push({
      articles,
      ...thisRun(),
      events,
      programmes,
      cache,
      ...build,
      htmlPages: htmlFiles(outputDir).length,
      ...sizes,
    });
  }
  clearScratch();
  return rows;
}

const measured: ListingsRow[] = [];
for (const [events, programmes] of [
  [0, 0],
  [eventCount ?? 0, programmeCount ?? 0],
]) {
  process.stdout.write(`${events} events and ${programmes} programmes:`);
  const [cold, warm] = (await benchmark(events ?? 0, programmes ?? 0)) as [ListingsRow, ListingsRow];
  measured.push(cold, warm);
  console.log(` done (cold ${cold.total.toFixed(1)} s, warm ${warm.total.toFixed(1)} s)`);
}
const rows = mergeResults("listings", measured, (row) => `${row.events} ${row.programmes} ${row.cache}`);

const s = (value: number) => `${value.toFixed(1)} s`;
const kb = (bytes: number | undefined) => (bytes === undefined ? "–" : `${(bytes / 1024).toFixed(1)} KB`);
const table = [
  "| events | programmes | cache | total | in Eleventy | social cards | Pagefind | peak memory | HTML pages | /events/ HTML (brotli) | /events/ with CSS and scripts (brotli) | map (as is / brotli) | markers |",
  "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows
    .sort((a, b) => a.events - b.events || a.cache.localeCompare(b.cache))
    .map(
      (row) =>
        `| ${row.events.toLocaleString("en")} | ${row.programmes.toLocaleString("en")} | ${row.cache} | ${s(row.total)} | ${s(row.pages)} | ${s(row.cards)} | ${s(row.search)} | ${row.memoryMb} MB | ${row.htmlPages.toLocaleString("en")} | ${kb(row.eventsHtml)} | ${kb(row.eventsTransfer)} | ${row.mapBytes === undefined ? "–" : `${kb(row.mapBytes)} / ${kb(row.mapBrotli)}`} | ${row.markers ?? "–"} |`,
    ),
].join("\n");
console.log(`\n${table}\n`);

writeReportSection(
  "listings",
  `## Events and programmes (\`npm run bench\`, second part; alone \`npm run bench:listings\`)

${measuredLine(rows)}
The site with its fixture articles, with no events or programmes and then with synthetic ones
(tests/helpers/synthetic-listings.ts: valid entries over every IANA time zone and 150 countries,
each venue inside its country), built on 1 December 2026 so that the events are upcoming; cold
(empty image cache) and warm. Each event and programme has its page, its social card and its
place in the search index; the lists are 25 to a page, with a page per filter and per country.
/events/ is measured as it travels (brotli, quality 11): its HTML, then with its stylesheet and
scripts. Target: under 60 KB with 2,000 events (\`tests/build/events-at-scale.test.ts\` asserts it).

${table}
`,
);
console.log("Wrote docs/benchmarks.json and docs/benchmarks.md");
