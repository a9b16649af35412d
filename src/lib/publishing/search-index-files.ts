import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";

// The search index of each build (writes <site>/pagefind/): once Eleventy has written every page,
// Pagefind reads the site's folder itself, as its own command line does, on every core. Measured at
// 4,000 articles (docs/benchmarks.md), that is faster than sending each page to Pagefind's process
// as it is written: the process takes sent pages one at a time (about 3 ms each), and Eleventy had
// to wait for it.

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
 * The search index of the builds of one site:
 * - `start` (the build begins) starts Pagefind's process, while Eleventy writes;
 * - `add` (a page is written) notes the page, if search should find it, and keeps it when its words
 *   are in another language than the site's (`searchablePage`): Pagefind would read it, from the
 *   file, as the site's;
 * - `write` (every page is written) has Pagefind read the site's folder, gives it again the pages
 *   of other languages as theirs (a page given again at the same path takes the place it had), and
 *   writes the index into `<siteDir>/pagefind/`, with the entries that search every language
 *   (`entryModule`). Whatever order the pages were written in, two builds of one commit give the
 *   same index, byte for byte (tests/unit/search-index.test.ts, tests/build/reproducible.test.ts).
 * `npm run build` writes into a new folder. `npm start` writes into _site/ in place, where the page
 * of an article since renamed or deleted stays: when the folder holds a page this build did not
 * write, Pagefind is given this build's pages one by one instead, so that search sends no one to
 * it. Pagefind reports problems as strings: any of them fails the build with its words.
 */
export function searchIndexOfBuild() {
  let siteDir = "_site";
  let index: Promise<PagefindIndex> | undefined;
  /** The pages of other languages than the site's, by path, as Pagefind is to read them. */
  let otherLanguages = new Map<string, string>();
  /** Every HTML page this build wrote, and those of them search should find, by path in the site. */
  let written = new Set<string>();
  let searchable: string[] = [];

  const stop = async () => {
    index = undefined;
    await pagefind.close();
  };

  return {
    /** A new build into `outputDir`: Pagefind starts, and no page is counted yet. */
    start(outputDir: string): void {
      siteDir = outputDir;
      otherLanguages = new Map();
      written = new Set();
      searchable = [];
      // A build that failed half way left its Pagefind running: a new one starts.
      index = pagefind.createIndex({}).then(({ index: started, errors }) => {
        if (!started) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        return started;
      });
      // Reported by write().
      index.catch(() => {});
    },

    /** A page as it is written at `outputPath` (in the site's folder). */
    add(outputPath: string, html: string): void {
      if (!index) return;
      const path = relative(siteDir, outputPath).split(sep).join("/");
      written.add(path);
      const page = searchablePage(path, html);
      if (!page) return;
      searchable.push(page.path);
      if (page.content !== html) otherLanguages.set(page.path, page.content);
    },

    /** Writes the index of the site's searchable pages, once every page is written; Pagefind stops. */
    async write(languagesScript: string): Promise<{ pages: number }> {
      if (!index) throw new Error("The search index was written before the build started");
      // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
      const bundleDir = join(siteDir, "pagefind");
      await rm(bundleDir, { recursive: true, force: true });
      try {
        const started = await index;
        const problems: string[] = [];
        const give = async (path: string, content: string) => {
          const { errors } = await started.addHTMLFile({ sourcePath: path, content });
          problems.push(...errors.map((error) => `${path}: ${error}`));
        };
        if ((await htmlFilesUnder(siteDir)).every((path) => written.has(path))) {
          problems.push(...(await started.addDirectory({ path: siteDir })).errors);
          for (const path of [...otherLanguages.keys()].sort()) await give(path, otherLanguages.get(path) ?? "");
        } else {
          for (const path of [...searchable].sort())
            await give(path, otherLanguages.get(path) ?? (await readFile(join(siteDir, path), "utf8")));
        }
        if (problems.length > 0) throw new Error(`Pagefind could not index ${problems.join("; ")}`);
        const bundle = await started.writeFiles({ outputPath: bundleDir });
        if (bundle.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${bundle.errors.join("; ")}`);
      } finally {
        await stop();
      }
      await writeEntryModules(bundleDir, languagesScript);
      return { pages: searchable.length };
    },
  };
}

/** The HTML files under `siteDir` (Pagefind's own folder apart), by path in the site. */
async function htmlFilesUnder(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !path.startsWith("pagefind/"));
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

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
