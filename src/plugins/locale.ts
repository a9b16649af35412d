import type { EleventyConfig } from "@11ty/eleventy";
import { articleLanguage, languageMarkup } from "../lib/words/language.ts";
import { listMarkup, type Phrase, type Plural, say, sayMarkup } from "../lib/words/locale.ts";
import { loadSiteLocale, type SiteLocale } from "../lib/words/locale-files.ts";
import { pageTitles } from "../lib/words/page-title.ts";

/**
 * The site's language and its words, read again before every build (so `npm start` sees an
 * edited locale). Templates reach the words as the global `words` and fill them with `say`;
 * the other plugins ask `language()` for the language their dates, numbers and sorting use.
 */
export function siteLocale() {
  let current: SiteLocale | undefined;
  const chosen = (): SiteLocale => {
    if (!current) throw new Error("The site's locale is read before the build: it was asked for before that");
    return current;
  };
  return {
    plugin: function locale(eleventyConfig: EleventyConfig): void {
      eleventyConfig.on("eleventy.before", async ({ directories }) => {
        current = await loadSiteLocale(directories.input);
      });
      eleventyConfig.addGlobalData("words", () => chosen().words);
      eleventyConfig.addFilter("say", (words: Phrase | Plural, values: Record<string, string | number> = {}) =>
        say(words, values, chosen().language),
      );
      // Words with links in them, where the language's word order puts them; lists joined as the language joins them.
      eleventyConfig.addFilter("sayMarkup", sayMarkup);
      eleventyConfig.addFilter("listMarkup", (items: string[], type: "conjunction" | "disjunction") =>
        listMarkup(items, chosen().language, type),
      );
      eleventyConfig.addFilter("pageTitles", pageTitles);
      // ` lang="ar" dir="rtl"` on what is written in an article's language, when it is not the page's.
      eleventyConfig.addFilter("languageMarkup", languageMarkup);
      eleventyConfig.addFilter("articleLanguage", articleLanguage);
    },
    language: () => chosen().language,
    words: () => chosen().words,
  };
}

export type SiteLocaleHolder = ReturnType<typeof siteLocale>;
