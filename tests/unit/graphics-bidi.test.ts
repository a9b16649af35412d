import { describe, expect, it } from "vitest";
import { graphemeClusters } from "../../src/assets/js/shared/line-breaks.js";
import { type Direction, paragraphDirection } from "../../src/assets/js/shared/text-direction.js";
import { bidiLevels, visualOrder } from "../../src/lib/graphics/text/bidi.ts";

/** The text as it is shown, left to right (each right-to-left stretch written backwards). */
const shown = (text: string, base: Direction = paragraphDirection(text)) => {
  const clusters = graphemeClusters(text);
  return visualOrder(clusters, bidiLevels(clusters, base)).join("");
};

describe("paragraphDirection", () => {
  it("is the direction of the first letter that has one", () => {
    expect(paragraphDirection("שלום world")).toBe("rtl");
    expect(paragraphDirection("Hello שלום")).toBe("ltr");
    expect(paragraphDirection("2025: مرحبا")).toBe("rtl");
    expect(paragraphDirection("«Привет»")).toBe("ltr");
    expect(paragraphDirection("2025 …")).toBe("ltr");
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

  it("keeps a number with its separator and its percent sign together", () => {
    expect(shown("السعر 3.5%")).toBe("3.5% رعسلا");
    expect(shown("מחיר 1,000 ₪")).toBe("₪ 1,000 ריחמ");
  });

  it("moves a mark with the letter it sits on", () => {
    // Hebrew with points: each letter and its points are one cluster.
    expect(shown("שָׁלוֹם")).toBe(graphemeClusters("שָׁלוֹם").reverse().join(""));
  });

  it("gives levels as UAX #9 does: a number in Arabic text one level above it", () => {
    expect(bidiLevels(graphemeClusters("عام 2025"), "rtl")).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(bidiLevels(graphemeClusters("a ب 1"), "ltr")).toEqual([0, 0, 1, 1, 2]);
  });
});
