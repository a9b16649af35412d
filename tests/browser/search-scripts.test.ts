import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { textLanguage } from "../../src/lib/words/language.ts";
import { fixtureScripts } from "../helpers/articles-in-scripts.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The site with an article in each of nine scripts (tests/fixtures/articles-in-scripts/), built
// once by the global setup. Each is searched for by words of its title in its own script: a word
// in the middle of a Chinese or Japanese title is found only if Pagefind broke the title into
// words by its language, and an Arabic, Greek, Hindi or Russian word only if the query is
// stemmed by the language the index was stemmed by.
const siteDir = inject("languagesSiteDir");
const chromium = chromiumWithSite(siteDir);

const titleWords: Record<string, { lang: string; words: string[] }> = {
  arabic: { lang: "ar", words: ["الإرشاد", "القاهرة"] },
  chinese: { lang: "zh-Hans", words: ["导师", "医生", "上海"] },
  cyrillic: { lang: "ru", words: ["Наставничество", "медицине"] },
  devanagari: { lang: "hi", words: ["मार्गदर्शन", "दिल्ली"] },
  greek: { lang: "el", words: ["καθοδήγηση", "Αθήνας"] },
  hebrew: { lang: "he", words: ["חונכות", "אביב"] },
  japanese: { lang: "ja", words: ["メンター", "医師", "東京"] },
  korean: { lang: "ko", words: ["멘토링", "서울"] },
  vietnamese: { lang: "vi", words: ["hướng dẫn", "Người", "bác sĩ"] },
};

interface FoundTitle {
  text: string;
  lang: string | null;
  dir: string | null;
  excerptLang: string | null;
}

/**
 * The title of the result that links `url`, among the results for `word` in `scope`, once Pagefind
 * has drawn it: after its summary names `word`, so that a list for the word before is not read.
 */
async function resultTitle(page: Page, scope: string, word: string, url: string): Promise<FoundTitle> {
  await page.locator(`${scope} .pf-summary`, { hasText: word }).first().waitFor();
  const link = page.locator(`${scope} .pf-result-link[href="${url}"]`).first();
  await link.waitFor();
  return link.evaluate((anchor) => {
    const title = anchor.closest(".pf-result-title");
    const result = anchor.closest(".pf-result");
    const excerpt = result?.querySelector(".search-result__excerpt[lang], .search-result__excerpt [lang]");
    return {
      text: anchor.textContent?.trim() ?? "",
      lang: title?.getAttribute("lang") ?? null,
      dir: title?.getAttribute("dir") ?? null,
      excerptLang: excerpt?.getAttribute("lang") ?? null,
    };
  });
}

/** Opens the header's dialog of `from` with "/", as a visitor would; gives its search box. */
async function openDialog(page: Page, from: string) {
  await page.goto(chromium.site.origin + from);
  await page.keyboard.press("/");
  const input = page.locator("pagefind-modal input:focus");
  await input.waitFor();
  return input;
}

/** Opens /search/?q=`word`; gives its search box, for the words after it. */
async function openSearchPage(page: Page, word: string) {
  await page.goto(`${chromium.site.origin}/search/?q=${encodeURIComponent(word)}`);
  return page.locator(".search-page pagefind-input input");
}

describe("search in every script", () => {
  it("has words to search for in each fixture script", () => {
    expect(Object.keys(titleWords).sort()).toEqual(fixtureScripts);
  });

  it.each(fixtureScripts)(
    "finds the %s article by words of its title, from the dialog and /search/, its title marked with its language",
    async (script) => {
      const { lang, words } = titleWords[script]!;
      const url = `/articles/${script}/`;
      const expected = { lang, dir: textLanguage(lang).direction, excerptLang: lang };
      const { page, problems, close } = await watchedPage(chromium.browser);
      // From an article in another script, and from the search page: one visit each, a word after another.
      const dialog = await openDialog(page, "/articles/scholarship-mentoring-stem/");
      for (const word of words) {
        await dialog.fill(word);
        const found = await resultTitle(page, "pagefind-modal", word, url);
        expect(found, `${word} in the dialog`).toMatchObject(expected);
        expect(found.text).toContain(word);
      }
      const searchBox = await openSearchPage(page, words[0]!);
      for (const [index, word] of words.entries()) {
        if (index > 0) await searchBox.fill(word);
        const found = await resultTitle(page, ".search-page", word, url);
        expect(found, `${word} on /search/`).toMatchObject(expected);
        expect(found.text).toContain(word);
      }
      expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
      await close();
    },
  );

  it("still finds English articles by English words, their titles in the page's language", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser);
    const url = "/articles/surgtime-telemedicine-mentoring/";
    const unmarked = { lang: null, dir: null, excerptLang: null };
    await (await openDialog(page, "/articles/arabic/")).fill("surgeons");
    expect(await resultTitle(page, "pagefind-modal", "surgeons", url)).toMatchObject(unmarked);
    await openSearchPage(page, "arthroscopy");
    expect(await resultTitle(page, ".search-page", "arthroscopy", url)).toMatchObject(unmarked);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("does not find an article by the name of its language or direction", async () => {
    const { page, close } = await watchedPage(chromium.browser);
    await page.goto(`${chromium.site.origin}/search/?q=rtl`);
    await page
      .locator(".pf-summary", { hasText: /result/ })
      .first()
      .waitFor();
    expect(await page.locator(".pf-result-link").count()).toBe(0);
    await close();
  });
});
