import type { EleventyConfig } from "@11ty/eleventy";
import type { Day, Person, Site } from "../lib/content/schemas.ts";
import { imageCacheDir } from "../lib/graphics/image-files.ts";
import { socialCardsOfBuild } from "../lib/graphics/social-card-files.ts";
import { socialCardColours } from "../lib/graphics/social-cards.ts";
import { displayName } from "../lib/site/people.ts";
import { formatAnnualDate } from "../lib/words/dates.ts";
import { say } from "../lib/words/locale.ts";
import type { SiteDesignHolder } from "./design.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** A social card for every page (og:image), drawn once every page is written. */
export default function socialCards(
  eleventyConfig: EleventyConfig,
  { locale, design }: { locale: SiteLocaleHolder; design: SiteDesignHolder },
): void {
  const cards = socialCardsOfBuild();
  eleventyConfig.on("eleventy.before", () => cards.clear());

  // Used in the layout's <head>: the card's address and size for og:image.
  eleventyConfig.addFilter(
    "socialCard",
    (page: { url: string; title: string; people?: Person[]; lang?: string }, site: Site, day: Day) =>
      cards.cardOf(page.url, {
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
      }),
  );

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    const started = performance.now();
    await cards.write(socialCardColours(design.tokens()), {
      cacheDir: imageCacheDir(directories.input),
      outputDir: directories.output,
    });
    console.log(`[cards] ${cards.count} social cards in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  });
}
