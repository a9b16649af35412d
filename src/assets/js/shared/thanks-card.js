// @ts-check
// The thank-you card's design, written once. The browser draws it on a canvas
// (thank-your-mentor.js) and the build draws the very same layout as SVG outlines
// (src/lib/graphics/thanks-cards.ts): each gives `measure` (canvas measureText there, HarfBuzz here),
// so that both wrap and shrink the words alike. Pure: no DOM, no fonts, no words of its own
// (the words come in as `CardWords`, in the card's language: card-language.js). Lines break
// where every card of the site breaks them (line-breaks.js).

import { cardSizes } from "./card-sizes.js";
import { capStackedMarks, fittingPrefixLength, graphemeClusters, joined, pieces, withEllipsis } from "./line-breaks.js";
import { fillIn } from "./placeholders.js";
import { firstStrongDirection, paragraphDirection } from "./text-direction.js";

// The card maker (thank-your-mentor.js) imports this module alone: what it uses of the others is passed on.
export { cardLanguage } from "./card-language.js";
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
 * `clipped`: the visitor's words, drawn only inside the layout's `clip`.
 * @typedef {{ kind: "text", text: string, paragraph: string, x: number, y: number, size: number, weight: Weight, fill: string, direction: Direction, width: number, clipped: boolean }} TextShape
 */
/** @typedef {{ x: number, y: number, width: number, height: number }} Box */
/** @typedef {RectShape | CircleShape | MarkShape | TextShape} Shape */
/**
 * @typedef {object} CardLayout
 * @property {number} width
 * @property {number} height
 * @property {Shape[]} shapes In drawing order.
 * @property {Box} textBox Where the visitor's words are set.
 * @property {Box} clip What the visitor's words may draw on (their marks reach above their lines): never the mark, the greeting or the footer.
 * @property {Direction} direction The card's: its message's (its mentor's, when the message has no letter). Right to left, the whole card is mirrored.
 * @property {CardText} shown What the card says: what was typed, or the start of it ending in "…" when it was shortened.
 * @property {boolean} shortened True when the words did not fit at the smallest size, and the message (or a name) was cut with "…".
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

/**
 * The card in words, for the preview's text alternative and the wall's images: of what it shows
 * (`CardLayout.shown`, `cardShows`), a shortened message with its "…".
 * @param {CardText} text @param {CardWords} words
 */
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
      let rest = piece.text;
      while (width(rest) > maxWidth) {
        const cut = fittingPrefixLength(rest, maxWidth, width);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest ? [{ text: rest, space: false }] : [];
    }
    if (line.length > 0) lines.push(joined(line));
  }
  return lines;
}

/**
 * Where each format puts things: the margin, the mark's size, the footer band's height, and the
 * largest size of each block of words (they shrink together, by the same factor, until all fit).
 * `smallest` is the floor of that factor: the message is never set smaller than 27 pixels on the
 * square card and 18 on the landscape one (about 9 pixels where a link preview shows it).
 */
const formatLayouts = {
  square: { margin: 96, mark: 112, band: 128, greeting: 56, mentor: 96, message: 54, from: 42, smallest: 0.5 },
  landscape: { margin: 64, mark: 76, band: 84, greeting: 40, mentor: 64, message: 36, from: 30, smallest: 0.5 },
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

/** Invisible marks that give a line of the card's own words their direction, whatever name is in them. */
const directionMark = { ltr: "\u200E", rtl: "\u200F" };
/** A visitor's name inside the card's own words: isolated, so that its direction and digits stay its own (UAX #9 FSI … PDI). */
const isolated = (/** @type {string} */ text) => `\u2068${text}\u2069`;

/** Whether `text` has a letter, a digit or a sign: something a card would show. @param {string} text */
export function saysSomething(text) {
  return /[\p{L}\p{N}\p{S}\p{P}]/u.test(text);
}

/**
 * Whether a card has something to say: a mentor and a message that each do. The maker gives no
 * card without them (the wall's thanks all have them).
 * @param {CardText} text
 */
export function hasWords(text) {
  return saysSomething(text.mentor) && saysSomething(text.message);
}

/**
 * The card's direction: its message's, else its mentor's or its sender's, else that of the card's own words.
 * @param {CardText} text @param {CardWords} words
 * @returns {Direction}
 */
export function cardDirection(text, words) {
  for (const part of [text.message, text.mentor, text.name ?? "", words.greeting]) {
    const direction = firstStrongDirection(part);
    if (direction) return direction;
  }
  return "ltr";
}

/**
 * The whole card: shapes in drawing order. The visitor's words (mentor, message, from) are set
 * as large as they fit in the text box, all shrunk by one factor down to the format's smallest,
 * whole words only when any size allows. When they do not fit even at the smallest size, the
 * message keeps the lines there is room for and its last one ends in "…" (`shown` says what is
 * left, for the text alternative). The card runs in its message's direction: right to left, the
 * mark and every line go to the right, the circles to the left.
 * @param {CardText} typed @param {CardDesign} design @param {CardFormat} format
 * @param {CardWords} words @param {CardColours} palette @param {Measure} measure
 * @returns {CardLayout}
 */
export function cardLayout(typed, design, format, words, palette, measure) {
  const { width, height } = cardFormats[format];
  const spec = formatLayouts[format];
  const colours = designColours(design, palette);
  const m = spec.margin;
  const text = {
    mentor: capStackedMarks(typed.mentor.trim()),
    message: capStackedMarks(typed.message.trim()),
    name: capStackedMarks((typed.name ?? "").trim()),
  };
  const direction = cardDirection(text, words);
  /** The card's x for a layout written left to right: mirrored when the card runs right to left. */
  const across = (/** @type {number} */ x, /** @type {number} */ extent = 0) =>
    direction === "rtl" ? width - x - extent : x;
  /** @type {Shape[]} */
  const shapes = [
    { kind: "rect", x: 0, y: 0, width, height, fill: colours.bg },
    {
      kind: "circle",
      cx: across(width - m * 0.6),
      cy: m * 0.5,
      r: spec.mark * 1.5,
      fill: colours.circles[0] ?? colours.bg,
    },
    {
      kind: "circle",
      cx: across(width - m * 0.6 - spec.mark * 1.7),
      cy: m * 0.25,
      r: spec.mark * 0.55,
      fill: colours.circles[1] ?? colours.bg,
    },
    { kind: "mark", x: across(m, spec.mark), y: m * 0.75, size: spec.mark },
  ];
  const textWidth = width - 2 * m;
  /**
   * A line of the card, against the side the card starts on.
   * @param {string} lineText @param {number} baseline @param {number} size @param {Weight} weight @param {string} fill
   * @param {{ paragraph?: string, shrink?: boolean, clipped?: boolean }} [options]
   * @returns {TextShape}
   */
  const line = (
    lineText,
    baseline,
    size,
    weight,
    fill,
    { paragraph = lineText, shrink = false, clipped = false } = {},
  ) => {
    let fitted = size;
    // The card's own words (greeting, footer) are made smaller rather than wider than the box.
    while (shrink && fitted > 8 && measure(lineText, fitted, weight, paragraph) > textWidth) fitted--;
    const lineWidth = measure(lineText, fitted, weight, paragraph);
    const x = across(m, lineWidth);
    const lineDirection = paragraphDirection(paragraph);
    return {
      kind: "text",
      text: lineText,
      paragraph,
      x,
      y: baseline,
      size: fitted,
      weight,
      fill,
      direction: lineDirection,
      width: lineWidth,
      clipped,
    };
  };
  const greetingBaseline = Math.round(m * 0.75 + spec.mark + spec.greeting * 1.4);
  shapes.push(
    line(ownWords(words.greeting, direction), greetingBaseline, spec.greeting, 700, colours.greeting, { shrink: true }),
  );

  const bandTop = height - spec.band;
  const boxTop = greetingBaseline + Math.round(spec.greeting * 0.6);
  const box = { x: m, y: boxTop, width: textWidth, height: bandTop - Math.round(m * 0.5) - boxTop };
  // From under the greeting's descenders to the footer's stripe, the card's whole width.
  const clipTop = greetingBaseline + Math.round(spec.greeting * 0.3);
  const clip = { x: 0, y: clipTop, width, height: bandTop - 10 - clipTop };
  const fromLine = text.name ? ownWords(fillIn(words.from, { name: isolated(text.name) }), direction) : "";
  const blocks = /** @type {const} */ ([
    { role: "mentor", text: text.mentor, weight: 700, size: spec.mentor, fill: colours.mentor },
    { role: "message", text: text.message, weight: 400, size: spec.message, fill: colours.text },
    { role: "from", text: fromLine, weight: 400, size: spec.from, fill: colours.text },
  ]).filter((block) => block.text !== "");

  /**
   * The blocks set at `scale`: each one's lines, size and spacing, and their height together;
   * undefined when a word is wider than a line and `breakWords` is false.
   * @param {number} scale @param {boolean} breakWords
   */
  const setAt = (scale, breakWords) => {
    let total = 0;
    const set = [];
    for (const [index, block] of blocks.entries()) {
      const size = Math.max(8, Math.round(block.size * scale));
      const lines = wrapParagraph(block.text, size, block.weight, box.width, measure, breakWords);
      if (!lines) return undefined;
      const spacing = blockSpacing[block.role];
      const gap = index === 0 ? 0 : Math.round(spacing.gap * size);
      const lineHeight = Math.round(size * spacing.line);
      total += gap + lines.length * lineHeight;
      set.push({ block, size, lines, gap, lineHeight, cut: false });
    }
    return { set, total };
  };
  const scales = [];
  for (let scale = 1; scale > spec.smallest; scale *= 0.95) scales.push(scale);
  scales.push(spec.smallest);
  let fitted;
  let brokenWords = false;
  for (const breakWords of [false, true]) {
    for (const scale of scales) {
      const set = setAt(scale, breakWords);
      if (set && set.total <= box.height) {
        fitted = set;
        brokenWords = breakWords;
        break;
      }
    }
    if (fitted) break;
  }
  let shortened = false;
  if (!fitted) {
    // Too tall even at the smallest size (a message of many short lines): the message keeps the
    // lines there is room for, then the sender's line, then the mentor's, each at least one.
    fitted = /** @type {NonNullable<ReturnType<typeof setAt>>} */ (setAt(spec.smallest, true));
    brokenWords = true;
    shortened = true;
    for (const role of ["message", "from", "mentor"]) {
      const entry = fitted.set.find((candidate) => candidate.block.role === role);
      while (entry && fitted.total > box.height && entry.lines.length > 1) {
        entry.lines.pop();
        entry.cut = true;
        fitted.total -= entry.lineHeight;
      }
    }
    for (const entry of fitted.set) {
      if (!entry.cut) continue;
      const last = entry.lines.length - 1;
      const { block, size } = entry;
      entry.lines[last] = withEllipsis(entry.lines[last] ?? "", box.width, (part) =>
        measure(part, size, block.weight, block.text),
      );
    }
  }
  // The words sit in the middle of their box, a little above it rather than below.
  let top = box.y + Math.max(0, Math.round((box.height - fitted.total) * 0.4));
  for (const { block, size, lines, gap, lineHeight } of fitted.set) {
    top += gap;
    for (const lineText of lines) {
      const baseline = top + Math.round(lineHeight * 0.5 + size * 0.36);
      shapes.push(line(lineText, baseline, size, block.weight, block.fill, { paragraph: block.text, clipped: true }));
      top += lineHeight;
    }
  }
  shapes.push(
    { kind: "rect", x: 0, y: bandTop - 10, width, height: 10, fill: colours.stripe },
    { kind: "rect", x: 0, y: bandTop, width, height: spec.band, fill: colours.band },
  );
  const footerSize = Math.round(spec.band * 0.3);
  shapes.push(
    line(
      ownWords(words.footer, direction),
      bandTop + Math.round(spec.band / 2 + footerSize * 0.36),
      footerSize,
      700,
      colours.bandText,
      {
        shrink: true,
      },
    ),
  );
  const shown = {
    mentor: shownText(
      text.mentor,
      fitted.set.find((entry) => entry.block.role === "mentor"),
    ),
    message: shownText(
      text.message,
      fitted.set.find((entry) => entry.block.role === "message"),
    ),
    name: shownText(
      text.name,
      fitted.set.find((entry) => entry.block.role === "from"),
      fromLine,
    ),
  };
  return { width, height, shapes, textBox: box, clip, direction, shown, shortened, brokenWords };
}

/**
 * What a card in `format` says (`CardLayout.shown`): where it is not drawn (the wall's text
 * alternatives), its colours and design change nothing of it.
 * @param {CardText} text @param {CardFormat} format @param {CardWords} words @param {Measure} measure
 */
export function cardShows(text, format, words, measure) {
  return cardLayout(text, "teal", format, words, { teal: "", amber: "", cream: "", ink: "" }, measure).shown;
}

/**
 * The card's own words, in their own direction (that of their letters, else the card's): an
 * invisible mark first says it, so that a visitor's name at their start does not decide it.
 * @param {string} phrase @param {Direction} cardDirection
 */
function ownWords(phrase, cardDirection) {
  const own = firstStrongDirection(phrase.replace(/\u2068[^\u2069]*\u2069/gu, "")) ?? cardDirection;
  return `${directionMark[own]}${phrase}`;
}

/**
 * What a block of the card says of `typed`: all of it, or when its lines were cut, its start up
 * to where the last line's "…" stands. `block` is the block as set (`typed` inside `around` for the sender's line).
 * @param {string} typed
 * @param {{ lines: string[], cut: boolean } | undefined} block
 * @param {string} [around]
 */
function shownText(typed, block, around = typed) {
  if (!block?.cut) return typed;
  // The visible characters drawn, counted up to the "…"; those of the card's own words before the name are not the name's.
  const visible = (/** @type {string} */ part) =>
    graphemeClusters(part).filter((cluster) => /\S/u.test(cluster) && !/^[\u200E\u200F\u2068\u2069]+$/u.test(cluster));
  const drawn =
    visible(block.lines.join("").replace(/…$/u, "")).length - visible(around.slice(0, around.indexOf(typed))).length;
  let count = 0;
  let end = 0;
  for (const cluster of graphemeClusters(typed)) {
    if (count >= drawn) break;
    end += cluster.length;
    if (visible(cluster).length > 0) count++;
  }
  return `${typed.slice(0, end).trimEnd()}…`;
}
