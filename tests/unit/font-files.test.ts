import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  fontFile,
  fontFromFiles,
  fontsourceFont,
  parseUnicodeRange,
  visibleCodePoints,
} from "../../src/lib/graphics/text/font-files.ts";

const require = createRequire(import.meta.url);
const atkinson = "@fontsource/atkinson-hyperlegible";
const latinFile = require.resolve(`${atkinson}/files/atkinson-hyperlegible-latin-700-normal.woff2`);
const latinExtFile = require.resolve(`${atkinson}/files/atkinson-hyperlegible-latin-ext-700-normal.woff2`);

describe("parseUnicodeRange", () => {
  it("reads a unicode-range as pairs, a lone code point as a pair of one", () => {
    expect(parseUnicodeRange("U+0000-00FF,U+0131, U+2000-206F")).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x2000, 0x206f],
    ]);
  });
});

describe("visibleCodePoints", () => {
  it("leaves out what no font draws: joiners and variation selectors", () => {
    expect(visibleCodePoints("e\u0301")).toEqual([0x65, 0x301]);
    expect(visibleCodePoints("👩\u200D💻")).toEqual([0x1f469, 0x1f4bb]);
    expect(visibleCodePoints("❤\uFE0F")).toEqual([0x2764]);
  });
});

describe("fontFile", () => {
  const latin = fontFile(latinFile, parseUnicodeRange("U+0000-00FF,U+0131,U+0152-0153,U+2000-206F"));

  it("has a character its unicode-range names and its glyphs draw", () => {
    expect(latin.has("A")).toBe(true);
    expect(latin.has("é")).toBe(true);
    expect(latin.has("—")).toBe(true);
  });

  it("has none outside its range, nor one its range names that it has no glyph for", () => {
    expect(latin.has("Ł")).toBe(false);
    expect(latin.has("ا")).toBe(false);
    // U+2061 is in the range, and invisible (nothing to draw); U+2028 is in the range and the font has no glyph.
    expect(latin.has("\u2028")).toBe(false);
  });

  it("loads the file once, as HarfBuzz outlines in font units", () => {
    const loaded = latin.load();
    expect(latin.load()).toBe(loaded);
    expect(loaded.upem).toBeGreaterThan(0);
    const glyph = loaded.hb.nominalGlyph("A".codePointAt(0) as number) ?? 0;
    expect(loaded.outline(glyph).length).toBeGreaterThan(0);
  });
});

describe("fontFromFiles", () => {
  it("draws each cluster from the first file that has all of it", () => {
    const latin = fontFile(latinFile, parseUnicodeRange("U+0000-00FF"));
    const latinExt = fontFile(latinExtFile, parseUnicodeRange("U+0100-024F"));
    const font = fontFromFiles("Atkinson Hyperlegible Bold", "test", [latin, latinExt]);
    expect(font.fileFor("a")).toBe(latin);
    expect(font.fileFor("Ł")).toBe(latinExt);
    expect(font.fileFor("ا")).toBeUndefined();
  });
});

describe("fontsourceFont", () => {
  const font = fontsourceFont(
    "Atkinson Hyperlegible Bold",
    atkinson,
    (subset) => `atkinson-hyperlegible-${subset}-700-normal.woff2`,
  );

  it("is made of the package's files, Latin first", () => {
    expect(font.fileFor("a")?.path).toBe(latinFile);
    expect(font.fileFor("Ł")?.path).toBe(latinExtFile);
  });

  it("says which package and version it comes from, for cache keys", () => {
    const { version } = JSON.parse(readFileSync(require.resolve(`${atkinson}/package.json`), "utf8")) as {
      version: string;
    };
    expect(font.source).toBe(`${atkinson}@${version}`);
  });
});
