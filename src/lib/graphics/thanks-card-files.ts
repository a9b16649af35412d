import { join } from "node:path";
import { designForId } from "../../assets/js/shared/thanks-card.js";
import { cacheKeyFor } from "../build/cache-key-files.ts";
import { cachedPngFile, linkOrCopy } from "./image-files.ts";
import { markSvg } from "./mark.ts";
import type { SharedCard } from "./social-cards.ts";
import { cardFontVersions } from "./text/fonts.ts";
import {
  type CardColours,
  type CardDesign,
  type CardText,
  type CardWords,
  thanksCardSvg,
  thanksSharedCard,
} from "./thanks-cards.ts";

// The wall's thank-you cards as PNG files (writes the image cache and the site's folder): the wall
// and each thanks' page ask for a card as they render, and the cards are drawn once every page is
// written, each from the cache when one of the same words, design, colours, fonts and code was
// drawn before.

/** The code a card is drawn by: this module and every module it imports, found by following the imports. */
const drawnBy = cacheKeyFor([import.meta.url]);

/** The cache key of one card: the code, what it says, its design and colours (the mark's among them), the fonts' versions. */
export function thanksCardKey(
  card: { text: CardText; design: CardDesign; words: CardWords },
  colours: CardColours,
  fontVersions = cardFontVersions(),
): string {
  return drawnBy({ ...card, colours, fontVersions });
}

/** The thank-you cards one build's pages asked for, and their drawing. */
export function thanksCardsOfBuild() {
  const cards = new Map<string, { id: string; text: CardText; words: CardWords }>();
  return {
    /** A new build: no page has asked yet. */
    clear(): void {
      cards.clear();
    },
    /** The card of a thanks, in `words` (the card's words with the day's name and date in them). */
    cardOf(item: CardText & { id: string }, words: CardWords): SharedCard {
      const card = thanksSharedCard(item, words);
      cards.set(card.url, {
        id: item.id,
        text: { mentor: item.mentor, message: item.message, name: item.name },
        words,
      });
      return card;
    },
    /** Draws every card asked for (or takes it from the cache) into `outputDir`. */
    async write(colours: CardColours, { cacheDir, outputDir }: { cacheDir: string; outputDir: string }): Promise<void> {
      const mark = markSvg(colours);
      const fontVersions = cardFontVersions();
      await Promise.all(
        Array.from(cards, async ([url, { id, text, words }]) => {
          const design = designForId(id);
          try {
            const png = await cachedPngFile(
              thanksCardKey({ text, design, words }, colours, fontVersions),
              () => thanksCardSvg(text, design, "landscape", words, colours, mark).svg,
              cacheDir,
            );
            await linkOrCopy(png, join(outputDir, url));
          } catch (error) {
            throw new Error(`The card of thanks ${id}: ${(error as Error).message}`);
          }
        }),
      );
    },
  };
}
