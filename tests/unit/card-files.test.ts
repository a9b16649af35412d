import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import en from "../../_data/locales/en.ts";
import { cardSizes } from "../../src/assets/js/shared/card-sizes.js";
import { cardFormats } from "../../src/assets/js/shared/thanks-card.js";
import { writeAppIcons } from "../../src/lib/graphics/app-icon-files.ts";
import { writeCampaignGraphics } from "../../src/lib/graphics/campaign-graphic-files.ts";
import { appIcons, markSvg } from "../../src/lib/graphics/mark.ts";
import { socialCardsOfBuild } from "../../src/lib/graphics/social-card-files.ts";
import { socialCardColours } from "../../src/lib/graphics/social-cards.ts";
import { writeCardWebFonts } from "../../src/lib/graphics/text/card-web-font-files.ts";
import { publishedFontFiles } from "../../src/lib/graphics/text/card-web-fonts.ts";
import { thanksCardPicture, thanksCardsOfBuild } from "../../src/lib/graphics/thanks-card-files.ts";
import { cardColoursOf, cardWordsFor } from "../../src/lib/graphics/thanks-cards.ts";
import { themeColours } from "../../src/lib/publishing/web-manifest.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

const require = createRequire(import.meta.url);
const content = {
  title: "Mentoring in the lab",
  people: ["Dr Ada Lovelace"],
  siteName: "International Mentoring Day",
  dayName: "International Mentoring Day",
  date: "17 January each year",
};
const words = cardWordsFor(en.thanks.card, { name: "International Mentoring Day", date: "17 January" });
const thanks = { id: "t1", mentor: "Ms Rivera", message: "Thank you for everything.", name: "Sam" };
const files = async (dir: string) => (await readdir(dir)).sort();
/** The colour of a picture's pixel, as #rrggbb. */
async function pixel(png: Buffer | string, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return `#${[0, 1, 2].map((channel) => (data[at + channel] ?? 0).toString(16).padStart(2, "0")).join("")}`;
}

describe("the landscape card", () => {
  it("is one size, written once, for the social cards, the toolkit's graphic and the thank-you cards", () => {
    const cards = socialCardsOfBuild();
    expect(cards.cardOf("/about/", content)).toMatchObject(cardSizes.landscape);
    expect(thanksCardsOfBuild().cardOf(thanks, words)).toMatchObject(cardSizes.landscape);
    expect(cardFormats.landscape).toBe(cardSizes.landscape);
    expect(cardSizes.landscape).toEqual({ width: 1200, height: 630 });
  });
});

describe("socialCardsOfBuild", () => {
  let cache: string;
  let output: string;
  beforeAll(async () => {
    cache = await temporaryDir("imd-card-cache-");
    output = await temporaryDir("imd-card-out-");
  });

  it("names each page's card, its size and its words, and refuses two pages one card", () => {
    const cards = socialCardsOfBuild();
    expect(cards.cardOf("/articles/a-b/", content)).toEqual({
      url: "/cards/articles-a-b.png",
      width: 1200,
      height: 630,
      alt: "Mentoring in the lab. Dr Ada Lovelace. International Mentoring Day, 17 January each year.",
    });
    expect(cards.cardOf("/articles/a-b/", content).url).toBe("/cards/articles-a-b.png");
    expect(() => cards.cardOf("/articles/a.b/", content)).toThrow(
      "Social cards: /articles/a.b/ and /articles/a-b/ would both have the card /cards/articles-a-b.png",
    );
    expect(cards.count).toBe(1);
    cards.clear();
    expect(cards.count).toBe(0);
  });

  it("draws each card once into the site, and again only when what it is drawn in changes", async () => {
    const cards = socialCardsOfBuild();
    cards.cardOf("/", content);
    await cards.write(socialCardColours(design), { cacheDir: cache, outputDir: output });
    const card = join(output, "cards/home.png");
    expect(await sharp(card).metadata()).toMatchObject({ format: "png", width: 1200, height: 630 });
    expect(await pixel(card, 5, 5)).toBe(design.palette.mark.cream);
    const cached = await files(cache);
    expect(cached).toHaveLength(1);

    await cards.write(socialCardColours(design), { cacheDir: cache, outputDir: output });
    expect(await files(cache)).toEqual(cached);

    const tokens = structuredClone(design);
    tokens.palette.mark.cream = "#fafafa";
    await cards.write(socialCardColours(tokens), { cacheDir: cache, outputDir: output });
    expect(await files(cache)).toHaveLength(2);
    expect(await pixel(card, 5, 5)).toBe("#fafafa");
  });
});

describe("thanksCardsOfBuild", () => {
  const thumbnail = { width: 128, height: 96 };

  it("names a thanks' card for the wall and its page, and draws it in its design", async () => {
    const cards = thanksCardsOfBuild();
    const card = cards.cardOf(thanks, words);
    expect(card).toMatchObject({ url: "/cards/thanks/t1.png", width: 1200, height: 630 });
    expect(card.alt).toContain("Ms Rivera");
    const output = await temporaryDir("imd-thanks-card-out-");
    await cards.write(cardColoursOf(design), {
      cacheDir: await temporaryDir("imd-thanks-card-cache-"),
      outputDir: output,
      thumbnail,
    });
    expect(await sharp(join(output, "cards/thanks/t1.png")).metadata()).toMatchObject({ width: 1200, height: 630 });
    // And the renditions pages show of it, beside it.
    // A thumbnail of 128 × 96 is covered by a card 183 pixels wide (96 × 1200 / 630 = 182.9).
    expect(thanksCardPicture(card, thumbnail).variants.map((variant) => [variant.format, variant.url])).toEqual([
      ["png", "/cards/thanks/t1.png"],
      ["webp", "/cards/thanks/t1-183.webp"],
      ["webp", "/cards/thanks/t1-400.webp"],
      ["webp", "/cards/thanks/t1-800.webp"],
    ]);
    for (const width of [183, 400, 800]) {
      expect(await sharp(join(output, `cards/thanks/t1-${width}.webp`)).metadata()).toMatchObject({
        format: "webp",
        width,
        height: Math.round((width * 630) / 1200),
      });
    }
  });

  it("says which thanks could not be drawn", async () => {
    const cards = thanksCardsOfBuild();
    cards.cardOf({ ...thanks, id: "t2", message: "Thanks \u{10FFFD}" }, words);
    await expect(
      cards.write(cardColoursOf(design), {
        cacheDir: await temporaryDir("imd-thanks-card-cache-"),
        outputDir: await temporaryDir("imd-thanks-card-out-"),
        thumbnail,
      }),
    ).rejects.toThrow(/^The card of thanks t2: /);
  });
});

describe("writeCampaignGraphics", () => {
  it("draws each graphic of the toolkit at its platform's size and says how large each file is", async () => {
    const output = await temporaryDir("imd-graphics-out-");
    const graphics = await writeCampaignGraphics(
      [
        { format: "square" as const, label: "Square" },
        { format: "banner" as const, label: "Banner" },
      ],
      {
        dayName: "International Mentoring Day",
        date: "17 January",
        tagline: "Thank a mentor.",
        hashtags: ["Mentoring"],
      },
      socialCardColours(design),
      { cacheDir: await temporaryDir("imd-graphics-cache-"), outputDir: output },
    );
    expect(graphics.map(({ label, url, width, height }) => ({ label, url, width, height }))).toEqual([
      { label: "Square", url: "/toolkit/international-mentoring-day-square-1080x1080.png", ...cardSizes.square },
      { label: "Banner", url: "/toolkit/international-mentoring-day-banner-1584x396.png", ...cardSizes.banner },
    ]);
    for (const graphic of graphics) {
      const png = await readFile(join(output, graphic.url));
      expect(graphic.bytes).toBe(png.length);
      expect(await sharp(png).metadata()).toMatchObject({ width: graphic.width, height: graphic.height });
      expect(graphic.alt).toBe("International Mentoring Day, 17 January. Thank a mentor. #Mentoring");
    }
  });
});

describe("writeAppIcons", () => {
  it("draws the mark at each icon's size, the touch icon filled with the theme colour", async () => {
    const output = await temporaryDir("imd-icons-out-");
    await writeAppIcons(markSvg(design.palette.mark), themeColours(design).theme, output);
    expect(await files(output)).toEqual(appIcons.map((icon) => icon.file).sort());
    for (const icon of appIcons) {
      const { data, info } = await sharp(join(output, icon.file))
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([icon.size, icon.size]);
      // The mark's tile has round corners: transparent there, unless the icon must be opaque.
      expect(data[3], icon.file).toBe(icon.opaque ? 255 : 0);
    }
    expect(await pixel(join(output, "apple-touch-icon.png"), 0, 0)).toBe(design.palette.mark.teal);
  });
});

describe("writeCardWebFonts", () => {
  it("publishes exactly the font files the card fonts' stylesheet names, as the packages have them", async () => {
    const output = await temporaryDir("imd-card-fonts-out-");
    const written = await writeCardWebFonts(projectRoot, output);
    const named = publishedFontFiles(await readFile(join(projectRoot, "src/assets/css/card-fonts.css"), "utf8"));
    expect(written.sort()).toEqual(named.map((font) => join(output, "fonts/card", font.folder, font.file)).sort());
    expect(named.length).toBeGreaterThan(10);
    const [first] = named;
    if (!first) throw new Error("no font named");
    const source = join(dirname(require.resolve(`${first.package}/package.json`)), "files", first.file);
    expect(await readFile(join(output, "fonts/card", first.folder, first.file))).toEqual(await readFile(source));
  });
});
