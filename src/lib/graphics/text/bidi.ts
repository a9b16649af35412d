/**
 * The order in which a line's characters are shown when it mixes right-to-left text (Arabic,
 * Hebrew) with left-to-right text: the whole Unicode Bidirectional Algorithm (UAX #9), by bidi-js,
 * as a browser applies it to a line of its own in a given direction (a canvas's fillText, a
 * `<p dir>` of one line). So numbers after Arabic letters are Arabic numbers (W2), explicit
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) count, and brackets pair (N0).
 * It works on grapheme clusters: a mark always goes with the letter it sits on.
 */

import bidiModule, { type Bidi } from "bidi-js";
import type { Direction } from "../../../assets/js/shared/text-direction.js";

// bidi-js is a CommonJS module whose module.exports is the factory: Node imports that as the
// default export, where its types (written for bundlers) put it under `.default`.
const bidi = (bidiModule as unknown as () => Bidi)();

/**
 * bidi-js reads a string one UTF-16 unit at a time, so a character beyond U+FFFF (an ideograph
 * of CJK Extension B, an Adlam letter) would count as two left-to-right halves. Each such
 * character is replaced, for the algorithm only, by two units of its own bidi class.
 */
const standInOfClass: Readonly<Record<string, string>> = {
  R: "\u05D0",
  AL: "\u0627",
  EN: "0",
  ES: "+",
  ET: "#",
  AN: "\u0660",
  CS: ",",
  NSM: "\u0300",
  BN: "\u200B",
  ON: "!",
  WS: " ",
};

function withStandIns(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, (character) => {
    const standIn = standInOfClass[bidi.getBidiCharTypeName(character)] ?? "a";
    return standIn + standIn;
  });
}

export interface LineOrder {
  /** Each cluster's embedding level: even left to right, odd right to left (a number in Arabic text is at 2). */
  levels: number[];
  /** The clusters' indices in the order they are shown, left to right. */
  order: number[];
}

/** The levels (UAX #9 up to I2) and the visual order (L1–L2) of a line's grapheme clusters, set in `base` direction. */
export function lineOrder(clusters: readonly string[], base: Direction): LineOrder {
  const text = withStandIns(clusters.join(""));
  const clusterOfUnit: number[] = [];
  const starts: number[] = [];
  clusters.forEach((cluster, index) => {
    starts.push(clusterOfUnit.length);
    // Lengths as the stand-ins keep them: a character beyond U+FFFF is two units either way.
    for (let unit = 0; unit < cluster.length; unit++) clusterOfUnit.push(index);
  });
  const embedding = bidi.getEmbeddingLevels(text, base);
  const order: number[] = [];
  const placed = new Set<number>();
  for (const unit of bidi.getReorderedIndices(text, embedding)) {
    const cluster = clusterOfUnit[unit] as number;
    if (placed.has(cluster)) continue;
    placed.add(cluster);
    order.push(cluster);
  }
  return { levels: starts.map((start) => embedding.levels[start] ?? 0), order };
}
