import { cardFontFamilies } from "../../../assets/js/shared/thanks-card.js";

// The card typefaces for the browser: /thank-your-mentor/ draws its cards with the fonts the
// build draws them with. Fontsource's own stylesheets split each font by unicode-range, so a
// browser fetches only the slices the words on a card need. What is published is listed here,
// package by package and stylesheet by stylesheet: nothing of node_modules goes out wholesale.

/** One font of the cards, as the browser gets it. */
export interface CardWebFont {
  /** The family canvas text names (thanks-card.js). */
  family: string;
  package: string;
  /** The package's stylesheets whose faces are published: the upright weights the cards use. */
  stylesheets: readonly string[];
  /** Its folder under the published fonts' folder. */
  folder: string;
}

const variable = (family: string, id: string): CardWebFont => ({
  family,
  package: `@fontsource-variable/${id}`,
  stylesheets: ["wght.css"],
  folder: id,
});

export const cardWebFonts: readonly CardWebFont[] = [
  {
    family: cardFontFamilies.atkinson,
    package: "@fontsource/atkinson-hyperlegible",
    stylesheets: ["400.css", "700.css"],
    folder: "atkinson-hyperlegible",
  },
  variable(cardFontFamilies.notoSans, "noto-sans"),
  variable(cardFontFamilies.arabic, "noto-sans-arabic"),
  variable(cardFontFamilies.hebrew, "noto-sans-hebrew"),
  variable(cardFontFamilies.japanese, "noto-sans-jp"),
  variable(cardFontFamilies.korean, "noto-sans-kr"),
  variable(cardFontFamilies.chinese, "noto-sans-sc"),
];

/** The published fonts' folder. */
export const cardFontsFolder = "/fonts/card";
/**
 * The stylesheet only /thank-your-mentor/ links: a file of src/assets/, so that it is published
 * fingerprinted like the others, written by `node tools/card-fonts.ts` from the packages'
 * stylesheets (a unit test says when it is stale). It is also the list of the font files published.
 */
export const cardFontsStylesheet = "src/assets/css/card-fonts.css";
/** From /assets/css/ to the fonts' folder, relative: a path prefix then needs nothing more. */
const fromStylesheet = `../..${cardFontsFolder}`;

/**
 * A Fontsource stylesheet's faces for the browser's cards: each renamed to `family`, with its
 * WOFF2 file in `folder` of the fonts' folder, the older WOFF copies left out. `files`: the WOFF2
 * files its faces name.
 */
export function cardFontFaces(css: string, family: string, folder: string): { css: string; files: string[] } {
  const files: string[] = [];
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body = ""]) => {
    const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(body)?.[1];
    if (!file) throw new Error(`Card fonts: a face of ${family} has no WOFF2 file`);
    files.push(file);
    const declarations = body
      .split(";")
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration !== "" && !/^(font-family|src)\s*:/.test(declaration));
    return `@font-face {\n  font-family: "${family}";\n  src: url(${fromStylesheet}/${folder}/${file}) format("woff2");\n${declarations.map((declaration) => `  ${declaration};\n`).join("")}}\n`;
  });
  return { css: faces.join(""), files };
}

/** The card fonts' stylesheet, from each package's own stylesheets (`read(package, stylesheet)` gives their text). */
export function cardFontsCss(read: (packageName: string, stylesheet: string) => string): string {
  const faces = cardWebFonts.flatMap((font) =>
    font.stylesheets.map((stylesheet) => cardFontFaces(read(font.package, stylesheet), font.family, font.folder).css),
  );
  return `/* Written by node tools/card-fonts.ts from the Fontsource packages' stylesheets: do not edit. */\n${faces.join("\n")}`;
}

/** The font files the stylesheet names, each with the package it comes from; an error for any other. */
export function publishedFontFiles(css: string): { package: string; folder: string; file: string }[] {
  return [...css.matchAll(/url\(([^)]*)\)/g)].map(([, url = ""]) => {
    const match = /^\.\.\/\.\.\/fonts\/card\/([\w-]+)\/([\w.-]+\.woff2)$/.exec(url);
    const font = cardWebFonts.find((candidate) => candidate.folder === match?.[1]);
    if (!match?.[2] || !font) throw new Error(`Card fonts: ${url} is no file of the card fonts' packages`);
    return { package: font.package, folder: font.folder, file: match[2] };
  });
}
