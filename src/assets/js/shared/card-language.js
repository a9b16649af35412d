// @ts-check
// Which language a thank-you card's own words are in ("Thank you", "From …", the day and its
// date), for the wall's cards in the build (src/lib/words/card-languages.ts) and the maker in the
// browser (thank-your-mentor.js) alike. Pure: the languages there are words in come in as tags.
//
// A thanks that says its language (`lang`, the maker's "Language of the card") gets it, when there
// are card words in it. Otherwise the card guesses from the letters of the message (of the
// mentor's name when the message has none), but only where a script is written by one language
// alone among the card's: a script is not a language. Arabic letters are Persian, Urdu, Kurdish or
// Pashto as often as Arabic, so only letters the Arabic language writes make a guess of Arabic;
// Latin and Cyrillic letters are a hundred languages, and make none. Without a guess, the card
// speaks the site's language.

/**
 * The letters of the Arabic script that the Arabic language writes (hamza to yeh, the tatweel,
 * alef wasla). Persian, Urdu and the script's other languages add their own (پ چ ژ گ ک ی ٹ ڈ ڑ ں ے …).
 */
const ARABIC_LANGUAGE_LETTER = /[\u0621-\u063A\u0640-\u064A\u0671]/u;
const LETTER = /\p{L}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * The language the letters of `text` say, when their script is written by one card language alone:
 * its first letter's script decides (as it decides the direction), Han by the kana or Hangul beside it.
 * @param {string} text
 * @returns {string | undefined}
 */
export function languageOfLetters(text) {
  // Compatibility forms (Arabic presentation forms, half-width kana) read as the letters they are.
  const letters = [...text.normalize("NFKC")].filter((character) => LETTER.test(character));
  const first = letters[0];
  if (first === undefined) return undefined;
  if (/\p{Script=Arabic}/u.test(first))
    return letters.every((letter) => !/\p{Script=Arabic}/u.test(letter) || ARABIC_LANGUAGE_LETTER.test(letter))
      ? "ar"
      : undefined;
  if (/\p{Script=Hebrew}/u.test(first)) return "he";
  if (KANA.test(first)) return "ja";
  if (HANGUL.test(first)) return "ko";
  if (/\p{Script=Han}/u.test(first))
    return letters.some((letter) => KANA.test(letter))
      ? "ja"
      : letters.some((letter) => HANGUL.test(letter))
        ? "ko"
        : "zh";
  if (/\p{Script=Devanagari}/u.test(first)) return "hi";
  return undefined;
}

/**
 * The language of a thank-you card's own words: one of `languages` (the tags there are card words
 * in) or `siteLanguage`. Its declared `lang` when one of them is of its language (`ar-EG` is `ar`),
 * else the language its message's letters say (its mentor's name's, when the message has no
 * letter) when there are words in it, else the site's.
 * @param {{ lang?: string | undefined, message: string, mentor: string }} thanks
 * @param {readonly string[]} languages
 * @param {string} siteLanguage
 * @returns {string}
 */
export function cardLanguage(thanks, languages, siteLanguage) {
  const site = primaryLanguage(siteLanguage);
  /** Our tag for `language` (a primary language subtag): the site's own, or one with card words. */
  const ours = (/** @type {string | undefined} */ language) =>
    language === undefined
      ? undefined
      : language === site
        ? siteLanguage
        : languages.find((tag) => primaryLanguage(tag) === language);
  const declared = thanks.lang === undefined ? undefined : ours(primaryLanguage(thanks.lang));
  if (declared !== undefined) return declared;
  for (const text of [thanks.message, thanks.mentor]) {
    if (LETTER.test(text)) return ours(languageOfLetters(text)) ?? siteLanguage;
  }
  return siteLanguage;
}

/** The language subtag of a BCP 47 tag as Intl reads it (`zh-Hant-TW` is `zh`, `iw` is `he`); undefined for no tag. @param {string} tag */
function primaryLanguage(tag) {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
}
