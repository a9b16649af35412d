// npm start: Eleventy's dev server, which rebuilds on every save and writes into _site/ in place.
// Unlike `eleventy --serve`, a failed build never stops it, the first one included: every page shows
// the problems instead (src/plugins/dev-errors.ts) until a save fixes them.
//
// Options, as Eleventy's own: --port=8080, --pathprefix=/repo/, --quiet, --config=FILE; and --host:
// the server listens on this machine alone (127.0.0.1) unless --host=0.0.0.0 opens it to every
// network it is on (to try the site on a phone on the same Wi-Fi), or names another address.
import { type FSWatcher, readdirSync, watch } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Eleventy from "@11ty/eleventy";
import { buildFailures } from "../plugins/dev-errors.ts";
import { commandOptions, hostAddress, portNumber, serverOptions } from "./arguments.ts";
import { keepDevServerLocal } from "./local-dev-server.ts";

const options = commandOptions(serverOptions);
const address = hostAddress(options.host);
const port = options.port === undefined ? undefined : portNumber(options.port);

const failures = buildFailures();
/** True once Eleventy's first build has failed, until one succeeds and Eleventy watches the files. */
let retrying = false;
const eleventy = new Eleventy(undefined, undefined, {
  source: "cli",
  runMode: "serve",
  configPath: options.config,
  pathPrefix: options.pathprefix,
  quietMode: options.quiet,
  config: (eleventyConfig) => {
    failures.plugin(eleventyConfig);
    // Eleventy keeps templates it has read for the next build, and only its watcher tells it which
    // changed: until that watcher runs, every try reads them all again.
    if (retrying) eleventyConfig.setUseTemplateCache(false);
  },
});

// As Eleventy's command line: a crash is reported and the server keeps running.
process.on("uncaughtException", (error) => eleventy.errorHandler.fatal(error, "Uncaught exception"));
process.on("unhandledRejection", (error) => eleventy.errorHandler.fatal(error, "Unhandled rejection in promise"));
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  // A failed build set a failing exit code; stopping the server on purpose is a success.
  process.exitCode = 0;
});

// Every build, the first and each one after a save, goes through write(): its failure is shown.
const write = eleventy.write.bind(eleventy);
eleventy.write = async () => {
  try {
    return await write();
  } catch (error) {
    failures.show(error);
    throw error;
  }
};

/** Eleventy's first build, then its watching of the files; false when that first build failed. */
async function startWatching(): Promise<boolean> {
  try {
    await eleventy.watch();
    return true;
  } catch {
    return false; // Eleventy has printed why, and the pages show it
  }
}

const { config } = await import(pathToFileURL(resolve(options.config)).href);
/** Folders no save of a contributor's is in; a failed build may write into the output and the caches. */
const notSources = new Set(["node_modules", ".git", ".cache", config?.dir?.output ?? "_site"]);

/** A watch for the next change to a file of the project, from now on. */
function nextChange(): { happened: Promise<void>; stop: () => void } {
  const watchers: FSWatcher[] = [];
  const stop = () => {
    for (const watcher of watchers) watcher.close();
  };
  const happened = new Promise<void>((changed) => {
    const onChange = (name: string | null) => {
      if (name !== null && notSources.has(name)) return;
      stop();
      changed();
    };
    watchers.push(watch(".", (_event, name) => onChange(name)));
    for (const entry of readdirSync(".", { withFileTypes: true })) {
      if (entry.isDirectory() && !notSources.has(entry.name))
        watchers.push(watch(entry.name, { recursive: true }, () => onChange(null)));
    }
  });
  return { happened, stop };
}

await eleventy.init();
keepDevServerLocal(eleventy, address);
// Eleventy's watch() starts watching files only once its first build has succeeded (a failure there
// ends `eleventy --serve`): until then, each save tries that first build again. The watch is set
// before each try, so that a save made while a build runs is not missed.
let change = nextChange();
let watching = await startWatching();
await eleventy.serve(port);
if (!watching) {
  retrying = true;
  while (!watching) {
    await change.happened;
    change = nextChange();
    // A fresh config, list of files and data, as Eleventy makes when its config file changes.
    eleventy.resetConfig();
    await eleventy.init();
    watching = await startWatching();
  }
  // Eleventy reloads the open pages after the builds that follow a save, not after its first one.
  failures.reloadPages();
}
change.stop();
