import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import {
  type Design,
  heroSizes,
  kebabCase,
  type Layout,
  mainColumnSizes,
  previewSizes,
  storySizes,
  stylesheetWithTokens,
  thumbnailPixels,
  tokensCss,
} from "../../src/lib/publishing/design-tokens.ts";

const read = (path: string) => readFileSync(join(import.meta.dirname, "../..", path), "utf8");

const scheme = (colour: string) => ({
  bg: colour,
  surface: colour,
  text: colour,
  muted: colour,
  accent: colour,
  accentText: colour,
  highlight: colour,
  border: colour,
  quoteBar: colour,
  focus: colour,
  shadow: colour,
});

const layout: Layout = {
  measure: 40,
  wide: 60,
  space: { min: 0.75, fluid: "4vw", max: 1.5 },
  radius: 0.5,
  breakpoints: { twoColumns: 50, wideHeader: 70 },
  hero: { text: 1, image: 1 },
  storyHeight: 24,
  thumbnail: { width: 5, height: 2.5 },
};

const tokens: Omit<Design, "sizes"> = {
  palette: {
    mark: { teal: "#000001", amber: "#000002", cream: "#000003" },
    light: { ...scheme("#111111"), quoteBar: "#222222" },
    dark: scheme("#333333"),
    print: { text: "#000000" },
  },
  type: {
    family: "serif",
    lineHeight: { body: 1.5, heading: 1.1 },
    scale: {
      "2xs": "0.8rem",
      xs: "0.85rem",
      s: "0.9rem",
      l: "1.1rem",
      xl: "1.2rem",
      "2xl": "1.3rem",
      "3xl": "1.4rem",
      "4xl": "1.5rem",
      "5xl": "clamp(2rem, 5vw, 3rem)",
      "6xl": "4rem",
    },
  },
  layout,
};

describe("tokensCss", () => {
  const css = tokensCss(tokens);

  it("declares the light scheme, the type scale and the widths on :root", () => {
    const root = css.slice(css.indexOf(":root {"), css.indexOf("}"));
    expect(root).toContain("  --bg: #111111;\n");
    expect(root).toContain("  --quote-bar: #222222;\n");
    expect(root).toContain("  --accent-text: #111111;\n");
    expect(root).toContain("  --font-body: serif;\n");
    expect(root).toContain("  --line-height-body: 1.5;\n");
    expect(root).toContain("  --line-height-heading: 1.1;\n");
    expect(root).toContain("  --font-size-2xs: 0.8rem;\n");
    expect(root).toContain("  --font-size-5xl: clamp(2rem, 5vw, 3rem);\n");
    expect(root).toContain("  --measure: 40rem;\n");
    expect(root).toContain("  --wide: 60rem;\n");
    expect(root).toContain("  --space: clamp(0.75rem, 4vw, 1.5rem);\n");
    expect(root).toContain("  --radius: 0.5rem;\n");
    expect(root).toContain("  --hero-columns: 1fr 1fr;\n");
    expect(root).toContain("  --story-height: 24rem;\n");
    expect(root).toContain("  --thumbnail-width: 5rem;\n");
    expect(root).toContain("  --thumbnail-height: 2.5rem;\n");
  });

  it("puts the dark scheme in its media query, every colour of it, and print's few in print", () => {
    expect(css).toContain(
      "@media (prefers-color-scheme: dark) {\n  :root {\n" +
        "    --bg: #333333;\n    --surface: #333333;\n    --text: #333333;\n    --muted: #333333;\n" +
        "    --accent: #333333;\n    --accent-text: #333333;\n    --highlight: #333333;\n    --border: #333333;\n" +
        "    --quote-bar: #333333;\n    --focus: #333333;\n    --shadow: #333333;\n  }\n}\n",
    );
    expect(css).toContain("@media print {\n  :root {\n    --text: #000000;\n  }\n}\n");
  });

  it("writes dark after light and print last, so each overrides what comes before", () => {
    const order = [":root {", "prefers-color-scheme: dark", "@media print"].map((text) => css.indexOf(text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThanOrEqual(0);
  });

  it("names properties in kebab case", () => {
    expect(kebabCase("quoteBar")).toBe("quote-bar");
    expect(kebabCase("twoColumns")).toBe("two-columns");
    expect(kebabCase("bg")).toBe("bg");
  });
});

describe("stylesheetWithTokens", () => {
  it("puts the tokens first, then the stylesheet with each named breakpoint written out", () => {
    const css = ".a { color: var(--text); }\n@media (--two-columns) { .a { display: grid; } }\n";
    expect(stylesheetWithTokens(tokens, css)).toBe(
      `${tokensCss(tokens)}\n.a { color: var(--text); }\n@media (min-width: 50rem) { .a { display: grid; } }\n`,
    );
  });

  it("writes out a breakpoint inside a longer query and leaves the other media features alone", () => {
    const css =
      "@media screen and (--two-columns) and (prefers-reduced-motion: no-preference) { a { b: c; } }\n" +
      "@media (prefers-color-scheme: dark) { a { b: var(--two-columns); } }\n";
    const published = stylesheetWithTokens(tokens, css).slice(tokensCss(tokens).length);
    expect(published).toBe(
      "\n@media screen and (min-width: 50rem) and (prefers-reduced-motion: no-preference) { a { b: c; } }\n" +
        "@media (prefers-color-scheme: dark) { a { b: var(--two-columns); } }\n",
    );
  });

  it("refuses a breakpoint the tokens do not have, naming those they do", () => {
    expect(() => stylesheetWithTokens(tokens, "@media (--tablet) { a { b: c; } }")).toThrow(
      "Stylesheet: @media (--tablet) is not a breakpoint of _data/design.ts (it has --two-columns, --wide-header)",
    );
  });
});

describe("the pictures' sizes", () => {
  it("are the site's sizes as they were written by hand before there were tokens", () => {
    expect(mainColumnSizes(design.layout)).toBe("(min-width: 46rem) 42rem, calc(100vw - 2rem)");
    expect(heroSizes(design.layout)).toBe("(min-width: 72rem) 36rem, (min-width: 48rem) 55vw, calc(100vw - 2rem)");
    expect(design.sizes).toEqual({
      mainColumn: mainColumnSizes(design.layout),
      hero: heroSizes(design.layout),
      preview: previewSizes(design.layout),
      story: storySizes(design.layout),
    });
  });

  it("main column: the measure once the screen holds it with the widest padding, else the screen less the narrowest", () => {
    expect(mainColumnSizes(layout)).toBe("(min-width: 43rem) 40rem, calc(100vw - 1.5rem)");
  });

  it("hero: its column of the widest page less padding and gap, its share of the screen rounded up, the full screen on phones", () => {
    // (60 - 3 × 1.5) / 2 = 27.75; half the screen is 50vw.
    expect(heroSizes(layout)).toBe("(min-width: 60rem) 27.75rem, (min-width: 50rem) 50vw, calc(100vw - 1.5rem)");
    // 1.2 / 2.2 of the screen is 54.5…vw: 55vw, never less than the picture is shown.
    expect(heroSizes({ ...layout, hero: { text: 1, image: 1.2 } })).toContain("(min-width: 50rem) 55vw");
  });

  it("preview: half the widest page less padding and gap, half the screen in two columns, the full screen on phones", () => {
    // (60 - 3 × 1.5) / 2 = 27.75.
    expect(previewSizes(layout)).toBe("(min-width: 60rem) 27.75rem, (min-width: 50rem) 50vw, calc(100vw - 1.5rem)");
    expect(previewSizes(design.layout)).toBe("(min-width: 72rem) 33rem, (min-width: 48rem) 50vw, calc(100vw - 2rem)");
  });

  it("story: as wide as 9:16 of its greatest height once the screen holds that, else the screen", () => {
    // 24 × 9 / 16 = 13.5, and 0.75rem of padding either side.
    expect(storySizes(layout)).toBe("(min-width: 15rem) 13.5rem, calc(100vw - 1.5rem)");
    expect(storySizes(design.layout)).toBe("(min-width: 20rem) 18rem, calc(100vw - 2rem)");
  });
});

describe("the tokens are written once", () => {
  const hexColour = /#[0-9a-f]{3,8}\b/gi;
  const stylesheet = read("src/assets/css/site.css");

  it.each([
    "src/assets/css/site.css",
    "src/lib/graphics/social-cards.ts",
    "src/lib/publishing/web-manifest.ts",
    "src/lib/graphics/picture.ts",
  ])("%s has no colour of its own", (file) => {
    expect(read(file).match(hexColour)).toBeNull();
  });

  it("site.css names every colour, size and width through a custom property", () => {
    expect(stylesheet).not.toMatch(/\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/);
    expect(stylesheet).not.toMatch(/^\s*--[\w-]+:\s*#/m);
    // Widths in media queries are the named breakpoints: none is written out here.
    const mediaQueries = stylesheet.match(/@media[^{]*/g) ?? [];
    expect(mediaQueries.length).toBeGreaterThan(0);
    for (const query of mediaQueries) expect(query).not.toMatch(/\d/);
  });

  it("site.css uses no custom property that neither the tokens nor site.css declare", () => {
    const declared = new Set(
      [...(tokensCss(design) + stylesheet).matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]),
    );
    const used = new Set([...stylesheet.matchAll(/var\((--[\w-]+)/g)].map((match) => match[1]));
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  it("the hero picture's sizes come from the tokens", () => {
    const hero = read("src/pages/index.njk").match(/<img class="hero__image"[^>]*>/)?.[0];
    expect(hero).toContain('sizes="{{ design.sizes.hero }}"');
  });

  it("the toolkit's previews, the wall's cards and the story's greatest height come from the tokens", () => {
    const toolkit = read("src/pages/toolkit.njk").match(/<img class="toolkit-graphic__image[^>]*>/)?.[0];
    expect(toolkit).toContain("design.sizes.story if graphic.format == 'story' else design.sizes.preview");
    const wall = read("src/_includes/components/thanks.njk").match(/<img class="thanks-item__card"[^>]*>/)?.[0];
    expect(wall).toContain('sizes="{{ design.sizes.preview }}"');
    expect(stylesheet).toMatch(/\.toolkit-graphic__image--story \{\s*max-height: var\(--story-height\);/);
  });

  it("a search result's thumbnail is shown at the tokens' size and made at twice it in pixels", () => {
    expect(stylesheet).toMatch(/--pf-image-width: var\(--thumbnail-width\);/);
    expect(stylesheet).toMatch(/--pf-image-height: var\(--thumbnail-height\);/);
    expect(thumbnailPixels(layout)).toEqual({ width: 160, height: 80 });
    expect(thumbnailPixels(design.layout)).toEqual({ width: 128, height: 96 });
  });

  it("the mark (the favicon, icons and cards' corner) is drawn in the mark's colours alone", () => {
    const inMark = new Set(markSvg(design.palette.mark).toLowerCase().match(hexColour));
    expect(inMark).toEqual(new Set(Object.values(design.palette.mark)));
    expect(read("src/lib/graphics/mark.ts")).not.toMatch(hexColour);
  });
});
