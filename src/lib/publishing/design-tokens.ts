// The design tokens (_data/design.ts) turned into what uses them: the stylesheet's custom
// properties and breakpoints, and the pictures' `sizes`. Pure: the tokens come in as arguments.

/** A colour as CSS writes it: "#0f4c5c", "rgb(0 0 0 / 0.25)". */
export type Colour = string;

/** The colours of one scheme; each is the custom property of its name in kebab case (`quoteBar` is `--quote-bar`). */
export interface Scheme {
  bg: Colour;
  surface: Colour;
  text: Colour;
  muted: Colour;
  accent: Colour;
  accentText: Colour;
  highlight: Colour;
  border: Colour;
  quoteBar: Colour;
  focus: Colour;
  shadow: Colour;
}

export interface Palette {
  /** The mark's own colours (src/lib/graphics/mark.ts draws it: the favicon, icons and cards' corner). */
  mark: { teal: Colour; amber: Colour; cream: Colour };
  light: Scheme;
  /** Every colour again: a colour added to light cannot be forgotten here. */
  dark: Scheme;
  /** What paper needs instead: the rest stays as on screen. */
  print: Partial<Scheme>;
}

/** Font sizes, smallest first; each is `--font-size-<name>`. Text not named here is 1rem, the reader's own size. */
export interface TypeScale {
  "2xs": string;
  xs: string;
  s: string;
  l: string;
  xl: string;
  "2xl": string;
  "3xl": string;
  "4xl": string;
  "5xl": string;
  "6xl": string;
}

export interface Typography {
  family: string;
  lineHeight: { body: number; heading: number };
  scale: TypeScale;
}

/** Widths in rem, as numbers: the `sizes` of pictures are computed from them. */
export interface Layout {
  /** The longest line of text: the main column. */
  measure: number;
  /** The page's content, header and footer at their widest. */
  wide: number;
  /** The page's side padding and the gap between columns: fluid between min and max. */
  space: { min: number; fluid: string; max: number };
  radius: number;
  /**
   * The screen widths the stylesheet changes layout at; each is `@media (--<name>)` in site.css.
   * `wideHeader`: from here the header's navigation is one row of its own, and the header's search a form.
   */
  breakpoints: { twoColumns: number; wideHeader: number };
  /** The hero's two columns above the two-column breakpoint, as fractions (`1fr 1.2fr`). */
  hero: { text: number; image: number };
  /** How tall the toolkit's story (9:16) is shown at most: no taller than a phone's screen. */
  storyHeight: number;
  /** A search result's picture, in rem: shown that size (`--thumbnail-width`, `--thumbnail-height`) and made for it (`thumbnailPixels`). */
  thumbnail: { width: number; height: number };
}

/** The `sizes` of the pictures the templates show, made from the layout. */
export interface PictureSizes {
  mainColumn: string;
  hero: string;
  /** A preview of a file offered for download: a toolkit graphic, a card on the wall of thanks. */
  preview: string;
  /** The toolkit's story, shown no taller than `storyHeight`. */
  story: string;
}

export interface Design {
  palette: Palette;
  type: Typography;
  layout: Layout;
  sizes: PictureSizes;
}

/** `quoteBar` is `quote-bar`, `twoColumns` is `two-columns`. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Two decimals at most, in rem: a width a person would write. */
function rem(value: number): string {
  return `${Math.round(value * 100) / 100}rem`;
}

function declarations(properties: [name: string, value: string | number][], indent: string): string {
  return properties.map(([name, value]) => `${indent}--${name}: ${value};\n`).join("");
}

function colours(scheme: Partial<Scheme>): [string, string][] {
  return Object.entries(scheme).map(([name, colour]) => [kebabCase(name), colour]);
}

/** The custom properties of the tokens: the light scheme, type and layout on :root, then dark and print. */
export function tokensCss({ palette, type, layout }: Pick<Design, "palette" | "type" | "layout">): string {
  const root: [string, string | number][] = [
    ...colours(palette.light),
    ["font-body", type.family],
    ["line-height-body", type.lineHeight.body],
    ["line-height-heading", type.lineHeight.heading],
    ...Object.entries(type.scale).map(([step, size]): [string, string] => [`font-size-${step}`, size]),
    ["measure", rem(layout.measure)],
    ["wide", rem(layout.wide)],
    ["space", `clamp(${rem(layout.space.min)}, ${layout.space.fluid}, ${rem(layout.space.max)})`],
    ["radius", rem(layout.radius)],
    ["hero-columns", `${layout.hero.text}fr ${layout.hero.image}fr`],
    ["story-height", rem(layout.storyHeight)],
    ["thumbnail-width", rem(layout.thumbnail.width)],
    ["thumbnail-height", rem(layout.thumbnail.height)],
  ];
  return (
    "/* Made from _data/design.ts by the build: the tokens are written there, once. */\n" +
    `:root {\n${declarations(root, "  ")}}\n\n` +
    `@media (prefers-color-scheme: dark) {\n  :root {\n${declarations(colours(palette.dark), "    ")}  }\n}\n\n` +
    `@media print {\n  :root {\n${declarations(colours(palette.print), "    ")}  }\n}\n`
  );
}

/** Each breakpoint as the media query it stands for: `--two-columns` is `(min-width: 48rem)`. */
export function customMedia(layout: Pick<Layout, "breakpoints">): Map<string, string> {
  return new Map(
    Object.entries(layout.breakpoints).map(([name, width]) => [`--${kebabCase(name)}`, `(min-width: ${rem(width)})`]),
  );
}

/**
 * The stylesheet as published: the tokens' custom properties, then `css` with each custom media
 * query (`@media (--two-columns)`, as CSS Media Queries 5 writes them; no browser reads them yet)
 * replaced by the breakpoint it names. A name the tokens do not have is an error.
 */
export function stylesheetWithTokens(design: Pick<Design, "palette" | "type" | "layout">, css: string): string {
  const media = customMedia(design.layout);
  const resolved = css.replace(/@media\b[^{;]*/g, (prelude) =>
    prelude.replace(/\((--[\w-]+)\)/g, (_, name: string) => {
      const query = media.get(name);
      if (!query) {
        throw new Error(
          `Stylesheet: @media (${name}) is not a breakpoint of _data/design.ts (it has ${[...media.keys()].join(", ")})`,
        );
      }
      return query;
    }),
  );
  return `${tokensCss(design)}\n${resolved}`;
}

/** The screen less the page's side padding at its narrowest: an upper bound for a full-width picture. */
function screenLessPadding(layout: Layout): string {
  return `calc(100vw - ${rem(2 * layout.space.min)})`;
}

/**
 * A picture as wide as the main column: the measure once the screen holds it and the widest
 * padding, the screen less the padding below that.
 */
export function mainColumnSizes(layout: Layout): string {
  return `(min-width: ${rem(layout.measure + 2 * layout.space.max)}) ${rem(layout.measure)}, ${screenLessPadding(layout)}`;
}

/**
 * The hero's picture: its column of the widest page (less the padding either side and the gap
 * between, each the widest space), its share of the screen between the breakpoint and there
 * (rounded up: the padding only makes it smaller), and the screen less the padding on phones,
 * where the columns stack.
 */
export function heroSizes(layout: Layout): string {
  const share = layout.hero.image / (layout.hero.text + layout.hero.image);
  const widest = (layout.wide - 3 * layout.space.max) * share;
  return [
    `(min-width: ${rem(layout.wide)}) ${rem(widest)}`,
    `(min-width: ${rem(layout.breakpoints.twoColumns)}) ${Math.ceil(share * 100)}vw`,
    screenLessPadding(layout),
  ].join(", ");
}

/**
 * A preview in one of two columns of the wide page (the toolkit's graphics, the wall's cards):
 * half the widest page less the padding either side and the gap between, half the screen from
 * the two-column breakpoint, the screen less the padding on phones, where the columns stack.
 * Upper bounds: the preview's own box and padding only make it smaller.
 */
export function previewSizes(layout: Layout): string {
  return [
    `(min-width: ${rem(layout.wide)}) ${rem((layout.wide - 3 * layout.space.max) / 2)}`,
    `(min-width: ${rem(layout.breakpoints.twoColumns)}) 50vw`,
    screenLessPadding(layout),
  ].join(", ");
}

/** The toolkit's story (1080 × 1920, 9:16): as wide as `storyHeight` makes it once the screen holds it. */
export function storySizes(layout: Layout): string {
  const width = (layout.storyHeight * 9) / 16;
  return `(min-width: ${rem(width + 2 * layout.space.min)}) ${rem(width)}, ${screenLessPadding(layout)}`;
}

/**
 * The pixels of a thumbnail made for `layout.thumbnail`: at the browser's default 16 px a rem, on a
 * screen of two pixels a CSS pixel (most phones'; sharp enough on three, small on one).
 */
export function thumbnailPixels(layout: Pick<Layout, "thumbnail">): { width: number; height: number } {
  const pixels = (rems: number) => Math.round(rems * 16 * 2);
  return { width: pixels(layout.thumbnail.width), height: pixels(layout.thumbnail.height) };
}

export function pictureSizes(layout: Layout): PictureSizes {
  return {
    mainColumn: mainColumnSizes(layout),
    hero: heroSizes(layout),
    preview: previewSizes(layout),
    story: storySizes(layout),
  };
}
