import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import {
  type CardContent,
  campaignGraphicSvg,
  cardAlt,
  cardPathFor,
  cardTitleFit,
  dayLine,
  graphicFormats,
  socialCardColours,
  socialCardSvg,
} from "../../src/lib/graphics/social-cards.ts";
import { atkinsonHyperlegible, MissingGlyphError } from "../../src/lib/graphics/text/fonts.ts";
import { formatBytes } from "../../src/lib/words/locale.ts";
import { projectRoot } from "../helpers/project.ts";
import { pictureDifference as difference, referenceImage, svgAsPng } from "../helpers/reference-images.ts";

const fonts = { bold: atkinsonHyperlegible(700), regular: atkinsonHyperlegible(400) };
const colours = socialCardColours(design);
const mark = markSvg(colours);
const reference = join(projectRoot, "tests/fixtures/reference-card.png");

/** A fixed card: the reference image is this card, drawn once and committed. */
const card: CardContent = {
  title: "SurgTime™: A leap forward in arthroscopy and telemedicine mentoring",
  people: ["Dr William Stetson"],
  siteName: "International Mentoring Day",
  dayName: "International Mentoring Day",
  date: "17 January each year",
};

// Below this, two renderings are the same card (anti-aliasing may differ a little between CPUs).
const SAME = 0.5;

describe("the social card", () => {
  it("matches the committed reference image, pixel for pixel within a small tolerance", async () => {
    const { svg } = socialCardSvg(card, fonts, colours, mark);
    // UPDATE_REFERENCE=1 npx vitest run tests/unit/graphics.test.ts draws the reference again, after a deliberate change.
    expect(await difference(svg, await referenceImage(reference, () => svgAsPng(svg)))).toBeLessThan(SAME);
  });

  it("would fail if the title were set in another font", async () => {
    const { svg } = socialCardSvg(card, { bold: fonts.regular, regular: fonts.regular }, colours, mark);
    expect(await difference(svg, readFileSync(reference))).toBeGreaterThan(SAME * 4);
  });

  it("would fail if the title ran on one line past the card's edge", async () => {
    const { svg, title } = socialCardSvg(card, fonts, colours, mark);
    expect(title.lines.length).toBeGreaterThan(1);
    // The same card as if the title had not been wrapped: all of it on the first line.
    const lineHeight = Math.round(title.size * 1.15);
    const baseline = (index: number) => 180 + Math.round(title.size * 0.8) + index * lineHeight;
    let overflowing = svg;
    title.lines.forEach((line, index) => {
      const words = index === 0 ? card.title : "";
      overflowing = overflowing.replace(
        fonts.bold.pathData(line, 72, baseline(index), title.size),
        fonts.bold.pathData(words, 72, baseline(index), title.size),
      );
    });
    expect(overflowing).not.toBe(svg);
    expect(await difference(overflowing, readFileSync(reference))).toBeGreaterThan(SAME * 4);
  });

  it("is 1200×630 with every line of the title inside the card, on at most three lines", () => {
    const long = { ...card, title: "A".repeat(40) + " mentoring ".repeat(10) };
    for (const content of [card, long]) {
      const { width, height, title } = socialCardSvg(content, fonts, colours, mark);
      expect([width, height]).toEqual([1200, 630]);
      expect(title.lines.length).toBeLessThanOrEqual(3);
      for (const line of title.lines)
        expect(fonts.bold.measure(line, title.size)).toBeLessThanOrEqual(cardTitleFit.maxWidth);
    }
    expect(socialCardSvg(long, fonts, colours, mark).title.truncated).toBe(true);
  });

  it("draws every word as outlines, never as <text> that would need the machine's fonts", () => {
    const { svg } = socialCardSvg(card, fonts, colours, mark);
    expect(svg).not.toMatch(/<text|font-family|NaN/);
  });

  it("names a character the shipped font lacks, rather than let another font stand in", () => {
    expect(() => socialCardSvg({ ...card, title: "导师 mentors" }, fonts, colours, mark)).toThrow(MissingGlyphError);
    expect(() => socialCardSvg({ ...card, title: "导师" }, fonts, colours, mark)).toThrow(/"导" \(U\+5BFC\)/);
    // Latin Extended comes from the font's second file.
    expect(() => socialCardSvg({ ...card, title: "Mentoring in Łódź and Győr" }, fonts, colours, mark)).not.toThrow();
  });

  it("says in words what it shows, for og:image:alt", () => {
    expect(cardAlt(card)).toBe(
      "SurgTime™: A leap forward in arthroscopy and telemedicine mentoring. Dr William Stetson. International Mentoring Day, 17 January each year.",
    );
    expect(cardAlt({ ...card, people: [], title: "About the day" })).toBe(
      "About the day. International Mentoring Day, 17 January each year.",
    );
    expect(dayLine({ siteName: "Kindness", dayName: "World Kindness Day", date: "13 November each year" })).toBe(
      "World Kindness Day: 13 November each year",
    );
    expect(cardAlt({ ...card, people: [], title: "Sobre el día", date: "17 de enero de cada año" })).toBe(
      "Sobre el día. International Mentoring Day, 17 de enero de cada año.",
    );
  });
});

describe("cardPathFor", () => {
  it("gives each page its own file under /cards/", () => {
    expect(cardPathFor("/")).toBe("/cards/home.png");
    expect(cardPathFor("/articles/")).toBe("/cards/articles.png");
    expect(cardPathFor("/articles/a-b/")).toBe("/cards/articles-a-b.png");
    expect(cardPathFor("/404.html")).toBe("/cards/404.png");
  });
});

describe("campaign graphics", () => {
  const content = {
    dayName: "International Mentoring Day",
    date: "17 January",
    tagline: "A day to celebrate mentors, mentees and the programmes that bring them together.",
    hashtags: ["InternationalMentoringDay", "MentorIRL"],
  };

  it("come in each platform's size", async () => {
    expect(graphicFormats).toEqual({
      square: { width: 1080, height: 1080 },
      story: { width: 1080, height: 1920 },
      landscape: { width: 1200, height: 630 },
      banner: { width: 1584, height: 396 },
    });
    for (const format of Object.keys(graphicFormats) as (keyof typeof graphicFormats)[]) {
      const { svg, width, height } = campaignGraphicSvg(format, content, fonts, colours, mark);
      const metadata = await sharp(Buffer.from(svg)).metadata();
      expect([metadata.width, metadata.height], format).toEqual([width, height]);
      expect(svg, format).not.toMatch(/<text|NaN/);
    }
  });
});

describe("formatBytes", () => {
  it("says sizes as people read them, in the site's language", () => {
    expect(formatBytes(850, "en-GB")).toBe("850 bytes");
    expect(formatBytes(48_400, "en-GB")).toBe("48 kB");
    expect(formatBytes(1_234_567, "en-GB")).toBe("1.2 MB");
    expect(formatBytes(1_234_567, "es-ES")).toBe("1,2 MB");
    expect(formatBytes(48_400, "fr-FR")).toBe("48\u202fko");
  });
});
