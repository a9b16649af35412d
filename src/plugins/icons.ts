import type { EleventyConfig } from "@11ty/eleventy";
import type { Site } from "../lib/content/schemas.ts";
import { writeAppIcons } from "../lib/graphics/app-icon-files.ts";
import { markSvg } from "../lib/graphics/mark.ts";
import { themeColours, webManifest } from "../lib/publishing/web-manifest.ts";
import type { SiteDesignHolder } from "./design.ts";

/**
 * The site's mark and what is made of it: /favicon.svg (src/pages/favicon.njk), the app icons,
 * and the web app manifest that names them.
 */
export default function icons(eleventyConfig: EleventyConfig, { design }: { design: SiteDesignHolder }): void {
  eleventyConfig.addFilter("markSvg", markSvg);
  eleventyConfig.addFilter("webManifest", (site: Site) =>
    webManifest(
      { name: site.name, description: site.description, language: site.language },
      themeColours(design.tokens()),
    ),
  );
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    const tokens = design.tokens();
    await writeAppIcons(markSvg(tokens.palette.mark), themeColours(tokens).theme, directories.output);
  });
}
