import { cardSizes } from "../../assets/js/shared/card-sizes.js";
import { hashtags } from "../publishing/share-links.ts";
import type { MarkColours } from "./mark.ts";
import type { Paragraph, TypeFace } from "./text/fonts.ts";
import { type FittedText, fitText } from "./text/text-layout.ts";

// Social cards and the campaign toolkit's graphics, as SVG with every word an outline
// (see fonts.ts), in any script the fonts have: a right-to-left title (Arabic, Hebrew) is set
// against the right edge of its box. Pure: the typefaces, the colours and the brand mark come in
// as arguments.

export interface Fonts {
  bold: TypeFace;
  regular: TypeFace;
}

/** What cards and graphics are drawn in: the mark's colours, and the page's text colours in the light scheme. */
export interface SocialCardColours extends MarkColours {
  ink: string;
  muted: string;
}

/** The cards' colours in the design tokens. */
export function socialCardColours(design: {
  palette: { mark: MarkColours; light: { text: string; muted: string } };
}): SocialCardColours {
  const { teal, amber, cream } = design.palette.mark;
  return { teal, amber, cream, ink: design.palette.light.text, muted: design.palette.light.muted };
}

/** What a page's social card shows. */
export interface CardContent {
  title: string;
  /** The people an article is about, as shown ("Dr Joshua Cruz"); none for other pages. */
  people: readonly string[];
  siteName: string;
  dayName: string;
  /** The day's date as the site says it, in its language: "17 January each year". */
  date: string;
  /** The language of the title and the names, when it is not the site's (`ja`: Japanese forms of Han characters). */
  lang?: string | undefined;
}

/** A page's card is the landscape size link previews show. */
const { width: CARD_WIDTH, height: CARD_HEIGHT } = cardSizes.landscape;

/** The title's box on a card: how wide a line may be and how many lines there may be. */
export const cardTitleFit = { maxWidth: 1056, sizes: [72, 66, 60, 54, 48, 44], maxLines: 3 } as const;

/** A card as a page's <head> names it for og:image. */
export interface SharedCard {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

/** A landscape card: the site's mark and name, the title on up to three lines, the people, the day and its date. */
export function socialCardSvg(
  card: CardContent,
  fonts: Fonts,
  colours: SocialCardColours,
  mark: string,
): RenderedSvg & { title: FittedText } {
  const left = 72;
  const titleParagraph = fonts.bold.paragraph(card.title);
  const title = fitText(card.title, titleParagraph.measure, cardTitleFit);
  const shapes: string[] = [
    rect(0, 0, CARD_WIDTH, CARD_HEIGHT, colours.cream),
    nested(mark, left, 56, 72),
    text(fonts.bold, card.siteName, left + 96, 106, 34, colours.teal, CARD_WIDTH - left * 2 - 96, "left"),
  ];
  const lineHeight = Math.round(title.size * 1.15);
  let baseline = 180 + Math.round(title.size * 0.8);
  for (const line of title.lines) {
    const x = alignedLeft(titleParagraph, line, left, cardTitleFit.maxWidth, title.size);
    shapes.push(path(titleParagraph.pathData(line, x, baseline, title.size), colours.ink));
    baseline += lineHeight;
  }
  if (card.people.length > 0) {
    shapes.push(text(fonts.regular, card.people.join(", "), left, baseline + 14, 32, colours.muted, 1056, "start"));
  }
  shapes.push(
    rect(0, CARD_HEIGHT - 104, CARD_WIDTH, 8, colours.amber),
    rect(0, CARD_HEIGHT - 96, CARD_WIDTH, 96, colours.teal),
    text(fonts.bold, dayLine(card), left, CARD_HEIGHT - 36, 34, colours.cream, 1056, "left"),
  );
  return { svg: svg(CARD_WIDTH, CARD_HEIGHT, shapes), width: CARD_WIDTH, height: CARD_HEIGHT, title };
}

/** Where a page's card is written: /cards/home.png for "/", /cards/articles-a-b.png for "/articles/a-b/". */
export function cardPathFor(pageUrl: string): string {
  const slug = pageUrl
    .replace(/\.html$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `/cards/${slug || "home"}.png`;
}

/** "17 January each year", with the day's name first when the site is called something else. */
export function dayLine(card: Pick<CardContent, "siteName" | "dayName" | "date">): string {
  return card.dayName === card.siteName ? card.date : `${card.dayName}: ${card.date}`;
}

/** What a card shows, in words, for og:image:alt. */
export function cardAlt(card: CardContent): string {
  const people = card.people.length > 0 ? ` ${card.people.join(", ")}.` : "";
  const site = card.dayName === card.siteName ? card.siteName : `${card.siteName}. ${card.dayName}`;
  return `${card.title}.${people} ${site}, ${card.date}.`.replace(/\.\./g, ".");
}

/** The platform sizes the toolkit offers. */
export const graphicFormats = cardSizes;

export type GraphicFormat = keyof typeof graphicFormats;

/** What a campaign graphic says. */
export interface GraphicContent {
  dayName: string;
  date: string;
  tagline: string;
  hashtags: readonly string[];
}

interface Block {
  face: TypeFace;
  text: string;
  sizes: readonly number[];
  maxLines: number;
  colour: string;
  /** Space above the block, in pixels. */
  gap: number;
}

/**
 * Where each format puts its words: a box, and the size of each kind of text. The banner keeps
 * its left third clear, where LinkedIn puts the profile photo over it.
 */
const layouts: Record<
  GraphicFormat,
  {
    box: { x: number; y: number; width: number; height: number };
    mark: number;
    name: readonly number[];
    date: number;
    tagline?: readonly number[];
    hashtags: number;
  }
> = {
  square: {
    box: { x: 90, y: 90, width: 900, height: 900 },
    mark: 120,
    name: [124, 112, 100, 88, 76],
    date: 72,
    tagline: [50, 44, 38],
    hashtags: 38,
  },
  // Stories keep clear of the top and bottom 250 pixels, where the apps put their own buttons.
  story: {
    box: { x: 90, y: 250, width: 900, height: 1420 },
    mark: 160,
    name: [150, 136, 120, 104, 88],
    date: 96,
    tagline: [64, 56, 48],
    hashtags: 46,
  },
  landscape: {
    box: { x: 64, y: 56, width: 1072, height: 518 },
    mark: 80,
    name: [76, 68, 60, 52],
    date: 46,
    tagline: [32, 28],
    hashtags: 26,
  },
  banner: { box: { x: 560, y: 40, width: 960, height: 316 }, mark: 0, name: [64, 56, 48, 42], date: 40, hashtags: 26 },
};

/** One of the toolkit's graphics: the day's name and date, its tagline and hashtags, in the site's colours. */
export function campaignGraphicSvg(
  format: GraphicFormat,
  content: GraphicContent,
  fonts: Fonts,
  colours: SocialCardColours,
  mark: string,
): RenderedSvg {
  const { width, height } = graphicFormats[format];
  const layout = layouts[format];
  const { box } = layout;
  const blocks: Block[] = [
    { face: fonts.bold, text: content.dayName, sizes: layout.name, maxLines: 3, colour: colours.cream, gap: 0 },
    { face: fonts.bold, text: content.date, sizes: [layout.date], maxLines: 1, colour: colours.amber, gap: 0.4 },
    ...(layout.tagline
      ? [
          {
            face: fonts.regular,
            text: content.tagline,
            sizes: layout.tagline,
            maxLines: 4,
            colour: colours.cream,
            gap: 0.9,
          },
        ]
      : []),
    {
      face: fonts.bold,
      text: hashtags(content.hashtags).join(" "),
      sizes: [layout.hashtags],
      maxLines: 2,
      colour: colours.amber,
      gap: 1,
    },
  ];
  const fitted = blocks.map((block) => {
    const paragraph = block.face.paragraph(block.text);
    const fit = fitText(block.text, paragraph.measure, {
      maxWidth: box.width,
      sizes: block.sizes,
      maxLines: block.maxLines,
    });
    return { block, paragraph, fit };
  });
  const markSpace = layout.mark > 0 ? layout.mark * 1.4 : 0;
  const lineHeight = (size: number) => Math.round(size * 1.2);
  const blockHeight = fitted.reduce(
    (sum, { block, fit }) => sum + Math.round(block.gap * fit.size) + fit.lines.length * lineHeight(fit.size),
    0,
  );
  // The words sit in the middle of the box, under the mark.
  let top = box.y + markSpace + Math.max(0, Math.round((box.height - markSpace - blockHeight) / 2));
  const shapes = [rect(0, 0, width, height, colours.teal), rect(0, height - 16, width, 16, colours.amber)];
  if (layout.mark > 0) shapes.push(nested(mark, box.x, box.y, layout.mark));
  for (const { block, paragraph, fit } of fitted) {
    top += Math.round(block.gap * fit.size);
    for (const line of fit.lines) {
      const x = alignedLeft(paragraph, line, box.x, box.width, fit.size);
      shapes.push(path(paragraph.pathData(line, x, top + Math.round(fit.size * 0.95), fit.size), block.colour));
      top += lineHeight(fit.size);
    }
  }
  return { svg: svg(width, height, shapes), width, height };
}

/** A campaign graphic in words, for its alt text. */
export function graphicAlt(content: GraphicContent): string {
  return `${content.dayName}, ${content.date}. ${content.tagline} ${hashtags(content.hashtags).join(" ")}`;
}

function svg(width: number, height: number, shapes: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${shapes.join("")}</svg>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${fill}"/>`;
}

function path(d: string, fill: string): string {
  return d ? `<path d="${d}" fill="${fill}"/>` : "";
}

/**
 * Where a line starts: at the box's left edge, or for a right-to-left paragraph (Arabic,
 * Hebrew) so that it ends at the box's right edge, as it is read from there.
 */
function alignedLeft(paragraph: Paragraph, line: string, x: number, width: number, size: number): number {
  return paragraph.direction === "rtl" ? x + width - paragraph.measure(line, size) : x;
}

/**
 * One line of text, cut with "…" if it is wider than `maxWidth`. `align`: "start" puts a
 * right-to-left line against the right edge of the box; "left" keeps it where the layout has its
 * other lines (the site's name beside the mark).
 */
function text(
  face: TypeFace,
  value: string,
  x: number,
  baseline: number,
  size: number,
  fill: string,
  maxWidth: number,
  align: "start" | "left",
) {
  const paragraph = face.paragraph(value);
  const [line = ""] = fitText(value, paragraph.measure, { maxWidth, sizes: [size], maxLines: 1 }).lines;
  const left = align === "start" ? alignedLeft(paragraph, line, x, maxWidth, size) : x;
  return path(paragraph.pathData(line, left, baseline, size), fill);
}

/** Another SVG (the brand mark) drawn into a square at (x, y). */
function nested(markSvg: string, x: number, y: number, size: number): string {
  return markSvg
    .trim()
    .replace(/^<svg\b[^>]*>/, (tag) => tag.replace(/\s(?:x|y|width|height)="[^"]*"/g, ""))
    .replace(/^<svg\b/, `<svg x="${x}" y="${y}" width="${size}" height="${size}"`);
}
