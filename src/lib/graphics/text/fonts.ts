import * as hb from "harfbuzzjs";
import type { Direction } from "../../../assets/js/shared/text-direction.js";
import { eastAsianLanguageOf } from "../../words/language.ts";
import { type Font, fontsourceFont } from "./font-files.ts";
import {
  describeCharacter,
  linePathData,
  missingCluster,
  paragraphSetting,
  type ShapedLine,
  shapeLine,
} from "./shaping.ts";

export { MissingGlyphError } from "./shaping.ts";

/**
 * A typeface that turns text into SVG outlines. Cards and graphics never use <text>: the
 * rasteriser would pick whatever fonts the build machine has. Outlines from the shipped fonts
 * look the same on every machine. A TypeFace may be several fonts, one falling back on the next
 * (see shaping.ts for which font draws what).
 */
export interface TypeFace {
  /** Its name, for error messages. */
  name: string;
  /**
   * A paragraph set in this typeface: its lines are then measured and drawn with the fonts
   * and the direction chosen for the whole paragraph, whichever line they are.
   */
  paragraph(text: string): Paragraph;
  /** The advance width of `text`, set as a paragraph of its own, at `size` pixels. */
  measure(text: string, size: number): number;
  /** SVG path data for `text`, set as a paragraph of its own, with its baseline starting at (x, y). */
  pathData(text: string, x: number, y: number, size: number): string;
  /** The first character (grapheme cluster) of `text` that none of its fonts can draw. */
  missingCharacter(text: string): string | undefined;
}

export interface Paragraph {
  /** Right to left when its first letter with a direction is Arabic or Hebrew. */
  direction: Direction;
  /** The advance width of one of its lines at `size` pixels. */
  measure(line: string, size: number): number;
  /** SVG path data for one of its lines, its baseline starting at (x, y) on the left, whatever the direction. */
  pathData(line: string, x: number, y: number, size: number): string;
  /** One of its lines as it is drawn, at 1 em: its glyphs from left to right, each with the characters it draws. */
  shaped(line: string): ShapedLine;
}

/**
 * A typeface made of fonts in fallback order; `fontsFor` may order them by the paragraph (the
 * Chinese, Japanese and Korean fonts draw the same ideographs differently).
 */
export function typeFaceFromFonts(name: string, fontsFor: (paragraph: string) => readonly Font[]): TypeFace {
  // Fitting a title measures the same words at several sizes, and every card sets the site's
  // name: lines are shaped once, at 1 em, and kept.
  const shaped = new Map<string, ShapedLine>();
  const paragraphs = new Map<string, Paragraph>();
  const paragraph = (text: string): Paragraph => {
    let result = paragraphs.get(text);
    if (result) return result;
    const fonts = fontsFor(text);
    const setting = paragraphSetting(text, fonts);
    const key = `${fonts.map((font) => font.name).join()}|${setting.preferred?.name}|${setting.direction}|`;
    const shape = (line: string) => {
      let line1em = shaped.get(key + line);
      if (!line1em) {
        line1em = shapeLine(line, setting, name);
        if (shaped.size >= 100_000) shaped.clear();
        shaped.set(key + line, line1em);
      }
      return line1em;
    };
    result = {
      direction: setting.direction,
      measure: (line, size) => shape(line).width * size,
      pathData: (line, x, y, size) => linePathData(shape(line), x, y, size),
      shaped: shape,
    };
    if (paragraphs.size >= 10_000) paragraphs.clear();
    paragraphs.set(text, result);
    return result;
  };
  return {
    name,
    paragraph,
    measure: (text, size) => paragraph(text).measure(text, size),
    pathData: (text, x, y, size) => paragraph(text).pathData(text, x, y, size),
    missingCharacter: (text) => missingCluster(text, fontsFor(text)),
  };
}

type Weight = 400 | 700;
const weightName = (weight: Weight) => (weight === 700 ? "Bold" : "Regular");

/** Atkinson Hyperlegible (SIL Open Font License), from @fontsource: its Latin and Latin Extended files. */
function atkinsonHyperlegibleFont(weight: Weight): Font {
  return fontsourceFont(
    `Atkinson Hyperlegible ${weightName(weight)}`,
    "@fontsource/atkinson-hyperlegible",
    (subset) => `atkinson-hyperlegible-${subset}-${weight}-normal.woff2`,
  );
}

/** A variable Noto font (SIL Open Font License) from @fontsource-variable, at `weight` on its wght axis. */
function notoFont(family: string, weight: Weight): Font {
  const id = family.toLowerCase().replaceAll(" ", "-");
  return fontsourceFont(
    `${family} ${weightName(weight)}`,
    `@fontsource-variable/${id}`,
    (subset) => `${id}-${subset}-wght-normal.woff2`,
    weight,
  );
}

/** Atkinson Hyperlegible alone: Latin only. */
export function atkinsonHyperlegible(weight: Weight): TypeFace {
  const fonts = [atkinsonHyperlegibleFont(weight)];
  return typeFaceFromFonts(fonts[0]?.name as string, () => fonts);
}

/** What the cards' drawing depends on beyond the code: the versions of the fonts' packages and of HarfBuzz. */
export function cardFontVersions(): string {
  const sources = new Set(([700, 400] as const).flatMap((weight) => cardFonts(weight, "").map((font) => font.source)));
  return [...sources, `harfbuzz@${hb.versionString()}`].join(" ");
}

/**
 * The typeface of cards and graphics: Atkinson Hyperlegible, the site's typeface, first (Latin);
 * then Noto Sans (Latin, Vietnamese, Greek, Cyrillic, Devanagari), Noto Sans Arabic, Noto Sans
 * Hebrew, and Noto Sans JP, KR and SC, Japanese first for a paragraph with kana, Korean first for
 * one with Hangul, Chinese first otherwise.
 */
export function cardTypeFace(weight: Weight, eastAsian?: EastAsianLanguage): TypeFace {
  const key = `${weight} ${eastAsian ?? "by the text"}`;
  let face = knownCardTypeFaces.get(key);
  if (!face) {
    face = newCardTypeFace(weight, eastAsian);
    knownCardTypeFaces.set(key, face);
  }
  return face;
}

/** The card typeface in bold and regular; Han characters in the forms of `lang` when it is Japanese, Korean or Chinese. */
export function cardTypeFaces(lang?: string): { bold: TypeFace; regular: TypeFace } {
  const eastAsian = lang === undefined ? undefined : eastAsianLanguageOf(lang);
  return { bold: cardTypeFace(700, eastAsian), regular: cardTypeFace(400, eastAsian) };
}

/**
 * One per weight, East Asian language and process: the content check and the build load each
 * font file once.
 */
const knownCardTypeFaces = new Map<string, TypeFace>();

/**
 * What the content check says of a title or a name the cards could not draw (set in the bold or
 * the regular card typeface), before anything is built; undefined when they can draw it.
 */
export function cardTextProblem(text: string, weight: Weight): string | undefined {
  const face = cardTypeFace(weight);
  const missing = face.missingCharacter(text);
  return missing === undefined
    ? undefined
    : `expected characters the social card's typefaces (${face.name}) can draw, got ${describeCharacter(missing)}`;
}

function newCardTypeFace(weight: Weight, eastAsian: EastAsianLanguage | undefined): TypeFace {
  const name = `Atkinson Hyperlegible ${weightName(weight)} with Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans JP, KR and SC`;
  return typeFaceFromFonts(name, (paragraph) => cardFonts(weight, paragraph, eastAsian));
}

/** The languages whose forms of the same Han characters differ: each has its own font. */
export type EastAsianLanguage = "ja" | "ko" | "zh";

const cardFontOrders = new Map<Weight, Record<EastAsianLanguage, Font[]>>();

/**
 * The fonts of the cards' typeface, in the order they are tried for a paragraph: Han characters
 * in the forms of `eastAsian` (the text's language, when known), or of the language the
 * paragraph's other characters suggest.
 */
export function cardFonts(
  weight: Weight,
  paragraph: string,
  eastAsian: EastAsianLanguage = eastAsianLanguage(paragraph),
): readonly Font[] {
  let orders = cardFontOrders.get(weight);
  if (!orders) {
    const [atkinson, notoSans, arabic, hebrew, japanese, korean, chinese] = [
      atkinsonHyperlegibleFont(weight),
      ...["Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans JP", "Noto Sans KR", "Noto Sans SC"].map(
        (family) => notoFont(family, weight),
      ),
    ] as Font[];
    const first = [atkinson, notoSans, arabic, hebrew] as Font[];
    orders = {
      ja: [...first, japanese, korean, chinese] as Font[],
      ko: [...first, korean, japanese, chinese] as Font[],
      zh: [...first, chinese, japanese, korean] as Font[],
    };
    cardFontOrders.set(weight, orders);
  }
  return orders[eastAsian];
}

/** Which East Asian language a paragraph's ideographs are most likely in: kana are Japanese, Hangul Korean. */
export function eastAsianLanguage(paragraph: string): EastAsianLanguage {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(paragraph)) return "ja";
  if (/\p{Script=Hangul}/u.test(paragraph)) return "ko";
  return "zh";
}
