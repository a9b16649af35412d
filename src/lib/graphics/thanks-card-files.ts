import { join } from "node:path";
import { cardFormats, designForId } from "../../assets/js/shared/thanks-card.js";
import { cacheKeyFor } from "../build/cache-key-files.ts";
import {
  cachedPngFile,
  type ImageVariant,
  linkOrCopy,
  previewWidths,
  type ShownImage,
  writeRenditions,
} from "./image-files.ts";
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
// drawn before. Pages show a card as WebP renditions at the size they show it; the PNG stays whole,
// for download and for og:image.

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

/**
 * What pages show of a card (the pictures transform makes the <picture>): WebP at the widths of a
 * preview, and one just large enough to cover a search result's `thumbnail` (its pixels), which
 * search shows; named after the card's address so that a page names them before the card is
 * drawn, and the PNG itself for a browser without WebP. No AVIF: it would save about a kilobyte a
 * card and take ten times as long to encode, for every thanks on the wall.
 */
export function thanksCardPicture(
  card: Pick<SharedCard, "url" | "width" | "height">,
  thumbnail: { width: number; height: number },
): ShownImage {
  const scaled = (width: number) => Math.round((width * card.height) / card.width);
  // Search shows the card cropped to the thumbnail's box (object-fit: cover): as tall as the box, or as wide.
  const thumbnailWidth = Math.max(thumbnail.width, Math.ceil((thumbnail.height * card.width) / card.height));
  const renditions: ImageVariant[] = [thumbnailWidth, ...previewWidths].map((width) => ({
    format: "webp",
    width,
    height: scaled(width),
    url: card.url.replace(/\.png$/, `-${width}.webp`),
  }));
  return {
    width: card.width,
    height: card.height,
    fallback: "png",
    variants: [{ format: "png", width: card.width, height: card.height, url: card.url }, ...renditions],
  };
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
    /** Draws every card asked for (or takes it from the cache) into `outputDir`, with the renditions pages show. */
    async write(
      colours: CardColours,
      {
        cacheDir,
        outputDir,
        thumbnail,
      }: { cacheDir: string; outputDir: string; thumbnail: { width: number; height: number } },
    ): Promise<void> {
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
            const renditions = thanksCardPicture({ url, ...cardFormats.landscape }, thumbnail).variants.filter(
              (variant) => variant.url !== url,
            );
            await writeRenditions(png, renditions, { cacheDir, outputDir });
          } catch (error) {
            throw new Error(`The card of thanks ${id}: ${(error as Error).message}`);
          }
        }),
      );
    },
  };
}
