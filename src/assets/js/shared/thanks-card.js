// @ts-check
// The thank-you card's design, written once. The browser draws it on a canvas
// (thank-your-mentor.js) and the build draws the very same layout as SVG outlines
// (src/lib/graphics/thanks-cards.ts): each gives `measure` (canvas measureText there, HarfBuzz here),
// so that both wrap and shrink the words alike. Pure: no DOM, no fonts, no words of its own
// (the words come in as `CardWords`, from the locale, _data/locales/<language>.ts). Lines break
// where every card of the site breaks them (line-breaks.js).

import { cardSizes } from "./card-sizes.js";
import { graphemeClusters, joined, pieces } from "./line-breaks.js";
import { fillIn } from "./placeholders.js";
import { paragraphDirection } from "./text-direction.js";

// The card maker (thank-your-mentor.js) imports this module alone: what it uses of the others is passed on.
export { fillIn, paragraphDirection };

/** @typedef {import("./line-breaks.js").Piece} Piece */

/** @typedef {"square" | "landscape"} CardFormat */
/** @typedef {"teal" | "cream" | "amber"} CardDesign */
/** @typedef {400 | 700} Weight */
/** @typedef {import("./text-direction.js").Direction} Direction */
/**
 * The width of `text` at `size` pixels and `weight`, as one line of `paragraph` (the whole text it
 * was wrapped from: it decides the fonts and the direction the line is set in).
 * @typedef {(text: string, size: number, weight: Weight, paragraph: string) => number} Measure
 */
/** The mark's colours and the page's ink (the design tokens' palette.mark and light text). @typedef {{ teal: string, amber: string, cream: string, ink: string }} CardColours */
/** What a visitor typed. @typedef {{ mentor: string, message: string, name?: string | undefined }} CardText */
/**
 * The card's own words: `from` and `alt*` have {name}, {mentor} and {message} in them.
 * @typedef {{ greeting: string, from: string, footer: string, alt: string, altMessage: string, altFrom: string }} CardWords
 */
/** @typedef {{ kind: "rect", x: number, y: number, width: number, height: number, fill: string }} RectShape */
/** @typedef {{ kind: "circle", cx: number, cy: number, r: number, fill: string }} CircleShape */
/** The site's mark, drawn into a square. @typedef {{ kind: "mark", x: number, y: number, size: number }} MarkShape */
/**
 * One line of text: `x` is where its left end goes, whatever its direction; `y` its baseline.
 * @typedef {{ kind: "text", text: string, paragraph: string, x: number, y: number, size: number, weight: Weight, fill: string, direction: Direction, width: number }} TextShape
 */
/** @typedef {RectShape | CircleShape | MarkShape | TextShape} Shape */
/**
 * @typedef {object} CardLayout
 * @property {number} width
 * @property {number} height
 * @property {Shape[]} shapes In drawing order.
 * @property {{ x: number, y: number, width: number, height: number }} textBox Where the visitor's words must stay.
 * @property {boolean} brokenWords True only when a word is wider than a line even at the smallest size.
 */

/** The sizes a card is downloaded in, in pixels. */
export const cardFormats = { square: cardSizes.square, landscape: cardSizes.landscape };

/** @type {readonly CardDesign[]} */
export const cardDesigns = ["teal", "cream", "amber"];

/** The longest message and name the form takes, in characters (code points). */
export const messageMaxLength = 280;
export const nameMaxLength = 100;

/**
 * The families the browser draws with (thank-your-mentor.css names each font file by them):
 * the build's card typefaces, in the order src/lib/graphics/text/fonts.ts tries them.
 */
export const cardFontFamilies = /** @type {const} */ ({
  atkinson: "Card Atkinson Hyperlegible",
  notoSans: "Card Noto Sans",
  arabic: "Card Noto Sans Arabic",
  hebrew: "Card Noto Sans Hebrew",
  japanese: "Card Noto Sans JP",
  korean: "Card Noto Sans KR",
  chinese: "Card Noto Sans SC",
});

/** Letters Atkinson Hyperlegible has (Latin and Latin Extended-A/B), and signs common to every script. */
const ATKINSON = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u;
const BEYOND_ATKINSON = /[\u0250-\u02AF\u1D00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF]/u;

/**
 * The font families for a paragraph, as a CSS font-family list: as the build does, Atkinson
 * Hyperlegible draws a paragraph it has every letter of, else Noto Sans comes first; Japanese
 * forms of Han characters for a paragraph with kana, Korean for one with Hangul, Chinese otherwise.
 * @param {string} paragraph
 */
export function fontFamiliesFor(paragraph) {
  const f = cardFontFamilies;
  const eastAsian = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(paragraph)
    ? [f.japanese, f.korean, f.chinese]
    : /\p{Script=Hangul}/u.test(paragraph)
      ? [f.korean, f.japanese, f.chinese]
      : [f.chinese, f.japanese, f.korean];
  const latinFirst = ATKINSON.test(paragraph) && !BEYOND_ATKINSON.test(paragraph);
  return [...(latinFirst ? [f.atkinson] : []), f.notoSans, f.arabic, f.hebrew, ...eastAsian, f.atkinson]
    .map((family) => `"${family}"`)
    .join(", ");
}

/** A CSS font shorthand for canvas: `700 64px "Card Noto Sans", …`. @param {number} size @param {Weight} weight @param {string} paragraph */
export function canvasFont(size, weight, paragraph) {
  return `${weight} ${size}px ${fontFamiliesFor(paragraph)}`;
}

/** The card in words, for the preview's text alternative and the wall's images. @param {CardText} text @param {CardWords} words */
export function cardAlt(text, words) {
  const values = { mentor: text.mentor.trim(), message: text.message.trim(), name: (text.name ?? "").trim() };
  return [
    fillIn(words.alt, values),
    values.message ? fillIn(words.altMessage, values) : "",
    values.name ? fillIn(words.altFrom, values) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * Which design a thanks of the wall is drawn in: one of the three, the same every build.
 * @param {string} id
 * @returns {CardDesign}
 */
export function designForId(id) {
  let hash = 0;
  for (const character of id) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  return /** @type {CardDesign} */ (cardDesigns[hash % cardDesigns.length]);
}

/**
 * `paragraph` as lines no wider than `maxWidth`, line breaks the visitor typed kept; undefined
 * when a word is wider than a line and `breakWords` is false. With `breakWords`, such a word is
 * broken between its characters (never inside one, a letter and its accents or a conjunct).
 * @param {string} paragraph @param {number} size @param {Weight} weight @param {number} maxWidth
 * @param {Measure} measure @param {boolean} breakWords
 * @returns {string[] | undefined}
 */
export function wrapParagraph(paragraph, size, weight, maxWidth, measure, breakWords) {
  /** @param {string} text */
  const width = (text) => measure(text, size, weight, paragraph);
  /** @type {string[]} */
  const lines = [];
  for (const typedLine of paragraph.split(/\n/)) {
    /** @type {Piece[]} */
    let line = [];
    for (const piece of pieces(typedLine)) {
      const candidate = [...line, piece];
      if (width(joined(candidate)) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line.length > 0) lines.push(joined(line));
      line = [piece];
      if (width(piece.text) <= maxWidth) continue;
      if (!breakWords) return undefined;
      let rest = graphemeClusters(piece.text);
      while (rest.length > 0 && width(rest.join("")) > maxWidth) {
        let fits = 1;
        while (fits < rest.length && width(rest.slice(0, fits + 1).join("")) <= maxWidth) fits++;
        lines.push(rest.slice(0, fits).join(""));
        rest = rest.slice(fits);
      }
      line = rest.length > 0 ? [{ text: rest.join(""), space: false }] : [];
    }
    if (line.length > 0) lines.push(joined(line));
  }
  return lines;
}

/**
 * Where each format puts things: the margin, the mark's size, the footer band's height, and the
 * largest size of each block of words (they shrink together, by the same factor, until all fit).
 */
const formatLayouts = {
  square: { margin: 96, mark: 112, band: 128, greeting: 56, mentor: 96, message: 54, from: 42, smallest: 0.2 },
  landscape: { margin: 64, mark: 76, band: 84, greeting: 40, mentor: 64, message: 36, from: 30, smallest: 0.2 },
};

/**
 * Each design's colours, from the palette: the background, the words, the greeting and the
 * mentor's name, the footer band and its words, and two circles echoing the mark's two people.
 * @param {CardDesign} design @param {CardColours} c
 */
function designColours(design, c) {
  if (design === "cream")
    return {
      bg: c.cream,
      text: c.ink,
      greeting: c.teal,
      mentor: c.teal,
      band: c.teal,
      bandText: c.cream,
      stripe: c.amber,
      circles: [c.amber, c.teal],
    };
  if (design === "amber")
    return {
      bg: c.amber,
      text: c.ink,
      greeting: c.ink,
      mentor: c.ink,
      band: c.teal,
      bandText: c.cream,
      stripe: c.cream,
      circles: [c.cream, c.teal],
    };
  return {
    bg: c.teal,
    text: c.cream,
    greeting: c.amber,
    mentor: c.cream,
    band: c.amber,
    bandText: c.ink,
    stripe: c.cream,
    circles: [c.amber, c.cream],
  };
}

/** Each block's line height and the space above it, in its own size. */
const blockSpacing = {
  mentor: { line: 1.15, gap: 0 },
  message: { line: 1.35, gap: 0.7 },
  from: { line: 1.3, gap: 0.9 },
};

/**
 * The whole card: shapes in drawing order. The visitor's words (mentor, message, from) are set
 * as large as they fit in the text box, all shrunk by one factor, whole words only when any size
 * allows; each block starts on its own side (right for Arabic and Hebrew). Nothing is ever cut off.
 * @param {CardText} text @param {CardDesign} design @param {CardFormat} format
 * @param {CardWords} words @param {CardColours} palette @param {Measure} measure
 * @returns {CardLayout}
 */
export function cardLayout(text, design, format, words, palette, measure) {
  const { width, height } = cardFormats[format];
  const spec = formatLayouts[format];
  const colours = designColours(design, palette);
  const m = spec.margin;
  /** @type {Shape[]} */
  const shapes = [
    { kind: "rect", x: 0, y: 0, width, height, fill: colours.bg },
    { kind: "circle", cx: width - m * 0.6, cy: m * 0.5, r: spec.mark * 1.5, fill: colours.circles[0] ?? colours.bg },
    {
      kind: "circle",
      cx: width - m * 0.6 - spec.mark * 1.7,
      cy: m * 0.25,
      r: spec.mark * 0.55,
      fill: colours.circles[1] ?? colours.bg,
    },
    { kind: "mark", x: m, y: m * 0.75, size: spec.mark },
  ];
  const textWidth = width - 2 * m;
  const greetingBaseline = Math.round(m * 0.75 + spec.mark + spec.greeting * 1.4);
  shapes.push(
    line(words.greeting, m, greetingBaseline, spec.greeting, 700, colours.greeting, textWidth, measure, true),
  );

  const bandTop = height - spec.band;
  const box = {
    x: m,
    y: greetingBaseline + Math.round(spec.greeting * 0.6),
    width: textWidth,
    height: bandTop - Math.round(m * 0.5) - (greetingBaseline + Math.round(spec.greeting * 0.6)),
  };
  const name = (text.name ?? "").trim();
  const blocks = /** @type {const} */ ([
    { role: "mentor", text: text.mentor.trim(), weight: 700, size: spec.mentor, fill: colours.mentor },
    { role: "message", text: text.message.trim(), weight: 400, size: spec.message, fill: colours.text },
    { role: "from", text: name ? fillIn(words.from, { name }) : "", weight: 400, size: spec.from, fill: colours.text },
  ]).filter((block) => block.text !== "");

  /** @param {number} scale @param {boolean} breakWords */
  const attempt = (scale, breakWords) => {
    let total = 0;
    const set = [];
    for (const [index, block] of blocks.entries()) {
      const size = Math.max(8, Math.round(block.size * scale));
      const lines = wrapParagraph(block.text, size, block.weight, box.width, measure, breakWords);
      if (!lines) return undefined;
      const spacing = blockSpacing[block.role];
      const gap = index === 0 ? 0 : Math.round(spacing.gap * size);
      total += gap + lines.length * Math.round(size * spacing.line);
      set.push({ block, size, lines, gap, lineHeight: Math.round(size * spacing.line) });
    }
    return total <= box.height ? { set, total } : undefined;
  };
  const scales = [];
  for (let scale = 1; scale >= spec.smallest; scale *= 0.95) scales.push(scale);
  let fitted;
  let brokenWords = false;
  for (const breakWords of [false, true]) {
    for (const scale of scales) {
      fitted = attempt(scale, breakWords);
      if (fitted) break;
    }
    if (fitted) {
      brokenWords = breakWords;
      break;
    }
  }
  // Still too tall at the smallest scale (a message of one-character lines): smaller still, never cut.
  for (let scale = spec.smallest * 0.9; !fitted && scale > 0.01; scale *= 0.9) {
    fitted = attempt(scale, true);
    brokenWords = true;
  }
  if (fitted) {
    // The words sit in the middle of their box, a little above it rather than below.
    let top = box.y + Math.round((box.height - fitted.total) * 0.4);
    for (const { block, size, lines, gap, lineHeight } of fitted.set) {
      top += gap;
      for (const lineText of lines) {
        const baseline = top + Math.round(lineHeight * 0.5 + size * 0.36);
        shapes.push(
          line(lineText, box.x, baseline, size, block.weight, block.fill, box.width, measure, false, block.text),
        );
        top += lineHeight;
      }
    }
  }
  shapes.push(
    { kind: "rect", x: 0, y: bandTop - 10, width, height: 10, fill: colours.stripe },
    { kind: "rect", x: 0, y: bandTop, width, height: spec.band, fill: colours.band },
  );
  const footerSize = Math.round(spec.band * 0.3);
  shapes.push(
    line(
      words.footer,
      m,
      bandTop + Math.round(spec.band / 2 + footerSize * 0.36),
      footerSize,
      700,
      colours.bandText,
      textWidth,
      measure,
      true,
    ),
  );
  return { width, height, shapes, textBox: box, brokenWords };
}

/**
 * One line at (`left`, `baseline`), against the box's right edge when its paragraph is right to
 * left. `shrink`: the card's own words (greeting, footer) are made smaller rather than wider than the box.
 * @param {string} text @param {number} left @param {number} baseline @param {number} size @param {Weight} weight
 * @param {string} fill @param {number} boxWidth @param {Measure} measure @param {boolean} shrink @param {string} [paragraph]
 * @returns {TextShape}
 */
function line(text, left, baseline, size, weight, fill, boxWidth, measure, shrink, paragraph = text) {
  let fitted = size;
  while (shrink && fitted > 8 && measure(text, fitted, weight, paragraph) > boxWidth) fitted--;
  const width = measure(text, fitted, weight, paragraph);
  const direction = paragraphDirection(paragraph);
  const x = direction === "rtl" ? left + boxWidth - width : left;
  return { kind: "text", text, paragraph, x, y: baseline, size: fitted, weight, fill, direction, width };
}
