import * as hb from "harfbuzzjs";
import { capStackedMarks, graphemeClusters } from "../../../assets/js/shared/line-breaks.js";
import { type Direction, paragraphDirection } from "../../../assets/js/shared/text-direction.js";
import { lineOrder } from "./bidi.ts";
import type { Font, FontFile, LoadedFont } from "./font-files.ts";

// Text set from a list of fonts, one line at a time: each grapheme cluster gets a font (the
// fallback rules below), the clusters are put in the order the Bidirectional Algorithm shows them
// (bidi.ts), split into runs of one font file and one direction, and each run is shaped by HarfBuzz.

/** Thrown for a character that none of the fonts has, so that no other font stands in for it. */
export class MissingGlyphError extends Error {
  readonly character: string;
  constructor(character: string, typeface: string) {
    super(`the character ${describeCharacter(character)} is not in the font ${typeface}`);
    this.name = "MissingGlyphError";
    this.character = character;
  }
}

/** `"О" (U+041E)`, or for a cluster of several code points `"é" (U+0065 U+0301)`. */
export function describeCharacter(character: string): string {
  const codes = Array.from(character, (part) => {
    const code = (part.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0");
    return `U+${code}`;
  });
  return `"${character}" (${codes.join(" ")})`;
}

/** One glyph of a shaped line; x and y in ems from the line's start, on its baseline (y up). */
export interface PlacedGlyph {
  font: LoadedFont;
  /** The glyph's id in its font file (after shaping: a conjunct, a ligature or a joining form has its own). */
  glyph: number;
  /** Where in the line (NFC, stacked marks capped: capStackedMarks) the characters it draws start, in UTF-16 code units. */
  cluster: number;
  x: number;
  y: number;
}

export interface ShapedLine {
  /** The line's advance width in ems. */
  width: number;
  /** Its glyphs from left to right. */
  glyphs: PlacedGlyph[];
}

/** How a paragraph's lines are set: the same fonts in the same order, in the paragraph's direction. */
export interface ParagraphSetting {
  /** The fonts in fallback order. */
  fonts: readonly Font[];
  /** The first font that has every character of the paragraph: it draws all of it. */
  preferred: Font | undefined;
  direction: Direction;
}

/** Letters and digits: what decides a paragraph's font (a symbol or a punctuation mark does not). */
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]/u;

/**
 * Which fonts set a paragraph. The first font of the list that has every letter and digit of
 * the whole paragraph draws all of it that it has: a Vietnamese title is all Noto Sans, rather
 * than a word in Atkinson Hyperlegible beside a word in Noto Sans, and an Arabic title's Latin
 * word is in Noto Sans Arabic's Latin. Any other cluster is drawn by the font of the cluster
 * before it if that font has it, else by the first font of the list that has it (a Greek word
 * in an Arabic title, a symbol in a Latin one).
 */
export function paragraphSetting(text: string, fonts: readonly Font[]): ParagraphSetting {
  const clusters = graphemeClusters(text.normalize("NFC")).filter((cluster) => WORD_CHARACTER.test(cluster));
  const preferred = fonts.find((font) => clusters.every((cluster) => font.fileFor(cluster) !== undefined));
  return { fonts, preferred, direction: paragraphDirection(text) };
}

/** The first cluster of `text` that none of the fonts has, or undefined. */
export function missingCluster(text: string, fonts: readonly Font[]): string | undefined {
  return graphemeClusters(text.normalize("NFC")).find((cluster) =>
    fonts.every((font) => font.fileFor(cluster) === undefined),
  );
}

/** A line of a paragraph, shaped. Throws MissingGlyphError for a cluster none of the fonts has. */
export function shapeLine(line: string, setting: ParagraphSetting, typefaceName: string): ShapedLine {
  const text = capStackedMarks(line.normalize("NFC"));
  const clusters = graphemeClusters(text);
  const files: FontFile[] = [];
  let previous: Font | undefined;
  for (const cluster of clusters) {
    const candidates = [setting.preferred, previous, ...setting.fonts];
    let file: FontFile | undefined;
    for (const font of candidates) {
      file = font?.fileFor(cluster);
      if (file) {
        previous = font;
        break;
      }
    }
    if (!file) throw new MissingGlyphError(missingPart(cluster, setting.fonts), typefaceName);
    files.push(file);
  }
  const { levels, order } = lineOrder(clusters, setting.direction);
  const offsets: number[] = [];
  clusters.reduce((offset, cluster) => {
    offsets.push(offset);
    return offset + cluster.length;
  }, 0);
  // Runs of one file and one level, in the order they are shown: a run is the clusters shown side
  // by side that are also neighbours in the text (reading left to right, or right to left at an odd level).
  const runs: { file: FontFile; level: number; first: number; last: number }[] = [];
  for (const index of order) {
    const file = files[index] as FontFile;
    const level = levels[index] as number;
    const run = runs[runs.length - 1];
    const next = run && (run.level % 2 === 1 ? run.last - 1 : run.last + 1);
    if (run && run.file === file && run.level === level && next === index) run.last = index;
    else runs.push({ file, level, first: index, last: index });
  }
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  for (const run of runs) {
    const font = run.file.load();
    const buffer = new hb.Buffer();
    const [from, to] = run.level % 2 === 1 ? [run.last, run.first] : [run.first, run.last];
    const start = offsets[from] as number;
    const length = (offsets[to] as number) + (clusters[to] as string).length - start;
    // The whole line is context (Arabic joins across a change of font file), the run is what is shaped.
    buffer.addText(text, start, length);
    buffer.setDirection(run.level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.guessSegmentProperties();
    hb.shape(font.hb, buffer);
    // HarfBuzz gives a right-to-left run's glyphs in visual order already.
    const positions = buffer.getGlyphPositions();
    buffer.getGlyphInfos().forEach((info, index) => {
      const position = positions[index] as hb.GlyphPosition;
      glyphs.push({
        font,
        glyph: info.codepoint,
        cluster: info.cluster,
        x: pen + position.xOffset / font.upem,
        y: position.yOffset / font.upem,
      });
      pen += position.xAdvance / font.upem;
    });
  }
  return { width: pen, glyphs };
}

/** The part of a cluster to name in an error: its first character no font has, else the whole cluster. */
function missingPart(cluster: string, fonts: readonly Font[]): string {
  return Array.from(cluster).find((character) => fonts.every((font) => !font.fileFor(character))) ?? cluster;
}

/** SVG path data for a shaped line at `size` pixels, its baseline starting at (x, y), with two decimals. */
export function linePathData(line: ShapedLine, x: number, y: number, size: number): string {
  const n = (value: number) => {
    const rounded = Math.round(value * 100) / 100;
    if (!Number.isFinite(rounded)) throw new Error(`linePathData: a glyph has the coordinate ${value}`);
    return String(Object.is(rounded, -0) ? 0 : rounded);
  };
  const parts: string[] = [];
  for (const { font, glyph, x: glyphX, y: glyphY } of line.glyphs) {
    const scale = size / font.upem;
    const left = x + glyphX * size;
    const baseline = y - glyphY * size;
    const point = (values: readonly number[], index: number) =>
      `${n(left + (values[index] ?? 0) * scale)} ${n(baseline - (values[index + 1] ?? 0) * scale)}`;
    for (const { type, values } of font.outline(glyph)) {
      if (type === "M" || type === "L") parts.push(`${type}${point(values, 0)}`);
      else if (type === "Q") parts.push(`Q${point(values, 0)} ${point(values, 2)}`);
      else if (type === "C") parts.push(`C${point(values, 0)} ${point(values, 2)} ${point(values, 4)}`);
      else parts.push("Z");
    }
  }
  return parts.join("");
}
