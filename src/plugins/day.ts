import type { EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import type { Day } from "../lib/content/schemas.ts";
import { slugify } from "../lib/content/slug.ts";
import { annualEventCalendar, type CalendarLinkLabels, calendarLinks } from "../lib/publishing/calendar.ts";
import { absoluteUrl } from "../lib/publishing/urls.ts";
import type { AnnualDate } from "../lib/words/dates.ts";
import { formatAnnualDate, formatLongDate, isObservedOn, nextOccurrence } from "../lib/words/dates.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** The day and its date: the next occurrence, and the calendar file and links to add it. */
export default function day(
  eleventyConfig: EleventyConfig,
  { now, locale }: { now: DateTime; locale: SiteLocaleHolder },
): void {
  const home = (siteUrl: string) => absoluteUrl("/", siteUrl, eleventyConfig.pathPrefix);
  const calendarEvent = (day: Day, siteUrl: string) => ({
    name: day.name,
    date: day.date,
    description: day.intro,
    url: home(siteUrl),
  });
  const calendarPath = (day: Day) => `/${slugify(day.name)}.ics`;

  eleventyConfig.addFilter("annualDate", (date: AnnualDate) => formatAnnualDate(date, locale.language()));
  eleventyConfig.addFilter("nextOccurrence", (date: AnnualDate) => nextOccurrence(date, now));
  eleventyConfig.addFilter("isToday", (date: AnnualDate) => isObservedOn(date, now));
  eleventyConfig.addFilter("longDate", (date: DateTime) => formatLongDate(date, locale.language()));
  eleventyConfig.addFilter("calendarPath", calendarPath);
  eleventyConfig.addFilter("calendarFile", (day: Day, siteUrl: string) =>
    annualEventCalendar({
      ...calendarEvent(day, siteUrl),
      uid: `${slugify(day.name)}@${new URL(siteUrl).host}`,
      firstYear: nextOccurrence(day.date, now).year,
      stamp: now,
    }),
  );
  eleventyConfig.addFilter("calendarLinks", (day: Day, siteUrl: string, labels: CalendarLinkLabels) =>
    calendarLinks({ ...calendarEvent(day, siteUrl), today: now }, calendarPath(day), labels),
  );
}
