import type { z } from "zod";
import { checkWithSchema, fieldPath, type Problem, type ShownPicture, shownPictureProblems } from "./check.ts";
import { FrontMatterError, readFrontMatter } from "./front-matter.ts";
import {
  type EventData,
  eventSchema,
  type ProgrammeData,
  programmeSchema,
  type Venue,
  worldwide,
} from "./listing-schemas.ts";
import { listingPlaceholderValues } from "./scaffold.ts";
import { describeValue } from "./schemas.ts";
import { slugify } from "./slug.ts";

/** What checking an event or a programme needs beyond its own file. */
export interface ListingContext {
  /** The build's clock: a programme cannot have been verified after it. */
  now: Date;
  /** Whether a site path such as /images/a.svg has a file behind it, reached through no symlink. */
  imageExists: (src: string) => boolean;
  /** Whether an ISO 3166-1 alpha-2 code names a country. */
  isCountryCode: (code: string) => boolean;
  /** Whether a point lies in (or within a few kilometres of) a country's shape. */
  placeIsInCountry: (country: string, latitude: number, longitude: number) => boolean;
  /** The country whose shape holds a point, to say where wrong coordinates point; undefined at sea. */
  countryAt?: (latitude: number, longitude: number) => string | undefined;
  /** What the social card's typefaces cannot draw of a text (the page's card shows its title), if anything. */
  cardTextProblem?: (text: string, weight: 400 | 700) => string | undefined;
}

/** The two kinds of listing, by folder. */
export type ListingKind = "events" | "programmes";

/**
 * Names that addresses under /events/ and /programmes/ already use for their lists: a file may not
 * take one (events/add.md would hide the form). Years are the events' archives (/events/2027/).
 */
export const reservedListingNames = ["add", "page", "attendance", "language", "format", "audience"] as const;

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// A phone number: digits in groups, with a + or ( or 0 before them, or ten digits or more.
const phoneCandidates = /(\+|\(\s*\+?)?\d[\d\s().\u2010-\u2015-]{5,}\d/g;

/** The email address or phone number in `text`, if there is one. Web addresses are not phone numbers. */
export function contactDetail(text: string): { kind: "email" | "phone"; found: string } | undefined {
  // The user name of an address (https://name:secret@host) is refused as such, not as an email address.
  const email = emailPattern.exec(text.replace(/\b([a-z][a-z\d+.-]*:\/\/)[^\s/@]+@/gi, "$1"));
  if (email) return { kind: "email", found: email[0] };
  const withoutAddresses = text.replace(/\b(https?|ftp):\/\/\S+/gi, " ");
  for (const [found] of withoutAddresses.matchAll(phoneCandidates)) {
    const trimmed = found.trim().replace(/^\((?!.*\))\s*/, "");
    const digits = trimmed.replace(/\D/g, "").length;
    // Dates and times (2027-01-17T19:00, 2027-01-17), decimal numbers and ranges are not phone numbers.
    if (/^\d{4}-\d{2}-\d{2}/.test(trimmed) || /^\d+(\.\d+)?$/.test(trimmed) || digits < 7 || digits > 15) continue;
    if (/^(\+|\(|0)/.test(trimmed) || digits >= 10) return { kind: "phone", found: trimmed };
  }
  if (/\b(tel|mailto|sms):/i.test(text)) {
    return { kind: /mailto/i.test(text) ? "email" : "phone", found: /\b(tel|mailto|sms):\S*/i.exec(text)?.[0] ?? "" };
  }
  return undefined;
}

/** Every email address or phone number in the file: in its fields, its YAML comments and its body. */
function contactProblems(file: string, data: unknown, frontMatter: string, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  const say = (field: string, detail: { kind: "email" | "phone"; found: string }) =>
    problems.push({
      file,
      field,
      message: `expected no ${detail.kind === "email" ? "email address" : "phone number"} (the page is public: people reach the organiser through the registration or website address), got ${describeValue(detail.found)}`,
    });
  const seen = new Set<string>();
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      const detail = contactDetail(value);
      if (detail) {
        seen.add(detail.found);
        say(fieldPath(path), detail);
      }
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value))
        walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  walk(data, []);
  // A comment in the front matter is not published, but it is in a public repository.
  frontMatter.split("\n").forEach((line, index) => {
    const detail = contactDetail(line);
    if (detail && !seen.has(detail.found)) say(`front matter (line ${index + 2})`, detail);
  });
  body.split("\n").forEach((line, index) => {
    const detail = contactDetail(line);
    if (detail) say(`body (line ${bodyLine + index})`, detail);
  });
  return problems;
}

/** A place as two entries must not share it: the venue, or "online". */
function placeKey(venue: Venue | undefined): string {
  return venue === undefined ? "online" : [venue.name, venue.locality, venue.country].join("\n").toLowerCase();
}

function venueProblems(file: string, venue: Venue | undefined, context: ListingContext): Problem[] {
  if (venue === undefined) return [];
  if (!context.isCountryCode(venue.country)) {
    return [
      {
        file,
        field: "venue.country",
        message: `expected an ISO 3166-1 country code like JP, got ${describeValue(venue.country)}`,
      },
    ];
  }
  if (!context.placeIsInCountry(venue.country, venue.latitude, venue.longitude)) {
    const actual = context.countryAt?.(venue.latitude, venue.longitude);
    return [
      {
        file,
        field: "venue",
        message: `expected a latitude and longitude in ${venue.country}, got ${venue.latitude}, ${venue.longitude}, which ${actual === undefined ? "is outside it" : `is in ${actual}`}`,
      },
    ];
  }
  return [];
}

/**
 * The checks every listing file gets, whatever its kind; returns the parsed front matter when it
 * has one, and the pictures it shows that are there, to be decoded as the build will.
 */
function checkListingFile<Schema extends typeof eventSchema | typeof programmeSchema>(
  kind: ListingKind,
  file: string,
  source: string,
  schema: Schema,
  context: ListingContext,
) {
  let parsed: ReturnType<typeof readFrontMatter>;
  try {
    parsed = readFrontMatter(source);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return { problems: [{ file, field: "front matter", message: error.message }], pictures: [] };
  }
  const { problems, value } = checkWithSchema(file, parsed.data, schema);
  const frontMatter = source.replace(/^\uFEFF?---[^\n]*\n/, "").split(/^---[ \t]*$/m)[0] ?? "";
  problems.push(...contactProblems(file, parsed.data, frontMatter, parsed.body, parsed.bodyLine));
  if (parsed.body.trim() === "") {
    problems.push({
      file,
      field: "body",
      message: `expected a paragraph or more describing the ${kind === "events" ? "event" : "programme"} after the front matter, got nothing`,
    });
  }
  const shown = shownPictureProblems(file, parsed, context.imageExists);
  problems.push(...shown.problems);
  problems.push(...placeholderProblems(kind, file, parsed.data, parsed.body));
  const pictures = shown.pictures.map((picture) => ({ ...picture, file }));
  return { problems, value: value as z.output<Schema> | undefined, pictures };
}

/** The fields still holding the words `npm run new:event` or `new:programme` wrote. */
function placeholderProblems(kind: ListingKind, file: string, data: unknown, body: string): Problem[] {
  const problems: Problem[] = [];
  const command = kind === "events" ? "npm run new:event" : "npm run new:programme";
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string" && listingPlaceholderValues.has(value.trim())) {
      problems.push({
        file,
        field: fieldPath(path),
        message: `expected your own words, got the placeholder ${describeValue(value.trim())} from ${command}`,
      });
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value))
        walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  walk(data, []);
  if (listingPlaceholderValues.has(body.trim())) {
    problems.push({
      file,
      field: "body",
      message: `expected your own description, got the placeholder text from ${command}`,
    });
  }
  return problems;
}

/** The problems of a listing's file name: it is the address, and some addresses are the lists'. */
function fileNameProblems(kind: ListingKind, file: string, stem: string): Problem[] {
  const slug = slugify(stem);
  const example = kind === "events" ? "tokyo-mentoring-meetup" : "nursing-mentors";
  if (stem !== slug) {
    return [
      {
        file,
        field: "file name",
        message: `expected a name of lower-case Latin letters a-z, digits and hyphens (it becomes the address), like ${slug || example}.md, got ${describeValue(`${stem}.md`)}`,
      },
    ];
  }
  if ((reservedListingNames as readonly string[]).includes(slug) || /^\d+$/.test(slug)) {
    return [
      {
        file,
        field: "file name",
        message: `expected another name than ${describeValue(slug)}, which the ${kind}' lists use for their own addresses (/${kind}/${slug}/)`,
      },
    ];
  }
  return [];
}

/** What the check of a kind of listing finds: every problem, the valid entries by file, and the pictures they show. */
interface CheckedListings<Entry> {
  problems: Problem[];
  valid: Map<string, Entry>;
  pictures: (ShownPicture & { file: string })[];
}

/** Every problem of every event file, duplicates among them included; with the valid ones, by file. */
export function checkEvents(
  files: readonly { file: string; source: string }[],
  context: ListingContext,
): CheckedListings<EventData> {
  const problems: Problem[] = [];
  const pictures: CheckedListings<EventData>["pictures"] = [];
  const valid = new Map<string, EventData>();
  const fileForEvent = new Map<string, string>();
  for (const { file, source } of files) {
    const checked = checkListingFile("events", file, source, eventSchema, context);
    problems.push(...checked.problems, ...fileNameProblems("events", file, stemOf(file)));
    pictures.push(...checked.pictures);
    const event = checked.value;
    if (event === undefined) continue;
    const venue = venueProblems(file, event.venue, context);
    problems.push(...venue);
    const key = [event.title.toLowerCase(), event.start, event.timeZone, placeKey(event.venue)].join("\n");
    const other = fileForEvent.get(key);
    if (other !== undefined) {
      problems.push({
        file,
        field: "title",
        message: `expected an event that is not listed already, got the same title, start and place as ${other}`,
      });
    } else {
      fileForEvent.set(key, file);
    }
    const glyphs = context.cardTextProblem?.(event.title, 700);
    if (glyphs !== undefined) problems.push({ file, field: "title", message: glyphs });
    if (checked.problems.length === 0 && venue.length === 0 && glyphs === undefined) valid.set(file, event);
  }
  return { problems, valid, pictures };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every problem of every programme file, duplicates among them included; with the valid ones, by file. */
export function checkProgrammes(
  files: readonly { file: string; source: string }[],
  context: ListingContext,
): CheckedListings<ProgrammeData> {
  const problems: Problem[] = [];
  const pictures: CheckedListings<ProgrammeData>["pictures"] = [];
  const valid = new Map<string, ProgrammeData>();
  const fileForProgramme = new Map<string, string>();
  for (const { file, source } of files) {
    const checked = checkListingFile("programmes", file, source, programmeSchema, context);
    problems.push(...checked.problems, ...fileNameProblems("programmes", file, stemOf(file)));
    pictures.push(...checked.pictures);
    const programme = checked.value;
    if (programme === undefined) continue;
    const own: Problem[] = [...venueProblems(file, programme.venue, context)];
    programme.countries.forEach((country, index) => {
      if (country !== worldwide && !context.isCountryCode(country)) {
        own.push({
          file,
          field: `countries[${index}]`,
          message: `expected an ISO 3166-1 country code like JP, got ${describeValue(country)}`,
        });
      }
    });
    const latest = new Date(context.now.getTime() + DAY_MS);
    if (programme.verified > latest) {
      own.push({
        file,
        field: "verified",
        message: `expected the day the entry was last confirmed, no later than ${latest.toISOString().slice(0, 10)}, got ${describeValue(programme.verified)}`,
      });
    }
    const glyphs = context.cardTextProblem?.(programme.name, 700);
    if (glyphs !== undefined) own.push({ file, field: "name", message: glyphs });
    problems.push(...own);
    const key = [programme.name, programme.organisation].join("\n").toLowerCase();
    const other = fileForProgramme.get(key);
    if (other !== undefined) {
      problems.push({
        file,
        field: "name",
        message: `expected a programme that is not listed already, got the same name and organisation as ${other}`,
      });
    } else {
      fileForProgramme.set(key, file);
    }
    if (checked.problems.length === 0 && own.length === 0) valid.set(file, programme);
  }
  return { problems, valid, pictures };
}

const stemOf = (file: string) => file.replace(/^.*\//, "").replace(/\.md$/, "");
