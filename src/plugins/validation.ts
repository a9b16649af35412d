import type { EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import { ContentError } from "../lib/content/check.ts";
import { checkProjectContent } from "../lib/content/project-files.ts";

/**
 * Checks every article and data file before Eleventy writes anything: a build with bad
 * content stops with every problem listed and leaves the previous output as it was.
 */
export default function validation(eleventyConfig: EleventyConfig, { now }: { now: DateTime }): void {
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    const problems = await checkProjectContent(directories.input, now.toJSDate());
    if (problems.length > 0) throw new ContentError(problems);
  });
}
