import { describe, expect, it } from "vitest";
import { capStackedMarks, graphemeClusters } from "../../src/assets/js/shared/line-breaks.js";
import { atkinsonHyperlegible, cardTypeFace } from "../../src/lib/graphics/text/fonts.ts";
import { ellipsize, fitText, type Measure, wrapText } from "../../src/lib/graphics/text/text-layout.ts";

// Every character half as wide as the font is big: easy to count in a test.
const mono: Measure = (text, size) => Array.from(text).length * size * 0.5;
const fits = (lines: string[], size: number, maxWidth: number, measure: Measure) =>
  lines.every((line) => measure(line, size) <= maxWidth);

describe("wrapText", () => {
  it("breaks between words so that no line is wider than the box", () => {
    // 10 pixels a character at size 20: 10 characters a line.
    expect(wrapText("one two three four five", 20, 100, mono)).toEqual(["one two", "three four", "five"]);
  });

  it("breaks a word longer than a line between its characters", () => {
    expect(wrapText("see https://example.org/a", 20, 100, mono)).toEqual(["see", "https://ex", "ample.org/", "a"]);
  });

  it("keeps characters whole, even outside the Basic Multilingual Plane", () => {
    expect(wrapText("😀😀😀😀😀😀😀", 20, 30, mono)).toEqual(["😀😀😀", "😀😀😀", "😀"]);
  });

  it("never cuts a letter from its accents, a Devanagari conjunct, or a family emoji", () => {
    // One cluster, several code points each: a line of 10 pixels still takes a whole one.
    const clusterWidth: Measure = (text, size) => graphemeClusters(text).length * size * 0.5;
    expect(wrapText("Nguye\u0302\u0303n", 20, 30, clusterWidth)).toEqual(["Ngu", "ye\u0302\u0303n"]);
    expect(wrapText("शिक्षा", 20, 10, clusterWidth)).toEqual(["शि", "क्षा"]);
    expect(wrapText("👩‍👩‍👧👩‍👩‍👧", 20, 10, clusterWidth)).toEqual(["👩‍👩‍👧", "👩‍👩‍👧"]);
  });

  it("breaks Chinese and Japanese between characters, with no space added", () => {
    expect(wrapText("导师如何改变年轻医生的职业生涯", 20, 50, mono)).toEqual([
      "导师如何改",
      "变年轻医生",
      "的职业生涯",
    ]);
    // Between a Latin word and an ideograph too.
    expect(wrapText("AI导师计划", 20, 30, mono)).toEqual(["AI导", "师计划"]);
  });

  it("never starts a line with a full stop, a closing bracket or a small kana, nor ends one with an opening bracket", () => {
    expect(wrapText("一二三四五。六七", 20, 50, mono)).toEqual(["一二三四", "五。六七"]);
    expect(wrapText("メンターのキャリア", 20, 60, mono)).toEqual(["メンターの", "キャリア"]);
    expect(wrapText("一二三四「五六」", 20, 50, mono)).toEqual(["一二三四", "「五六」"]);
  });

  it("breaks Korean at its spaces", () => {
    expect(wrapText("멘토링이 젊은 의사의 경력을", 20, 60, mono)).toEqual(["멘토링이", "젊은 의사의", "경력을"]);
  });
});

describe("fitText", () => {
  const options = { maxWidth: 100, sizes: [40, 30, 20], maxLines: 2 };

  it("takes the largest size at which the text fits in the lines allowed", () => {
    expect(fitText("short", mono, options)).toEqual({ size: 40, lines: ["short"], truncated: false });
    // At 40 a line holds 5 characters (3 lines); at 30, 6 (3 lines); at 20, 10 (2 lines).
    expect(fitText("longer title here", mono, options)).toEqual({
      size: 20,
      lines: ["longer", "title here"],
      truncated: false,
    });
  });

  it("takes a smaller size rather than break a word, when one fits", () => {
    // At 40 a line holds 5 characters: "International" would fit in 3 lines only by breaking it.
    const fitted = fitText("International day", mono, { maxWidth: 100, sizes: [40, 30, 20, 15], maxLines: 3 });
    expect(fitted.lines).toEqual(["International", "day"]);
    expect(fitted.size).toBe(15);
  });

  it("shrinks a long title and wraps it onto at most maxLines lines, every line inside the box", () => {
    const font = atkinsonHyperlegible(700);
    const title = "Storytelling and humanism: Applying a humanistic model to college mentoring theory";
    const fitted = fitText(title, font.measure, { maxWidth: 1056, sizes: [72, 66, 60, 54, 48, 44], maxLines: 3 });
    expect(fitted.lines.length).toBeLessThanOrEqual(3);
    expect(fitted.truncated).toBe(false);
    expect(fitted.lines.join(" ")).toBe(title);
    expect(fits(fitted.lines, fitted.size, 1056, font.measure)).toBe(true);
  });

  it("ends the last line with … when even the smallest size needs more lines", () => {
    const fitted = fitText("one two three four five six seven eight nine ten", mono, options);
    expect(fitted.size).toBe(20);
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]).toMatch(/…$/);
    expect(fits(fitted.lines, 20, 100, mono)).toBe(true);
  });

  it("refuses options that could never fit anything", () => {
    expect(() => fitText("a", mono, { maxWidth: 100, sizes: [], maxLines: 1 })).toThrow(/sizes/);
    expect(() => fitText("a", mono, { maxWidth: 100, sizes: [10], maxLines: 0 })).toThrow(/maxLines/);
  });
});

describe("ellipsize", () => {
  it("cuts at a word and adds …, within the width", () => {
    expect(ellipsize("one two three", 20, 100, mono)).toBe("one two…");
    expect(ellipsize("fits", 20, 100, mono)).toBe("fits");
  });

  it("cuts Chinese between characters, dropping a comma before the …", () => {
    expect(ellipsize("导师如何，改变年轻医生的职业生涯", 20, 50, mono)).toBe("导师如何…");
  });

  it("takes the rest of a Chinese title onto its last line with no space added", () => {
    const fitted = fitText("导师如何改变年轻医生的职业生涯", mono, { maxWidth: 50, sizes: [20], maxLines: 2 });
    expect(fitted.lines).toEqual(["导师如何改", "变年轻医…"]);
    expect(fitted.truncated).toBe(true);
  });
});

describe("capStackedMarks", () => {
  it("keeps five combining marks in a row on a letter, and drops the rest", () => {
    const tower = `Z${"\u0301\u0316".repeat(50)}oe`;
    expect(capStackedMarks(tower)).toBe(`Z${"\u0301\u0316\u0301\u0316\u0301"}oe`);
    // Real spelling stays as it is: Vietnamese, pointed Hebrew, Devanagari conjuncts, Arabic with its vowels.
    for (const word of ["Nguyễn", "Nguye\u0302\u0303n", "שָּׁלוֹם", "क्षत्रिय", "مُدَرِّسَة"])
      expect(capStackedMarks(word)).toBe(word);
  });

  it("is what the cards draw: a letter with a hundred marks is drawn with five", () => {
    const face = cardTypeFace(400);
    // x has no precomposed form with an acute: NFC leaves its marks as they are.
    const capped = face.pathData(`x${"\u0301".repeat(5)}`, 0, 100, 50);
    expect(face.pathData(`x${"\u0301".repeat(100)}`, 0, 100, 50)).toBe(capped);
    expect(capped).not.toBe(face.pathData("x\u0301", 0, 100, 50));
  });
});
