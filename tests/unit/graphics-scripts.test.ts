import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import {
  type CardContent,
  campaignGraphicSvg,
  cardTitleFit,
  socialCardColours,
  socialCardSvg,
} from "../../src/lib/graphics/social-cards.ts";
import {
  cardFonts,
  cardTextProblem,
  cardTypeFace,
  MissingGlyphError,
  typeFaceFromFonts,
} from "../../src/lib/graphics/text/fonts.ts";
import { paragraphSetting, type ShapedLine, shapeLine } from "../../src/lib/graphics/text/shaping.ts";
import { copyProject, fixtureArticle, projectRoot } from "../helpers/project.ts";
import { pictureDifference as difference, referenceImage, svgAsPng } from "../helpers/reference-images.ts";

const fonts = { bold: cardTypeFace(700), regular: cardTypeFace(400) };
const colours = socialCardColours(design);
const mark = markSvg(colours);
const references = join(projectRoot, "tests/fixtures/cards");

/** A title and a person's name in each script the cards draw: each card is drawn once and committed. */
const scripts = {
  vietnamese: ["Người hướng dẫn: hành trình cùng thế hệ bác sĩ trẻ Việt Nam", "Nguyễn Thị Minh Khai"],
  greek: ["Η καθοδήγηση αλλάζει ζωές: ιστορίες από τα σχολεία της Αθήνας", "Δρ Ελένη Παπαδοπούλου"],
  cyrillic: ["Наставничество в медицине: опыт больниц Новосибирска", "Ольга Смирнова"],
  arabic: ["الإرشاد عبر Zoom: قصص من مدارس القاهرة في عام 2025", "د. ليلى حسن"],
  hebrew: ["חונכות משנה חיים: סיפורים מבתי הספר בתל אביב", "ד״ר נועה כהן"],
  devanagari: ["शिक्षा में मार्गदर्शन: दिल्ली के स्कूलों की कहानियाँ", "डॉ. प्रिया शर्मा"],
  chinese: ["导师如何改变年轻医生的职业生涯：来自上海医院的经验分享与思考", "王小明"],
  japanese: ["メンターが若い医師のキャリアを変える：東京の病院から学んだこと", "山田花子"],
  korean: ["멘토링이 젊은 의사의 경력을 바꾸는 방법: 서울 병원의 이야기", "김민지"],
} as const;

const cardOf = (title: string, person: string): CardContent => ({
  title,
  people: [person],
  siteName: "International Mentoring Day",
  dayName: "International Mentoring Day",
  date: "17 January each year",
});

// Below this, two renderings are the same card (anti-aliasing may differ a little between CPUs);
// the cards below that are wrong in one detail (a word unjoined) are several times further off.
const SAME = 0.05;

/** The committed reference image of a script's card (UPDATE_REFERENCE=1 draws it again from `svg`). */
const reference = (name: string, svg: string) => referenceImage(join(references, `${name}.png`), () => svgAsPng(svg));

/** A line shaped as the card's bold title would be. */
const shaped = (text: string): ShapedLine =>
  shapeLine(text, paragraphSetting(text, cardFonts(700, text)), fonts.bold.name);

/** The left edge of the first glyph that draws the character at `index` of `text`. */
const xOf = (line: ShapedLine, index: number) => {
  const glyph = line.glyphs.find((candidate) => candidate.cluster === index);
  if (!glyph) throw new Error(`no glyph for the character at ${index}`);
  return glyph.x;
};

/** The leftmost and rightmost x of an SVG path's points. */
function horizontalExtent(d: string): [number, number] {
  const xs = Array.from(d.matchAll(/[MLQC]([^MLQCZ]+)/g)).flatMap((match) =>
    (match[1] as string)
      .trim()
      .split(/\s+/)
      .filter((_, index) => index % 2 === 0)
      .map(Number),
  );
  return [Math.min(...xs), Math.max(...xs)];
}

describe("social cards in every script", () => {
  it.each(Object.entries(scripts))("%s: matches its committed reference image", async (script, [title, person]) => {
    const { svg, title: fitted } = socialCardSvg(cardOf(title, person), fonts, colours, mark);
    expect(svg).not.toMatch(/<text|font-family|NaN/);
    expect(await difference(svg, await reference(script, svg))).toBeLessThan(SAME);
    // No line is wider than the title's box, and none is empty.
    const paragraph = fonts.bold.paragraph(title);
    for (const line of fitted.lines) {
      expect(line.trim()).not.toBe("");
      expect(paragraph.measure(line, fitted.size)).toBeLessThanOrEqual(cardTitleFit.maxWidth);
    }
    expect(fitted.truncated).toBe(false);
  });

  it("would fail if Arabic letters were not joined", async () => {
    const [title, person] = scripts.arabic;
    // A zero-width non-joiner between letters draws each one in its isolated form.
    const unjoined = title.replace(/(?<=[\u0621-\u064A])(?=[\u0621-\u064A])/gu, "\u200C");
    const { svg } = socialCardSvg(cardOf(unjoined, person), fonts, colours, mark);
    expect(await difference(svg, readFileSync(join(references, "arabic.png")))).toBeGreaterThan(SAME * 4);
  });

  it("would fail if Devanagari conjuncts were drawn as separate letters", async () => {
    const [title, person] = scripts.devanagari;
    const separate = title.replaceAll("\u094D", "\u094D\u200C");
    const { svg } = socialCardSvg(cardOf(separate, person), fonts, colours, mark);
    expect(await difference(svg, readFileSync(join(references, "devanagari.png")))).toBeGreaterThan(SAME * 4);
  });

  it("would fail if Japanese were drawn from the Chinese font, whose ideographs differ", async () => {
    const [title, person] = scripts.japanese;
    const chineseFirst = (weight: 400 | 700) => typeFaceFromFonts("Chinese first", () => cardFonts(weight, "中文"));
    const { svg } = socialCardSvg(
      cardOf(title, person),
      { bold: chineseFirst(700), regular: chineseFirst(400) },
      colours,
      mark,
    );
    expect(await difference(svg, readFileSync(join(references, "japanese.png")))).toBeGreaterThan(SAME * 4);
  });
});

describe("shaping", () => {
  it("draws Arabic right to left: the first letter's glyph is right of the last one's", () => {
    const word = "مرحبا";
    const line = shaped(word);
    expect(xOf(line, 0)).toBeGreaterThan(xOf(line, word.length - 1));
  });

  it("keeps a Latin word and a number left to right inside an Arabic line, and the runs in right-to-left order", () => {
    const text = "الإرشاد عبر Zoom في عام 2025";
    const line = shaped(text);
    const z = text.indexOf("Zoom");
    expect(xOf(line, z)).toBeLessThan(xOf(line, z + 3));
    const year = text.indexOf("2025");
    expect(xOf(line, year)).toBeLessThan(xOf(line, year + 3));
    // The words in reading order, from the right: الإرشاد, then Zoom, then 2025 at the left end.
    expect(xOf(line, 0)).toBeGreaterThan(xOf(line, z));
    expect(xOf(line, z)).toBeGreaterThan(xOf(line, year));
  });

  it("sets a right-to-left title against the right edge of its box, a left-to-right one against the left", () => {
    const box = { left: 72, right: 72 + cardTitleFit.maxWidth };
    for (const [title, rtl] of [
      [scripts.arabic[0], true],
      [scripts.hebrew[0], true],
      [scripts.greek[0], false],
    ] as const) {
      const { svg } = socialCardSvg(cardOf(title, "A"), fonts, colours, mark);
      // The card's paths: the mark's, the site's name, the title's lines, the person, the day line.
      const lines = Array.from(svg.matchAll(/<path d="([^"]+)" fill="#[0-9a-fA-F]+"\/>/g), (match) =>
        horizontalExtent(match[1] as string),
      ).filter(([left]) => left >= 60);
      const [titleLine] = lines.slice(1);
      expect(titleLine).toBeDefined();
      const [left, right] = titleLine as [number, number];
      if (rtl) {
        expect(right).toBeGreaterThan(box.right - 12);
        expect(right).toBeLessThanOrEqual(box.right + 2);
      } else {
        expect(left).toBeLessThan(box.left + 12);
      }
    }
  });

  it("draws a Devanagari conjunct as one glyph, a font's own, not its letters side by side", () => {
    const conjunct = shaped("क्ष");
    expect(conjunct.glyphs).toHaveLength(1);
    const letters = ["क", "्", "ष"].map((letter) => shaped(letter).glyphs[0]?.glyph);
    expect(letters).not.toContain(conjunct.glyphs[0]?.glyph);
    // The reph of र्ग is drawn over the ग: fewer glyphs than characters; the vowel sign ि is drawn before its consonant.
    expect(shaped("मार्ग").glyphs.length).toBeLessThan("मार्ग".length);
    const ki = shaped("कि").glyphs.map((glyph) => glyph.glyph);
    const ka = shaped("क").glyphs[0]?.glyph;
    expect(ki).toHaveLength(2);
    expect(ki[1]).toBe(ka);
    expect(ki[0]).not.toBe(ka);
  });

  it("sets a whole paragraph in the first font that has all its letters, and only a missing symbol in another", () => {
    const setting = (text: string) => paragraphSetting(text, cardFonts(700, text)).preferred?.name;
    expect(setting("SurgTime™: A leap forward")).toBe("Atkinson Hyperlegible Bold");
    expect(setting(scripts.vietnamese[0])).toBe("Noto Sans Bold");
    expect(setting("Mentoring in Αθήνα")).toBe("Noto Sans Bold");
    expect(setting(scripts.arabic[0])).toBe("Noto Sans Arabic Bold");
    expect(setting(scripts.japanese[0])).toBe("Noto Sans JP Bold");
    expect(setting(scripts.chinese[0])).toBe("Noto Sans SC Bold");
    expect(setting(scripts.korean[0])).toBe("Noto Sans KR Bold");
    const line = shaped("Mentoring ☃ in winter");
    const fontOf = (index: number) => line.glyphs.find((glyph) => glyph.cluster === index)?.font;
    expect(fontOf(0)).toBe(fontOf(12));
    expect(fontOf(10)).not.toBe(fontOf(0));
  });

  it("draws Han characters in the forms of the article's language when it says it: 学校 is Japanese in a lang: ja article", () => {
    const setting = (text: string, eastAsian?: "ja" | "ko" | "zh") =>
      paragraphSetting(text, cardFonts(700, text, eastAsian)).preferred?.name;
    expect(setting("東京の学校")).toBe("Noto Sans JP Bold");
    expect(setting("東京学校")).toBe("Noto Sans SC Bold");
    expect(setting("東京学校", "ja")).toBe("Noto Sans JP Bold");
    expect(setting("韓國大學", "ko")).toBe("Noto Sans KR Bold");
  });

  it("breaks Chinese and Japanese titles between characters, with no space added, and never before a full stop", () => {
    for (const title of [scripts.chinese[0], scripts.japanese[0]]) {
      const { title: fitted } = socialCardSvg(cardOf(title, "A"), fonts, colours, mark);
      expect(fitted.lines.length).toBeGreaterThan(1);
      expect(fitted.lines.join("")).toBe(title);
      for (const line of fitted.lines) expect(line).not.toMatch(/^[：。、ャュョッー]/u);
    }
  });

  it("draws the toolkit's graphics in another script too", () => {
    const content = {
      dayName: "اليوم الدولي للإرشاد",
      date: "17 يناير",
      tagline: "يوم للاحتفاء بالمرشدين والمتدربين",
      hashtags: ["InternationalMentoringDay"],
    };
    const { svg } = campaignGraphicSvg("square", content, fonts, colours, mark);
    expect(svg).not.toMatch(/<text|NaN/);
  });
});

describe("a character no shipped font has", () => {
  const missing = [
    ["Mentoring 😀 together", "😀", "U+1F600"],
    ["ትምህርት Mentoring", "ት", "U+1275"],
    ["ⵜⴰⵎⴰⵣⵉⵖⵜ", "ⵜ", "U+2D5C"],
    ["Private \uE000 use", "\uE000", "U+E000"],
  ] as const;

  it.each(missing)("%s: is named with its code point, and no card is drawn", (title, character, code) => {
    expect(cardTextProblem(title, 700)).toBe(
      `expected characters the social card's typefaces (${fonts.bold.name}) can draw, got "${character}" (${code})`,
    );
    expect(() => socialCardSvg(cardOf(title, "A"), fonts, colours, mark)).toThrow(MissingGlyphError);
  });

  it("is an error of the content check, naming the file and the field, before anything is built", async () => {
    const article = fixtureArticle("surgtime-telemedicine-mentoring.md");
    const dir = await copyProject({
      "articles/ethiopic.md": article.replace(/^title: .*$/m, 'title: "ትምህርት: mentoring in Addis Ababa"'),
      "articles/emoji-name.md": article.replace(/^ {2}- name: William Stetson$/m, "  - name: William 😀 Stetson"),
      "articles/every-script.md": article.replace(
        /^title: .*$/m,
        `title: "${Object.values(scripts)
          .map(([title]) => title.slice(0, 12))
          .join(" ")}"`,
      ),
    });
    // npm run check:content, as a contributor runs it (the build runs the same check first).
    const run = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: dir }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("articles/"))).toEqual([
      `articles/emoji-name.md: people[0]: expected characters the social card's typefaces (${fonts.regular.name}) can draw, got "😀" (U+1F600)`,
      `articles/ethiopic.md: title: expected characters the social card's typefaces (${fonts.bold.name}) can draw, got "ት" (U+1275)`,
    ]);
  });
});
