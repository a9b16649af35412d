// npm run build: Eleventy builds the site into a fresh folder beside the output folder, and that
// folder replaces the output only once every step has succeeded: pages, pictures, social cards and
// the search index. A build that fails, crashes or is killed leaves the previous output as it was,
// and no build leaves an earlier one's stale files behind (Eleventy itself writes in place).
//
// The swap is here, after Eleventy's write() has resolved, rather than in an eleventy.after
// listener: Eleventy runs the listeners of an event side by side (Promise.all), so a listener that
// swapped folders would race the cards and Pagefind listeners instead of following them; and here
// a failure anywhere (the config, a template, a listener, the process itself) never reaches the swap.
//
// Options, as Eleventy's own: --output=DIR, --pathprefix=/repo/, --quiet, --config=FILE.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { enableCompileCache } from "node:module";
import { constants } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { compileCacheDir } from "../lib/build/compile-cache.ts";

// Before anything else is loaded: Eleventy, the config and the plugins are then compiled once, not every build.
enableCompileCache(compileCacheDir(process.cwd()));
const { default: Eleventy } = await import("@11ty/eleventy");
const { commandOptions } = await import("./arguments.ts");

const options = commandOptions({ output: { type: "string" } });

const { config } = await import(pathToFileURL(resolve(options.config)).href);
const output = resolve(options.output ?? config?.dir?.output ?? "_site");
// The output folder is replaced whole: it may be neither the project (or a folder holding it)
// nor one of the project's own folders.
const projectFolders = new Set([
  "articles",
  "src",
  "_data",
  "static",
  "tests",
  "tools",
  "bench",
  "docs",
  ".ci",
  ".github",
  ".git",
  "node_modules",
]);
const holdsProject = !relative(output, process.cwd()).startsWith("..");
if (holdsProject || projectFolders.has(relative(process.cwd(), output))) {
  console.error(
    `--output=${options.output}: expected a folder for the site alone, got the project or one of its folders`,
  );
  process.exit(1);
}
const uniqueSuffix = () => `${process.pid}-${randomBytes(4).toString("hex")}`;
// The process id tells a later build the folder of a killed build from one still being written.
const building = `${output}.building-${uniqueSuffix()}`;

/**
 * Folders that builds killed before they finished left beside the output (`building` or
 * `previous`), in name order: their process is gone.
 */
function leftovers(kind: "building" | "previous"): string[] {
  const parent = dirname(output);
  const prefix = `${basename(output)}.${kind}-`;
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((name) => name.startsWith(prefix) && !isRunning(Number.parseInt(name.slice(prefix.length), 10)))
    .sort()
    .map((name) => join(parent, name));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Puts the fresh folder where the output is. The old output is moved aside first (a folder is
 * not renamed over a full one), and back if the fresh one cannot take its place.
 */
async function replaceOutput(): Promise<void> {
  if (!existsSync(output)) return rename(building, output);
  const previous = `${output}.previous-${uniqueSuffix()}`;
  await rename(output, previous);
  try {
    await rename(building, output);
  } catch (error) {
    await rename(previous, output);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/**
 * Removes this build's folder and ends the process at once: pictures and copies still in flight
 * would otherwise write into the folder again after it is gone.
 */
function fail(exitCode: number): never {
  rmSync(building, { recursive: true, force: true, maxRetries: 5 });
  console.error(`[build] Failed: ${relative(process.cwd(), output) || "."}/ was left as it was.`);
  process.exit(exitCode);
}

const eleventy = new Eleventy(undefined, building, {
  // As Eleventy's own command line: errors set a failing exit code, and --output outranks the config's folder.
  source: "cli",
  configPath: options.config,
  pathPrefix: options.pathprefix,
  quietMode: options.quiet,
});

// A crash (a filter throwing from a timer, a promise no one awaited) or Ctrl-C stops the build where it is.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error) => {
    eleventy.errorHandler.fatal(error, "The build crashed");
    fail(1);
  });
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => fail(128 + constants.signals[signal]));
}

for (const leftover of leftovers("building")) await rm(leftover, { recursive: true, force: true });
// A build killed between its two renames moved the output aside and never put the new one in its
// place: the output it moved aside is the last good site, and goes back before anything else.
for (const previous of leftovers("previous")) {
  if (existsSync(output)) await rm(previous, { recursive: true, force: true });
  else await rename(previous, output);
}
try {
  await eleventy.write();
  await replaceOutput();
} catch (error) {
  // Eleventy has printed what went wrong in a build step; not when its setup (the config) failed.
  eleventy.errorHandler.once("fatal", error, "The build could not start");
  fail(1);
}
