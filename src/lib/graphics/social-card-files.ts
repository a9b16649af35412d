import { join } from "node:path";
import { cardSizes } from "../../assets/js/shared/card-sizes.js";
import { cacheKeyFor } from "../build/cache-key-files.ts";
import { cachedPngFile, linkOrCopy } from "./image-files.ts";
import { markSvg } from "./mark.ts";
import {
  type CardContent,
  cardAlt,
  cardPathFor,
  type SharedCard,
  type SocialCardColours,
  socialCardSvg,
} from "./social-cards.ts";
import { cardFontVersions, cardTypeFaces } from "./text/fonts.ts";

// Every page's social card as a PNG file (writes the image cache and the site's folder): each
// page asks for its card as it renders, and the cards are drawn once every page is written,
// each from the cache when one of the same content, colours, fonts and code was drawn before.

/** The code a card is drawn by: this module and every module it imports, found by following the imports. */
const drawnBy = cacheKeyFor([import.meta.url]);

/** The cache key of one card: the code, the card's words, its colours (the mark's among them) and the fonts' versions. */
export function socialCardKey(
  content: CardContent,
  colours: SocialCardColours,
  fontVersions = cardFontVersions(),
): string {
  return drawnBy({ content, colours, fontVersions });
}

/** The social cards one build's pages asked for, and their drawing. */
export function socialCardsOfBuild() {
  const cards = new Map<string, { pageUrl: string; content: CardContent }>();
  return {
    /** A new build: no page has asked yet. */
    clear(): void {
      cards.clear();
    },
    get count(): number {
      return cards.size;
    },
    /** The card of the page at `pageUrl`; an error when another page's card would have the same address. */
    cardOf(pageUrl: string, content: CardContent): SharedCard {
      const path = cardPathFor(pageUrl);
      const other = cards.get(path);
      if (other && other.pageUrl !== pageUrl) {
        throw new Error(`Social cards: ${pageUrl} and ${other.pageUrl} would both have the card ${path}`);
      }
      cards.set(path, { pageUrl, content });
      return { url: path, ...cardSizes.landscape, alt: cardAlt(content) };
    },
    /** Draws every card asked for (or takes it from the cache) into `outputDir`. */
    async write(
      colours: SocialCardColours,
      { cacheDir, outputDir }: { cacheDir: string; outputDir: string },
    ): Promise<void> {
      const mark = markSvg(colours);
      const fontVersions = cardFontVersions();
      await Promise.all(
        Array.from(cards, async ([path, { pageUrl, content }]) => {
          try {
            const png = await cachedPngFile(
              socialCardKey(content, colours, fontVersions),
              () => socialCardSvg(content, cardTypeFaces(content.lang), colours, mark).svg,
              cacheDir,
            );
            await linkOrCopy(png, join(outputDir, path));
          } catch (error) {
            throw new Error(`Social card of ${pageUrl}: ${(error as Error).message}`);
          }
        }),
      );
    },
  };
}
