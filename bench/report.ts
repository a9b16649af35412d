// The benchmarks' figures: every row measured, kept in docs/benchmarks.json so that a run of some
// sizes keeps the rows of the others, and docs/benchmarks.md, written from those rows.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../tests/helpers/project.ts";

const reportFile = join(projectRoot, "docs/benchmarks.md");
const resultsFile = join(projectRoot, "docs/benchmarks.json");

/** When and where a row was measured: rows of other runs stay beside the new ones. */
export interface Measured {
  articles: number;
  date: string;
  machine: string;
  /** Anything that ran beside the benchmark (BENCH_NOTE), so that the reader can judge the figures. */
  note?: string;
}

/** This run's date, machine and note, for its rows. */
export function thisRun(): Omit<Measured, "articles"> {
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    ...(process.env.BENCH_NOTE ? { note: process.env.BENCH_NOTE } : {}),
  };
}

/**
 * Merges this run's rows of one benchmark into docs/benchmarks.json: a new row replaces the stored
 * row with the same key, the others stay. Returns every row, by number of articles, then key.
 */
export function mergeResults<Row extends Measured>(benchmark: string, rows: Row[], key: (row: Row) => string): Row[] {
  const stored: Record<string, Row[]> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
  const merged = new Map((stored[benchmark] ?? []).map((row) => [key(row), row]));
  for (const row of rows) merged.set(key(row), row);
  const all = [...merged.values()].sort((a, b) => a.articles - b.articles || key(a).localeCompare(key(b)));
  writeFileSync(resultsFile, `${JSON.stringify({ ...stored, [benchmark]: all }, null, 2)}\n`);
  return all;
}

/** "Measured on …": each date, machine and note with the sizes measured then. */
export function measuredLine(rows: Measured[]): string {
  const runs = new Map<string, Set<number>>();
  for (const { articles, date, machine, note } of rows) {
    const run = `${date} on ${machine}${note ? ` (${note})` : ""}`;
    runs.set(run, (runs.get(run) ?? new Set()).add(articles));
  }
  const sizes = (set: Set<number>) => [...set].map((count) => count.toLocaleString("en")).join(", ");
  if (runs.size === 1) return `Measured ${[...runs.keys()][0]}.`;
  return `Measured ${[...runs].map(([run, set]) => `${run}: ${sizes(set)} articles`).join("; ")}.`;
}

/** Replaces one benchmark's section of docs/benchmarks.md, keeping the others. */
export function writeReportSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = existsSync(reportFile)
    ? readFileSync(reportFile, "utf8")
    : "# Benchmarks\n\nWritten by the benchmark scripts; run them again to bring the figures up to date.\n";
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(
    reportFile,
    pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`,
  );
}
