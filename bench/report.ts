import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../tests/helpers/build.ts";

const reportFile = join(projectRoot, "docs/benchmarks.md");

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
