// Text that people send (names, messages, titles) is shown as plain text where no markup can
// isolate it: the tab's <title>, og:title, meta descriptions, feeds, share texts, data attributes,
// cards and search. One rule makes it safe there, applied where the text is read (front matter,
// the comments and thanks files, the forms' submissions), so every page, feed and card shows the
// same text the content check checked.

/**
 * Characters that reach beyond themselves: the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069). An unclosed U+202E in a thanks turns the rest of a <title>,
 * the site's own name included, backwards. Pages set contributed text in elements with dir="auto",
 * which isolate it already: these are never needed.
 */
const bidiScopes = /[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Invisible characters with no use in writing (default-ignorable code points), except those that
 * scripts and emoji need: the soft hyphen, the combining grapheme joiner, the directional marks
 * (ALM, LRM, RLM: each orders only its neighbours), zero width space, non-joiner and joiner
 * (Persian, Indic scripts, emoji sequences), variation selectors (Mongolian's among them) and the
 * tag characters of flag emoji. What goes: the Hangul fillers that make a blank name, the word
 * joiner and invisible operators, the deprecated format characters, the byte order mark, and the
 * rest of the tags block.
 */
const invisibleKept: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark
  [0x180b, 0x180f], // Mongolian free variation selectors and vowel separator
  [0x200b, 0x200f], // zero width space, non-joiner, joiner; left-to-right and right-to-left marks
  [0xfe00, 0xfe0f], // variation selectors (text or emoji presentation)
  [0xe0020, 0xe007f], // tag characters of flag emoji (England, Scotland, Wales)
  [0xe0100, 0xe01ef], // variation selectors supplement
];
const invisible = /\p{Default_Ignorable_Code_Point}/gu;
const keptInvisible = (character: string) => {
  const code = character.codePointAt(0) ?? 0;
  return invisibleKept.some(([first, last]) => code >= first && code <= last) ? character : "";
};

/** Line breaks as any system writes them (CR LF, CR, NEL, the line and paragraph separators). */
const lineBreaks = /\r\n?|[\u0085\u2028\u2029]/g;

/** Halves of a surrogate pair without the other half: JSON may hold one, no text can show it. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Control characters other than the tab and the line feed. */
const controls = /[^\P{Cc}\t\n]/gu;

/**
 * `text` with nothing in it that could spoof what is around it where it is shown: in Unicode's
 * composed form (NFC: "é" is one character however it was typed), no control character but the
 * tab and the line feed, no bidi embedding, override or isolate, no invisible character of no use
 * in writing, no lone surrogate half (each becomes U+FFFD). Line breaks and spaces are left as they
 * are: for the words of an article's Markdown body, each between its own markup.
 */
export function withoutHiddenCharacters(text: string): string {
  return text
    .replace(loneSurrogates, "\uFFFD")
    .replace(controls, "")
    .replace(bidiScopes, "")
    .replace(invisible, keptInvisible)
    .normalize("NFC");
}

/**
 * `text` as every page, feed and card shows it: without hidden characters (withoutHiddenCharacters),
 * line breaks as `\n` however they were written, and no space at either end. Nothing a person would
 * see is changed.
 */
export function plainText(text: string): string {
  return withoutHiddenCharacters(text.replace(lineBreaks, "\n")).trim();
}

/** Whether `text` has nothing one can see: spaces, and characters that are invisible or only mark others. */
export function isBlank(text: string): boolean {
  return !/[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}]/u.test(text);
}

/**
 * What a name is compared by: its plain text in compatibility form (NFKC: full-width and
 * mathematical letters are letters), with no invisible character, bidi control or space
 * of any kind, in lower case. "Ad\u200Bmin", "ＡＤＭＩＮ" and "a d m i n" all read "admin".
 */
export function nameKey(name: string): string {
  return plainText(name)
    .normalize("NFKC")
    .replace(/[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{White_Space}]/gu, "")
    .toLowerCase();
}
