import type { MapPlace } from "../places/world-map.ts";
import type { EventListing } from "./events.ts";
import { eventCountry, eventPlace, groupedByDay } from "./events.ts";
import type { ProgrammeListing } from "./programmes.ts";
import { programmeCountries } from "./programmes.ts";

// The static pages of the events' and programmes' lists: every list, every filter of it and every
// page of each, so that filtering works as plain links, without a script.

/** How many entries a page of a list shows: the lists stay light however many there are. */
export const listingsPerPage = 25;

/** One page of a list: where it is, what it shows, and where the pages around it are. */
export interface ListPage<Item> {
  path: string;
  items: Item[];
  /** 1 for the first page. */
  pageNumber: number;
  pageCount: number;
  /** The position in the whole list of the page's first item, from 1 (for `<ol start>`). */
  firstPosition: number;
  firstPath: string;
  lastPath: string;
  previousPath?: string;
  nextPath?: string;
}

/** `items` in pages of `perPage` under `basePath` (`/events/`, `/events/page/2/` …); one empty page when there are none. */
export function paginate<Item>(basePath: string, items: readonly Item[], perPage = listingsPerPage): ListPage<Item>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const pathOf = (pageNumber: number) => (pageNumber === 1 ? basePath : `${basePath}page/${pageNumber}/`);
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    return {
      path: pathOf(pageNumber),
      items: items.slice(index * perPage, (index + 1) * perPage),
      pageNumber,
      pageCount,
      firstPosition: index * perPage + 1,
      firstPath: pathOf(1),
      lastPath: pathOf(pageCount),
      ...(pageNumber > 1 ? { previousPath: pathOf(pageNumber - 1) } : {}),
      ...(pageNumber < pageCount ? { nextPath: pathOf(pageNumber + 1) } : {}),
    };
  });
}

/** Which list a page belongs to: all upcoming events, one filter of them, or a year's archive. */
export type EventList =
  | { kind: "upcoming" }
  | { kind: "attendance"; value: string }
  | { kind: "language"; value: string }
  | { kind: "archive"; value: string };

export interface EventListPage extends ListPage<EventListing> {
  list: EventList;
  groups: { day: string; events: EventListing[] }[];
}

/**
 * Every page of the events' lists: the upcoming events (`/events/`), each filter of them by
 * attendance (`/events/attendance/online/`) and language (`/events/language/ja/`), and each
 * year's past events (`/events/2026/`). `upcoming` and each year's are in list order already.
 */
export function eventListPages(
  upcoming: readonly EventListing[],
  pastByYear: readonly { year: number; events: EventListing[] }[],
  perPage = listingsPerPage,
): EventListPage[] {
  const lists: { list: EventList; basePath: string; events: readonly EventListing[] }[] = [
    { list: { kind: "upcoming" }, basePath: "/events/", events: upcoming },
  ];
  for (const mode of ["in-person", "hybrid", "online"]) {
    const events = upcoming.filter((event) => event.data.attendance === mode);
    if (events.length > 0)
      lists.push({ list: { kind: "attendance", value: mode }, basePath: `/events/attendance/${mode}/`, events });
  }
  for (const language of [...new Set(upcoming.flatMap((event) => event.data.languages))].sort()) {
    const events = upcoming.filter((event) => event.data.languages.includes(language));
    lists.push({
      list: { kind: "language", value: language },
      basePath: `/events/language/${language.toLowerCase()}/`,
      events,
    });
  }
  for (const { year, events } of pastByYear) {
    lists.push({ list: { kind: "archive", value: String(year) }, basePath: `/events/${year}/`, events });
  }
  return lists.flatMap(({ list, basePath, events }) =>
    paginate(basePath, events, perPage).map((page) => ({ ...page, list, groups: groupedByDay(page.items) })),
  );
}

/** Which list a page of the directory belongs to: every programme, or one filter of them. */
export type ProgrammeList =
  | { kind: "directory" }
  | { kind: "format" | "audience" | "attendance" | "language"; value: string };

export interface ProgrammeListPage extends ListPage<ProgrammeListing> {
  list: ProgrammeList;
}

/** Every page of the directory and of each of its filters (`/programmes/format/peer/` …). */
export function programmeListPages(
  directory: readonly ProgrammeListing[],
  perPage = listingsPerPage,
): ProgrammeListPage[] {
  const lists: { list: ProgrammeList; basePath: string; programmes: readonly ProgrammeListing[] }[] = [
    { list: { kind: "directory" }, basePath: "/programmes/", programmes: directory },
  ];
  const facets: ["format" | "audience" | "attendance" | "language", (programme: ProgrammeListing) => string[]][] = [
    ["format", (programme) => programme.data.formats],
    ["audience", (programme) => programme.data.audience],
    ["attendance", (programme) => [programme.data.attendance]],
    ["language", (programme) => programme.data.languages],
  ];
  for (const [kind, valuesOf] of facets) {
    for (const value of [...new Set(directory.flatMap(valuesOf))].sort()) {
      lists.push({
        list: { kind, value },
        basePath: `/programmes/${kind}/${value.toLowerCase()}/`,
        programmes: directory.filter((programme) => valuesOf(programme).includes(value)),
      });
    }
  }
  return lists.flatMap(({ list, basePath, programmes }) =>
    paginate(basePath, programmes, perPage).map((page) => ({ ...page, list })),
  );
}

/** A country's page: its upcoming events and the programmes of the directory that name it. */
export interface CountryPage {
  path: string;
  /** ISO 3166-1 alpha-2, in capitals. */
  country: string;
  groups: { day: string; events: EventListing[] }[];
  eventCount: number;
  programmes: ProgrammeListing[];
}

/** The address of a country's page: /countries/jp/. */
export function countryPath(country: string): string {
  return `/countries/${country.toLowerCase()}/`;
}

/**
 * A page for every country that an event's or a programme's page links to, by code: its upcoming
 * events and the programmes of the directory (a past event's or an expired programme's country may
 * have none, and its page says so rather than the link leading nowhere).
 */
export function countryPages({
  events,
  upcoming,
  programmes,
  directory,
}: {
  events: readonly EventListing[];
  upcoming: readonly EventListing[];
  programmes: readonly ProgrammeListing[];
  directory: readonly ProgrammeListing[];
}): CountryPage[] {
  const countries = new Set([
    ...events.flatMap((event) => eventCountry(event) ?? []),
    ...programmes.flatMap(programmeCountries),
  ]);
  return [...countries].sort().map((country) => {
    const countryEvents = upcoming.filter((event) => eventCountry(event) === country);
    return {
      path: countryPath(country),
      country,
      groups: groupedByDay(countryEvents),
      eventCount: countryEvents.length,
      programmes: directory.filter((programme) => programmeCountries(programme).includes(country)),
    };
  });
}

/**
 * The places of the events on the map: one for each town with an upcoming event at a venue
 * (online events have no place), at its first venue's published coordinates, leading to its
 * country's page, where every event of the country is listed.
 */
export function eventMapPlaces(upcoming: readonly EventListing[]): MapPlace[] {
  const towns = new Map<string, MapPlace>();
  for (const event of upcoming) {
    const place = eventPlace(event);
    if (place === undefined) continue;
    const key = `${place.country}\n${place.locality.toLowerCase()}`;
    const town = towns.get(key);
    if (town) town.count += 1;
    else
      towns.set(key, {
        latitude: place.latitude,
        longitude: place.longitude,
        count: 1,
        href: countryPath(place.country),
        label: place.locality,
      });
  }
  return [...towns.values()];
}
