import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { linkOrCopy } from "../image-files.ts";
import { cardFontsFolder, cardFontsStylesheet, publishedFontFiles } from "./card-web-fonts.ts";

// Publishes the card fonts for the browser (reads the packages' files, writes the site's): the
// WOFF2 files that the card fonts' stylesheet names, and no other file of node_modules.

const require = createRequire(import.meta.url);

/** Puts the WOFF2 files that `<projectDir>/src/assets/css/card-fonts.css` names under `<outputDir>/fonts/card/`. */
export async function writeCardWebFonts(projectDir: string, outputDir: string): Promise<string[]> {
  const css = readFileSync(join(projectDir, cardFontsStylesheet), "utf8");
  return Promise.all(
    publishedFontFiles(css).map(async (font) => {
      const target = join(outputDir, cardFontsFolder, font.folder, font.file);
      await linkOrCopy(join(dirname(require.resolve(`${font.package}/package.json`)), "files", font.file), target);
      return target;
    }),
  );
}
