import { cardLanguage } from "../../assets/js/shared/card-language.js";
import type { CardWords } from "../../assets/js/shared/thanks-card.js";
import type { CardWordsByLanguage } from "../content/schemas.ts";
import { cardWordsFor } from "../graphics/thanks-cards.ts";
import { type AnnualDate, formatAnnualDate } from "./dates.ts";

// The languages a thank-you card may speak, and its words in each: the site's own (the locale's
// `words.thanks.card`, the day's name from day.ts), and those of _data/cardWords.ts. The wall, a
// thanks' page and the maker all ask here, and pick a thanks' language with the one rule the
// browser shares (src/assets/js/shared/card-language.js).

/** The card's words in each language it may speak: `site` is the site's language, whose words come first. */
export interface CardLanguages {
  site: string;
  words: Record<string, CardWords>;
}

/**
 * The card's words in the site's language and in each of `others`: the greeting, the sender's line
 * and the footer (the day's name and its date, as that language writes it) in that language, the
 * text alternatives in the site's. A language of `others` that is the site's (`en` for `en-GB`) is
 * left out: the site's words are the locale's.
 */
export function cardLanguagesFor(
  siteWords: CardWords,
  siteLanguage: string,
  day: { name: string; date: AnnualDate },
  others: CardWordsByLanguage,
): CardLanguages {
  const site = new Intl.Locale(siteLanguage).language;
  const words: Record<string, CardWords> = {
    [siteLanguage]: cardWordsFor(siteWords, { name: day.name, date: formatAnnualDate(day.date, siteLanguage) }),
  };
  for (const [tag, own] of Object.entries(others)) {
    if (new Intl.Locale(tag).language === site) continue;
    words[tag] = cardWordsFor(
      { ...siteWords, greeting: own.greeting, from: own.from },
      { name: own.day, date: formatAnnualDate(day.date, tag) },
    );
  }
  return { site: siteLanguage, words };
}

/** The words of a thanks' card: in its language (cardLanguage), among `languages`. */
export function thanksCardWords(
  thanks: { lang?: string | undefined; message: string; mentor: string },
  languages: CardLanguages,
): CardWords {
  const tag = cardLanguage(thanks, Object.keys(languages.words), languages.site);
  return languages.words[tag] ?? (languages.words[languages.site] as CardWords);
}

/** A language's name in itself, as a list of languages offers it: "العربية", "Deutsch", "Español". */
export function ownLanguageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: "language", fallback: "code" }).of(new Intl.Locale(tag).language);
  return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
}
