import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import en from "../../_data/locales/en.ts";
import { graphemeClusters } from "../../src/assets/js/shared/line-breaks.js";
import { type Direction, paragraphDirection } from "../../src/assets/js/shared/text-direction.js";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import { type CardContent, socialCardColours, socialCardSvg } from "../../src/lib/graphics/social-cards.ts";
import { cardTypeFace } from "../../src/lib/graphics/text/fonts.ts";
import type { ShapedLine } from "../../src/lib/graphics/text/shaping.ts";
import { type CardText, cardColoursOf, cardParagraph, thanksCardSvg } from "../../src/lib/graphics/thanks-cards.ts";
import { cardLanguagesFor, thanksCardWords } from "../../src/lib/words/card-languages.ts";
import cardWords from "../fixtures/card-words.ts";
import { launchChromium } from "../helpers/chromium.ts";

// The cards order mixed-direction text as Chromium does. For a corpus of titles and thanks, each
// line a card draws is compared with the same line in Chromium, in the direction the card gives
// it (a `<p dir>` of one line: what the card maker's canvas draws too, one line at a time, in its
// own direction): the order, left to right, in which the characters are placed.

/** Titles as contributors may write them: numbers, ranges and percentages after Arabic and Hebrew, brackets, explicit controls. */
const titles = [
  "عام 2027-2028",
  "الإرشاد 3.5%",
  "Mentoring in עברית, 2027",
  "شبكة الإرشاد (Mentoring Network) 2027",
  "CEO של החברה: 10 שנים",
  "رقم ٣٤٥ و 678",
  "فارسی ۱۲۳ English",
  "Page \u202Eevil\u202C title",
  "Hello \u2067عربي 12\u2069 world",
  "\u202Babc def\u202C شكرا",
  "Dr. Smith قال: «شكراً»",
  "עמוד 3/4 - 50% הנחה",
  "الإرشاد عبر Zoom: قصص 2027",
  "ID: 12-ب",
  "مرشد (أستاذ) [2027]",
  "\u200Fnumbers 123 first",
  "a (ب) c",
  "2027: عام الإرشاد",
  "שָׁלוֹם עולם 2027",
];

/** Thanks as visitors may write them, long enough for a message to take several lines. */
const thanks: CardText[] = [
  {
    mentor: "ليلى الحسيني",
    message: "شكرًا على 15 عامًا من الإرشاد (2012-2027)! You changed my life.",
    name: "Sam 2",
  },
  { mentor: "Dr Cohen", message: "תודה על השנים 2020-2024 ועל 100% תמיכה", name: "דנה" },
  {
    mentor: "أ. أحمد",
    message:
      "أشكرك على كل سؤال طرحته عليّ بدلاً من الإجابة. From Cairo to London, 3 years, 12 countries: شكراً جزيلاً لك يا معلمي العزيز، 2027-2028.",
    name: "Layla",
  },
  {
    mentor: "Ms Smith",
    message: "Thank you for teaching me עברית and العربية in 2027, 3.5 hours a week!",
    name: "Ama",
  },
];

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Lines</title><body></body></html>',
  );
});
afterAll(async () => {
  await browser?.close();
});

/** Characters nothing is drawn for: the bidi controls and marks, joiners. */
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}+$/u;

/** The indices of a line's visible clusters in the order the card places their glyphs, left to right. */
function cardOrder(line: string, shaped: ShapedLine): number[] {
  const clusters = graphemeClusters(line);
  const clusterAt = new Map<number, number>();
  clusters.reduce((offset, cluster, index) => {
    for (let unit = 0; unit < cluster.length; unit++) clusterAt.set(offset + unit, index);
    return offset + cluster.length;
  }, 0);
  const order: number[] = [];
  for (const glyph of shaped.glyphs) {
    const index = clusterAt.get(glyph.cluster) as number;
    if (!order.includes(index) && !INVISIBLE.test(clusters[index] as string)) order.push(index);
  }
  return order;
}

/** The indices of a line's visible clusters in the order Chromium places them, set as a paragraph of `direction`. */
function chromiumOrder(line: string, direction: Direction): Promise<number[]> {
  const clusters = graphemeClusters(line);
  return page.evaluate(
    ({ line, clusters, direction }) => {
      const paragraph = document.createElement("p");
      paragraph.dir = direction;
      paragraph.style.whiteSpace = "pre";
      paragraph.style.font = "40px sans-serif";
      paragraph.textContent = line;
      document.body.replaceChildren(paragraph);
      const text = paragraph.firstChild as Text;
      let offset = 0;
      const placed = clusters.map((cluster, index) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + cluster.length);
        offset += cluster.length;
        const box = range.getBoundingClientRect();
        return { index, left: box.left, width: box.width };
      });
      return placed
        .filter((cluster) => cluster.width > 0)
        .sort((a, b) => a.left - b.left)
        .map((cluster) => cluster.index);
    },
    { line, clusters, direction },
  );
}

/** Chromium's order of the clusters the card drew (a ligature draws two clusters as one glyph, lam-alef in Arabic). */
async function compare(line: string, direction: Direction, shaped: ShapedLine) {
  const card = cardOrder(line, shaped);
  const chromium = (await chromiumOrder(line, direction)).filter((index) => card.includes(index));
  const clusters = graphemeClusters(line);
  const show = (order: number[]) => order.map((index) => clusters[index]).join("");
  return { card: show(card), chromium: show(chromium) };
}

describe("the social cards' titles", () => {
  const fonts = { bold: cardTypeFace(700), regular: cardTypeFace(400) };
  const colours = socialCardColours(design);
  const content = (title: string): CardContent => ({
    title,
    people: [],
    siteName: "International Mentoring Day",
    dayName: "International Mentoring Day",
    date: "17 January each year",
  });

  it("are set in the direction Chromium gives the same text with dir=auto", async () => {
    const directions = await page.evaluate(
      (texts) =>
        texts.map((text) => {
          const paragraph = document.createElement("p");
          paragraph.dir = "auto";
          paragraph.textContent = text;
          document.body.replaceChildren(paragraph);
          return paragraph.matches(":dir(rtl)") ? "rtl" : "ltr";
        }),
      [...titles, ...thanks.flatMap((item) => [item.mentor, item.message])],
    );
    expect([...titles, ...thanks.flatMap((item) => [item.mentor, item.message])].map(paragraphDirection)).toEqual(
      directions,
    );
  });

  it.each(titles)("%s: each line's characters are placed in Chromium's order", async (title) => {
    const card = socialCardSvg(content(title), fonts, colours, markSvg(design.palette.mark));
    const paragraph = fonts.bold.paragraph(title);
    for (const line of card.title.lines) {
      const { card: drawn, chromium } = await compare(line, paragraph.direction, paragraph.shaped(line));
      expect(drawn, line).toBe(chromium);
    }
  });
});

describe("the thank-you cards", () => {
  // Each card in its language's words (an Arabic message's "From …" is Arabic, its name isolated in it).
  const languages = cardLanguagesFor(
    en.thanks.card,
    "en-GB",
    { name: "International Mentoring Day", date: { month: 1, day: 17 } },
    cardWords,
  );

  it.each(thanks.map((item) => [item.mentor, item]))(
    "to %s: each line is placed in Chromium's order",
    async (_, item) => {
      const { layout } = thanksCardSvg(
        item,
        "teal",
        "landscape",
        thanksCardWords(item, languages),
        cardColoursOf(design),
        markSvg(design.palette.mark),
      );
      const lines = layout.shapes.filter((shape) => shape.kind === "text");
      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) {
        const paragraph = cardParagraph(line);
        expect(paragraph.direction).toBe(line.direction);
        const { card: drawn, chromium } = await compare(line.text, line.direction, paragraph.shaped(line.text));
        expect(drawn, line.text).toBe(chromium);
      }
    },
  );
});

describe("paragraphDirection", () => {
  it("finds the strong characters Chromium finds, in every block of the card fonts' scripts", async () => {
    // Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, punctuation, symbols, kana, CJK, Hangul, presentation forms.
    const blocks = [
      [0x20, 0x52f],
      [0x590, 0x6ff],
      [0x750, 0x77f],
      [0x8a0, 0x8ff],
      [0x900, 0x97f],
      [0x1e00, 0x1fff],
      [0x2000, 0x2bff],
      [0x3000, 0x30ff],
      [0x4e00, 0x4fff],
      [0xac00, 0xacff],
      [0xfb1d, 0xfdff],
      [0xfe70, 0xfeff],
      [0xff00, 0xffef],
    ];
    const characters = blocks.flatMap(([start = 0, end = 0]) =>
      Array.from({ length: end - start + 1 }, (_, index) => String.fromCodePoint(start + index)).filter(
        (character) => !/[\p{Cn}\p{Cc}\p{Cs}]/u.test(character),
      ),
    );
    // A character is strong left to right when it makes "x א" run left to right, right to left when it makes "x a" run right to left.
    const strength = (direction: (text: string) => Direction) =>
      characters.map((character) =>
        direction(`${character}\u05D0`) === "ltr" ? "L" : direction(`${character}a`) === "rtl" ? "R" : "-",
      );
    const chromium = await page.evaluate((characters) => {
      const paragraph = document.createElement("p");
      paragraph.dir = "auto";
      document.body.replaceChildren(paragraph);
      const direction = (text: string) => {
        paragraph.textContent = text;
        return paragraph.matches(":dir(rtl)") ? "rtl" : "ltr";
      };
      return characters.map((character) =>
        direction(`${character}\u05D0`) === "ltr" ? "L" : direction(`${character}a`) === "rtl" ? "R" : "-",
      );
    }, characters);
    const ours = strength(paragraphDirection);
    const differences = characters
      .map((character, index) => ({ character, ours: ours[index], chromium: chromium[index] }))
      .filter((entry) => entry.ours !== entry.chromium)
      .map(
        (entry) =>
          `U+${(entry.character.codePointAt(0) ?? 0).toString(16).toUpperCase()} ${entry.ours}≠${entry.chromium}`,
      );
    expect(differences).toEqual([]);
  });
});
