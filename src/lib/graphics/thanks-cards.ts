import { fillIn } from "../../assets/js/shared/placeholders.js";
import type {
  CardColours,
  CardDesign,
  CardFormat,
  CardLayout,
  CardText,
  CardWords,
  Measure,
  Shape,
  TextShape,
} from "../../assets/js/shared/thanks-card.js";
import { cardAlt, cardFormats, cardLayout, cardShows } from "../../assets/js/shared/thanks-card.js";
import type { SharedCard } from "./social-cards.ts";
import { cardTypeFace, type EastAsianLanguage, MissingGlyphError, type Paragraph } from "./text/fonts.ts";

// The wall's cards, drawn by the build in the design the browser draws (src/assets/js/shared/thanks-card.js
// lays both out): the same shapes, with the words as outlines of the card typefaces (fonts.ts)
// instead of canvas text. Pure: the mark comes in as an argument.

export type { CardColours, CardDesign, CardFormat, CardLayout, CardText, CardWords };

/** Line breaks a visitor typed count for wrapping, not for choosing the fonts and the direction. */
const asParagraph = (text: string) => text.replace(/\s+/g, " ").trim();

/** The paragraph a line of the layout is set in: its fonts and its direction. */
export function cardParagraph(
  shape: Pick<TextShape, "weight" | "paragraph">,
  eastAsian?: EastAsianLanguage,
): Paragraph {
  return cardTypeFace(shape.weight, eastAsian).paragraph(asParagraph(shape.paragraph));
}

/** HarfBuzz's widths, the build's `measure` for the layout: each line set in its paragraph's fonts and direction. */
export function harfBuzzMeasure(eastAsian?: EastAsianLanguage): Measure {
  return (text, size, weight, paragraph) => cardParagraph({ weight, paragraph }, eastAsian).measure(text, size);
}

/** The words on a card, with the day's name and its date as people say it ("17 January") put in the footer. */
export function cardWordsFor(words: CardWords, day: { name: string; date: string }): CardWords {
  const { greeting, from, alt, altMessage, altFrom } = words;
  return { greeting, from, alt, altMessage, altFrom, footer: fillIn(words.footer, { day: day.name, date: day.date }) };
}

/** A thank-you card as SVG: the layout's shapes, its text as outlines, the mark nested where the layout puts it. */
export function thanksCardSvg(
  text: CardText,
  design: CardDesign,
  format: CardFormat,
  words: CardWords,
  colours: CardColours,
  mark: string,
  eastAsian?: EastAsianLanguage,
): { svg: string; layout: CardLayout } {
  const layout = cardLayout(text, design, format, words, colours, harfBuzzMeasure(eastAsian));
  const { x, y, width, height } = layout.clip;
  const clip = `<defs><clipPath id="words"><rect x="${x}" y="${y}" width="${width}" height="${height}"/></clipPath></defs>`;
  const body = layout.shapes.map((shape) => svgShape(shape, mark, eastAsian)).join("");
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">${clip}${body}</svg>`,
    layout,
  };
}

function svgShape(shape: Shape, mark: string, eastAsian?: EastAsianLanguage): string {
  switch (shape.kind) {
    case "rect":
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill}"/>`;
    case "circle":
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.fill}"/>`;
    case "mark":
      return mark
        .trim()
        .replace(/^<svg\b[^>]*>/, (tag) => tag.replace(/\s(?:x|y|width|height)="[^"]*"/g, ""))
        .replace(/^<svg\b/, `<svg x="${shape.x}" y="${shape.y}" width="${shape.size}" height="${shape.size}"`);
    case "text": {
      const d = cardParagraph(shape, eastAsian).pathData(shape.text, shape.x, shape.y, shape.size);
      const clipped = shape.clipped ? ' clip-path="url(#words)"' : "";
      return d ? `<path d="${d}" fill="${shape.fill}"${clipped}/>` : "";
    }
  }
}

/** Where a thanks' card is published: its id is in the name. */
export function thanksCardPath(id: string): string {
  return `/cards/thanks/${id}.png`;
}

/**
 * A thanks' card as its pages name it (on the wall, and for og:image on its own page): its
 * address, size, and what it says (a message the card had to shorten ends in "…" there too).
 */
export function thanksSharedCard(item: CardText & { id: string }, words: CardWords): SharedCard {
  const key = JSON.stringify([item.mentor, item.message, item.name, words]);
  let alt = altTexts.get(key);
  if (alt === undefined) {
    alt = cardAlt(shownOrTyped(item, words), words);
    if (altTexts.size >= 20_000) altTexts.clear();
    altTexts.set(key, alt);
  }
  return { url: thanksCardPath(item.id), ...cardFormats.landscape, alt };
}

/** What the card shows; what was typed when the card cannot be drawn, which its drawing then says, naming the thanks. */
function shownOrTyped(item: CardText, words: CardWords): CardText {
  try {
    return cardShows(item, "landscape", words, harfBuzzMeasure());
  } catch (error) {
    if (error instanceof MissingGlyphError) return item;
    throw error;
  }
}

/**
 * The cards' text alternatives, by what they say: the wall, a thanks' page and its og:image all
 * ask for one, and finding what a card shows is a layout of its words (about 10 ms).
 */
const altTexts = new Map<string, string>();

/** The card's colours in the design tokens: the mark's, and the light scheme's text as ink. */
export function cardColoursOf(design: {
  palette: { mark: Omit<CardColours, "ink">; light: { text: string } };
}): CardColours {
  return { ...design.palette.mark, ink: design.palette.light.text };
}
