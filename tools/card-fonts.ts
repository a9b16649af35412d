// node tools/card-fonts.ts: writes src/assets/css/card-fonts.css, the card fonts' faces for
// /thank-your-mentor/, from the Fontsource packages' own stylesheets. Run it after updating one
// of those packages (tests/unit/thanks-card.test.ts fails until then).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cardFontsCss, cardFontsStylesheet } from "../src/lib/graphics/text/card-web-fonts.ts";

const require = createRequire(import.meta.url);
const css = cardFontsCss((packageName, stylesheet) =>
  readFileSync(join(dirname(require.resolve(`${packageName}/package.json`)), stylesheet), "utf8"),
);
const file = join(import.meta.dirname, "..", cardFontsStylesheet);
writeFileSync(file, css);
// As Biome formats it, so that npm run lint is content (the test compares it without white space).
execFileSync(process.execPath, [require.resolve("@biomejs/biome/bin/biome"), "format", "--write", file], {
  stdio: "ignore",
});
console.log(`Wrote ${cardFontsStylesheet} (${css.length} characters).`);
