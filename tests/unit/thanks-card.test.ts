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
  cardShows,
  designForId,
  fontFamiliesFor,
  hasWords,
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
import {
  cardColoursOf,
  cardWordsFor,
  harfBuzzMeasure,
  thanksCardSvg,
  thanksSharedCard,
} from "../../src/lib/graphics/thanks-cards.ts";
import { cardLanguagesFor, thanksCardWords } from "../../src/lib/words/card-languages.ts";
import { projectRoot } from "../helpers/project.ts";

const words = cardWordsFor(en.thanks.card, { name: "International Mentoring Day", date: "17 January" });
const colours = cardColoursOf(design);
const measure = harfBuzzMeasure();
const longMessage =
  "You taught me to ask better questions, to listen before I answer, and to leave the door open for the next person. Every Tuesday for three years you made time for me, and I am a teacher today because of it. Thank you, from the bottom of my heart, for all of it, and the patience!!!";
const longName = "Maximilian Alexander von Hohenberg-Schwarzenfeld und Lichtenstein-Württemberg the Third of Bavaria!!";

const texts = (layout: CardLayout) => layout.shapes.filter((shape) => shape.kind === "text");
/** A line as it reads: the invisible marks and isolates that set the direction of the card's own words left out. */
const visible = (text: string) => text.replace(/[\u200E\u200F\u2068\u2069]/gu, "");
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
        const drawn = visible(lines.map((line) => line.text).join(" "));
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
      { mentor: "ליאת כהן", message: "Thank you for the questions.", name: "Sam" },
      "teal",
      "square",
      words,
      colours,
      measure,
    );
    expect(layout.direction).toBe("ltr");
    const mentor = texts(layout).find((line) => line.paragraph === "ליאת כהן");
    expect(mentor?.direction).toBe("rtl");
    expect(mentor?.x).toBe(layout.textBox.x);
    expect(paragraphDirection("שלום world")).toBe("rtl");
    expect(paragraphDirection("2025: Hello")).toBe("ltr");
  });

  it("lays an Arabic card out right to left throughout: the mark, the greeting, every line and the footer on the right", () => {
    const text = { mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي قبل أن أؤمن بنفسي.", name: "Sam 2" };
    const rtl = cardLayout(text, "teal", "square", words, colours, measure);
    const ltr = cardLayout(
      { ...text, message: "Thank you for believing in me." },
      "teal",
      "square",
      words,
      colours,
      measure,
    );
    expect([rtl.direction, ltr.direction]).toEqual(["rtl", "ltr"]);
    const mark = (layout: CardLayout) => layout.shapes.find((shape) => shape.kind === "mark");
    expect(mark(ltr)).toMatchObject({ x: 96 });
    expect(mark(rtl)).toMatchObject({ x: 1080 - 96 - 112 });
    const circles = (layout: CardLayout) =>
      layout.shapes.flatMap((shape) => (shape.kind === "circle" ? [Math.round(shape.cx)] : []));
    expect(circles(rtl)).toEqual(circles(ltr).map((cx) => 1080 - cx));
    const right = rtl.textBox.x + rtl.textBox.width;
    for (const line of texts(rtl)) expect(line.x + line.width).toBeCloseTo(right, 3);
    for (const line of texts(ltr)) expect(line.x).toBe(ltr.textBox.x);
    // The card's own words keep their own direction, on the card's side: "From" reads left to right,
    // the name in it is isolated, so that its digit stays with it ("From Sam 2", not "From 2 Sam").
    const from = texts(rtl).find((line) => visible(line.text) === "From Sam 2");
    expect(from).toMatchObject({ direction: "ltr", text: "\u200EFrom \u2068Sam 2\u2069" });
    expect(texts(rtl)[0]).toMatchObject({ direction: "ltr", text: "\u200EThank you" });
    // A message of digits alone: the mentor decides; of nothing with a direction, the card's words do.
    expect(cardLayout({ mentor: "ليلى", message: "2027!" }, "teal", "square", words, colours, measure).direction).toBe(
      "rtl",
    );
    expect(cardLayout({ mentor: "1", message: "2027!" }, "teal", "square", words, colours, measure).direction).toBe(
      "ltr",
    );
  });

  it("draws an Arabic thanks in its language's words, right to left throughout; its text alternative stays the site's", async () => {
    const languages = cardLanguagesFor(
      en.thanks.card,
      "en-GB",
      { name: "Test Day", date: { month: 1, day: 17 } },
      {
        ar: { greeting: "شكرًا جزيلًا", from: "من {name}", day: "يوم الاختبار" },
        he: { greeting: "תודה רבה", from: "מאת {name}", day: "יום הבדיקה" },
      },
    );
    const thanks = { id: "t1", mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي.", name: "أحمد 2" };
    const arabic = thanksCardWords(thanks, languages);
    const { svg, layout } = thanksCardSvg(thanks, "teal", "landscape", arabic, colours, markSvg(design.palette.mark));
    const lines = texts(layout);
    const greeting = lines[0];
    const footer = lines.at(-1);
    expect(visible(greeting?.text ?? "")).toBe("شكرًا جزيلًا");
    expect(lines.map((line) => visible(line.text))).toContain("من أحمد 2");
    expect(visible(footer?.text ?? "")).toMatch(/^يوم الاختبار · /);
    // Every line, the card's own words too, runs right to left against the right margin.
    const right = layout.textBox.x + layout.textBox.width;
    for (const line of lines) {
      expect(line.direction).toBe("rtl");
      expect(line.x + line.width).toBeCloseTo(right, 3);
    }
    // Drawn: the greeting's ink is on the right, where the English one would start on the left.
    const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
    const teal = Number.parseInt(colours.teal.slice(1), 16);
    const inkColumns = (top: number, bottom: number) => {
      const columns: number[] = [];
      for (let y = top; y < bottom; y++) {
        for (let x = 0; x < info.width; x++) {
          const offset = (y * info.width + x) * info.channels;
          const rgb = ((data[offset] ?? 0) << 16) | ((data[offset + 1] ?? 0) << 8) | (data[offset + 2] ?? 0);
          if (rgb !== teal) columns.push(x);
        }
      }
      return { left: Math.min(...columns), right: Math.max(...columns) };
    };
    const greetingInk = inkColumns((greeting?.y ?? 0) - (greeting?.size ?? 0) * 0.6, greeting?.y ?? 0);
    expect(greetingInk.right).toBeGreaterThan(right - 8);
    expect(greetingInk.left).toBeGreaterThan(info.width / 2);
    // The card speaks Arabic; its text alternative speaks to the page's reader, in the site's language.
    expect(thanksSharedCard(thanks, arabic).alt).toBe(
      "A thank-you card for ليلى الحسيني. “شكرًا لأنك آمنت بي.” From أحمد 2.",
    );
    // A Hebrew thanks gets the Hebrew words, a Latin one the site's.
    expect(thanksCardWords({ mentor: "רחל", message: "תודה" }, languages).greeting).toBe("תודה רבה");
    expect(thanksCardWords({ mentor: "Ama", message: "Gracias" }, languages).greeting).toBe("Thank you");
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

describe("a card always shows the words", () => {
  /** The smallest the message is ever set, in pixels: half its largest size. */
  const floor = { square: 27, landscape: 18 };
  const messages: Record<string, string> = {
    "26 short lines": Array.from({ length: 26 }, (_, index) => `Line ${index + 1}`).join("\n"),
    "140 lines of one letter": Array.from({ length: 140 }, () => "a").join("\n"),
    "one word of 280 letters": "w".repeat(280),
    "280 characters of wide words": "WWWWWWWWW ".repeat(28).trim(),
    "280 characters of Arabic on 40 lines": Array.from({ length: 40 }, () => "شكرًا").join("\n"),
    "Chinese in 20 lines": Array.from({ length: 20 }, () => "谢谢您的耐心指导。").join("\n"),
  };

  it.each(Object.entries(messages))(
    "%s: at the smallest size or larger, inside the box, cut with … when it must be",
    (_, message) => {
      for (const format of ["square", "landscape"] as const) {
        const layout = cardLayout({ mentor: longName, message, name: "Kofi" }, "teal", format, words, colours, measure);
        const lines = texts(layout).filter((line) => line.clipped);
        const box = layout.textBox;
        for (const line of lines) {
          expect(line.x).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(line.x + line.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
          expect(line.y - line.size).toBeGreaterThanOrEqual(box.y - 1);
          expect(line.y).toBeLessThanOrEqual(box.y + box.height);
        }
        const messageLines = lines.filter((line) => line.paragraph === message);
        expect(messageLines.length).toBeGreaterThan(0);
        for (const line of messageLines) expect(line.size).toBeGreaterThanOrEqual(floor[format]);
        // The mentor and the sender are there whole.
        expect(visible(lines.map((line) => line.text).join(" "))).toContain("Maximilian");
        expect(visible(lines.at(-1)?.text ?? "")).toBe("From Kofi");
        const drawn = messageLines.map((line) => line.text).join("");
        if (layout.shortened) {
          expect(drawn.endsWith("…")).toBe(true);
          // What the card shows is the start of the message, to the same character, and the text alternative says it.
          expect(layout.shown.message.endsWith("…")).toBe(true);
          const start = layout.shown.message.slice(0, -1);
          expect(message.startsWith(start)).toBe(true);
          expect(start.replace(/\s/g, "")).toBe(drawn.slice(0, -1).replace(/\s/g, ""));
          expect(cardAlt(layout.shown, words)).toContain(`“${layout.shown.message}”`);
        } else {
          expect(drawn.replace(/\s/g, "")).toBe(message.replace(/\s/g, ""));
          expect(layout.shown.message).toBe(message);
        }
      }
    },
  );

  it("shortens a message of 26 short lines on both formats, and only then", () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `Line ${index + 1}`).join("\n");
    const shortened = (count: number, format: "square" | "landscape") =>
      cardLayout({ mentor: "Ama", message: lines(count) }, "teal", format, words, colours, measure).shortened;
    expect([shortened(26, "square"), shortened(26, "landscape")]).toEqual([true, true]);
    expect([shortened(6, "square"), shortened(6, "landscape")]).toEqual([false, false]);
    expect(shortened(1, "landscape")).toBe(false);
    // The longest message of ordinary words, with the longest names, is never shortened.
    for (const format of ["square", "landscape"] as const) {
      const layout = cardLayout(
        { mentor: longName, message: longMessage, name: longName },
        "teal",
        format,
        words,
        colours,
        measure,
      );
      expect(layout.shortened).toBe(false);
      expect(cardShows({ mentor: longName, message: longMessage, name: longName }, format, words, measure)).toEqual({
        mentor: longName,
        message: longMessage,
        name: longName,
      });
    }
  });

  it("draws at most five marks on a letter, and the visitor's words never over the mark, the greeting or the footer", async () => {
    // Shadda, fatha, damma, sukun: Noto Sans Arabic stacks them. A message of many lines fills
    // the box, so that the mentor's line is at its top, just under the greeting.
    const tower = `ب${"\u0651\u064E\u064F\u0652".repeat(25)}`;
    const card = (letter: string) =>
      thanksCardSvg(
        { mentor: letter, message: Array.from({ length: 30 }, () => letter).join("\n") },
        "teal",
        "landscape",
        words,
        colours,
        markSvg(design.palette.mark),
      );
    const { svg, layout } = card(tower);
    for (const line of texts(layout).filter((shape) => shape.clipped)) {
      expect(visible(line.text).replace("…", "")).toBe("ب\u0651\u064E\u064F\u0652\u0651");
    }
    // Outside the words' clip the card is the card of a plain "ب": the marks reach no further.
    const plain = card("ب").svg;
    const outsideClip = async (card: string) => {
      const { data, info } = await sharp(Buffer.from(card)).raw().toBuffer({ resolveWithObject: true });
      const row = info.width * info.channels;
      return Buffer.concat([
        data.subarray(0, layout.clip.y * row),
        data.subarray((layout.clip.y + layout.clip.height) * row),
      ]);
    };
    expect((await outsideClip(svg)).equals(await outsideClip(plain))).toBe(true);
    expect(svg).toContain('<clipPath id="words">');
  });

  it("has nothing to give without a mentor and a message that say something", () => {
    expect(hasWords({ mentor: "Ama", message: "Thank you." })).toBe(true);
    expect(hasWords({ mentor: "أحمد", message: "🙏" })).toBe(true);
    expect(hasWords({ mentor: "", message: "" })).toBe(false);
    expect(hasWords({ mentor: "Ama", message: "  \n " })).toBe(false);
    expect(hasWords({ mentor: "\u200B\u2068", message: "Thanks" })).toBe(false);
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
