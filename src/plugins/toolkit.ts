import type { EleventyConfig } from "@11ty/eleventy";
import type { Day, Toolkit } from "../lib/content/schemas.ts";
import { writeCampaignGraphics } from "../lib/graphics/campaign-graphic-files.ts";
import { imageCacheDir } from "../lib/graphics/image-files.ts";
import { socialCardColours } from "../lib/graphics/social-cards.ts";
import { formatAnnualDate } from "../lib/words/dates.ts";
import { formatBytes } from "../lib/words/locale.ts";
import type { SiteDesignHolder } from "./design.ts";
import { buildPictures } from "./images.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/**
 * The campaign toolkit's graphics, drawn from the day's words in every size the platforms take,
 * and their sizes in bytes; the page shows each as previews its pictures transform makes (the
 * files stay whole for download).
 */
export default function toolkit(
  eleventyConfig: EleventyConfig,
  { locale, design }: { locale: SiteLocaleHolder; design: SiteDesignHolder },
): void {
  const pictures = buildPictures(eleventyConfig, design);
  let directories = { input: ".", output: "_site" };
  eleventyConfig.on("eleventy.before", (event) => {
    directories = event.directories;
  });
  // The toolkit page waits for its graphics: it shows each one's size in bytes.
  eleventyConfig.addAsyncFilter("campaignGraphics", async (toolkit: Toolkit, day: Day) => {
    const graphics = await writeCampaignGraphics(
      toolkit.graphics,
      {
        dayName: day.name,
        date: formatAnnualDate(day.date, locale.language()),
        tagline: day.tagline,
        hashtags: day.hashtags,
      },
      socialCardColours(design.tokens()),
      { cacheDir: imageCacheDir(directories.input), outputDir: directories.output },
    );
    await Promise.all(graphics.map((graphic) => pictures.preview(graphic.url)));
    return graphics;
  });
  eleventyConfig.addFilter("fileSize", (bytes: number) => formatBytes(bytes, locale.language()));
}
