import { join } from "node:path";
import type { EleventyConfig } from "@11ty/eleventy";
import { importFresh } from "../lib/build/import-fresh-files.ts";
import type { Design } from "../lib/publishing/design-tokens.ts";

/**
 * The design tokens (_data/design.ts), read again before every build (so `npm start` sees an
 * edited token), for the plugins that draw or publish with them: the stylesheet, the cards and
 * graphics, the icons and manifest, the pictures' `sizes`. Templates read them as the data `design`.
 */
export function siteDesign() {
  let reading: Promise<Design> | undefined;
  let current: Design | undefined;
  return {
    plugin: function design(eleventyConfig: EleventyConfig): void {
      eleventyConfig.on("eleventy.before", async ({ directories }) => {
        reading = importFresh(join(directories.data, "design.ts")) as Promise<Design>;
        current = await reading;
      });
    },
    /** The tokens, for another plugin's "eleventy.before", which runs alongside the reading. */
    read(): Promise<Design> {
      if (!reading) throw new Error("The design tokens are read before the build: they were asked for before that");
      return reading;
    },
    /** The tokens, while pages render and after. */
    tokens(): Design {
      if (!current) throw new Error("The design tokens are read before the build: they were asked for before that");
      return current;
    },
  };
}

export type SiteDesignHolder = ReturnType<typeof siteDesign>;
