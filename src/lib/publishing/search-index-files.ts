import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { Worker } from "node:worker_threads";
import type { SearchIndexAnswer, SearchIndexRequest } from "./search-index-worker.ts";

// The search index of each build (writes <site>/pagefind/): Pagefind's own process indexes every
// page while Eleventy is still writing the others, on the other core, so that once the last page
// is written only Pagefind's own writing of its files is left.

/**
 * The language of the words of a page, when it says one: the `lang` of the element whose text is
 * the page's title for Pagefind (`data-pagefind-meta="title…"`), as an article in a language of its
 * own marks its title. Undefined for a page in the site's language.
 */
export function pageLanguage(html: string): string | undefined {
  const titleTag = /<[a-z][a-z0-9]*\s[^>]*?\bdata-pagefind-meta="title\b[^"]*"[^>]*>/i.exec(html)?.[0];
  return titleTag === undefined ? undefined : /\slang="([^"]+)"/.exec(titleTag)?.[1];
}

/**
 * `html` as if the whole page were in `language`: Pagefind makes one index per `<html lang>`,
 * and reads a page's words (stemming; word breaks in Chinese and Japanese) by that language.
 */
export function inDocumentLanguage(html: string, language: string): string {
  return html.replace(
    /<html\b[^>]*>/i,
    (tag) => `<html lang="${language}"${tag.slice("<html".length).replace(/\slang="[^"]*"/i, "")}`,
  );
}

/**
 * Where the page at the site address `url` is written, as Eleventy writes it and Pagefind names
 * it: `/a/` is `a/index.html`, `/404.html` is `404.html`. Undefined for a file that is no HTML page.
 */
export function pagePathOf(url: string): string | undefined {
  const path = url.replace(/^\/+/, "");
  if (path === "" || path.endsWith("/")) return `${path}index.html`;
  return path.endsWith(".html") ? path : undefined;
}

/**
 * What Pagefind is given of a page written at `path` in the site: its HTML, in the language of its
 * words (`inDocumentLanguage`); nothing for a page that search should not find (no
 * `data-pagefind-body`: Pagefind would ignore it anyway) or for a file that is no HTML page.
 */
export function searchablePage(path: string, html: string): { path: string; content: string } | undefined {
  if (!path.endsWith(".html") || !html.includes("data-pagefind-body")) return undefined;
  const language = pageLanguage(html);
  return { path, content: language === undefined ? html : inDocumentLanguage(html, language) };
}

/**
 * A page of no words at `path`: it holds the page's place in the index until the page itself
 * comes, and is left out of the index if it never does (Pagefind leaves out pages with no words).
 */
export const placeHolder = "<html><body></body></html>";

/**
 * The entry of Pagefind that the header's dialog loads (`pagefind/dialog/pagefind.js`, its bundle
 * path) or the search page does (`pagefind/search-page/pagefind.js`): every language's index,
 * through src/assets/js/search-languages.js (published at `languagesScript`, a site path), and for
 * the dialog with no filters. Pagefind's Component UI asks for every filter's data as soon as it
 * loads, to offer them; the dialog offers none, and at 10,000 articles that data is some 60 KB,
 * more than the Component UI itself.
 */
export function entryModule(
  kind: "dialog" | "search-page",
  languages: Readonly<Record<string, string | null>>,
  languagesScript: string,
): string {
  // From pagefind/<kind>/, the site's root is two folders up: the import holds under a path prefix too.
  const script = `../../${languagesScript.replace(/^\//, "")}`;
  return `// Written by src/lib/publishing/search-index-files.ts: Pagefind for the ${kind === "dialog" ? "header's dialog, which shows no filters" : "search page"}.
import { searchEveryLanguage } from ${JSON.stringify(script)};
const languages = ${JSON.stringify(languages)};
export function createInstance(options) {
  const pagefind = searchEveryLanguage(new URL("../", import.meta.url), languages, options);
  return ${kind === "dialog" ? "{ ...pagefind, filters: async () => ({}) }" : "pagefind"};
}
`;
}

/**
 * The search index of the builds of one site, made while the pages are written:
 * - `start` (the build begins) starts Pagefind's process;
 * - `plan` (Eleventy knows every page's address, before it writes any) gives each HTML page its
 *   place in the index, in the order of their paths. Pagefind numbers pages in the order it gets
 *   them, and those numbers are in its files; pages are written in an order that varies from one
 *   build to the next. Pagefind takes a page again at the place it had (the same address), so each
 *   page first gets a place holder of no words, in the order of paths, and two builds of one commit
 *   give the same index, byte for byte;
 * - `add` (a page is written) sends the page to Pagefind at once, which indexes it on its own core;
 * - `write` (every page is written) writes the index into `<siteDir>/pagefind/`, with the entries
 *   that search every language (`entryModule`).
 * Pagefind's Node API, which encodes every page it is sent, runs in a thread of its own
 * (search-index-worker.ts). Only this build's pages are indexed, never stale files an earlier build
 * left in the folder. Pagefind reports problems as strings: any of them fails the build with its words.
 */
export function searchIndexOfBuild() {
  let siteDir = "_site";
  let worker: Worker | undefined;
  let building = false;
  let planned = new Set<string>();
  /** Pages that came with no place planned for them: they go into the index in order of their paths. */
  let unplanned = new Map<string, string>();
  let pages = 0;
  /** Pages sent and not yet indexed; pages waiting to be sent until fewer are. */
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  let written: ((answer: { problems: string[] } | Error) => void) | undefined;
  let failure: Error | undefined;

  const thread = () => {
    if (worker) return worker;
    const started = new Worker(new URL("./search-index-worker.ts", import.meta.url));
    started.on("message", (answer: SearchIndexAnswer) => {
      if (answer.kind === "indexed") {
        inFlight -= 1;
        const next = waiting.shift();
        if (next) {
          inFlight += 1;
          next();
        }
      } else {
        written?.(answer);
      }
    });
    // A thread that failed fails the build at `write`, and holds back no page meanwhile.
    const failed = (error: Error) => {
      failure ??= error;
      worker = undefined;
      inFlight = 0;
      for (const release of waiting.splice(0)) release();
      written?.(error);
    };
    started.on("error", failed);
    started.on("exit", (code) => failed(new Error(`The search index's thread stopped (exit code ${code})`)));
    // The thread keeps the process alive only while a build is under way (from `start` to the end of `write`).
    started.unref();
    worker = started;
    return started;
  };
  const ask = (request: SearchIndexRequest) => thread().postMessage(request);
  /** Resolves once a page may be sent: when fewer than `maxInFlight` are, and they count it. */
  const turn = () => {
    if (inFlight >= maxInFlight) return new Promise<void>((release) => waiting.push(release));
    inFlight += 1;
    return undefined;
  };

  return {
    /** A new build into `outputDir`: Pagefind starts, and no page has a place yet. */
    start(outputDir: string): void {
      // A build that failed half way left its Pagefind running.
      if (building) ask({ kind: "stop" });
      siteDir = outputDir;
      building = true;
      failure = undefined;
      planned = new Set();
      unplanned = new Map();
      pages = 0;
      inFlight = 0;
      for (const release of waiting.splice(0)) release();
      ask({ kind: "start" });
      thread().ref();
    },

    /** The addresses of every page the build will write, before it writes any: their order in the index. */
    plan(urls: Iterable<string>): void {
      if (!building) return;
      const paths = [...urls].flatMap((url) => pagePathOf(url) ?? []).sort();
      for (const path of paths) {
        if (planned.has(path)) continue;
        planned.add(path);
        ask({ kind: "add", path, content: placeHolder, answer: false });
      }
    },

    /**
     * A page as it is written at `outputPath` (in the site's folder): Pagefind indexes it now if
     * search should find it. Resolves once Pagefind has few enough pages still to index, so that
     * pages do not pile up in memory when Eleventy writes them faster than Pagefind reads them.
     */
    async add(outputPath: string, html: string): Promise<void> {
      if (!building) return;
      const page = searchablePage(relative(siteDir, outputPath).split(sep).join("/"), html);
      if (!page) return;
      pages += 1;
      if (!planned.has(page.path)) {
        unplanned.set(page.path, page.content);
        return;
      }
      await turn();
      ask({ kind: "add", path: page.path, content: page.content, answer: true });
    },

    /** Writes the index of this build's searchable pages, once every page is written; Pagefind stops. */
    async write(languagesScript: string): Promise<{ pages: number }> {
      if (!building) throw new Error("The search index was written before the build started");
      building = false;
      if (failure) throw failure;
      for (const path of [...unplanned.keys()].sort())
        ask({ kind: "add", path, content: unplanned.get(path) ?? "", answer: false });
      unplanned = new Map();
      // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
      const bundleDir = join(siteDir, "pagefind");
      await rm(bundleDir, { recursive: true, force: true });
      const indexer = thread();
      try {
        const answer = await new Promise<{ problems: string[] } | Error>((resolve) => {
          written = resolve;
          ask({ kind: "write", bundleDir });
        });
        if (answer instanceof Error) throw answer;
        if (answer.problems.length > 0) throw new Error(answer.problems.join("; "));
      } finally {
        written = undefined;
        indexer.unref();
      }
      await writeEntryModules(bundleDir, languagesScript);
      return { pages };
    },
  };
}

/** Pages sent to Pagefind and not yet indexed, at most: enough to keep it busy, few enough to hold in memory. */
const maxInFlight = 32;

/** Writes the entries of the index (`entryModule`) beside Pagefind's files in `bundleDir`. */
async function writeEntryModules(bundleDir: string, languagesScript: string): Promise<void> {
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { wasm: string | null }>;
  };
  const languages = Object.fromEntries(
    Object.entries(entry.languages).map(([language, { wasm }]) => [language, wasm] as const),
  );
  for (const kind of ["dialog", "search-page"] as const) {
    await mkdir(join(bundleDir, kind), { recursive: true });
    await writeFile(join(bundleDir, kind, "pagefind.js"), entryModule(kind, languages, languagesScript));
  }
}

/**
 * The files of Pagefind's interface that the site loads: its Component UI, which the search page
 * (src/pages/search.njk) and the header's dialog (src/assets/js/search-launcher.js) load.
 */
export const loadedInterfaceFiles = ["pagefind-component-ui.js", "pagefind-component-ui.css"] as const;

/**
 * Removes from Pagefind's bundle, `<siteDir>/pagefind/`, every file that no page loads: Pagefind
 * writes all of its interfaces (the Default UI, the Modular UI, the highlighter: some 200 KB) and
 * the WebAssembly of languages the index may not have. Kept are what a search fetches (pagefind.js,
 * its worker, the entry, each language's metadata and WebAssembly as the entry names them, and the
 * index, filter and fragment folders), the entries written above (dialog/, search-page/) and
 * `interfaceFiles`. Run after the index is written. Gives the names removed.
 */
export async function removeUnloadedSearchFiles(
  siteDir: string,
  interfaceFiles: readonly string[] = loadedInterfaceFiles,
): Promise<string[]> {
  const bundleDir = join(siteDir, "pagefind");
  const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string; wasm: string | null }>;
  };
  const loaded = new Set([
    "pagefind.js",
    "pagefind-worker.js",
    "pagefind-entry.json",
    "index",
    "filter",
    "fragment",
    "dialog",
    "search-page",
    ...interfaceFiles,
    // Pagefind loads the WebAssembly "unknown" for a language it has no stemmer for.
    ...Object.values(entry.languages).flatMap(({ hash, wasm }) => [
      `pagefind.${hash}.pf_meta`,
      `wasm.${wasm ?? "unknown"}.pagefind`,
    ]),
  ]);
  const unloaded = (await readdir(bundleDir)).filter((name) => !loaded.has(name)).sort();
  await Promise.all(unloaded.map((name) => rm(join(bundleDir, name), { recursive: true, force: true })));
  return unloaded;
}
