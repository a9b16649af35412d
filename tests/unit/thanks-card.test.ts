import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import en from "../../_data/locales/en.ts";
import {
  type CardLayout,
  cardAlt,
  cardDesigns,
  cardFormats,
  cardLayout,
  designForId,
  fontFamiliesFor,
  paragraphDirection,
  wrapParagraph,
} from "../../src/assets/js/shared/thanks-card.js";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import {
  cardFontFaces,
  cardFontsCss,
  cardFontsStylesheet,
  cardWebFonts,
  publishedFontFiles,
} from "../../src/lib/graphics/text/card-web-fonts.ts";
import { cardColoursOf, cardWordsFor, harfBuzzMeasure, thanksCardSvg } from "../../src/lib/graphics/thanks-cards.ts";
import { projectRoot } from "../helpers/project.ts";

const words = cardWordsFor(en.thanks.card, { name: "International Mentoring Day", date: "17 January" });
const colours = cardColoursOf(design);
const measure = harfBuzzMeasure();
const longMessage =
  "You taught me to ask better questions, to listen before I answer, and to leave the door open for the next person. Every Tuesday for three years you made time for me, and I am a teacher today because of it. Thank you, from the bottom of my heart, for all of it, and the patience!!!";
const longName = "Maximilian Alexander von Hohenberg-Schwarzenfeld und Lichtenstein-Württemberg the Third of Bavaria!!";

const texts = (layout: CardLayout) => layout.shapes.filter((shape) => shape.kind === "text");
/** The visitor's words: every line inside the text box. */
const visitorLines = (layout: CardLayout) =>
  texts(layout).filter((line) => line.y > layout.textBox.y && line.y < layout.textBox.y + layout.textBox.height);

describe("the thank-you card's layout", () => {
  it("fits a 280-character message and a 100-character name in both formats and every design, nothing outside the box, no word cut", () => {
    expect([...longMessage]).toHaveLength(280);
    expect([...longName]).toHaveLength(100);
    for (const format of ["square", "landscape"] as const) {
      for (const cardDesign of cardDesigns) {
        const layout = cardLayout(
          { mentor: longName, message: longMessage, name: longName },
          cardDesign,
          format,
          words,
          colours,
          measure,
        );
        expect(layout.width).toBe(cardFormats[format].width);
        expect(layout.brokenWords).toBe(false);
        const box = layout.textBox;
        const lines = visitorLines(layout);
        for (const line of lines) {
          expect(line.x).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(line.x + line.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
          expect(line.y - line.size).toBeGreaterThanOrEqual(box.y - 1);
          expect(line.y).toBeLessThanOrEqual(box.y + box.height);
        }
        // Every word of the message, the name and the sender is drawn whole, in order.
        const drawn = lines.map((line) => line.text).join(" ");
        expect(drawn.split(/\s+/)).toEqual(`${longName} ${longMessage} From ${longName}`.split(/\s+/));
      }
    }
  });

  it("sets a short message larger than a long one", () => {
    const size = (message: string) =>
      texts(cardLayout({ mentor: "Ama", message }, "teal", "square", words, colours, measure)).find(
        (line) => line.paragraph === message,
      )?.size ?? 0;
    expect(size("Thank you!")).toBeGreaterThan(size(longMessage));
  });

  it("breaks a word only when it is wider than a line at every size, and then between characters", () => {
    const layout = cardLayout({ mentor: "Ama", message: "a".repeat(280) }, "cream", "square", words, colours, measure);
    expect(layout.brokenWords).toBe(true);
    for (const line of visitorLines(layout))
      expect(line.x + line.width).toBeLessThanOrEqual(layout.textBox.x + layout.textBox.width + 0.5);
    expect(
      visitorLines(layout)
        .filter((line) => line.paragraph.startsWith("aaa"))
        .map((line) => line.text)
        .join(""),
    ).toBe("a".repeat(280));
  });

  it("sets an Arabic or Hebrew name right to left, against the right edge of the box", () => {
    const layout = cardLayout(
      { mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي.", name: "Sam" },
      "teal",
      "square",
      words,
      colours,
      measure,
    );
    const mentor = texts(layout).find((line) => line.paragraph === "ليلى الحسيني");
    expect(mentor?.direction).toBe("rtl");
    expect((mentor?.x ?? 0) + (mentor?.width ?? 0)).toBeCloseTo(layout.textBox.x + layout.textBox.width, 3);
    const from = texts(layout).find((line) => line.paragraph === "From Sam");
    expect(from).toMatchObject({ direction: "ltr", x: layout.textBox.x });
    expect(paragraphDirection("שלום world")).toBe("rtl");
    expect(paragraphDirection("2025: Hello")).toBe("ltr");
  });

  it("wraps Chinese between characters, never before a full stop, and keeps typed line breaks", () => {
    const lines = wrapParagraph("谢谢您多年来的耐心指导，让我学会了独立思考。", 60, 400, 400, measure, false) ?? [];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("谢谢您多年来的耐心指导，让我学会了独立思考。");
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。]/);
    expect(wrapParagraph("Thank you\nAma", 40, 400, 2000, measure, false)).toEqual(["Thank you", "Ama"]);
  });

  it("says in words what the card shows, and picks one design per thanks", () => {
    expect(cardAlt({ mentor: " Ama ", message: "Thanks.", name: "" }, words)).toBe(
      "A thank-you card for Ama. “Thanks.”",
    );
    expect(cardAlt({ mentor: "Ama", message: "Thanks.", name: "Kofi" }, words)).toBe(
      "A thank-you card for Ama. “Thanks.” From Kofi.",
    );
    expect(designForId("abc")).toBe(designForId("abc"));
    const designs = new Set(Array.from({ length: 30 }, (_, index) => designForId(`thanks-${index}`)));
    expect(designs).toEqual(new Set(cardDesigns));
  });

  it("names the fonts the build draws with, Atkinson Hyperlegible first only for text it has", () => {
    expect(fontFamiliesFor("Dr Amara Okafor").startsWith('"Card Atkinson Hyperlegible", "Card Noto Sans"')).toBe(true);
    expect(fontFamiliesFor("Nguyễn Văn An").startsWith('"Card Noto Sans"')).toBe(true);
    expect(fontFamiliesFor("田中さん")).toMatch(/"Card Noto Sans JP", "Card Noto Sans KR", "Card Noto Sans SC"/);
    expect(fontFamiliesFor("김민수")).toMatch(/"Card Noto Sans KR", "Card Noto Sans JP"/);
  });
});

describe("the build's drawing of a card", () => {
  it("draws the layout's shapes as SVG with every word an outline, 1200×630, in the design's colours", async () => {
    const { svg, layout } = thanksCardSvg(
      { mentor: "Ama", message: "Thank you.", name: "Kofi" },
      "amber",
      "landscape",
      words,
      colours,
      markSvg(design.palette.mark),
    );
    expect(svg).not.toContain("<text");
    expect(layout.shapes[0]).toMatchObject({ kind: "rect", fill: design.palette.mark.amber });
    const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
    // Ink colour in the text box: the words are drawn.
    const ink = Number.parseInt(colours.ink.slice(1), 16);
    let inked = 0;
    for (let offset = 0; offset < data.length; offset += info.channels) {
      const rgb = ((data[offset] ?? 0) << 16) | ((data[offset + 1] ?? 0) << 8) | (data[offset + 2] ?? 0);
      if (rgb === ink) inked++;
    }
    expect(inked).toBeGreaterThan(500);
  });
});

describe("the card fonts for the browser", () => {
  const require = createRequire(import.meta.url);
  const read = (packageName: string, stylesheet: string) =>
    readFileSync(join(dirname(require.resolve(`${packageName}/package.json`)), stylesheet), "utf8");

  it("renames each face, points it at its own WOFF2 file and keeps its unicode-range, for every font the build draws with", () => {
    let faces = 0;
    for (const font of cardWebFonts) {
      for (const stylesheet of font.stylesheets) {
        const { css, files } = cardFontFaces(read(font.package, stylesheet), font.family, font.folder);
        expect(files.length).toBeGreaterThan(0);
        expect(css.match(/@font-face/g)).toHaveLength(files.length);
        expect(css).not.toMatch(/\.woff\)|files\//);
        expect(css.match(/unicode-range/g)).toHaveLength(files.length);
        expect(css).toContain(`font-family: "${font.family}"`);
        for (const file of files) expect(css).toContain(`url(../../fonts/card/${font.folder}/${file}) format("woff2")`);
        faces += files.length;
      }
    }
    // Fontsource splits Chinese, Japanese and Korean into about a hundred slices each.
    expect(faces).toBeGreaterThan(300);
  });

  it("has src/assets/css/card-fonts.css as the packages' stylesheets make it (else: node tools/card-fonts.ts)", () => {
    const committed = readFileSync(join(projectRoot, cardFontsStylesheet), "utf8");
    const withoutSpace = (css: string) => css.replace(/\s+/g, "");
    expect(withoutSpace(committed)).toBe(withoutSpace(cardFontsCss(read)));
    const files = publishedFontFiles(committed);
    expect(new Set(files.map((font) => font.folder))).toEqual(new Set(cardWebFonts.map((font) => font.folder)));
    expect(() => publishedFontFiles("src: url(../../../etc/passwd)")).toThrow(/is no file of the card fonts' packages/);
  });
});
