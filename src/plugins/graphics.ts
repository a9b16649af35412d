import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import sharp from "sharp";
import design from "../../_data/design.ts";
import type { Day, Person, Site, Toolkit } from "../lib/content/schemas.ts";
import { slugify } from "../lib/content/slug.ts";
import { cachedPngFile, imageCacheDir, linkOrCopy, svgToPng, writeAtomically } from "../lib/graphics/image-files.ts";
import { markSvg } from "../lib/graphics/mark.ts";
import {
  type CardContent,
  campaignGraphicSvg,
  cardAlt,
  cardPathFor,
  type Fonts,
  formatBytes,
  graphicAlt,
  socialCardSvg,
} from "../lib/graphics/social-cards.ts";
import { cardFontVersions, cardTypeFace } from "../lib/graphics/text/fonts.ts";
import { appIcons, themeColours, webManifest } from "../lib/publishing/web-manifest.ts";
import { displayName } from "../lib/site/people.ts";
import { formatAnnualDate } from "../lib/words/dates.ts";
import { eastAsianLanguageOf } from "../lib/words/language.ts";
import { say } from "../lib/words/locale.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/**
 * Images drawn at build time from the content: a social card for every page, the campaign
 * toolkit's graphics, and the icons made from the mark (which is also published as /favicon.svg).
 */
export default function graphics(eleventyConfig: EleventyConfig, { locale }: { locale: SiteLocaleHolder }): void {
  let directories = { input: ".", output: "_site" };
  // A Japanese title in Han characters alone is drawn with Japanese forms when the article says it is Japanese.
  const typefaces = (lang?: string): Fonts => {
    const eastAsian = lang === undefined ? undefined : eastAsianLanguageOf(lang);
    return { bold: cardTypeFace(700, eastAsian), regular: cardTypeFace(400, eastAsian) };
  };
  // The site's mark, in the design tokens' colours: every card and icon draws it, and src/pages/favicon.njk publishes it.
  const mark = () => markSvg(design.palette.mark);
  eleventyConfig.addFilter("markSvg", markSvg);
  const cache = () => imageCacheDir(directories.input);
  /**
   * Changes whenever the code that draws a card, the palette it draws with, or the fonts and
   * HarfBuzz (their versions) do: part of each card's cache key.
   */
  const cardDrawer = createHash("sha256")
    .update(
      [
        "../lib/graphics/social-cards.ts",
        "../lib/graphics/text/fonts.ts",
        "../lib/graphics/text/font-files.ts",
        "../lib/graphics/text/shaping.ts",
        "../lib/graphics/text/bidi.ts",
        "../lib/graphics/text/text-layout.ts",
        "../assets/js/shared/line-breaks.js",
        "../lib/graphics/mark.ts",
        "../../_data/design.ts",
      ]
        .map((file) => readFileSync(new URL(file, import.meta.url)))
        .join("\0"),
    )
    .update(cardFontVersions())
    .digest("hex");
  /** The cards the pages of this build asked for, drawn once every page is written. */
  const cards = new Map<string, { pageUrl: string; content: CardContent }>();

  eleventyConfig.on("eleventy.before", (event) => {
    directories = event.directories;
    cards.clear();
  });

  // Used in the layout's <head>: the card's address and size for og:image, drawn after the build.
  eleventyConfig.addFilter(
    "socialCard",
    (page: { url: string; title: string; people?: Person[]; lang?: string }, site: Site, day: Day) => {
      const content: CardContent = {
        title: page.title,
        people: (page.people ?? []).map(displayName),
        siteName: site.name,
        dayName: day.name,
        date: say(
          locale.words().annualDate,
          { date: formatAnnualDate(day.date, locale.language()) },
          locale.language(),
        ),
        ...(page.lang === undefined ? {} : { lang: page.lang }),
      };
      const path = cardPathFor(page.url);
      const other = cards.get(path);
      if (other && other.pageUrl !== page.url) {
        throw new Error(`Social cards: ${page.url} and ${other.pageUrl} would both have the card ${path}`);
      }
      cards.set(path, { pageUrl: page.url, content });
      return { url: path, width: 1200, height: 630, alt: cardAlt(content) };
    },
  );

  eleventyConfig.on("eleventy.after", async ({ outputMode }) => {
    if (outputMode !== "fs") return;
    const started = performance.now();
    await Promise.all([
      ...Array.from(cards, async ([path, { content, pageUrl }]) => {
        try {
          const key = JSON.stringify({ cardDrawer, content, mark: mark() });
          const png = await cachedPngFile(
            key,
            () => socialCardSvg(content, typefaces(content.lang), mark()).svg,
            cache(),
          );
          await linkOrCopy(png, join(directories.output, path));
        } catch (error) {
          throw new Error(`Social card of ${pageUrl}: ${(error as Error).message}`);
        }
      }),
      ...appIcons.map(async (icon) => {
        const density = (72 * icon.size) / 64;
        let image = sharp(Buffer.from(mark()), { density }).resize(icon.size, icon.size);
        if (icon.opaque) image = image.flatten({ background: themeColours.theme });
        await writeAtomically(join(directories.output, icon.file), await image.png({ compressionLevel: 9 }).toBuffer());
      }),
    ]);
    console.log(
      `[cards] ${cards.size} social cards and ${appIcons.length} icons in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  });

  // The toolkit page waits for its graphics: it shows each one's size in bytes.
  eleventyConfig.addAsyncFilter("campaignGraphics", async (toolkit: Toolkit, day: Day) => {
    const content = {
      dayName: day.name,
      date: formatAnnualDate(day.date, locale.language()),
      tagline: day.tagline,
      hashtags: day.hashtags,
    };
    return Promise.all(
      toolkit.graphics.map(async (graphic) => {
        const { svg, width, height } = campaignGraphicSvg(graphic.format, content, typefaces(), mark());
        const url = `/toolkit/${slugify(day.name)}-${graphic.format}-${width}x${height}.png`;
        const file = join(directories.output, url);
        await writeAtomically(file, await svgToPng(svg, cache()));
        return { ...graphic, url, width, height, bytes: (await stat(file)).size, alt: graphicAlt(content) };
      }),
    );
  });

  eleventyConfig.addFilter("webManifest", (site: Site) =>
    webManifest({ name: site.name, description: site.description, language: site.language }),
  );
  eleventyConfig.addFilter("fileSize", (bytes: number) => formatBytes(bytes, locale.language()));
}
