import type { CollectionApi, EleventyConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import { isIanaZone, programmeAudiences, programmeFormats } from "../lib/content/listing-schemas.ts";
import type { Day, Site } from "../lib/content/schemas.ts";
import { countryName } from "../lib/places/countries.ts";
import { worldMapSvg } from "../lib/places/world-map.ts";
import { type CalendarLinkLabels, timedEventLinks, timedEventsCalendar } from "../lib/publishing/calendar.ts";
import { findByUrl } from "../lib/site/articles.ts";
import {
  calendarEventOf,
  dayDate,
  type EventListing,
  eventFacets,
  eventsOfPages,
  eventsOnDay,
  isPast,
  pastEventsByYear,
  upcomingEvents,
} from "../lib/site/events.ts";
import {
  countryPages,
  countryPath,
  eventListPages,
  eventMapPlaces,
  programmeListPages,
} from "../lib/site/listing-pages.ts";
import {
  type ProgrammeListing,
  programmeDirectory,
  programmeFacets,
  programmesOfPages,
} from "../lib/site/programmes.ts";
import {
  formatEventTime,
  formatLongDate,
  formatTimeOfDay,
  instantWithOffset,
  nextOccurrence,
} from "../lib/words/dates.ts";
import { languageName } from "../lib/words/listing-words.ts";
import { say } from "../lib/words/locale.ts";
import type { SiteDesignHolder } from "./design.ts";
import type { SiteLocaleHolder } from "./locale.ts";

/**
 * Events (events/*.md) and mentoring programmes (programmes/*.md): their lists, filters, archives
 * and countries as static pages, their times in words, and their calendar files.
 */
export default function listings(
  eleventyConfig: EleventyConfig,
  { now, locale, design }: { now: DateTime; locale: SiteLocaleHolder; design: SiteDesignHolder },
): void {
  const language = () => locale.language();
  const events = (api: CollectionApi) => eventsOfPages(api.getFilteredByGlob<Record<string, unknown>>("events/*.md"));
  const upcoming = (api: CollectionApi) => upcomingEvents(events(api), now, language());
  const pastByYear = (api: CollectionApi) => pastEventsByYear(events(api), now, language());
  const programmes = (api: CollectionApi) =>
    programmesOfPages(api.getFilteredByGlob<Record<string, unknown>>("programmes/*.md"), now);
  const directory = (api: CollectionApi) => programmeDirectory(programmes(api), language());

  eleventyConfig.addCollection("eventListings", events);
  eleventyConfig.addCollection("upcomingEvents", upcoming);
  eleventyConfig.addCollection("eventListPages", (api: CollectionApi) =>
    eventListPages(upcoming(api), pastByYear(api)),
  );
  eleventyConfig.addCollection("eventArchiveYears", (api: CollectionApi) => pastByYear(api).map(({ year }) => year));
  eleventyConfig.addCollection("programmeListings", programmes);
  eleventyConfig.addCollection("programmeDirectory", directory);
  eleventyConfig.addCollection("programmeListPages", (api: CollectionApi) => programmeListPages(directory(api)));
  eleventyConfig.addCollection("countryPages", (api: CollectionApi) =>
    countryPages({
      events: events(api),
      upcoming: upcoming(api),
      programmes: programmes(api),
      directory: directory(api),
    }),
  );

  // What the forms of /events/add/ and /programmes/add/ offer: the zones a time may be in, the formats and audiences.
  eleventyConfig.addGlobalData("timeZones", () => Intl.supportedValuesOf("timeZone").filter(isIanaZone));
  eleventyConfig.addGlobalData("programmeFormats", [...programmeFormats]);
  eleventyConfig.addGlobalData("programmeAudiences", [...programmeAudiences]);
  eleventyConfig.addFilter("listingAt", findByUrl);
  eleventyConfig.addFilter("eventFacets", (list: EventListing[]) => eventFacets(list, language()));
  eleventyConfig.addFilter("programmeFacets", (list: ProgrammeListing[]) => programmeFacets(list, language()));
  eleventyConfig.addFilter("eventsOnDay", (list: EventListing[], day: Day) =>
    eventsOnDay(list, nextOccurrence(day.date, now)),
  );
  eleventyConfig.addFilter("isPastEvent", (event: EventListing) => isPast(event, now));
  eleventyConfig.addFilter("eventTime", (instant: DateTime) => formatEventTime(instant, language()));
  eleventyConfig.addFilter("timeOfDay", (instant: DateTime) => formatTimeOfDay(instant, language()));
  eleventyConfig.addFilter("instantWithOffset", instantWithOffset);
  eleventyConfig.addFilter("listDay", (day: string) => formatLongDate(dayDate(day), language()));
  eleventyConfig.addFilter("countryPath", countryPath);
  eleventyConfig.addFilter("countryName", (code: string) => countryName(code, language()));
  eleventyConfig.addFilter("languageName", (tag: string) => languageName(tag, language()));

  // The map above /events/: the towns of the upcoming events, drawn by the build (no script, no other origin).
  eleventyConfig.addFilter("eventsMap", (list: EventListing[], listHref: string) => {
    const words = locale.words().events;
    return worldMapSvg({
      places: eventMapPlaces(list),
      words: {
        name: words.mapName,
        listNote: words.mapNote,
        marker: (labels, count) =>
          say(
            words.mapMarker,
            { places: new Intl.ListFormat(language(), { type: "conjunction" }).format(labels), count },
            language(),
          ),
      },
      language: language(),
      listHref,
      colours: design.tokens().palette.light,
    });
  });

  const calendarEvent = (event: EventListing, site: Site) =>
    calendarEventOf(event, {
      url: site.url,
      pathPrefix: eleventyConfig.pathPrefix,
      language: language(),
      online: locale.words().events.online,
    });
  const calendar = (site: Site) => ({
    name: say(locale.words().events.calendarName, { site: site.name }, language()),
    siteUrl: site.url,
    stamp: now,
  });
  eleventyConfig.addFilter("eventCalendarFile", (event: EventListing, site: Site) =>
    timedEventsCalendar(calendar(site), [calendarEvent(event, site)]),
  );
  eleventyConfig.addFilter("eventsCalendarFile", (list: EventListing[], site: Site) =>
    timedEventsCalendar(
      calendar(site),
      list.map((event) => calendarEvent(event, site)),
    ),
  );
  eleventyConfig.addFilter("eventCalendarLinks", (event: EventListing, site: Site, labels: CalendarLinkLabels) =>
    timedEventLinks(calendarEvent(event, site), `/events/${event.name}.ics`, labels),
  );
}
