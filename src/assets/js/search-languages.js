// @ts-check
// Pagefind in every language of the site, for the header's dialog and the search page. Their
// entries (pagefind/dialog/pagefind.js, pagefind/search-page/pagefind.js, written by
// src/lib/publishing/search-index-files.ts) import this module and pass it the bundle's address and the index's
// languages (as pagefind-entry.json has them: each language's WebAssembly, null for none).
//
// Pagefind searches an index with the WebAssembly of one language (its stemming) and breaks a
// query into words by the language of the index (Chinese and Japanese have no spaces); an
// instance takes its language from `<html lang>` alone, and the indexes merged into it
// (`mergeIndex` with a `language`) share its WebAssembly: an Arabic title, stemmed as Arabic in
// the index, is not found by a query stemmed as English. So each WebAssembly gets an instance of
// its own, from its own copy of pagefind.js (a module, its worker and its WebAssembly are one per
// address), made while `<html lang>` names its first language; the other languages of that
// WebAssembly (those with no stemmer: Chinese, Hebrew, Japanese, Korean, Vietnamese) are merged
// into it, which fetches no WebAssembly again. The bundle is merged by its full address: Pagefind
// skips a merge of the address it was loaded from. A search asks every instance and ranks the
// results together by score, as Pagefind ranks merged indexes. A result in another language than
// the page's (its id is `<language>_<hash>`) gets that language in its metadata (`meta.lang`,
// `meta.dir`) for the result templates to mark its words with. The language is not the page's own
// metadata: Pagefind makes metadata searchable, and "rtl" would find every Arabic article.

/**
 * @typedef {{ id: string, score: number, data(): Promise<{ meta: Record<string, string> }> }} Result
 * @typedef {Record<string, Record<string, number>>} FilterCounts
 * @typedef {{ results: Result[], unfilteredResultCount: number, filters: FilterCounts, totalFilters: FilterCounts, timings: unknown }} Response
 * @typedef {{
 *   search(term: string, options?: object): Promise<Response>,
 *   filters(): Promise<FilterCounts>,
 *   mergeIndex(url: string, options: object): Promise<void>,
 * }} Instance
 */

const pageLanguage = document.documentElement.getAttribute("lang");

/**
 * One Pagefind for the languages of one WebAssembly, the first's made from its own copy of pagefind.js.
 * @param {URL} bundle @param {string[]} languages @param {{ baseUrl?: string } | undefined} options
 * @returns {Promise<Instance>}
 */
async function instanceIn(bundle, [first = "", ...others], options) {
  const pagefind = await import(new URL(`pagefind.js?language=${encodeURIComponent(first)}`, bundle).href);
  const html = document.documentElement;
  html.setAttribute("lang", first);
  /** @type {Instance} */
  let instance;
  try {
    instance = pagefind.createInstance(options);
  } finally {
    if (pageLanguage === null) html.removeAttribute("lang");
    else html.setAttribute("lang", pageLanguage);
  }
  const baseUrl = options?.baseUrl ?? new URL("../", bundle).pathname;
  await Promise.all(others.map((language) => instance.mergeIndex(bundle.href, { language, baseUrl })));
  return instance;
}

/** `lang` and `dir` for words in `language` (Pagefind's lower-case tag, `zh-hans`). @param {string} language */
function marks(language) {
  const [lang = language] = Intl.getCanonicalLocales(language);
  const locale =
    /** @type {Intl.Locale & { getTextInfo?(): { direction: string }, textInfo?: { direction: string } }} */ (
      new Intl.Locale(lang)
    );
  return { lang, dir: (locale.getTextInfo?.() ?? locale.textInfo)?.direction ?? "auto" };
}

/** @param {Result[]} results @param {string[]} languages @returns {Result[]} */
function inTheirLanguages(results, languages) {
  return results.map((result) => {
    const language = languages.find((name) => result.id.startsWith(`${name}_`));
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

/** @param {(FilterCounts | undefined)[]} countsOfEach @returns {FilterCounts} */
function summedCounts(countsOfEach) {
  /** @type {FilterCounts} */
  const summed = {};
  for (const counts of countsOfEach) {
    for (const [filter, values] of Object.entries(counts ?? {})) {
      const sum = summed[filter] ?? {};
      summed[filter] = sum;
      for (const [value, count] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + count;
    }
  }
  return summed;
}

/**
 * What Pagefind's Component UI calls: `search` and `filters`, over every language of the index.
 * @param {URL} bundle the bundle's folder, pagefind/
 * @param {Record<string, string | null>} languages each language of the index and its WebAssembly
 * @param {{ baseUrl?: string }} [options] Pagefind's own
 */
export function searchEveryLanguage(bundle, languages, options) {
  /** @type {Map<string | null, string[]>} */
  const byWebAssembly = new Map();
  for (const [language, webAssembly] of Object.entries(languages)) {
    byWebAssembly.set(webAssembly, [...(byWebAssembly.get(webAssembly) ?? []), language]);
  }
  const names = Object.keys(languages);
  const instances = Promise.all([...byWebAssembly.values()].map((group) => instanceIn(bundle, group, options)));
  /** @template T @param {(instance: Instance) => Promise<T>} ask */
  const askEach = async (ask) => Promise.all((await instances).map(ask));
  return {
    /** @param {string} term @param {object} [searchOptions] @returns {Promise<Response>} */
    async search(term, searchOptions) {
      const found = await askEach((instance) => instance.search(term, searchOptions));
      const [only] = found;
      if (names.length === 1 && only && names[0] === pageLanguage?.toLowerCase()) return only;
      return {
        results: inTheirLanguages(
          found.flatMap((response) => response.results),
          names,
        ).sort((a, b) => b.score - a.score),
        unfilteredResultCount: found.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
        filters: summedCounts(found.map((response) => response.filters)),
        totalFilters: summedCounts(found.map((response) => response.totalFilters)),
        timings: found.map((response) => response.timings),
      };
    },
    filters: async () => summedCounts(await askEach((instance) => instance.filters())),
  };
}
