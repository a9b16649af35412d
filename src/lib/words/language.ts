/**
 * The languages that text is written in: a BCP 47 tag as `Intl` writes it, and the direction
 * its script runs. An article may say its own language (`lang`); everything else is in the
 * site's. Nothing here knows any language by name: `Intl` knows them all.
 */

import type { Direction } from "../../assets/js/shared/text-direction.js";

/** A language as pages mark it: `<article lang="ar" dir="rtl">`. */
export interface TextLanguage {
  tag: string;
  direction: Direction;
}

// Names the languages that Unicode's data knows; none for a well-formed tag of no language ("zz", "english").
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/**
 * `tag` as `Intl` writes it (`zh-hans-cn` is `zh-Hans-CN`, `iw` is `he`); undefined when it is no
 * BCP 47 tag or names no language `Intl` knows.
 */
export function canonicalLanguageTag(tag: string): string | undefined {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return undefined;
  }
  if (canonical === undefined) return undefined;
  const language = new Intl.Locale(canonical).language;
  return language && languageNames.of(language) !== undefined ? canonical : undefined;
}

/** The language `tag` names and the direction of its script: Arabic and Hebrew right to left, Chinese left to right. */
export function textLanguage(tag: string): TextLanguage {
  // Asked for by every list item of every page (`languageMarkup`), for a handful of tags: `Intl` answers each once.
  let language = knownLanguages.get(tag);
  if (!language) {
    const canonical = canonicalLanguageTag(tag);
    if (canonical === undefined)
      throw new RangeError(`expected a language tag like en or zh-Hans, got ${JSON.stringify(tag)}`);
    const locale = new Intl.Locale(canonical) as Intl.Locale & { getTextInfo?(): { direction: Direction } };
    language = Object.freeze({ tag: canonical, direction: locale.getTextInfo?.().direction ?? "ltr" });
    if (knownLanguages.size >= 10_000) knownLanguages.clear();
    knownLanguages.set(tag, language);
  }
  return language;
}
const knownLanguages = new Map<string, TextLanguage>();

/** The language of an article: its own `lang`, or the site's. */
export function articleLanguage(lang: string | undefined, siteLanguage: string): TextLanguage {
  return textLanguage(lang ?? siteLanguage);
}

/**
 * The attributes that mark text in `language` inside text in `around`: `lang` when the languages
 * differ, `dir` when the directions do; none when the text is in the language around it.
 */
export function languageAttributes(language: TextLanguage, around: TextLanguage): { lang?: string; dir?: Direction } {
  return {
    ...(language.tag === around.tag ? {} : { lang: language.tag }),
    ...(language.direction === around.direction ? {} : { dir: language.direction }),
  };
}

/** The East Asian language whose forms of Han characters `tag` uses, if it is one: cards pick their typeface by it. */
export function eastAsianLanguageOf(tag: string): "ja" | "ko" | "zh" | undefined {
  const language = new Intl.Locale(textLanguage(tag).tag).language;
  return language === "ja" || language === "ko" || language === "zh" ? language : undefined;
}

/**
 * `languageAttributes` as HTML, ` lang="ar" dir="rtl"`, for text in `lang` (the site's language
 * when undefined) inside text in `around`. The tag is `Intl`'s canonical form: letters, digits and
 * hyphens, nothing to escape.
 */
export function languageMarkup(lang: string | undefined, around: string): string {
  const attributes = languageAttributes(textLanguage(lang ?? around), textLanguage(around));
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join("");
}
