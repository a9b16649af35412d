import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { EventData } from "../../src/lib/content/listing-schemas.ts";
import {
  eventFacets,
  eventListing,
  eventPlace,
  groupedByDay,
  inListOrder,
  isPast,
  pastEventsByYear,
  upcomingEvents,
} from "../../src/lib/site/events.ts";
import { countryPages, eventListPages, paginate, programmeListPages } from "../../src/lib/site/listing-pages.ts";
import { programmeDirectory, programmeListing, verificationOf } from "../../src/lib/site/programmes.ts";
import { formatEventTime, formatTimeOfDay, instantWithOffset } from "../../src/lib/words/dates.ts";

const event = (name: string, start: string, timeZone: string, more: Partial<EventData> = {}) =>
  eventListing(name, {
    title: name,
    summary: "A summary.",
    start,
    end: DateTime.fromISO(start).plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    timeZone,
    attendance: "online",
    registration: "https://example.net/register",
    organizer: { name: "Organiser" },
    languages: ["en"],
    ...more,
  });

const tokyo = event("tokyo", "2027-01-17T19:00", "Asia/Tokyo");
const sydney = event("sydney", "2027-01-17T10:00", "Australia/Sydney");
const honolulu = event("honolulu", "2027-01-16T20:00", "Pacific/Honolulu");
const london = event("london", "2026-11-20T18:30", "Europe/London");
const now = DateTime.fromISO("2026-12-01T00:00:00Z", { zone: "utc" });

describe("an event's time", () => {
  it("is the instant its local time is in its zone", () => {
    expect(tokyo.start.toUTC().toISO()).toBe("2027-01-17T10:00:00.000Z");
    expect(instantWithOffset(tokyo.start)).toBe("2027-01-17T19:00:00+09:00");
    expect(sydney.start.toUTC().toISODate()).toBe("2027-01-16");
    expect(sydney.day).toBe("2027-01-17");
  });

  it("is written in its own zone, in the site's language", () => {
    expect(formatEventTime(tokyo.start, "en-GB")).toBe("Sun 17 Jan 2027, 19:00 Japan Standard Time");
    expect(formatTimeOfDay(tokyo.start, "en-GB")).toBe("19:00 Japan Standard Time");
    expect(formatEventTime(tokyo.start, "es")).toBe("dom 17 ene 2027, 19:00 hora estándar de Japón");
  });

  it("keeps its wall-clock time across daylight saving: a summer event in London is at 18:00 BST", () => {
    const summer = event("summer", "2027-07-01T18:00", "Europe/London");
    expect(instantWithOffset(summer.start)).toBe("2027-07-01T18:00:00+01:00");
  });
});

describe("the lists", () => {
  it("group events by the day in their own zone, then by the moment they start", () => {
    const ordered = inListOrder([tokyo, honolulu, sydney], "en-GB");
    // Honolulu's evening of the 16th is after Sydney's morning of the 17th in UTC, but on the day before.
    expect(ordered.map((item) => item.name)).toEqual(["honolulu", "sydney", "tokyo"]);
    expect(groupedByDay(ordered).map((group) => [group.day, group.events.map((item) => item.name)])).toEqual([
      ["2027-01-16", ["honolulu"]],
      ["2027-01-17", ["sydney", "tokyo"]],
    ]);
  });

  it("leave out events that have ended, which go to their year's archive", () => {
    expect(isPast(london, now)).toBe(true);
    expect(upcomingEvents([tokyo, london], now, "en-GB").map((item) => item.name)).toEqual(["tokyo"]);
    expect(pastEventsByYear([tokyo, london], now, "en-GB")).toEqual([{ year: 2026, events: [london] }]);
    const later = DateTime.fromISO("2027-01-18T00:00:00Z", { zone: "utc" });
    expect(upcomingEvents([tokyo, london], later, "en-GB")).toEqual([]);
  });

  it("are pages of at most 25, each linked to the first, previous, next and last", () => {
    const pages = paginate(
      "/events/",
      Array.from({ length: 60 }, (_, index) => index),
    );
    expect(pages.map((page) => [page.path, page.items.length, page.firstPosition])).toEqual([
      ["/events/", 25, 1],
      ["/events/page/2/", 25, 26],
      ["/events/page/3/", 10, 51],
    ]);
    expect(pages[1]).toMatchObject({
      previousPath: "/events/",
      nextPath: "/events/page/3/",
      lastPath: "/events/page/3/",
    });
    expect(paginate("/events/", [])).toMatchObject([{ path: "/events/", items: [], pageCount: 1 }]);
  });

  it("have a page for each filter that has events, and each archived year", () => {
    const inPerson = event("osaka", "2027-01-17T18:00", "Asia/Tokyo", {
      attendance: "in-person",
      languages: ["ja"],
      venue: { name: "Hall", locality: "Osaka", country: "JP", latitude: 34.694, longitude: 135.502 },
    });
    const paths = eventListPages(upcomingEvents([tokyo, inPerson], now, "en-GB"), [
      { year: 2026, events: [london] },
    ]).map((page) => page.path);
    expect(paths).toEqual([
      "/events/",
      "/events/attendance/in-person/",
      "/events/attendance/online/",
      "/events/language/en/",
      "/events/language/ja/",
      "/events/2026/",
    ]);
    const pastInLondon = event("london-hall", "2026-11-20T18:30", "Europe/London", {
      attendance: "in-person",
      venue: { name: "Hall", locality: "London", country: "GB", latitude: 51.507, longitude: -0.128 },
    });
    const upcoming = upcomingEvents([tokyo, inPerson, pastInLondon], now, "en-GB");
    const pages = countryPages({ events: [pastInLondon, tokyo, inPerson], upcoming, programmes: [], directory: [] });
    // A past event's page links to its country too: the country's page is there, with no upcoming event.
    expect(pages.map((page) => [page.path, page.eventCount])).toEqual([
      ["/countries/gb/", 0],
      ["/countries/jp/", 1],
    ]);
  });
});

describe("the events' filters", () => {
  it("offer countries and languages in the order of their names in the site's language, not of their codes", () => {
    const at = (name: string, country: string, languages: string[]) =>
      event(name, "2027-01-17T18:00", "Europe/Berlin", {
        attendance: "in-person",
        languages,
        venue: {
          name: "Hall",
          locality: name,
          country,
          latitude: country === "CH" ? 46.948 : 52.52,
          longitude: country === "CH" ? 7.447 : 13.405,
        },
      });
    const events = [at("bern", "CH", ["es", "de"]), at("berlin", "DE", ["ja"])];
    expect(eventFacets(events, "en")).toMatchObject({ countries: ["DE", "CH"], languages: ["de", "ja", "es"] });
    // Spanish: Alemania, Suiza; alemán, español, japonés.
    expect(eventFacets(events, "es")).toMatchObject({ countries: ["DE", "CH"], languages: ["de", "es", "ja"] });
  });
});

describe("an event's place", () => {
  it("is published with at most three decimals, and an online event has none", () => {
    const place = eventPlace(
      event("osaka", "2027-01-17T18:00", "Asia/Tokyo", {
        attendance: "hybrid",
        venue: { name: "Hall", locality: "Osaka", country: "JP", latitude: 34.6937, longitude: 135.5023 },
      }),
    );
    expect(place).toMatchObject({ latitude: 34.694, longitude: 135.502 });
    expect(eventPlace(tokyo)).toBeUndefined();
  });
});

describe("programmes", () => {
  const programme = (name: string, verified: string) =>
    programmeListing(
      name,
      {
        name,
        organisation: "Org",
        summary: "A summary.",
        apply: "https://example.net/apply",
        formats: ["peer"],
        attendance: "online",
        countries: ["KE"],
        audience: ["students"],
        languages: ["en"],
        verified: new Date(`${verified}T00:00:00Z`),
      },
      now,
    );

  it("are marked after 12 months unconfirmed, and leave the directory after 24", () => {
    expect(verificationOf(new Date("2026-01-01T00:00:00Z"), now)).toBe("current");
    expect(verificationOf(new Date("2025-12-01T00:00:00Z"), now)).toBe("unverified");
    expect(verificationOf(new Date("2024-12-01T00:00:00Z"), now)).toBe("expired");
    const directory = programmeDirectory(
      [programme("Zebra", "2026-06-01"), programme("Ant", "2025-06-01"), programme("Old", "2024-01-01")],
      "en-GB",
    );
    expect(directory.map((item) => [item.name, item.verification])).toEqual([
      ["Ant", "unverified"],
      ["Zebra", "current"],
    ]);
    expect(programmeListPages(directory).map((page) => page.path)).toEqual([
      "/programmes/",
      "/programmes/format/peer/",
      "/programmes/audience/students/",
      "/programmes/attendance/online/",
      "/programmes/language/en/",
    ]);
  });
});
