import { describe, expect, it } from "vitest";
import { graphemeClusters } from "../../src/assets/js/shared/line-breaks.js";
import { type Direction, paragraphDirection } from "../../src/assets/js/shared/text-direction.js";
import { lineOrder } from "../../src/lib/graphics/text/bidi.ts";

// The order the cards show a line's characters in. tests/browser/card-bidi.test.ts compares it
// with Chromium's for a corpus of titles and messages; these are the rules one at a time.

/** The text as it is shown, left to right (each right-to-left stretch written backwards), invisible controls left out. */
const shown = (text: string, base: Direction = paragraphDirection(text)) => {
  const clusters = graphemeClusters(text);
  return lineOrder(clusters, base)
    .order.map((index) => clusters[index])
    .join("")
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "");
};

describe("paragraphDirection", () => {
  it("is the direction of the first letter that has one", () => {
    expect(paragraphDirection("שלום world")).toBe("rtl");
    expect(paragraphDirection("Hello שלום")).toBe("ltr");
    expect(paragraphDirection("2025: مرحبا")).toBe("rtl");
    expect(paragraphDirection("«Привет»")).toBe("ltr");
    expect(paragraphDirection("2025 …")).toBe("ltr");
    expect(paragraphDirection("١٢ شارع")).toBe("rtl");
    expect(paragraphDirection("؟ Why")).toBe("rtl");
    expect(paragraphDirection("\u0301 שלום")).toBe("rtl");
    expect(paragraphDirection("२०२७ की बात")).toBe("ltr");
  });

  it("counts the invisible marks, and the letters inside an isolate, as HTML's dir=auto does", () => {
    expect(paragraphDirection("\u200F123 abc")).toBe("rtl");
    expect(paragraphDirection("\u200E123 אבג")).toBe("ltr");
    expect(paragraphDirection("\u2067abc\u2069 שלום")).toBe("ltr");
  });
});

describe("the order a line is shown in", () => {
  it("keeps a left-to-right line as it is", () => {
    expect(shown("Mentoring in Łódź, 2025!")).toBe("Mentoring in Łódź, 2025!");
  });

  it("shows Hebrew inside a Latin line right to left, in its place", () => {
    expect(shown("abc שלום def")).toBe("abc םולש def");
  });

  it("reverses the runs of a right-to-left line, a Latin word and a number reading left to right within it", () => {
    expect(shown("שלום abc 123!")).toBe("!abc 123 םולש");
    expect(shown("عام 2025")).toBe("2025 ماع");
    expect(shown("الإرشاد عبر Zoom: قصص")).toBe("صصق :Zoom ربع داشرإلا");
  });

  it("makes digits after Arabic letters Arabic numbers (W2): a range after Arabic reads from its right end", () => {
    expect(shown("عام 2027-2028")).toBe("2028-2027 ماع");
    expect(shown("الإرشاد 3.5%")).toBe("%3.5 داشرإلا");
    // After Hebrew the digits stay European numbers: the range reads left to right.
    expect(shown("שנת 2027-2028")).toBe("2027-2028 תנש");
  });

  it("keeps a number with its separator and its percent sign together", () => {
    expect(shown("מחיר 1,000 ₪")).toBe("₪ 1,000 ריחמ");
  });

  it("obeys explicit overrides, embeddings and isolates", () => {
    // U+202E turns what follows it around, up to U+202C.
    expect(shown("a\u202Eabc\u202Cd")).toBe("acbad");
    // An isolate keeps its Arabic and its number from mixing with the Latin around it.
    expect(shown("Dr \u2068ليلى\u2069 3")).toBe("Dr ىليل 3");
    expect(shown("Dr ليلى 3", "ltr")).toBe("Dr 3 ىليل");
  });

  it("pairs brackets (N0): they go with what they enclose", () => {
    // Characters as they are placed: the logical ")" comes first from the left (HarfBuzz draws it mirrored, as "(").
    expect(shown("مرشد (أستاذ) 2027")).toBe("2027 )ذاتسأ( دشرم");
    expect(shown("abc (אבג) def")).toBe("abc (גבא) def");
  });

  it("moves a mark with the letter it sits on", () => {
    // Hebrew with points: each letter and its points are one cluster.
    expect(shown("שָׁלוֹם")).toBe(graphemeClusters("שָׁלוֹם").reverse().join(""));
  });

  it("gives levels as UAX #9 does: a number in Arabic text one level above it", () => {
    expect(lineOrder(graphemeClusters("عام 2025"), "rtl").levels).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(lineOrder(graphemeClusters("a ب 1"), "ltr").levels).toEqual([0, 0, 1, 1, 2]);
  });

  it("reads a character beyond U+FFFF as one character of its own class", () => {
    // 𠀋 (U+2000B) is a left-to-right ideograph; 𞤀 (U+1E900) an Adlam letter, right to left.
    expect(shown("אב 𠀋𠀌")).toBe("𠀋𠀌 בא");
    expect(shown("a 𞤀𞤁 b")).toBe("a 𞤁𞤀 b");
  });
});
