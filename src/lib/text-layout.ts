/** The width of `text` set at `size` pixels, in pixels. */
export type Measure = (text: string, size: number) => number;

export interface FitOptions {
  /** The widest a line may be, in pixels. */
  maxWidth: number;
  /** Font sizes to try, largest first: the first one at which the text fits in `maxLines` wins. */
  sizes: readonly number[];
  maxLines: number;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** True when even the smallest size needed more lines and the last line was cut with "…". */
  truncated: boolean;
}

const ELLIPSIS = "…";

/**
 * Breaks `text` into lines no wider than `maxWidth`, between words where it can. A word
 * wider than a line on its own (a long address, say) is broken between its characters.
 */
export function wrapText(text: string, size: number, maxWidth: number, measure: Measure): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    // The word does not fit on a line of its own: break it wherever the line is full.
    let rest = word;
    while (measure(rest, size) > maxWidth) {
      const cut = longestPrefix(rest, size, maxWidth, measure);
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest of `sizes` at which `text` wraps onto at most `maxLines` lines, preferring a
 * size at which no word has to be broken ("Internationa / l" is worse than a smaller size).
 * When even the smallest needs more lines, the text is set at the smallest size and its last
 * line ends in "…": the card is still made, and nothing runs off its edge.
 */
export function fitText(text: string, measure: Measure, { maxWidth, sizes, maxLines }: FitOptions): FittedText {
  if (sizes.length === 0) throw new Error("fitText: sizes: expected at least one font size");
  if (maxLines < 1) throw new Error(`fitText: maxLines: expected 1 or more, got ${maxLines}`);
  const words = text.trim().split(/\s+/);
  const wordsFit = (size: number) => words.every((word) => measure(word, size) <= maxWidth);
  for (const wholeWordsOnly of [true, false]) {
    for (const size of sizes) {
      if (wholeWordsOnly && !wordsFit(size)) continue;
      const lines = wrapText(text, size, maxWidth, measure);
      if (lines.length <= maxLines) return { size, lines, truncated: false };
    }
  }
  const size = sizes[sizes.length - 1] as number;
  const lines = wrapText(text, size, maxWidth, measure);
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(lines.slice(maxLines - 1).join(" "), size, maxWidth, measure);
  return { size, lines: kept, truncated: true };
}

/** `text` cut short, at a word where possible, so that it and "…" fit in `maxWidth`. */
export function ellipsize(text: string, size: number, maxWidth: number, measure: Measure): string {
  if (measure(text, size) <= maxWidth) return text;
  let cut = longestPrefix(text, size, maxWidth - measure(ELLIPSIS, size), measure);
  const space = text.lastIndexOf(" ", cut);
  if (space > 0) cut = space;
  return `${text.slice(0, cut).replace(/[\s,;:.–—-]+$/u, "")}${ELLIPSIS}`;
}

/** How many characters of `text`, from the start, fit in `maxWidth` (at least one). */
function longestPrefix(text: string, size: number, maxWidth: number, measure: Measure): number {
  const characters = Array.from(text);
  let low = 1;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(characters.slice(0, middle).join(""), size) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  // In UTF-16 code units, so that slicing never splits a character.
  return characters.slice(0, low).join("").length;
}
