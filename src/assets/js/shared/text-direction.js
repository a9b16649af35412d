// @ts-check
// Which way text runs, for every card the site draws: the thank-you cards in the browser and the
// build (thanks-card.js), the social cards and graphics in the build (src/lib/graphics/text/bidi.ts
// orders a line's characters with these classes). One rule, so the browser's card and the
// build's set a paragraph on the same side.

import { graphemeClusters } from "./line-breaks.js";

/** @typedef {"ltr" | "rtl"} Direction */
/**
 * A bidirectional class (Unicode's UAX #9), simplified: L, R (R and AL), numbers (EN, AN), their
 * separators and terminators, neutrals.
 * @typedef {"L" | "R" | "EN" | "AN" | "CS" | "ET" | "N"} BidiClass
 */

const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\u0590-\u08FF\u200F\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
const ARABIC_DIGIT = /[\u0600-\u0605\u0660-\u0669\u066B\u066C\u06DD\u08E2]/u;
const EUROPEAN_DIGIT = /[0-9\u00B2\u00B3\u00B9\u06F0-\u06F9\u2070-\u2079\u2080-\u2089\uFF10-\uFF19]/u;
const SEPARATOR = /[,./:+\-\u00A0\u060C\u202F\u2212\uFE50\uFE52\uFE55\uFF0B-\uFF0F\uFF1A]/u;
const TERMINATOR = /[#$%\u00A2-\u00A5\u00B0\u00B1\u066A\u2030-\u2034\u20A0-\u20CF\uFF03-\uFF05]/u;
const STRONG_LEFT = /[\p{L}\p{M}\p{N}\u200E]/u;

/**
 * The bidirectional class of a grapheme cluster: that of its first character.
 * @param {string} cluster
 * @returns {BidiClass}
 */
export function bidiClassOf(cluster) {
  const first = String.fromCodePoint(cluster.codePointAt(0) ?? 32);
  if (ARABIC_DIGIT.test(first)) return "AN";
  if (EUROPEAN_DIGIT.test(first)) return "EN";
  if (first === "\u060C") return "CS";
  if (RIGHT_TO_LEFT.test(first)) return "R";
  if (SEPARATOR.test(first)) return "CS";
  if (TERMINATOR.test(first)) return "ET";
  if (STRONG_LEFT.test(first)) return "L";
  return "N";
}

/**
 * The direction of a paragraph (UAX #9, P2–P3): that of its first letter that has one (Arabic
 * and Hebrew run right to left); left to right if none has.
 * @param {string} text
 * @returns {Direction}
 */
export function paragraphDirection(text) {
  for (const cluster of graphemeClusters(text)) {
    const bidiClass = bidiClassOf(cluster);
    if (bidiClass === "L") return "ltr";
    if (bidiClass === "R") return "rtl";
  }
  return "ltr";
}
