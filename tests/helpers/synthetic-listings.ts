// Synthetic events and programmes, for the size test of /events/ (and the benchmarks): valid
// against their schemas and the content check, deterministic (a seeded generator), spread over
// every IANA time zone and 150 countries, each venue at a point inside its country's shape.
import { createRequire } from "node:module";
import { geoBounds } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import countryCodes from "i18n-iso-countries";
import { DateTime } from "luxon";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { instantOf, isIanaZone, programmeAudiences, programmeFormats } from "../../src/lib/content/listing-schemas.ts";
import { placeIsInCountry } from "../../src/lib/places/countries.ts";

/** A small seeded generator (mulberry32): the same seed always gives the same numbers. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pick from a list by a generator: each listing has its own, seeded by its number, so it is the same whatever else is made. */
const picker =
  (next: () => number) =>
  <T>(list: readonly T[]): T =>
    list[Math.floor(next() * list.length)] as T;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** 150 countries, each with a few points inside its shape (Natural Earth 1:50m), by code. */
const countryPoints: Map<string, { latitude: number; longitude: number }[]> = (() => {
  const topology = createRequire(import.meta.url)("world-atlas/countries-50m.json") as Topology<{
    countries: GeometryCollection;
  }>;
  const points = new Map<string, { latitude: number; longitude: number }[]>();
  const next = random(17_01_2027);
  const geometries = [...topology.objects.countries.geometries].sort((a, b) =>
    String(a.id).localeCompare(String(b.id)),
  );
  for (const geometry of geometries) {
    if (points.size === 150) break;
    const code = geometry.id === undefined ? undefined : countryCodes.numericToAlpha2(geometry.id);
    if (code === undefined || points.has(code)) continue;
    const [[west, south], [east, north]] = geoBounds(feature(topology, geometry) as Feature<Polygon | MultiPolygon>);
    // A country across the antimeridian has west > east: its box is skipped rather than unwrapped.
    if (!(west < east)) continue;
    const found: { latitude: number; longitude: number }[] = [];
    for (let tries = 0; tries < 400 && found.length < 4; tries++) {
      const latitude = round3(south + next() * (north - south));
      const longitude = round3(west + next() * (east - west));
      if (placeIsInCountry(code, latitude, longitude)) found.push({ latitude, longitude });
    }
    if (found.length > 0) points.set(code, found);
  }
  return points;
})();

/** The countries the synthetic listings are in. */
export const syntheticCountries = [...countryPoints.keys()];

/** Every IANA zone Intl knows (its canonical names), as an event may give. */
const zones = Intl.supportedValuesOf("timeZone").filter(isIanaZone);
const languages = ["en", "es", "fr", "pt", "ar", "zh", "ja", "ko", "hi", "sw", "de", "ru", "id", "tr", "vi"];
const words = `mentoring mentors mentees evening breakfast forum meetup circle workshop conversation talks
pairing careers science nurses founders students teachers engineers writers artists coders doctors`.split(/\s+/);
const towns = `North South East West Harbour River Hill Lake Bay Park Market Bridge Station Garden Valley`.split(/\s+/);

const title = (index: number, pick: ReturnType<typeof picker>) =>
  `${pick(words)} ${pick(words)} ${index}`.replace(/^./, (first) => first.toUpperCase());

/** The `index`th synthetic event: on a day from 10 to 24 January 2027, at a local hour from 8:00 to 20:00. */
export function syntheticEvent(index: number): { name: string; source: string } {
  const next = random(1_000_000 + index);
  const pick = picker(next);
  const timeZone = zones[index % zones.length] as string;
  const attendance = pick(["in-person", "in-person", "hybrid", "online"] as const);
  let start = DateTime.fromObject({ year: 2027, month: 1, day: 10 + (index % 15), hour: 8 + (index % 13) });
  // A local time daylight saving skips is refused by the check: the next hour is taken instead.
  while (instantOf(start.toFormat("yyyy-MM-dd'T'HH:mm"), timeZone) === undefined) start = start.plus({ hours: 1 });
  const end = start.plus({ hours: 2 });
  const country = syntheticCountries[index % syntheticCountries.length] as string;
  const place = pick(countryPoints.get(country) ?? []);
  const venue =
    attendance === "online"
      ? ""
      : `venue:
  name: ${pick(towns)} Hall ${index}
  locality: ${pick(towns)} ${country}
  country: ${country}
  latitude: ${place.latitude}
  longitude: ${place.longitude}
`;
  const source = `---
title: ${title(index, pick)}
summary: An event for mentors and mentees, number ${index}, with talks and time to pair up.
start: ${start.toFormat("yyyy-MM-dd'T'HH:mm")}
end: ${end.toFormat("yyyy-MM-dd'T'HH:mm")}
timeZone: ${timeZone}
attendance: ${attendance}
${venue}registration: https://events-${index % 97}.example/register/${index}
organizer:
  name: Mentoring network ${index % 300}
languages: [${pick(languages)}${next() < 0.4 ? `, ${pick(languages)}` : ""}]
---
Talks by mentors, then time to pair up and talk about what comes next.
`;
  return { name: `synthetic-event-${index}.md`, source };
}

/** The `index`th synthetic programme, confirmed in the last 30 months (some marked, some out of the directory). */
export function syntheticProgramme(index: number): { name: string; source: string } {
  const pick = picker(random(2_000_000 + index));
  const worldwideOne = index % 10 === 0;
  const countries = worldwideOne
    ? "[worldwide]"
    : `[${syntheticCountries[index % syntheticCountries.length]}, ${syntheticCountries[(index * 7 + 3) % syntheticCountries.length]}]`;
  const young = index % 5 === 0;
  const verified = DateTime.fromISO("2026-11-30").minus({ days: index % 900 });
  const source = `---
name: ${title(index, pick)} programme
organisation: Mentoring organisation ${index % 400}
summary: A mentoring programme, number ${index}, that pairs people with a mentor for a year.
apply: https://programmes-${index % 89}.example/apply/${index}
formats: [${pick(programmeFormats)}]
attendance: ${pick(["in-person", "online", "hybrid"] as const)}
countries: ${countries}
audience: [${pick(programmeAudiences)}]
${young ? "ages: 14-18\nsafeguarding: https://programmes.example/safeguarding\n" : ""}languages: [${pick(languages)}]
verified: ${verified.toISODate()}
---
Mentors and mentees meet every month for a year.
`;
  return { name: `synthetic-programme-${index}.md`, source };
}

/** `events` events and `programmes` programmes as changes to a copy of the project (copyProject). */
export function syntheticListings(events: number, programmes: number): Record<string, string> {
  const changes: Record<string, string> = {};
  for (let index = 0; index < events; index++) {
    const { name, source } = syntheticEvent(index);
    changes[`events/${name}`] = source;
  }
  for (let index = 0; index < programmes; index++) {
    const { name, source } = syntheticProgramme(index);
    changes[`programmes/${name}`] = source;
  }
  return changes;
}
