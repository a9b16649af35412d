import { DateTime } from "luxon";

/** A day that comes back every year, such as 17 January. */
export interface AnnualDate {
  /** 1 = January … 12 = December */
  month: number;
  day: number;
}

/** A calendar day as contributors write it: `2027-01-17`. */
const writtenDay = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A day, or a moment with its offset, as RFC 3339 writes it: `2027-01-18T09:30:00Z`,
 * `2027-01-18T10:30+01:00`, `2027-01-18T09:30:00.250Z`. Hours 00 to 23 (no `24:00`), and an offset
 * that parseOffset reads.
 */
const writtenDayOrMoment = /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The widest offsets from UTC any place keeps: Baker Island's −12:00 and Kiritimati's +14:00. */
const offsetRange = { west: -12 * 60, east: 14 * 60 };

/**
 * An offset from UTC in minutes: `Z` is 0, `+05:45` is 345, `-03:30` is −210; undefined for
 * anything else, or one no place on Earth keeps (`+24:00`, `+14:30`, `-12:30`, `+05:60`).
 */
export function parseOffset(value: string): number | undefined {
  if (value === "Z") return 0;
  const match = /^([+-])(\d{2}):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  const minutes = (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return minutes >= offsetRange.west && minutes <= offsetRange.east ? minutes : undefined;
}

/**
 * A calendar day written `2027-01-17`, at UTC midnight, or the Date YAML reads an unquoted one
 * as; undefined when `value` is neither, or no such day exists. The one reader of dates: the
 * check, the schemas, the importer and the build agree on every date.
 */
export function parseDay(value: unknown): Date | undefined {
  return parseWritten(value, writtenDay);
}

/** When something was sent: a day as parseDay reads it, or a moment with its offset (`2027-01-18T09:30:00Z`). */
export function parseDayOrMoment(value: unknown): Date | undefined {
  const offset = typeof value === "string" ? /T.*(Z|[+-]\d{2}:\d{2})$/.exec(value)?.[1] : undefined;
  if (offset !== undefined && parseOffset(offset) === undefined) return undefined;
  return parseWritten(value, writtenDayOrMoment);
}

function parseWritten(value: unknown, form: RegExp): Date | undefined {
  const parsed =
    value instanceof Date
      ? DateTime.fromJSDate(value, { zone: "utc" })
      : typeof value === "string" && form.test(value)
        ? DateTime.fromISO(value, { zone: "utc" })
        : undefined;
  return parsed?.isValid ? parsed.toJSDate() : undefined;
}

/**
 * The latest date content may have on a build's clock `now`: the day after the build's (somewhere
 * on Earth it is already that day). An article dated later waits as a draft; a comment or thanks
 * dated later was not sent yet, and would sit first on the wall until then.
 */
export function latestDate(now: Date): Date {
  return new Date(now.getTime() + 24 * 60 * 60 * 1000);
}

/**
 * The build's clock, read once. `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) fixes it, so two builds of one commit agree.
 * The zone is UTC so that the machine's time zone never changes the output.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return DateTime.utc();
  if (!/^\d+$/.test(epoch)) {
    throw new Error(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, got "${epoch}"`);
  }
  return DateTime.fromSeconds(Number(epoch), { zone: "utc" });
}

/**
 * The first day on or after `today` (a calendar day, compared in `today`'s own zone)
 * that falls on `date`. A 29 February date waits for the next leap year.
 */
export function nextOccurrence(date: AnnualDate, today: DateTime): DateTime {
  const start = today.startOf("day");
  for (let year = start.year; year <= start.year + 8; year++) {
    const candidate = DateTime.fromObject({ year, month: date.month, day: date.day }, { zone: start.zone });
    if (candidate.isValid && candidate >= start) return candidate;
  }
  throw new Error(`No date ${date.day}/${date.month} in the eight years after ${start.toISODate()}`);
}

/**
 * The most days a countdown to `date` can count from any day (countdown.js counts in the visitor's
 * own time zone, after the build): 365 from the day after it; for 29 February up to eight years,
 * as a year divisible by 100 and not by 400 has none (2096 to 2104). The page keeps room for so long a count.
 */
export function longestWait(date: AnnualDate): number {
  return date.month === 2 && date.day === 29 ? 8 * 365 : 365;
}

/** True when `today` is the day itself. */
export function isObservedOn(date: AnnualDate, today: DateTime): boolean {
  return today.month === date.month && today.day === date.day;
}

/**
 * "Sunday 17 January 2027" in en-GB, "domingo 17 de enero de 2027" in es: the language's own full
 * date with its weekday, without the commas Intl puts after the weekday (countdown.js writes it so too).
 */
export function formatLongDate(date: DateTime, language: string): string {
  return remembered(`long ${language} ${date.toMillis()} ${date.zoneName}`, () =>
    date
      .setLocale(language)
      .toLocaleParts(DateTime.DATE_HUGE)
      .map((part) => (part.type === "literal" ? part.value.replace(",", "") : part.value))
      .join(""),
  );
}

/** "17 January 2027" in en-GB, "17 de enero de 2027" in es: for article and comment dates. */
export function formatDate(date: Date | DateTime, language: string): string {
  return remembered(`${language} ${date.valueOf()}`, () =>
    toUtc(date).setLocale(language).toLocaleString(DateTime.DATE_FULL),
  );
}

/** "2027-01-17", for `<time datetime>`. */
export function isoDate(date: Date | DateTime): string {
  return remembered(`iso ${date.valueOf()}`, () => toUtc(date).toISODate() ?? "");
}

/** "17 January" in en-GB, "17 de enero" in es (the day without a year). A leap year is used so 29 February formats too. */
export function formatAnnualDate(date: AnnualDate, language: string): string {
  return remembered(`${language} ${date.month}/${date.day}`, () =>
    DateTime.fromObject({ year: 2024, month: date.month, day: date.day }, { zone: "utc" })
      .setLocale(language)
      .toLocaleString({ month: "long", day: "numeric" }),
  );
}

// Thousands of pages format the same few hundred days: each is formatted once.
const formatted = new Map<string, string>();
function remembered(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    text = format();
    formatted.set(key, text);
  }
  return text;
}

// Front-matter dates are calendar days that YAML reads as UTC midnight: keep them in UTC.
function toUtc(date: Date | DateTime): DateTime {
  return date instanceof Date ? DateTime.fromJSDate(date, { zone: "utc" }) : date.toUTC();
}

const eventTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl's parts of a moment in its own zone, as events are written; without the comma after the weekday. */
function eventTimeParts(instant: DateTime, language: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${language} ${instant.zoneName} ${JSON.stringify(options)}`;
  let format = eventTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: instant.zoneName ?? "UTC" });
    eventTimeFormats.set(key, format);
  }
  const parts = format.formatToParts(instant.toJSDate());
  return parts
    .map((part, index) =>
      part.type === "literal" && parts[index - 1]?.type === "weekday" ? part.value.replace(",", "") : part.value,
    )
    .join("");
}

/**
 * The options every event time is written with, in the page and by the visitor's script alike
 * (src/assets/js/local-time.js): "Sun 17 Jan 2027, 19:00 Japan Standard Time" in en-GB.
 */
export const eventTimeOptions: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "long",
};

/** "Sun 17 Jan 2027, 19:00 Japan Standard Time": a moment in its own zone, in the site's language. */
export function formatEventTime(instant: DateTime, language: string): string {
  return eventTimeParts(instant, language, eventTimeOptions);
}

/** "19:00 Japan Standard Time": the time of day and its zone, for lists grouped by day. */
export function formatTimeOfDay(instant: DateTime, language: string, withZone = true): string {
  return eventTimeParts(instant, language, {
    hour: "2-digit",
    minute: "2-digit",
    ...(withZone ? { timeZoneName: "long" } : {}),
  });
}

/** "2027-01-17T19:00:00+09:00": the exact instant with its offset, for `<time datetime>` and JSON-LD. */
export function instantWithOffset(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true }) ?? "";
}
