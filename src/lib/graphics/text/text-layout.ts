// Where a line may break is line-breaks.js's, shared with the thank-you cards drawn in the browser.
import {
  fittingPrefixLength,
  joined,
  type Piece,
  pieces,
  withEllipsis,
} from "../../../assets/js/shared/line-breaks.js";

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

/** Pieces as lines no wider than `maxWidth`; a piece wider than a line is broken between its clusters. */
function breakLines(text: string, size: number, maxWidth: number, measure: Measure): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  for (const piece of pieces(text)) {
    const candidate = [...line, piece];
    if (measure(joined(candidate), size) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.length > 0) lines.push(line);
    line = [];
    // The piece does not fit on a line of its own (a long address, say): break it wherever the line is full.
    let rest = piece;
    while (measure(rest.text, size) > maxWidth) {
      const cut = longestPrefix(rest.text, size, maxWidth, measure);
      lines.push([{ text: rest.text.slice(0, cut), space: rest.space }]);
      rest = { text: rest.text.slice(cut), space: false };
    }
    line = [rest];
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces, and between the characters of
 * Chinese and Japanese (never before a closing bracket or a full stop, never after an opening
 * bracket). A word wider than a line on its own (a long address, say) is broken between its
 * characters, never inside one (a letter and its accents, a Devanagari conjunct, an emoji).
 */
export function wrapText(text: string, size: number, maxWidth: number, measure: Measure): string[] {
  return breakLines(text, size, maxWidth, measure).map(joined);
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
  const words = pieces(text);
  const wordsFit = (size: number) => words.every((word) => measure(word.text, size) <= maxWidth);
  for (const wholeWordsOnly of [true, false]) {
    for (const size of sizes) {
      if (wholeWordsOnly && !wordsFit(size)) continue;
      const lines = wrapText(text, size, maxWidth, measure);
      if (lines.length <= maxLines) return { size, lines, truncated: false };
    }
  }
  const size = sizes[sizes.length - 1] as number;
  const lines = breakLines(text, size, maxWidth, measure);
  const kept = lines.slice(0, maxLines - 1).map(joined);
  kept.push(ellipsize(joined(lines.slice(maxLines - 1).flat()), size, maxWidth, measure));
  return { size, lines: kept, truncated: true };
}

/** `text` as it is when it fits in `maxWidth`, else cut short where a line could break, so that it and "…" fit. */
export function ellipsize(text: string, size: number, maxWidth: number, measure: Measure): string {
  const width = (part: string) => measure(part, size);
  return width(text) <= maxWidth ? text : withEllipsis(text, maxWidth, width);
}

/** How many UTF-16 code units of `text`, from the start, fit in `maxWidth`: whole clusters, at least one. */
function longestPrefix(text: string, size: number, maxWidth: number, measure: Measure): number {
  return fittingPrefixLength(text, maxWidth, (part) => measure(part, size));
}
