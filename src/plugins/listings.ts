import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { eventSchema, programmeSchema } from "../lib/content/listing-schemas.ts";
import type { Day, Site } from "../lib/content/schemas.ts";
import { type CalendarLinkLabels, timedEventLinks, timedEventsCalendar } from "../lib/publishing/calendar.ts";
import { absoluteUrl } from "../lib/publishing/urls.ts";
import { findByUrl } from "../lib/site/articles.ts";
import {
  dayDate,
  type EventListing,
  eventFacets,
  eventListing,
  eventsOnDay,
  pastEventsByYear,
  upcomingEvents,
} from "../lib/site/events.ts";
import { countryPages, countryPath, eventListPages, programmeListPages } from "../lib/site/listing-pages.ts";
import { programmeDirectory, programmeFacets, programmeListing } from "../lib/site/programmes.ts";
import {
  formatDate,
  formatEventTime,
  formatLongDate,
  formatTimeOfDay,
  instantWithOffset,
  nextOccurrence,
} from "../lib/words/dates.ts";
import { listingPlaceName, listingWords } from "../lib/words/listing-words.ts";
import { say } from "../lib/words/locale.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/** The front matter of a listing's page as its schema reads it (the page's data holds the site's data too). */
function frontMatterOf<Schema extends typeof eventSchema | typeof programmeSchema>(
  schema: Schema,
  item: { inputPath: string; data: Record<string, unknown> },
): z.output<Schema> {
  const own = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((key) => Object.hasOwn(item.data, key))
      .map((key) => [key, item.data[key]]),
  );
  const parsed = schema.safeParse(own);
  // The content check has passed before any page is made: this is a defect, not a contributor's mistake.
  if (!parsed.success) throw new Error(`${item.inputPath}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data as z.output<Schema>;
}

/**
 * Events (events/*.md) and mentoring programmes (programmes/*.md): their lists, filters, archives
 * and countries as static pages, their times in words, and their calendar files.
 */
export default function listings(
  eleventyConfig: EleventyConfig,
  { now, locale }: { now: DateTime; locale: SiteLocaleHolder },
): void {
  const language = () => locale.language();
  const events = (api: CollectionApi) =>
    api
      .getFilteredByGlob<Record<string, unknown>>("events/*.md")
      .map((item) => eventListing(item.fileSlug, frontMatterOf(eventSchema, item)));
  const programmes = (api: CollectionApi) =>
    api
      .getFilteredByGlob<Record<string, unknown>>("programmes/*.md")
      .map((item) => programmeListing(item.fileSlug, frontMatterOf(programmeSchema, item), now));
  const upcoming = (api: CollectionApi) => upcomingEvents(events(api), now, language());
  const directory = (api: CollectionApi) => programmeDirectory(programmes(api), language());

  eleventyConfig.addCollection("eventListings", events);
  eleventyConfig.addCollection("upcomingEvents", upcoming);
  eleventyConfig.addCollection("eventListPages", (api: CollectionApi) =>
    eventListPages(upcoming(api), pastEventsByYear(events(api), now, language())),
  );
  eleventyConfig.addCollection("eventArchiveYears", (api: CollectionApi) =>
    pastEventsByYear(events(api), now, language()).map(({ year }) => year),
  );
  eleventyConfig.addCollection("programmeListings", programmes);
  eleventyConfig.addCollection("programmeDirectory", directory);
  eleventyConfig.addCollection("programmeListPages", (api: CollectionApi) => programmeListPages(directory(api)));
  eleventyConfig.addCollection("countryPages", (api: CollectionApi) => countryPages(upcoming(api), directory(api)));

  eleventyConfig.addFilter("listingAt", findByUrl);
  eleventyConfig.addFilter("eventFacets", eventFacets);
  eleventyConfig.addFilter("programmeFacets", programmeFacets);
  eleventyConfig.addFilter("eventsOnDay", (list: EventListing[], day: Day) =>
    eventsOnDay(list, nextOccurrence(day.date, now)),
  );
  eleventyConfig.addFilter("isPastEvent", (event: EventListing) => event.end <= now);
  eleventyConfig.addFilter("eventTime", (instant: DateTime) => formatEventTime(instant, language()));
  eleventyConfig.addFilter("timeOfDay", (instant: DateTime) => formatTimeOfDay(instant, language()));
  eleventyConfig.addFilter("instantWithOffset", instantWithOffset);
  eleventyConfig.addFilter("listDay", (day: string) => formatLongDate(dayDate(day), language()));
  eleventyConfig.addFilter("verifiedDate", (date: Date) => formatDate(date, language()));
  eleventyConfig.addFilter("countryPath", countryPath);
  eleventyConfig.addFilter("countryName", (code: string) => listingWords(language()).country(code));
  eleventyConfig.addFilter("languageName", (tag: string) => listingWords(language()).language(tag));
  eleventyConfig.addFilter("placeName", (event: EventListing, online: string) =>
    listingPlaceName(event, online, language()),
  );

  const timedEvent = (event: EventListing, site: Site) => ({
    uid: `${event.name}@${new URL(site.url).host}`,
    name: event.data.title,
    description: event.data.summary,
    location: listingPlaceName(event, locale.words().events.online, language()),
    url: absoluteUrl(event.url, site.url, eleventyConfig.pathPrefix),
    start: event.start,
    end: event.end,
  });
  const calendar = (site: Site) => ({
    name: say(locale.words().events.calendarName, { site: site.name }, language()),
    siteUrl: site.url,
    stamp: now,
  });
  eleventyConfig.addFilter("eventCalendarFile", (event: EventListing, site: Site) =>
    timedEventsCalendar(calendar(site), [timedEvent(event, site)]),
  );
  eleventyConfig.addFilter("eventsCalendarFile", (list: EventListing[], site: Site) =>
    timedEventsCalendar(
      calendar(site),
      list.map((event) => timedEvent(event, site)),
    ),
  );
  eleventyConfig.addFilter("eventCalendarLinks", (event: EventListing, site: Site, labels: CalendarLinkLabels) =>
    timedEventLinks(timedEvent(event, site), `/events/${event.name}.ics`, labels),
  );
}
