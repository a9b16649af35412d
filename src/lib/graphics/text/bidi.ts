/**
 * The order in which a line's characters are shown when it mixes right-to-left text (Arabic,
 * Hebrew) with left-to-right text: the parts of the Unicode Bidirectional Algorithm (UAX #9)
 * that titles and names need. The paragraph's direction comes from its first strong letter
 * (P2–P3); numbers keep their digits left to right and join the text around them (W4, W5, W7);
 * spaces and punctuation take the direction of the text on both sides of them, else the
 * paragraph's (N1–N2); the levels these give are reversed run by run (L2). Not implemented:
 * explicit embeddings and isolates (U+202A–U+202E, U+2066–U+2069), which titles do not use.
 * It works on grapheme clusters: a mark always goes with the letter it sits on. The paragraph's
 * direction and each character's class are the browser's rules too (shared/text-direction.js).
 */

import { type BidiClass, bidiClassOf, type Direction } from "../../../assets/js/shared/text-direction.js";

/**
 * The embedding level of each cluster (UAX #9): even levels are shown left to right, odd ones
 * right to left; a higher level sits inside a lower one (a number inside Arabic text is at 2).
 */
export function bidiLevels(clusters: readonly string[], base: Direction): number[] {
  const classes = clusters.map(bidiClassOf);
  const at = (index: number) => classes[index];
  // W4: one separator between two numbers of a kind is part of the number ("3.5", "1,000").
  for (let i = 1; i < classes.length - 1; i++) {
    if (at(i) === "CS" && at(i - 1) === at(i + 1) && (at(i - 1) === "EN" || at(i - 1) === "AN")) {
      classes[i] = at(i - 1) as BidiClass;
    }
  }
  // W5: currency and percent signs beside a European number are part of it.
  for (let i = 0; i < classes.length; i++) {
    if (at(i) !== "ET") continue;
    let end = i;
    while (at(end) === "ET") end++;
    if (at(i - 1) === "EN" || at(end) === "EN") classes.fill("EN", i, end);
    i = end - 1;
  }
  // W6: what is left of separators and terminators is neutral. W7: a European number after left-to-right text is left to right.
  let lastStrong: BidiClass = base === "rtl" ? "R" : "L";
  for (let i = 0; i < classes.length; i++) {
    const bidiClass = at(i);
    if (bidiClass === "CS" || bidiClass === "ET") classes[i] = "N";
    else if (bidiClass === "L" || bidiClass === "R") lastStrong = bidiClass;
    else if (bidiClass === "EN" && lastStrong === "L") classes[i] = "L";
  }
  // N1–N2: a run of neutrals takes the direction on both sides of it (numbers count as right to
  // left there), else the paragraph's.
  const sideOf = (bidiClass: BidiClass | undefined): "L" | "R" =>
    bidiClass === undefined ? (base === "rtl" ? "R" : "L") : bidiClass === "L" ? "L" : "R";
  for (let i = 0; i < classes.length; i++) {
    if (at(i) !== "N") continue;
    let end = i;
    while (at(end) === "N") end++;
    const before = sideOf(at(i - 1));
    const after = sideOf(at(end));
    classes.fill(before === after ? before : base === "rtl" ? "R" : "L", i, end);
    i = end - 1;
  }
  // I1–I2.
  return classes.map((bidiClass) => {
    if (base === "ltr") return bidiClass === "L" ? 0 : bidiClass === "R" ? 1 : 2;
    return bidiClass === "R" ? 1 : 2;
  });
}

/**
 * Items in the order they are shown, left to right (UAX #9 L2): from the highest level down to
 * the lowest odd one, every stretch of items at that level or higher is reversed.
 */
export function visualOrder<T>(items: readonly T[], levels: readonly number[]): T[] {
  const order = items.map((item, index) => ({ item, level: levels[index] ?? 0 }));
  const highest = Math.max(0, ...order.map((entry) => entry.level));
  const lowestOdd = Math.min(...order.map((entry) => (entry.level % 2 === 1 ? entry.level : Number.POSITIVE_INFINITY)));
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let start = 0; start < order.length; start++) {
      if ((order[start]?.level ?? 0) < level) continue;
      let end = start;
      while (end < order.length && (order[end]?.level ?? 0) >= level) end++;
      order.splice(start, end - start, ...order.slice(start, end).reverse());
      start = end;
    }
  }
  return order.map((entry) => entry.item);
}
