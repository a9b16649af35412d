import { DateTime } from "luxon";
import {
  type Attendance,
  type EventData,
  eventSchema,
  instantOf,
  listingFrontMatter,
} from "../content/listing-schemas.ts";
import type { TimedEvent } from "../publishing/calendar.ts";
import { absoluteUrl } from "../publishing/urls.ts";
import { byName, listingPlaceName } from "../words/listing-words.ts";
import { compareText } from "../words/locale.ts";

/** An event as the pages show it: its file's front matter, and the instants its local times are. */
export interface EventListing {
  /** The file's name without .md: its address is /events/<name>/. */
  name: string;
  url: string;
  data: EventData;
  /** The start and end in the event's own zone (`toUTC()` for calendars). */
  start: DateTime;
  end: DateTime;
  /** The day it starts on in its own zone (`2027-01-17`): the list groups it under that day. */
  day: string;
  /** The year it starts in, in its own zone: the archive it goes to once it is over. */
  year: number;
}

/** An event's listing, from its checked front matter; its local times are known to exist (the check said so). */
export function eventListing(name: string, data: EventData): EventListing {
  const start = instantOf(data.start, data.timeZone);
  const end = instantOf(data.end, data.timeZone);
  if (start === undefined || end === undefined) {
    throw new Error(`events/${name}.md: start: expected a time that exists in ${data.timeZone}, got ${data.start}`);
  }
  return { name, url: `/events/${name}/`, data, start, end, day: data.start.slice(0, 10), year: start.year };
}

/** The events of events/*.md, from their pages as Eleventy reads them (`fileSlug` is the name). */
export function eventsOfPages(
  pages: readonly { fileSlug: string; inputPath: string; data: Record<string, unknown> }[],
): EventListing[] {
  return pages.map((page) => eventListing(page.fileSlug, listingFrontMatter(eventSchema, page.inputPath, page.data)));
}

/** An event as a calendar file and the "add to calendar" links describe it, with a UID stable across builds. */
export function calendarEventOf(
  event: EventListing,
  site: { url: string; pathPrefix?: string; language: string; online: string },
): TimedEvent {
  return {
    uid: `${event.name}@${new URL(site.url).host}`,
    name: event.data.title,
    description: event.data.summary,
    location: listingPlaceName(event, site.online, site.language),
    url: absoluteUrl(event.url, site.url, site.pathPrefix),
    start: event.start,
    end: event.end,
  };
}

/** Over once it has ended, by the build's clock: it leaves the upcoming list for its year's archive. */
export function isPast(event: EventListing, now: DateTime): boolean {
  return event.end <= now;
}

/**
 * In the order the lists show them: by the day in each event's own zone (a Sydney breakfast at
 * 10:00 on 17 January is under 17 January, though it starts on the 16th in UTC), then by the
 * moment it starts, then by title.
 */
export function inListOrder(events: readonly EventListing[], language: string): EventListing[] {
  const byTitle = compareText(language);
  return [...events].sort(
    (a, b) =>
      (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
      a.start.toMillis() - b.start.toMillis() ||
      byTitle(a.data.title, b.data.title) ||
      (a.name < b.name ? -1 : 1),
  );
}

/** The events that have not ended, in list order. */
export function upcomingEvents(events: readonly EventListing[], now: DateTime, language: string): EventListing[] {
  return inListOrder(
    events.filter((event) => !isPast(event, now)),
    language,
  );
}

/** The events that have ended, by the year they started in (newest year first), each year in list order. */
export function pastEventsByYear(
  events: readonly EventListing[],
  now: DateTime,
  language: string,
): { year: number; events: EventListing[] }[] {
  const years = new Map<number, EventListing[]>();
  for (const event of events.filter((item) => isPast(item, now))) {
    years.set(event.year, [...(years.get(event.year) ?? []), event]);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, inYear]) => ({ year, events: inListOrder(inYear, language) }));
}

/** Events already in list order, in runs of the same day. */
export function groupedByDay(events: readonly EventListing[]): { day: string; events: EventListing[] }[] {
  const groups: { day: string; events: EventListing[] }[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last?.day === event.day) last.events.push(event);
    else groups.push({ day: event.day, events: [event] });
  }
  return groups;
}

/** The country an event takes place in; none for an online event. */
export function eventCountry(event: EventListing): string | undefined {
  return event.data.venue?.country;
}

/** The ways in the events' filters go: by attendance, by language. */
export interface EventFacets {
  attendance: Attendance[];
  languages: string[];
  countries: string[];
}

/** The values the events' filters can take, each with at least one event: countries and languages by their names in `language`. */
export function eventFacets(events: readonly EventListing[], language: string): EventFacets {
  const attendance = new Set(events.map((event) => event.data.attendance));
  return {
    attendance: (["in-person", "hybrid", "online"] as const).filter((mode) => attendance.has(mode)),
    languages: byName(
      "language",
      events.flatMap((event) => event.data.languages),
      language,
    ),
    countries: byName(
      "country",
      events.flatMap((event) => event.data.venue?.country ?? []),
      language,
    ),
  };
}

/** The events of the day itself (its next occurrence), by their own zones: the day's JSON-LD names them. */
export function eventsOnDay(events: readonly EventListing[], day: DateTime): EventListing[] {
  const date = day.toISODate();
  return events.filter((event) => event.day === date);
}

/** A coordinate as published: never more than three decimals (about 100 m). */
export function publishedCoordinate(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The event's place for the map and JSON-LD; none for an online event, whose place is never published. */
export function eventPlace(event: EventListing) {
  const venue = event.data.venue;
  if (venue === undefined || event.data.attendance === "online") return undefined;
  return {
    name: venue.name,
    locality: venue.locality,
    country: venue.country,
    latitude: publishedCoordinate(venue.latitude),
    longitude: publishedCoordinate(venue.longitude),
  };
}

/** The date a day key (`2027-01-17`) names, at midnight in UTC, to be written as a date in any language. */
export function dayDate(day: string): DateTime {
  return DateTime.fromISO(day, { zone: "utc" });
}
