import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import design from "../../_data/design.ts";
import { cardAlt, designForId } from "../assets/js/shared/thanks-card.js";
import type { Day, StoredThanks } from "../lib/content/schemas.ts";
import { cachedPngFile, imageCacheDir, linkOrCopy } from "../lib/graphics/image-files.ts";
import { markSvg } from "../lib/graphics/mark.ts";
import { cardFontsFolder, cardFontsStylesheet, publishedFontFiles } from "../lib/graphics/text/card-web-fonts.ts";
import { cardFontVersions } from "../lib/graphics/text/fonts.ts";
import {
  type CardWords,
  cardColoursOf,
  cardWordsFor,
  thanksCardPath,
  thanksCardSvg,
} from "../lib/graphics/thanks-cards.ts";
import { type PublicThanks, wallOfThanks } from "../lib/site/thanks.ts";
import { formatAnnualDate } from "../lib/words/dates.ts";
import type { SiteLocaleHolder } from "./locale.ts";

const require = createRequire(import.meta.url);

/**
 * /thank-your-mentor/: the wall of thanks (newest first), each thanks' card drawn by the build in
 * the design the browser draws, and the card fonts the page's script draws with.
 */
export default function thanks(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  let directories = { input: ".", output: "_site" };
  /** Changes with the code and fonts that draw a card: part of each card's cache key. */
  const drawer = createHash("sha256")
    .update(
      [
        "../assets/js/shared/thanks-card.js",
        "../assets/js/shared/line-breaks.js",
        "../lib/graphics/thanks-cards.ts",
        "../lib/graphics/text/fonts.ts",
        "../lib/graphics/text/shaping.ts",
        "../lib/graphics/mark.ts",
      ]
        .map((file) => readFileSync(new URL(file, import.meta.url)))
        .join("\0"),
    )
    .update(cardFontVersions())
    .digest("hex");
  const cards = new Map<string, { thanks: PublicThanks; words: CardWords }>();

  eleventyConfig.on("eleventy.before", (event) => {
    directories = event.directories;
    cards.clear();
  });

  eleventyConfig.addCollection("thanksWall", (api: CollectionApi) =>
    wallOfThanks(api.getAll<{ thanks?: StoredThanks[] }>()[0]?.data.thanks),
  );
  eleventyConfig.addFilter("thanksCardWords", (words: CardWords, day: Day) =>
    cardWordsFor(words, { name: day.name, date: formatAnnualDate(day.date, locale.language()) }),
  );
  eleventyConfig.addFilter("thanksCardColours", cardColoursOf);
  // A thanks' card: its address, size and alt text, for the wall and og:image; drawn once every page is written.
  eleventyConfig.addFilter("thanksCard", (item: PublicThanks, words: CardWords) => {
    const url = thanksCardPath(item.id);
    cards.set(url, { thanks: item, words });
    return { url, width: 1200, height: 630, alt: cardAlt(item, words) };
  });

  eleventyConfig.on("eleventy.after", async ({ outputMode }) => {
    if (outputMode !== "fs") return;
    const mark = markSvg(design.palette.mark);
    const cache = imageCacheDir(directories.input);
    await Promise.all([
      ...Array.from(cards, async ([url, { thanks: item, words }]) => {
        const text = { mentor: item.mentor, message: item.message, name: item.name };
        const cardDesign = designForId(item.id);
        try {
          const png = await cachedPngFile(
            JSON.stringify({ drawer, text, cardDesign, words, mark }),
            () => thanksCardSvg(text, cardDesign, "landscape", words, cardColoursOf(design), mark).svg,
            cache,
          );
          await linkOrCopy(png, join(directories.output, url));
        } catch (error) {
          throw new Error(`The card of thanks ${item.id}: ${(error as Error).message}`);
        }
      }),
      writeCardFonts(directories.input, directories.output),
    ]);
  });
}

/** The WOFF2 files the card fonts' stylesheet (src/assets/css/card-fonts.css) names, under /fonts/card/. */
async function writeCardFonts(input: string, output: string): Promise<void> {
  const css = readFileSync(join(input, cardFontsStylesheet), "utf8");
  await Promise.all(
    publishedFontFiles(css).map((font) =>
      linkOrCopy(
        join(dirname(require.resolve(`${font.package}/package.json`)), "files", font.file),
        join(output, cardFontsFolder, font.folder, font.file),
      ),
    ),
  );
}
