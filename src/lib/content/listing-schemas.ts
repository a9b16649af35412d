import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { isHttpsUrl } from "../publishing/urls.ts";
import { calendarDate, describeValue, httpsUrl, imageSchema, languageTag, text } from "./schemas.ts";

// The schemas of events (events/<name>.md) and mentoring programmes (programmes/<name>.md): one
// each, beside the articles' in schemas.ts. What needs the world's shapes (is the place in its
// country?) or the other files (is it a duplicate?) is checked in listing-check.ts.

/** How an event is attended: at a place, online, or both. */
export const attendanceModes = ["in-person", "online", "hybrid"] as const;
export type Attendance = (typeof attendanceModes)[number];

/** How a programme pairs people. */
export const programmeFormats = ["one-to-one", "group", "peer", "e-mentoring"] as const;

/** Whom a programme is for: a fixed list, so that the directory can be filtered by it. */
export const programmeAudiences = [
  "children",
  "young-people",
  "students",
  "graduates",
  "early-career",
  "professionals",
  "women",
  "entrepreneurs",
  "researchers",
  "refugees",
  "everyone",
] as const;

/** Countries a programme serves: alpha-2 codes, or this word alone. */
export const worldwide = "worldwide";

const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: (issue) => `expected one of ${values.join(", ")}, got ${describeValue(issue.input)}` });

/**
 * An IANA time zone such as Asia/Tokyo: a region and a place, or UTC. An offset (+09:00, UTC+9)
 * is refused even where Intl would take it: it is an hour wrong on one side of daylight saving.
 */
export function isIanaZone(name: string): boolean {
  return /^(UTC|[A-Z][A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(name) && IANAZone.isValidZone(name);
}

export const timeZoneName = z
  .string({ error: (issue) => `expected a time zone like Asia/Tokyo, got ${describeValue(issue.input)}` })
  .refine(isIanaZone, {
    error: (issue) =>
      `expected an IANA time zone like Asia/Tokyo or Europe/London (not an offset), got ${describeValue(issue.input)}`,
  });

/** A wall-clock time with no offset, as a contributor writes it: `2027-01-17T19:00`. */
const localTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const localDateTime = z
  .string({
    error: (issue) => `expected a local time like 2027-01-17T19:00 (no offset), got ${describeValue(issue.input)}`,
  })
  .refine((value) => localTimePattern.test(value) && DateTime.fromISO(value, { zone: "utc" }).isValid, {
    error: (issue) => `expected a local time like 2027-01-17T19:00 (no offset), got ${describeValue(issue.input)}`,
  });

/** The instant a local time is in `zone`; undefined when the zone has no such time (a daylight-saving gap). */
export function instantOf(local: string, zone: string): DateTime | undefined {
  const instant = DateTime.fromISO(local, { zone });
  // Luxon moves a time in a gap forward (02:30 becomes 03:30): written back, it differs.
  return instant.isValid && instant.toFormat("yyyy-MM-dd'T'HH:mm") === local ? instant : undefined;
}

const decimals = (value: number) => (String(value).split(".")[1] ?? "").replace(/e.*$/, "").length;

const coordinate = (name: string, limit: number) =>
  z
    .number({ error: (issue) => `expected the ${name} as a number like 35.66, got ${describeValue(issue.input)}` })
    .refine((value) => Math.abs(value) <= limit, {
      error: (issue) => `expected a ${name} between -${limit} and ${limit}, got ${describeValue(issue.input)}`,
      abort: true,
    })
    // Three decimals place a venue within about 100 m: enough for a map, and no one's doorstep.
    .refine((value) => decimals(value) <= 3, {
      error: (issue) => `expected at most 3 decimals, got ${describeValue(issue.input)}`,
    });

/** An ISO 3166-1 alpha-2 code as written; whether such a country exists is checked in listing-check.ts. */
export const countryCode = z
  .string({ error: (issue) => `expected a country code like JP, got ${describeValue(issue.input)}` })
  .regex(/^[A-Z]{2}$/, {
    error: (issue) => `expected a two-letter country code in capitals like JP or BR, got ${describeValue(issue.input)}`,
  });

export const venueSchema = z.strictObject({
  name: text("the venue's name", 150),
  locality: text("a town or city", 100),
  country: countryCode,
  latitude: coordinate("latitude", 90),
  longitude: coordinate("longitude", 180),
});

export const organizerSchema = z.strictObject({
  name: text("the organiser's name", 150),
  url: httpsUrl.optional(),
});

const languages = z
  .array(languageTag, { error: "expected a list of language tags like [ja, en]" })
  .min(1, { error: "expected at least one language" });

/** Addresses that open a meeting rather than say how to join one: the meeting link is for those who registered. */
const meetingHosts =
  /(^|\.)(zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|whereby\.com|meet\.jit\.si)$/;

export const eventSchema = z
  .strictObject({
    title: text("a title", 120),
    summary: text("a summary", 300),
    /** The language of the entry's own words, when it is not the site's. */
    lang: languageTag.optional(),
    start: localDateTime,
    end: localDateTime,
    timeZone: timeZoneName,
    attendance: oneOf(attendanceModes),
    venue: venueSchema.optional(),
    registration: httpsUrl.refine((value) => !isHttpsUrl(value) || !meetingHosts.test(new URL(value).hostname), {
      error: (issue) =>
        `expected the page where people register, not the meeting link itself, got ${describeValue(issue.input)}`,
    }),
    organizer: organizerSchema,
    languages,
    image: imageSchema.optional(),
  })
  .superRefine((event, context) => {
    // Only a well-written time in a real zone can be missing from it: other mistakes are said once, above.
    const readable = (local: string) => isIanaZone(event.timeZone) && localTimePattern.test(local);
    const start = instantOf(event.start, event.timeZone);
    const end = instantOf(event.end, event.timeZone);
    for (const [field, local, instant] of [
      ["start", event.start, start],
      ["end", event.end, end],
    ] as const) {
      if (instant === undefined && readable(local)) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: `expected a time that exists in ${event.timeZone}, got ${describeValue(local)}, which daylight saving skips`,
        });
      }
    }
    if (start && end && end <= start) {
      context.addIssue({
        code: "custom",
        path: ["end"],
        message: `expected a time after the start (${event.start}), got ${describeValue(event.end)}`,
      });
    }
    if (event.attendance === "online" && event.venue !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["venue"],
        message: "expected no venue for an online event (its place is never published), got a venue",
      });
    }
    if (event.attendance !== "online" && event.venue === undefined) {
      context.addIssue({
        code: "custom",
        path: ["venue"],
        message: `is required for an ${event.attendance} event, but missing`,
      });
    }
  });

/** An age range: `16-25`, or `18+` for no upper limit. */
export const agesPattern = /^(\d{1,2})(?:-(\d{1,3})|\+)$/;

/** The youngest age an `ages` range takes in. */
export function youngestAge(ages: string): number {
  return Number(agesPattern.exec(ages)?.[1]);
}

export const programmeSchema = z
  .strictObject({
    name: text("the programme's name", 120),
    organisation: text("the organisation's name", 150),
    summary: text("a summary", 300),
    lang: languageTag.optional(),
    apply: httpsUrl,
    formats: z
      .array(oneOf(programmeFormats), {
        error: `expected a list like [${programmeFormats[0]}, ${programmeFormats[1]}]`,
      })
      .min(1, { error: "expected at least one format" }),
    attendance: oneOf(attendanceModes),
    countries: z
      .array(z.union([z.literal(worldwide), countryCode], { error: (issue) => countryOrWorldwide(issue.input) }), {
        error: "expected a list of country codes like [JP, KR], or [worldwide]",
      })
      .min(1, { error: "expected at least one country, or [worldwide]" }),
    audience: z
      .array(oneOf(programmeAudiences), { error: "expected a list like [students, early-career]" })
      .min(1, { error: "expected at least one audience" }),
    ages: z
      .string({ error: (issue) => `expected an age range like 16-25 or 18+, got ${describeValue(issue.input)}` })
      .refine((value) => agesPattern.test(value), {
        error: (issue) => `expected an age range like 16-25 or 18+, got ${describeValue(issue.input)}`,
      })
      .optional(),
    languages,
    verified: calendarDate,
    safeguarding: httpsUrl.optional(),
    venue: venueSchema.optional(),
  })
  .superRefine((programme, context) => {
    if (programme.countries.includes(worldwide) && programme.countries.length > 1) {
      context.addIssue({
        code: "custom",
        path: ["countries"],
        message: "expected [worldwide] alone, or country codes without it",
      });
    }
    const range = programme.ages === undefined ? undefined : agesPattern.exec(programme.ages);
    if (range?.[2] !== undefined && Number(range[2]) < Number(range[1])) {
      context.addIssue({
        code: "custom",
        path: ["ages"],
        message: `expected the youngest age first, like 16-25, got ${describeValue(programme.ages)}`,
      });
    }
    if (programme.ages !== undefined && youngestAge(programme.ages) < 18 && programme.safeguarding === undefined) {
      context.addIssue({
        code: "custom",
        path: ["safeguarding"],
        message: `is required when the programme takes in people under 18 (ages ${programme.ages}): the https:// address of its safeguarding policy`,
      });
    }
    if (programme.attendance === "online" && programme.venue !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["venue"],
        message: "expected no venue for an online programme, got a venue",
      });
    }
  });

function countryOrWorldwide(input: unknown): string {
  return `expected a two-letter country code in capitals like JP, or worldwide, got ${describeValue(input)}`;
}

export type EventData = z.output<typeof eventSchema>;
export type ProgrammeData = z.output<typeof programmeSchema>;
export type Venue = z.output<typeof venueSchema>;

/**
 * A listing's front matter read with its schema from a page's data (which holds the site's data
 * too): only the schema's own fields. The content check has passed before any page is made, so
 * a failure here is a defect of the build, said with the file.
 */
export function listingFrontMatter<Schema extends typeof eventSchema | typeof programmeSchema>(
  schema: Schema,
  file: string,
  data: Record<string, unknown>,
): z.output<Schema> {
  const own = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((key) => Object.hasOwn(data, key))
      .map((key) => [key, data[key]]),
  );
  const parsed = schema.safeParse(own);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data as z.output<Schema>;
}
