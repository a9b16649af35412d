import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as hb from "harfbuzzjs";

// The shipped fonts' files, read with HarfBuzz: it shapes (Arabic joining, Devanagari
// conjuncts, kerning, marks) and gives each glyph's outline.

const require = createRequire(import.meta.url);

/**
 * WOFF2 → OpenType, as HarfBuzz reads only the latter. wawoff2 is Google's own decoder compiled
 * to WebAssembly; its exported function is async, but the binding's `decompress` is synchronous
 * once its runtime has started (awaited here, once), so that a font file can be read the moment
 * layout first needs one of its characters.
 */
const woff2: {
  decompress(bytes: Uint8Array): Uint8Array | false;
  calledRun?: boolean;
  onRuntimeInitialized?: () => void;
} = require("wawoff2/build/decompress_binding.js");
await new Promise<void>((resolve) => {
  if (woff2.calledRun) resolve();
  else woff2.onRuntimeInitialized = resolve;
});

/** Characters that are never drawn (joiners, variation selectors): no font needs a glyph for them. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}]$/u;

export interface OutlineCommand {
  type: string;
  values: number[];
}

/** One font file, loaded: a HarfBuzz font at the weight asked for. */
export interface LoadedFont {
  hb: hb.Font;
  /** Font units per em: positions and outlines are in these units. */
  upem: number;
  /** The glyph's outline, in font units with y up. */
  outline(glyph: number): readonly OutlineCommand[];
}

/** One file of a font: Fontsource splits each font by unicode-range (Latin, Cyrillic, a slice of CJK…). */
export interface FontFile {
  path: string;
  /** Whether the file has a glyph for every visible character of `cluster`. */
  has(cluster: string): boolean;
  load(): LoadedFont;
}

/** One typeface at one weight, made of files that each hold part of its characters. */
export interface Font {
  /** Its name, for messages: "Noto Sans Arabic Bold". */
  name: string;
  /** Where its files come from, for cache keys: "@fontsource-variable/noto-sans@5.3.0" (a new version may draw differently). */
  source: string;
  /** The first of its files that has every character of a grapheme cluster. */
  fileFor(cluster: string): FontFile | undefined;
}

/** The visible code points of a cluster. */
export function visibleCodePoints(cluster: string): number[] {
  return Array.from(cluster)
    .filter((character) => !INVISIBLE.test(character))
    .map((character) => character.codePointAt(0) as number);
}

/** "U+0041-005A,U+00C0" as [start, end] pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(",").map((part) => {
    const [start = "", end = start] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(start, 16), Number.parseInt(end, 16)];
  });
}

/**
 * A font file: its unicode-range (from the package's unicode.json) says which characters it may
 * have without reading it; the file is read, decoded and parsed the first time one is asked for.
 * `weight` sets the `wght` axis of a variable font; a static file has it built in.
 */
export function fontFile(path: string, ranges: readonly [number, number][], weight?: number): FontFile {
  let loaded: LoadedFont | undefined;
  const glyphs = new Map<number, boolean>();
  const load = (): LoadedFont => {
    if (loaded) return loaded;
    const bytes = readFileSync(path);
    const isWoff2 = bytes.subarray(0, 4).toString("latin1") === "wOF2";
    const sfnt = isWoff2 ? woff2.decompress(bytes) : bytes;
    if (!sfnt) throw new Error(`${path}: could not be decoded as WOFF2`);
    const face = new hb.Face(new hb.Blob(sfnt));
    const font = new hb.Font(face);
    if (weight !== undefined && "wght" in face.getAxisInfos()) font.setVariations([new hb.Variation("wght", weight)]);
    const outlines = new Map<number, OutlineCommand[]>();
    loaded = {
      hb: font,
      upem: face.upem,
      outline: (glyph) => {
        let outline = outlines.get(glyph);
        if (!outline) {
          outline = font.glyphToJson(glyph);
          outlines.set(glyph, outline);
        }
        return outline;
      },
    };
    return loaded;
  };
  const inRange = (codePoint: number) => ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
  const hasGlyph = (codePoint: number) => {
    let has = glyphs.get(codePoint);
    if (has === undefined) {
      has = inRange(codePoint) && (load().hb.nominalGlyph(codePoint) ?? 0) > 0;
      glyphs.set(codePoint, has);
    }
    return has;
  };
  return {
    path,
    has: (cluster) => visibleCodePoints(cluster).every(hasGlyph),
    load,
  };
}

/** A font made of files (or a function that gives them when first needed), each cluster drawn from the first file that has all of it. */
export function fontFromFiles(
  name: string,
  source: string,
  fontFiles: readonly FontFile[] | (() => readonly FontFile[]),
): Font {
  const chosen = new Map<string, FontFile | undefined>();
  const files = typeof fontFiles === "function" ? fontFiles : () => fontFiles;
  return {
    name,
    source,
    fileFor: (cluster) => {
      if (!chosen.has(cluster)) {
        if (chosen.size >= 100_000) chosen.clear();
        chosen.set(
          cluster,
          files().find((file) => file.has(cluster)),
        );
      }
      return chosen.get(cluster);
    },
  };
}

/**
 * A font from a Fontsource package, one file per subset of its unicode.json: `fileName` names
 * the subset's file ("latin" → "noto-sans-latin-wght-normal.woff2"). The Latin subsets come
 * first, so that a character two subsets share is taken from the Latin file.
 */
export function fontsourceFont(
  name: string,
  packageName: string,
  fileName: (subset: string) => string,
  weight?: number,
): Font {
  // Found the first time a character is looked for: Latin text never needs the hundreds of files of the
  // Chinese, Japanese and Korean fonts, and the content check of a build of Latin titles looks for no other.
  let files: FontFile[] | undefined;
  const subsetFiles = () => {
    if (files) return files;
    const subsets: Record<string, string> = JSON.parse(
      readFileSync(require.resolve(`${packageName}/unicode.json`), "utf8"),
    );
    const rank = (subset: string) => (subset === "latin" ? 0 : subset === "latin-ext" ? 1 : 2);
    files = Object.entries(subsets)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([subset, range]) =>
        fontFile(
          require.resolve(`${packageName}/files/${fileName(subset.replace(/^\[(\d+)\]$/, "$1"))}`),
          parseUnicodeRange(range),
          weight,
        ),
      );
    return files;
  };
  return fontFromFiles(name, `${packageName}@${packageVersion(packageName)}`, subsetFiles);
}

/** The version of an installed package. */
function packageVersion(packageName: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${packageName}/package.json`), "utf8")) as { version: string })
    .version;
}
