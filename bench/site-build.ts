// The benchmarks' builds: this site as `npm run build` makes it, or Eleventy's command line, each
// in a child process that reports its peak memory, timed as a whole and by the stages the site's
// build prints; and the temporary folders they write, removed between sizes.
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { projectRoot, temporaryDir } from "../tests/helpers/project.ts";

export const run = promisify(execFile);
/** Runs Eleventy in-process and prints its peak memory; run from here with the project copy as its folder. */
const measuredBuild = join(projectRoot, "bench/measured-build.ts");

/** Seconds since `started`. */
export const since = (started: number) => (performance.now() - started) / 1000;

/** The temporary folders of one size's builds. */
const scratch: string[] = [];
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await temporaryDir(prefix);
  scratch.push(dir);
  return dir;
}
/** Keeps `dir` until the next `clearScratch`. */
export function keepForNow(dir: string): void {
  scratch.push(dir);
}
/** Removes the temporary folders made since the last call (before the next size). */
export function clearScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The site builds as npm run build does; the peer and bare Eleventy with Eleventy's command line. */
export const entries = { site: "src/cli/build.ts", eleventy: "node_modules/@11ty/eleventy/cmd.cjs" } as const;
type Entry = (typeof entries)[keyof typeof entries];

/** One build in `projectDir`, in a child process; its output and total time. */
export async function eleventy(entry: Entry, projectDir: string, outputDir: string, args: string[], env = process.env) {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [measuredBuild, entry, `--output=${outputDir}`, ...args], {
    cwd: projectDir,
    env,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { stdout, total: since(started) };
}

export interface Stages {
  pages: number;
  images: number;
  cards: number;
  search: number;
  memoryMb: number;
}

/** A figure from a line the build prints; a line missing is an error, never a blank in the table. */
function figure(output: string, pattern: RegExp): number {
  const found = output.match(pattern)?.[1];
  if (found === undefined) throw new Error(`The build printed no line matching ${pattern}`);
  return Number(found);
}

/** This project's build, as `npm run build` makes it, into `outputDir`: timed as a whole and by stage. */
export async function siteBuild(
  projectDir: string,
  env: NodeJS.ProcessEnv,
  outputDir?: string,
): Promise<Stages & { total: number }> {
  const { stdout, total } = await eleventy(
    entries.site,
    projectDir,
    outputDir ?? (await scratchDir("imd-bench-out-")),
    ["--config=eleventy.config.ts"],
    env,
  );
  return {
    total,
    pages: figure(stdout, /\[pages\] \d+ pages written in ([\d.]+) s/),
    images: figure(stdout, /\[images\] \d+ pictures in ([\d.]+) s/),
    cards: figure(stdout, /\[cards\] .* in ([\d.]+) s/),
    search: figure(stdout, /\[search\] Indexed \d+ pages in ([\d.]+) s/),
    memoryMb: figure(stdout, /\[memory\] peak (\d+) MB/),
  };
}
