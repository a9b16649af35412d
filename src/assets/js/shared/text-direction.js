// @ts-check
// Which way a paragraph runs, for every card the site draws: the thank-you cards in the browser and
// the build (thanks-card.js), the social cards and graphics in the build (src/lib/graphics/text/
// shaping.ts, whose bidi.ts then orders each line's characters by the whole Unicode Bidirectional
// Algorithm in that direction). One rule, so the browser's card and the build's set a paragraph
// on the same side.

/** @typedef {"ltr" | "rtl"} Direction */

/** Scripts written right to left: their letters and signs are strong right-to-left characters (bidi classes R and AL). */
const RIGHT_TO_LEFT_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}\u061B\u061F\u0640\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/**
 * What of those scripts takes its direction from around it: marks, Arabic digits and their
 * separators and signs (classes AN, EN, CS, ET), symbols and honorifics (ON), Hebrew's plus sign (ES).
 */
const RIGHT_TO_LEFT_NEUTRAL =
  /[\p{Mn}\p{Me}\u0600-\u0607\u0609\u060A\u060C\u060E\u060F\u0660-\u066C\u06DD\u06DE\u06E9\u06F0-\u06F9\u0890\u0891\u08E2\uFB29\uFBC3-\uFBD2\uFD3E-\uFD4F\uFD90\uFD91\uFDC8-\uFDCF\uFDFD-\uFDFF\u{10D30}-\u{10D39}\u{10E60}-\u{10E7E}]/u;
/**
 * Letters, and the signs that have a direction of their own (class L): Devanagari's dandas,
 * Cyrillic's thousands sign, APL's symbols, letters in brackets and circles, Braille.
 */
const LETTER =
  /[\p{L}\p{Mc}\p{Nl}\p{Co}\u0482\u0964\u0965\u0970\u214F\u2336-\u237A\u2395\u249C-\u24E9\u26AC\u2800-\u28FF]/u;
/** Modifier letters that take the direction around them (Unicode gives them the class ON): ʹ ʺ ˆ ˇ ˈ ˌ … */
const NEUTRAL_LETTER = /[\u02B9\u02BA\u02C2-\u02CF\u02D2-\u02DF\u02E5-\u02ED\u02EF-\u02FF\u0374\u0375]/u;
const DIGIT = /\p{Nd}/u;
const COMMON = /\p{Script=Common}/u;

/**
 * The direction a character gives the paragraph it is the first strong character of (UAX #9
 * bidi classes L, R and AL), or undefined for a neutral one (a digit, a space, a sign, a mark).
 * @param {string} character
 * @returns {Direction | undefined}
 */
function strongDirection(character) {
  if (character === "\u200E") return "ltr";
  if (character === "\u200F" || character === "\u061C") return "rtl";
  if (RIGHT_TO_LEFT_SCRIPT.test(character)) return RIGHT_TO_LEFT_NEUTRAL.test(character) ? undefined : "rtl";
  // Digits of a script of their own (Devanagari's, Thai's) run left to right as its letters do; 0–9 take the direction around them.
  if (DIGIT.test(character)) return COMMON.test(character) ? undefined : "ltr";
  return LETTER.test(character) && !NEUTRAL_LETTER.test(character) ? "ltr" : undefined;
}

/**
 * The direction of a paragraph's first strong character (Arabic and Hebrew letters run right to
 * left, other letters left to right), or undefined when it has none (digits and signs only).
 * @param {string} text
 * @returns {Direction | undefined}
 */
export function firstStrongDirection(text) {
  for (const character of text) {
    const direction = strongDirection(character);
    if (direction) return direction;
  }
  return undefined;
}

/**
 * The direction of a paragraph: that of its first strong character; left to right if it has
 * none. It is the rule of HTML's dir="auto" as browsers apply it to text, so a card and the
 * page's `<p dir="auto">` set the same words on the same side.
 * @param {string} text
 * @returns {Direction}
 */
export function paragraphDirection(text) {
  return firstStrongDirection(text) ?? "ltr";
}
