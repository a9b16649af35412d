import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import type { CardWordsByLanguage, Day, StoredThanks } from "../lib/content/schemas.ts";
import { imageCacheDir } from "../lib/graphics/image-files.ts";
import { writeCardWebFonts } from "../lib/graphics/text/card-web-font-files.ts";
import { thanksCardPicture, thanksCardsOfBuild } from "../lib/graphics/thanks-card-files.ts";
import { type CardWords, cardColoursOf } from "../lib/graphics/thanks-cards.ts";
import { thumbnailPixels } from "../lib/publishing/design-tokens.ts";
import { type PublicThanks, wallOfThanks } from "../lib/site/thanks.ts";
import { type CardLanguages, cardLanguagesFor, ownLanguageName, thanksCardWords } from "../lib/words/card-languages.ts";
import type { SiteDesignHolder } from "./design.ts";
import { buildPictures } from "./images.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/**
 * /thank-your-mentor/: the wall of thanks (newest first), each thanks' card drawn by the build in
 * the design the browser draws (pages show it as renditions its pictures transform writes in; the
 * PNG is for download and og:image), and the card fonts the page's script draws with.
 */
export default function thanks(
  eleventyConfig: EleventyConfig,
  { locale, design }: { locale: SiteLocaleHolder; design: SiteDesignHolder },
): void {
  const cards = thanksCardsOfBuild();
  const pictures = buildPictures(eleventyConfig, design);
  eleventyConfig.on("eleventy.before", () => cards.clear());

  eleventyConfig.addCollection("thanksWall", (api: CollectionApi) =>
    wallOfThanks(api.getAll<{ thanks?: StoredThanks[] }>()[0]?.data.thanks),
  );
  // The cards' words in the site's language and in those of _data/cardWords.ts, the day in each.
  eleventyConfig.addFilter("thanksCardLanguages", (words: CardWords, day: Day, others: CardWordsByLanguage = {}) =>
    cardLanguagesFor(words, locale.language(), day, others),
  );
  eleventyConfig.addFilter("ownLanguageName", ownLanguageName);
  eleventyConfig.addFilter("thanksCardColours", cardColoursOf);
  // A thanks' card, in its language's words: its address, size and alt text, for the wall and og:image; drawn once every page is written.
  eleventyConfig.addFilter("thanksCard", (item: PublicThanks, languages: CardLanguages) => {
    const card = cards.cardOf(item, thanksCardWords(item, languages));
    pictures.show(card.url, thanksCardPicture(card, thumbnailPixels(design.tokens().layout)));
    return card;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    await Promise.all([
      cards.write(cardColoursOf(design.tokens()), {
        cacheDir: imageCacheDir(directories.input),
        outputDir: directories.output,
        thumbnail: thumbnailPixels(design.tokens().layout),
      }),
      writeCardWebFonts(directories.input, directories.output),
    ]);
  });
}
