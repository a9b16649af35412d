import type { EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import {
  type AnnualDate,
  formatAnnualDate,
  formatDate,
  formatLongDate,
  isObservedOn,
  isoDate,
  longestWait,
  nextOccurrence,
} from "../lib/words/dates.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** Dates as the site's language writes them, and the day's next occurrence by the build's clock. */
export default function dates(
  eleventyConfig: EleventyConfig,
  { now, locale }: { now: DateTime; locale: SiteLocaleHolder },
): void {
  eleventyConfig.addFilter("readableDate", (date: Date) => formatDate(date, locale.language()));
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("annualDate", (date: AnnualDate) => formatAnnualDate(date, locale.language()));
  eleventyConfig.addFilter("longDate", (date: DateTime) => formatLongDate(date, locale.language()));
  // Every page's header says when the day is next: it is worked out once (a DateTime never changes).
  const next = new Map<string, DateTime>();
  eleventyConfig.addFilter("nextOccurrence", (date: AnnualDate) => {
    const key = `${date.month}/${date.day}`;
    let occurrence = next.get(key);
    if (!occurrence) {
      occurrence = nextOccurrence(date, now);
      next.set(key, occurrence);
    }
    return occurrence;
  });
  eleventyConfig.addFilter("isToday", (date: AnnualDate) => isObservedOn(date, now));
  eleventyConfig.addFilter("longestWait", longestWait);
}
