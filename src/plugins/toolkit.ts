import type { EleventyConfig } from "@11ty/eleventy";
import type { Day, Toolkit } from "../lib/content/schemas.ts";
import { writeCampaignGraphics } from "../lib/graphics/campaign-graphic-files.ts";
import { imageCacheDir } from "../lib/graphics/image-files.ts";
import { socialCardColours } from "../lib/graphics/social-cards.ts";
import { formatAnnualDate } from "../lib/words/dates.ts";
import { formatBytes } from "../lib/words/locale.ts";
import type { SiteDesignHolder } from "./design.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** The campaign toolkit's graphics, drawn from the day's words in every size the platforms take, and their sizes in bytes. */
export default function toolkit(
  eleventyConfig: EleventyConfig,
  { locale, design }: { locale: SiteLocaleHolder; design: SiteDesignHolder },
): void {
  let directories = { input: ".", output: "_site" };
  eleventyConfig.on("eleventy.before", (event) => {
    directories = event.directories;
  });
  // The toolkit page waits for its graphics: it shows each one's size in bytes.
  eleventyConfig.addAsyncFilter("campaignGraphics", (toolkit: Toolkit, day: Day) =>
    writeCampaignGraphics(
      toolkit.graphics,
      {
        dayName: day.name,
        date: formatAnnualDate(day.date, locale.language()),
        tagline: day.tagline,
        hashtags: day.hashtags,
      },
      socialCardColours(design.tokens()),
      { cacheDir: imageCacheDir(directories.input), outputDir: directories.output },
    ),
  );
  eleventyConfig.addFilter("fileSize", (bytes: number) => formatBytes(bytes, locale.language()));
}
