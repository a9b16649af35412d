import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import opentype from "opentype.js";

/**
 * A typeface that turns text into SVG outlines. Cards and graphics never use <text>: the
 * rasteriser would pick whatever fonts the build machine has. Outlines from the shipped font
 * look the same on every machine.
 */
export interface TypeFace {
  /** Its name, for error messages. */
  name: string;
  /** The advance width of `text` at `size` pixels. */
  measure(text: string, size: number): number;
  /** SVG path data for `text` with its baseline starting at (x, y). */
  pathData(text: string, x: number, y: number, size: number): string;
}

/** Thrown for a character the typeface has no glyph for, so that no other font stands in for it. */
export class MissingGlyphError extends Error {
  readonly character: string;
  constructor(character: string, typeface: string) {
    const code = character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0");
    super(`the character "${character}" (U+${code}) is not in the font ${typeface}`);
    this.name = "MissingGlyphError";
    this.character = character;
  }
}

const require = createRequire(import.meta.url);

/** Atkinson Hyperlegible (SIL Open Font License), from @fontsource: its Latin and Latin Extended files. */
export function atkinsonHyperlegible(weight: 400 | 700): TypeFace {
  const subsets = ["latin", "latin-ext"].map((subset) =>
    require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff`),
  );
  return typeFaceFromFiles(`Atkinson Hyperlegible ${weight === 700 ? "Bold" : "Regular"}`, subsets);
}

/**
 * One typeface made of font files that each hold part of its characters (as Fontsource splits
 * a font into Latin, Latin Extended and so on): each character is set from the first file that has it.
 */
export function typeFaceFromFiles(name: string, files: readonly string[]): TypeFace {
  const fonts = files.map((file) => {
    const bytes = readFileSync(file);
    return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  });
  const fontByCharacter = new Map<string, opentype.Font>();
  const fontFor = (character: string) => {
    let font = fontByCharacter.get(character);
    if (!font) {
      font = fonts.find((candidate) => candidate.charToGlyphIndex(character) > 0);
      if (!font) throw new MissingGlyphError(character, name);
      fontByCharacter.set(character, font);
    }
    return font;
  };
  /** The text split into runs that one font file sets. */
  const runs = (text: string) => {
    const result: { font: opentype.Font; text: string }[] = [];
    for (const character of text) {
      const font = fontFor(character);
      const last = result[result.length - 1];
      if (last?.font === font) last.text += character;
      else result.push({ font, text: character });
    }
    return result;
  };
  const options = { kerning: true };
  // Fitting a title measures the same words at several sizes, and every card measures the
  // site's name: widths at size 1 are kept (a width grows in proportion to the size).
  const unitWidths = new Map<string, number>();
  const paths = new Map<string, string>();
  const unitWidth = (text: string) => {
    let width = unitWidths.get(text);
    if (width === undefined) {
      width = runs(text).reduce((sum, run) => sum + run.font.getAdvanceWidth(run.text, 1, options), 0);
      if (unitWidths.size >= 100_000) unitWidths.clear();
      unitWidths.set(text, width);
    }
    return width;
  };
  return {
    name,
    measure: (text, size) => unitWidth(text) * size,
    pathData: (text, x, y, size) => {
      // The lines every card shares (the site's name, the date) are drawn once.
      const key = `${x} ${y} ${size} ${text}`;
      let data = paths.get(key);
      if (data === undefined) {
        let left = x;
        const parts: string[] = [];
        for (const run of runs(text)) {
          parts.push(svgPathData(run.font.getPath(run.text, left, y, size, options)));
          left += run.font.getAdvanceWidth(run.text, size, options);
        }
        data = parts.join("");
        if (paths.size >= 1_000) paths.clear();
        paths.set(key, data);
      }
      return data;
    },
  };
}

/**
 * SVG path data with two decimals. opentype.js 2.0's own `toPathData` writes "NaN" for some
 * coordinates (a rounding bug), which cuts a line short where the SVG parser stops.
 */
export function svgPathData(path: opentype.Path): string {
  const n = (value: number) => {
    const rounded = Math.round(value * 100) / 100;
    if (!Number.isFinite(rounded)) throw new Error(`svgPathData: a glyph has the coordinate ${value}`);
    return String(Object.is(rounded, -0) ? 0 : rounded);
  };
  return path.commands
    .map((command) => {
      switch (command.type) {
        case "M":
        case "L":
          return `${command.type}${n(command.x)} ${n(command.y)}`;
        case "Q":
          return `Q${n(command.x1)} ${n(command.y1)} ${n(command.x)} ${n(command.y)}`;
        case "C":
          return `C${n(command.x1)} ${n(command.y1)} ${n(command.x2)} ${n(command.y2)} ${n(command.x)} ${n(command.y)}`;
        default:
          return "Z";
      }
    })
    .join("");
}
