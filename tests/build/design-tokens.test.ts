import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import design from "../../_data/design.ts";
import { customMedia, tokensCss } from "../../src/lib/publishing/design-tokens.ts";
import { fingerprintedPath } from "../../src/lib/publishing/fingerprint-files.ts";
import { readPage } from "../helpers/site.ts";

const siteDir = inject("siteDir");

describe("the design tokens, as the built site has them", () => {
  const href = readPage(siteDir, "/").querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
  const stylesheet = readFileSync(join(siteDir, href), "utf8");

  it("the stylesheet the pages link opens with the tokens' custom properties, and is named by its own bytes", () => {
    expect(stylesheet.startsWith(tokensCss(design))).toBe(true);
    expect(stylesheet).toContain(`  --bg: ${design.palette.light.bg};\n`);
    expect(stylesheet).toContain(`    --bg: ${design.palette.dark.bg};\n`);
    expect(href).toBe(fingerprintedPath("/assets/css/site.css", Buffer.from(stylesheet)));
  });

  it("has each breakpoint written out, and no custom media query left for a browser to ignore", () => {
    const queries = stylesheet.match(/@media[^{]*/g) ?? [];
    expect(queries.filter((query) => query.includes("(--"))).toEqual([]);
    for (const query of customMedia(design.layout).values()) expect(queries).toContain(`@media ${query} `);
  });

  it("the web manifest is in the mark's colour on the light page's", () => {
    const manifest = JSON.parse(readFileSync(join(siteDir, "manifest.webmanifest"), "utf8"));
    expect(manifest.theme_color).toBe(design.palette.mark.teal);
    expect(manifest.background_color).toBe(design.palette.light.bg);
  });

  it("pictures are offered at the sizes the layout's widths make", () => {
    const heroSizes = readPage(siteDir, "/")
      .querySelectorAll(".hero picture source, .hero picture img")
      .map((element) => element.getAttribute("sizes"));
    expect(heroSizes).toEqual([design.sizes.hero, design.sizes.hero, design.sizes.hero]);
    const article = readPage(siteDir, "/articles/scholarship-mentoring-stem/");
    expect(article.querySelector("img.article__image")?.getAttribute("sizes")).toBe(design.sizes.mainColumn);
  });
});
