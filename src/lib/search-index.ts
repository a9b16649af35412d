import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
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
 * Pagefind for a site in more than one language, in the browser: `pagefind/languages.js`, for the
 * index's `languages` (as in Pagefind's pagefind-entry.json: each language's WebAssembly, null for
 * the one of no language).
 *
 * Pagefind searches an index with the WebAssembly of one language (its stemming) and breaks a
 * query into words by the language of the index (Chinese and Japanese have no spaces); an
 * instance takes its language from `<html lang>` alone, and the indexes merged into it
 * (`mergeIndex` with a `language`) share its WebAssembly: an Arabic title, stemmed as Arabic in
 * the index, is not found by a query stemmed as English. So each WebAssembly gets an instance of
 * its own, from its own copy of pagefind.js (a module, its worker and its WebAssembly are one per
 * address), made while `<html lang>` names its first language; the other languages of that
 * WebAssembly (Hebrew, Japanese, Korean, Vietnamese, Chinese: none has a stemmer) are merged into
 * it, which fetches no WebAssembly again. The bundle is merged by its full address: Pagefind
 * skips a merge of the address it was loaded from. A search asks every instance and ranks the
 * results together by score, as Pagefind ranks merged indexes; a result in another language than
 * the page's (its id is `<language>_<hash>`) has that language in its metadata (`meta.lang`,
 * `meta.dir`) for the result templates to mark its words with. The language is not the page's own
 * metadata: Pagefind makes metadata searchable, and "rtl" would find every Arabic article. The
 * entries export what Pagefind's Component UI calls.
 */
export function languagesModule(languages: Readonly<Record<string, string | null>>): string {
  return `// Written by src/lib/search-index.ts: Pagefind in every language of the site (see there why).
const languages = ${JSON.stringify(languages)};
const pageLanguage = document.documentElement.getAttribute("lang");
const bundle = new URL("./", import.meta.url).href;

const byWebAssembly = new Map();
for (const [language, webAssembly] of Object.entries(languages)) {
  byWebAssembly.set(webAssembly, [...(byWebAssembly.get(webAssembly) ?? []), language]);
}

async function instanceIn([first, ...others], options) {
  const pagefind = await import(\`./pagefind.js?language=\${encodeURIComponent(first)}\`);
  const html = document.documentElement;
  html.setAttribute("lang", first);
  let instance;
  try {
    instance = pagefind.createInstance(options);
  } finally {
    if (pageLanguage === null) html.removeAttribute("lang");
    else html.setAttribute("lang", pageLanguage);
  }
  const baseUrl = options?.baseUrl ?? new URL("../", import.meta.url).pathname;
  await Promise.all(others.map((language) => instance.mergeIndex(bundle, { language, baseUrl })));
  return instance;
}

function marks(language) {
  const [lang] = Intl.getCanonicalLocales(language);
  const locale = new Intl.Locale(lang);
  return { lang, dir: (locale.getTextInfo?.() ?? locale.textInfo)?.direction ?? "auto" };
}

function inTheirLanguages(results) {
  return results.map((result) => {
    const language = Object.keys(languages).find((name) => result.id.startsWith(\`\${name}_\`));
    if (language === undefined || language === pageLanguage?.toLowerCase()) return result;
    return {
      ...result,
      data: async () => {
        const data = await result.data();
        return { ...data, meta: { ...data.meta, ...marks(language) } };
      },
    };
  });
}

function summedCounts(countsOfEach) {
  const summed = {};
  for (const counts of countsOfEach) {
    for (const [filter, values] of Object.entries(counts ?? {})) {
      summed[filter] ??= {};
      for (const [value, count] of Object.entries(values)) summed[filter][value] = (summed[filter][value] ?? 0) + count;
    }
  }
  return summed;
}

export function createInstance(options) {
  const instances = Promise.all([...byWebAssembly.values()].map((group) => instanceIn(group, options)));
  const askEach = async (ask) => Promise.all((await instances).map(ask));
  return {
    async search(term, searchOptions) {
      const found = await askEach((instance) => instance.search(term, searchOptions));
      if (Object.keys(languages).length === 1 && languages[pageLanguage?.toLowerCase()] !== undefined) return found[0];
      return {
        results: inTheirLanguages(found.flatMap((response) => response.results)).sort((a, b) => b.score - a.score),
        unfilteredResultCount: found.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
        filters: summedCounts(found.map((response) => response.filters)),
        totalFilters: summedCounts(found.map((response) => response.totalFilters)),
        timings: found.map((response) => response.timings),
      };
    },
    filters: async () => summedCounts(await askEach((instance) => instance.filters())),
  };
}
`;
}

/**
 * The header's search dialog loads Pagefind from `pagefind/dialog/pagefind.js` (its bundle
 * path): every language's, but with no filters. Pagefind's Component UI asks for every
 * filter's data as soon as it loads, to offer them; the dialog offers none, and at 10,000
 * articles that data is some 60 KB, more than the Component UI itself. The search page, which
 * has the topic filter, loads it from `pagefind/search-page/pagefind.js`.
 */
const dialogEntry = `// Written by src/lib/search-index.ts: Pagefind for the header's dialog, which shows no filters.
import { createInstance as inEveryLanguage } from "../languages.js";
export function createInstance(options) {
  return { ...inEveryLanguage(options), filters: async () => ({}) };
}
`;

const searchPageEntry = `// Written by src/lib/search-index.ts: Pagefind for the search page, in every language of the site.
export { createInstance } from "../languages.js";
`;

/**
 * Writes Pagefind's index of `pages` into `<siteDir>/pagefind/`, one index per language, and the
 * entries that search them all. Pagefind reads the pages in the site's language from disk itself,
 * only those the globs name:
 * - only this build's pages are indexed, never stale files an earlier build left in the folder;
 * - reading files, Pagefind indexes 4,000 pages in about 3 s, against about 7 s when each page
 *   is sent through its Node API (`addHTMLFile`); and it reads them in a fixed order, so two
 *   builds of one commit give the same index.
 * A page in another language is sent through `addHTMLFile`, as if its `<html lang>` were its
 * own: the page keeps the site's (its menus and Pagefind's own words are the site's).
 * Pagefind reports problems as strings: any of them fails the build with its words.
 */
export async function writeSearchIndex(siteDir: string, pages: readonly WrittenPage[]): Promise<{ pages: number }> {
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
    await writeFile(join(bundleDir, "languages.js"), languagesModule(Object.fromEntries(webAssembly)));
    for (const [folder, module] of [
      ["dialog", dialogEntry],
      ["search-page", searchPageEntry],
    ] as const) {
      await mkdir(join(bundleDir, folder), { recursive: true });
      await writeFile(join(bundleDir, folder, "pagefind.js"), module);
    }
    return { pages: indexed };
  } finally {
    await pagefind.close();
  }
}
