import type { EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import {
  type CalendarLinkLabels,
  calendarFilePath,
  dayCalendarFile,
  dayCalendarLinks,
  type ObservedDay,
} from "../lib/publishing/calendar.ts";
import { absoluteUrl } from "../lib/publishing/urls.ts";

/** The day in visitors' calendars: its calendar file, where it is published, and links that add it. */
export default function calendar(eleventyConfig: EleventyConfig, { now }: { now: DateTime }): void {
  const home = (siteUrl: string) => absoluteUrl("/", siteUrl, eleventyConfig.pathPrefix);
  eleventyConfig.addFilter("calendarPath", calendarFilePath);
  eleventyConfig.addFilter("calendarFile", (day: ObservedDay, siteUrl: string) =>
    dayCalendarFile(day, home(siteUrl), now),
  );
  eleventyConfig.addFilter("calendarLinks", (day: ObservedDay, siteUrl: string, labels: CalendarLinkLabels) =>
    dayCalendarLinks(day, home(siteUrl), now, labels),
  );
}
