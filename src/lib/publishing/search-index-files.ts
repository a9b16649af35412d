import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";

/** A page as the build just wrote it: where, and its HTML. */
export interface WrittenPage {
  outputPath: string;
  content: string;
}

/** A page that search should find: its path in the site, and the language of its words when not the site's. */
export interface SearchablePage {
  path: string;
  language?: string;
}

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
 * The pages of `pages` that search should find, by their path in `siteDir`, in order. Pages without
 * `data-pagefind-body` are left out: Pagefind would ignore them anyway.
 */
export function searchablePages(siteDir: string, pages: readonly WrittenPage[]): SearchablePage[] {
  return pages
    .filter((page) => page.outputPath.endsWith(".html") && page.content.includes("data-pagefind-body"))
    .map((page) => {
      const path = relative(siteDir, page.outputPath).split(sep).join("/");
      const language = pageLanguage(page.content);
      return language === undefined ? { path } : { path, language };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Globs of `paths` (`{about/index.html,index.html,…}`), at most `perGlob` paths each: Pagefind
 * cannot parse a glob of 10,000 (5,000 is fine).
 */
export function pathGlobs(paths: readonly string[], perGlob = 2000): string[] {
  // Wax, Pagefind's glob syntax, reads these characters as patterns unless escaped.
  const escaped = paths.map((path) => path.replace(/[\\{}[\]()<>,*?$:]/g, "\\$&"));
  const globs: string[] = [];
  for (let start = 0; start < escaped.length; start += perGlob) {
    globs.push(`{${escaped.slice(start, start + perGlob).join(",")}}`);
  }
  return globs;
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
 * Writes Pagefind's index of `pages` into `<siteDir>/pagefind/`, one index per language, and the
 * entries that search them all (`entryModule`). Pagefind reads the pages in the site's language from disk itself,
 * only those the globs name:
 * - only this build's pages are indexed, never stale files an earlier build left in the folder;
 * - reading files, Pagefind indexes 4,000 pages in about 3 s, against about 7 s when each page
 *   is sent through its Node API (`addHTMLFile`); and it reads them in a fixed order, so two
 *   builds of one commit give the same index.
 * A page in another language is sent through `addHTMLFile`, as if its `<html lang>` were its
 * own: the page keeps the site's (its menus and Pagefind's own words are the site's).
 * Pagefind reports problems as strings: any of them fails the build with its words.
 */
export async function writeSearchIndex(
  siteDir: string,
  pages: readonly WrittenPage[],
  languagesScript: string,
): Promise<{ pages: number }> {
  // Pagefind names its files by content hash: without this, every build would leave the last one's behind.
  const bundleDir = join(siteDir, "pagefind");
  await rm(bundleDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const searchable = searchablePages(siteDir, pages);
    let indexed = 0;
    // One glob after another, then one page after another, in order: the index comes out the same every build.
    for (const glob of pathGlobs(searchable.filter((page) => !page.language).map((page) => page.path))) {
      const added = await index.addDirectory({ path: siteDir, glob });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the pages: ${added.errors.join("; ")}`);
      indexed += added.page_count;
    }
    for (const { path, language } of searchable) {
      if (!language) continue;
      const content = inDocumentLanguage(await readFile(join(siteDir, path), "utf8"), language);
      const added = await index.addHTMLFile({ sourcePath: path, content });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${path}: ${added.errors.join("; ")}`);
      indexed += 1;
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    const entry = JSON.parse(await readFile(join(bundleDir, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { wasm: string | null }>;
    };
    const webAssembly = Object.entries(entry.languages).map(([language, { wasm }]) => [language, wasm] as const);
    const languages = Object.fromEntries(webAssembly);
    for (const kind of ["dialog", "search-page"] as const) {
      await mkdir(join(bundleDir, kind), { recursive: true });
      await writeFile(join(bundleDir, kind, "pagefind.js"), entryModule(kind, languages, languagesScript));
    }
    return { pages: indexed };
  } finally {
    await pagefind.close();
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
