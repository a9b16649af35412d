// npm run bench:lighthouse: Lighthouse's four scores (Performance, Accessibility, Best Practices,
// SEO) on every kind of page, on a phone and on a desktop. Builds a copy of the project with the
// fixture's content, its events and programmes and its wall of thanks (so that every kind of page
// exists), on 1 December 2026 so that the events are upcoming, as the site tests' shared sites are
// (tests/helpers/global-setup.ts); serves it with the preview server, netlify.toml's headers and
// brotli as the CDN sends it; and runs Lighthouse on each page, one run at a time, mobile then
// desktop (--preset=desktop). Lighthouse is not a dependency: it runs with npx, at the version below.
// LIGHTHOUSE_PAGES=home,event measures only those pages (the keys below); the other pages' rows
// stay. LIGHTHOUSE_REPORTS=<folder> keeps Lighthouse's own JSON reports there (<key>-<form factor>.json),
// for the details of an audit. Merges the rows into docs/benchmarks.json and writes its section of docs/benchmarks.md.
// Scores are never asserted in a test: on a shared machine they vary from run to run.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { serveSite } from "../tests/helpers/browser.ts";
import { fixtureListings } from "../tests/helpers/events-site.ts";
import { buildSite, copyProject, projectRoot, removeTemporaryFolders, temporaryDir } from "../tests/helpers/project.ts";
import { type Measured, mergeResults, thisRun, writeReportSection } from "./report.ts";

const lighthouseVersion = "13.5.0";
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
/** 1 December 2026: the fixture events are upcoming, as the site tests build them. */
const buildDate = "1796083200";

/** Each kind of page, as the layout-shift test names them (tests/browser/layout-shift.test.ts). */
const pages = [
  { key: "home", kind: "home", path: "/" },
  { key: "article", kind: "an article", path: "/articles/storytelling-humanism-mentoring/" },
  { key: "articles", kind: "the articles", path: "/articles/" },
  { key: "about", kind: "about", path: "/about/" },
  { key: "toolkit", kind: "the toolkit", path: "/toolkit/" },
  { key: "thank-your-mentor", kind: "thank your mentor", path: "/thank-your-mentor/" },
  { key: "thanks", kind: "a thanks", path: "/thank-your-mentor/thanks/6571f0a1c2d3e4f5a6b7c8d1/" },
  { key: "search", kind: "search", path: "/search/" },
  { key: "events", kind: "the events", path: "/events/" },
  { key: "event", kind: "an event", path: "/events/lagos-hybrid-forum/" },
  { key: "programmes", kind: "the programmes", path: "/programmes/" },
  { key: "programme", kind: "a programme", path: "/programmes/young-coders-kenya/" },
  { key: "country", kind: "a country", path: "/countries/ng/" },
  { key: "not-found", kind: "not found (404)", path: "/no-such-page/" },
] as const;

const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof categories)[number];
const formFactors = ["mobile", "desktop"] as const;
type FormFactor = (typeof formFactors)[number];

const chosen = process.env.LIGHTHOUSE_PAGES?.split(",").map((key) => key.trim());
const unknown = chosen?.filter((key) => !pages.some((page) => page.key === key)) ?? [];
if (unknown.length > 0)
  throw new Error(
    `LIGHTHOUSE_PAGES: no page "${unknown.join('", "')}"; the pages are ${pages.map(({ key }) => key).join(", ")}`,
  );
const measuredPages = pages.filter((page) => !chosen || chosen.includes(page.key));

/** An audit that kept a category under 100: its id, title and what it found. */
interface Failing {
  category: string;
  id: string;
  title: string;
  displayValue?: string;
}

/** One Lighthouse run of one page on one form factor. */
interface Run {
  /** Each category's score, 0–100, or null when Lighthouse could not score it. */
  scores: Record<Category, number | null>;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  failing: Failing[];
  /** Lighthouse's own error or warnings, when it had any. */
  runtimeError?: string;
  warnings?: string[];
  /** The Chromium that ran it, from its user agent. */
  chromium?: string;
}

interface LighthouseRow extends Measured {
  key: string;
  path: string;
  mobile: Run;
  desktop: Run;
}

/** What of Lighthouse's JSON report the table needs. */
interface Report {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  environment?: { hostUserAgent?: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string; numericValue?: number }>;
}

/**
 * Lighthouse's run of `url`, again when it fails (now and then it loses its trace of the load,
 * NO_NAVSTART, and says to run it again), up to three times; then its error, in place of scores.
 */
async function lighthouse(key: string, url: string, formFactor: FormFactor): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(key, url, formFactor);
    } catch (error) {
      const message = String((error as { stderr?: string }).stderr || error).trim();
      if (attempt < 3) {
        process.stdout.write(`(failed: ${message.split("\n")[0]}; again) `);
        continue;
      }
      return {
        scores: { performance: null, accessibility: null, "best-practices": null, seo: null },
        failing: [],
        runtimeError: message,
      };
    }
  }
}

async function lighthouseOnce(key: string, url: string, formFactor: FormFactor): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "imd-lighthouse-"));
  const output = join(dir, "report.json");
  try {
    await promisify(execFile)(
      "npx",
      [
        "-y",
        `lighthouse@${lighthouseVersion}`,
        url,
        "--output=json",
        `--output-path=${output}`,
        "--chrome-flags=--headless=new --no-sandbox",
        `--only-categories=${categories.join(",")}`,
        // The page that is not found is served with its 404, as Netlify sends it.
        "--ignore-status-code",
        "--quiet",
        ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
    );
    const text = await readFile(output, "utf8");
    if (process.env.LIGHTHOUSE_REPORTS)
      await writeFile(join(process.env.LIGHTHOUSE_REPORTS, `${key}-${formFactor}.json`), text);
    const report: Report = JSON.parse(text);
    const failing = categories.flatMap((category) =>
      (report.categories[category]?.auditRefs ?? [])
        .filter(({ id, weight }) => weight > 0 && (report.audits[id]?.score ?? 1) < 1)
        .map(({ id }) => {
          const { title, displayValue } = report.audits[id] ?? { title: id };
          return { category, id, title, ...(displayValue ? { displayValue } : {}) };
        }),
    );
    const chromium = report.environment?.hostUserAgent?.match(/Chrome\/([\d.]+)/)?.[1];
    const score = (category: string) => {
      const value = report.categories[category]?.score;
      return value === null || value === undefined ? null : Math.round(value * 100);
    };
    return {
      scores: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
        seo: score("seo"),
      },
      lcpMs: report.audits["largest-contentful-paint"]?.numericValue,
      tbtMs: report.audits["total-blocking-time"]?.numericValue,
      cls: report.audits["cumulative-layout-shift"]?.numericValue,
      failing,
      ...(report.runtimeError ? { runtimeError: `${report.runtimeError.code}: ${report.runtimeError.message}` } : {}),
      ...(report.runWarnings?.length ? { warnings: report.runWarnings } : {}),
      ...(chromium ? { chromium } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const started = performance.now();
process.stdout.write("Building the site with the fixture events, programmes and thanks… ");
const projectDir = await copyProject({
  ...fixtureListings(),
  "_data/thanks.json": readFileSync(join(projectRoot, "tests/fixtures/thanks.json"), "utf8"),
  "_data/cardWords.ts": readFileSync(join(projectRoot, "tests/fixtures/card-words.ts"), "utf8"),
});
const siteDir = await temporaryDir("imd-bench-lighthouse-");
await buildSite({ projectDir, outputDir: siteDir, env: { SOURCE_DATE_EPOCH: buildDate } });
console.log("done");

if (process.env.LIGHTHOUSE_REPORTS) await mkdir(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
const server = await serveSite(siteDir, { compress: true });
const measured: LighthouseRow[] = [];
const lighthouseStarted = performance.now();
try {
  for (const { key, path } of measuredPages) {
    const runs = {} as Record<FormFactor, Run>;
    for (const formFactor of formFactors) {
      process.stdout.write(`${path} (${formFactor})… `);
      runs[formFactor] = await lighthouse(key, `${server.origin}${path}`, formFactor);
      const { scores, runtimeError } = runs[formFactor];
      console.log(runtimeError ?? categories.map((category) => scores[category] ?? "–").join(" "));
    }
    measured.push({ articles: 4, ...thisRun(), key, path, ...runs });
  }
} finally {
  await server.close();
  await removeTemporaryFolders();
}
const lighthouseMinutes = (performance.now() - lighthouseStarted) / 60_000;
console.log(
  `Lighthouse took ${lighthouseMinutes.toFixed(1)} min; everything ${((performance.now() - started) / 60_000).toFixed(1)} min`,
);

const order = (key: string) => pages.findIndex((page) => page.key === key);
const rows = mergeResults("lighthouse", measured, (row) => row.key).sort((a, b) => order(a.key) - order(b.key));

const kindOf = (key: string) => pages.find((page) => page.key === key)?.kind ?? key;
const scoreCells = (run: Run) => categories.map((category) => run.scores[category] ?? "–").join(" | ");
const seconds = (ms?: number) => (ms === undefined ? "–" : `${(ms / 1000).toFixed(1)} s`);
const vitals = (run: Run) =>
  `${seconds(run.lcpMs)}, ${run.tbtMs === undefined ? "–" : `${Math.round(run.tbtMs)} ms`}, ${run.cls === undefined ? "–" : Number(run.cls.toFixed(3))}`;
const table = [
  "| page | path | mobile P | A | BP | SEO | desktop P | A | BP | SEO | mobile LCP, TBT, CLS | desktop LCP, TBT, CLS |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ...rows.map(
    (row) =>
      `| ${kindOf(row.key)} | \`${row.path}\` | ${scoreCells(row.mobile)} | ${scoreCells(row.desktop)} | ${vitals(row.mobile)} | ${vitals(row.desktop)} |`,
  ),
].join("\n");

/** Every audit under 1 with the pages and form factors it failed on, and every runtime error. */
const failures = new Map<string, { audit: Failing; where: string[] }>();
const errors: string[] = [];
for (const row of rows)
  for (const formFactor of formFactors) {
    const run = row[formFactor];
    if (run.runtimeError) errors.push(`- ${kindOf(row.key)} (${formFactor}): ${run.runtimeError}`);
    // Metrics a little short of their best still round to 100: only a category under 100 is listed.
    for (const audit of run.failing.filter(({ category }) => (run.scores[category as Category] ?? 0) < 100)) {
      const id = `${audit.category} ${audit.id}`;
      const entry = failures.get(id) ?? { audit, where: [] };
      entry.where.push(`${kindOf(row.key)} (${formFactor}${audit.displayValue ? `, ${audit.displayValue}` : ""})`);
      failures.set(id, entry);
    }
  }
const failureList = [
  ...errors,
  ...[...failures.values()].map(
    ({ audit, where }) => `- ${audit.category}: \`${audit.id}\`, "${audit.title}": ${where.join("; ")}`,
  ),
];
console.log(`\n${table}\n\n${failureList.join("\n")}\n`);

/** "Measured …": each run's date, machine and note, with the pages it measured when not all. */
const runs = new Map<string, string[]>();
for (const { date, machine, note, key, mobile } of rows) {
  const browser = mobile.chromium ? `, Chromium ${mobile.chromium}` : "";
  const run = `${date} on ${machine}${browser}${note ? ` (${note})` : ""}`;
  runs.set(run, [...(runs.get(run) ?? []), kindOf(key)]);
}
const measuredLine =
  runs.size === 1
    ? `Measured ${[...runs.keys()][0]}.`
    : `Measured ${[...runs].map(([run, kinds]) => `${run}: ${kinds.join(", ")}`).join("; ")}.`;

writeReportSection(
  "lighthouse",
  `## Lighthouse (\`npm run bench:lighthouse\`)

${measuredLine}
Lighthouse ${lighthouseVersion} (with npx; not a dependency) in Chromium (\`${chromePath}\`, headless), one
run at a time, on the site with the fixture's articles, events, programmes and wall of thanks,
built on 1 December 2026 so that the events are upcoming, served by the preview server with
netlify.toml's headers and brotli, as the CDN sends them. Mobile is Lighthouse's default (a
mid-range phone on a slow 4G, simulated); desktop is \`--preset=desktop\`. P is Performance, A
Accessibility, BP Best Practices; LCP, TBT and CLS are Lighthouse's Largest Contentful Paint, Total
Blocking Time and Cumulative Layout Shift. Performance depends on the machine: on a shared one it
varies from run to run, so no test asserts it. \`LIGHTHOUSE_PAGES=event,country npm run bench:lighthouse\`
measures only those pages (keys: ${pages.map(({ key }) => `\`${key}\``).join(", ")}) and keeps the
other rows; every row is kept in docs/benchmarks.json. The page that is not found is measured as
Netlify serves it, with its 404 status (\`--ignore-status-code\`): SEO counts that status
(\`http-status-code\`) and its \`noindex\` (\`is-crawlable\`: it keeps /404.html, a file served
like any other, out of search engines) against it, and Best Practices the line Chromium logs for
any 404 ("Failed to load resource", \`errors-in-console\`). All three are what a page that is not
found should have: its two scores under 100 are by design.

${table}

${failureList.length === 0 ? "Every page scored 100 in every category." : `What kept a score under 100:\n\n${failureList.join("\n")}`}
`,
);
console.log("Wrote docs/benchmarks.json and docs/benchmarks.md");
