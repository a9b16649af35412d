// @ts-check
// Where a line of text may break, for every card the site draws: the social cards and toolkit
// graphics in the build (src/lib/graphics/text/text-layout.ts), and the thank-you cards in the browser and the
// build (thanks-card.js). One set of rules, so a card breaks its lines the same wherever it is drawn.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The text's grapheme clusters: what a reader sees as one character (a letter and its accents, a conjunct, an emoji).
 * @param {string} text
 * @returns {string[]}
 */
export function graphemeClusters(text) {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** Six or more combining marks in a row: no language's spelling (Vietnamese puts two on a letter, pointed Hebrew up to five). */
const STACKED_MARKS = /([\p{Mn}\p{Me}]{5})[\p{Mn}\p{Me}]+/gu;

/**
 * The text with at most five combining marks in a row: a letter carrying a hundred marks would
 * otherwise tower over the lines above it and out of the card. Every card's words go through it.
 * @param {string} text
 */
export function capStackedMarks(text) {
  return text.replace(STACKED_MARKS, "$1");
}

/**
 * Characters a line may break before or after with no space: ideographs, kana and their
 * punctuation. Korean is written with spaces, and breaks there.
 */
export const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303F\u30FC\uFF00-\uFF60]/u;
/** Never at the start of a line: closing brackets and quotes, full stops and commas, small kana, ー. */
const NO_LINE_START =
  /^[\p{Pe}\p{Pf}!%),.:;?\]}、。，．：；！？・ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ…‥〜]/u;
/** Never at the end of a line: opening brackets and quotes. */
const NO_LINE_END = /[\p{Ps}\p{Pi}]$/u;

/**
 * Whether a line may break between two clusters written with no space between them.
 * @param {string} before @param {string} after
 */
function breaksBetween(before, after) {
  return (UNSPACED.test(before) || UNSPACED.test(after)) && !NO_LINE_START.test(after) && !NO_LINE_END.test(before);
}

/**
 * A piece of text no line breaks inside (where it can help it): a word of a language written with
 * spaces, or one character of Chinese or Japanese. `space` says whether a space goes before it
 * when it follows another piece on the same line.
 * @typedef {{ text: string, space: boolean }} Piece
 */

/**
 * The text as pieces a line may break between: at spaces, and between Chinese and Japanese characters.
 * @param {string} text
 * @returns {Piece[]}
 */
export function pieces(text) {
  /** @type {Piece[]} */
  const result = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const clusters = graphemeClusters(word);
    let current = "";
    let space = true;
    clusters.forEach((cluster, index) => {
      const previous = clusters[index - 1];
      if (previous !== undefined && breaksBetween(previous, cluster)) {
        result.push({ text: current, space });
        space = false;
        current = "";
      }
      current += cluster;
    });
    result.push({ text: current, space });
  }
  return result;
}

/**
 * Pieces as one line of text, with a space before each piece that takes one.
 * @param {readonly Piece[]} line
 */
export function joined(line) {
  return line.map((piece, index) => (index > 0 && piece.space ? ` ${piece.text}` : piece.text)).join("");
}

/**
 * How many UTF-16 code units of `text`, from its start, fit in `maxWidth`: whole clusters, at least one.
 * @param {string} text @param {number} maxWidth @param {(text: string) => number} width
 */
export function fittingPrefixLength(text, maxWidth, width) {
  const clusters = graphemeClusters(text);
  let low = 1;
  let high = clusters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (width(clusters.slice(0, middle).join("")) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return clusters.slice(0, low).join("").length;
}

export const ELLIPSIS = "…";

/**
 * `text` ending in "…", cut short where a line could break if it can (Chinese and Japanese
 * between any two characters), so that the whole fits in `maxWidth`; a comma or a full stop
 * before the "…" is dropped.
 * @param {string} text @param {number} maxWidth @param {(text: string) => number} width
 */
export function withEllipsis(text, maxWidth, width) {
  const end = /[\s,;:.–—、。，-]+$/u;
  if (width(`${text.replace(end, "")}${ELLIPSIS}`) <= maxWidth) return `${text.replace(end, "")}${ELLIPSIS}`;
  let cut = fittingPrefixLength(text, maxWidth - width(ELLIPSIS), width);
  const before = Array.from(text.slice(0, cut)).at(-1) ?? "";
  const after = String.fromCodePoint(text.codePointAt(cut) ?? 32);
  if (!UNSPACED.test(before) || !UNSPACED.test(after)) {
    let offset = 0;
    let lastBreak = 0;
    for (const [index, piece] of pieces(text).entries()) {
      const start = text.indexOf(piece.text, offset);
      if (index > 0 && start <= cut) lastBreak = start;
      offset = start + piece.text.length;
    }
    if (lastBreak > 0) cut = lastBreak;
  }
  return `${text.slice(0, cut).replace(end, "")}${ELLIPSIS}`;
}
