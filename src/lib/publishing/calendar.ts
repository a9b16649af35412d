import { DateTime } from "luxon";
import { slugify } from "../content/slug.ts";
import { type AnnualDate, nextOccurrence } from "../words/dates.ts";

/** A day observed every year, as a calendar file describes it. */
export interface AnnualEvent {
  name: string;
  date: AnnualDate;
  description: string;
  /** The absolute address of the page about the day. */
  url: string;
  /** Stable across builds, so that calendars update the event instead of adding a copy. */
  uid: string;
  /** The year of the first occurrence: the recurrence rule counts from it. */
  firstYear: number;
  /** When the file was made (the build's clock), so that one commit always gives the same file. */
  stamp: DateTime;
}

/** What an "add to calendar" link needs: the day, and the clock that says which occurrence is next. */
export interface AddToCalendarEvent {
  name: string;
  date: AnnualDate;
  description: string;
  url: string;
  /** The links are for the first occurrence on or after this day. */
  today: DateTime;
}

const CRLF = "\r\n";
/** RFC 5545 §3.1: a content line should be no longer than 75 octets, not counting its line break. */
const MAX_LINE_OCTETS = 75;

/**
 * An RFC 5545 iCalendar file with one all-day event that repeats every year.
 * Subscribing to it (or importing it) puts every future occurrence in the calendar.
 */
export function annualEventCalendar(input: AnnualEvent): string {
  if (!input.stamp.isValid) {
    throw new Error(`annualEventCalendar: stamp: expected a valid date and time, got "${input.stamp.invalidReason}"`);
  }
  const start = dayInYear(input.date, input.firstYear);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${text(new URL(input.url).hostname)}//${text(input.name)}//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(input.name)}`,
    "BEGIN:VEVENT",
    `UID:${text(input.uid)}`,
    `DTSTAMP:${input.stamp.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`,
    `DTSTART;VALUE=DATE:${basicDate(start)}`,
    // DTEND is exclusive: a one-day event ends at the start of the next day.
    `DTEND;VALUE=DATE:${basicDate(start.plus({ days: 1 }))}`,
    `RRULE:FREQ=YEARLY;BYMONTH=${input.date.month};BYMONTHDAY=${input.date.day}`,
    `SUMMARY:${text(input.name)}`,
    `DESCRIPTION:${text(input.description)}`,
    // A URI value is not TEXT: it takes no backslash escapes, so it is normalised (percent-encoded) instead.
    `URL:${new URL(input.url).href}`,
    // An observance does not make anyone busy.
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  // RFC 5545 ends every content line with CRLF, the last one included.
  return lines.map((line) => fold(line) + CRLF).join("");
}

/** An event at a time, as a calendar file and the "add to calendar" links describe it. */
export interface TimedEvent {
  /** Stable across builds (`tokyo-meetup@site.example`): calendars update the event instead of adding a copy. */
  uid: string;
  name: string;
  description: string;
  /** Where it happens, in words ("Shibuya Community Hall, Tokyo, Japan", or "Online"). */
  location: string;
  /** The absolute address of the event's page. */
  url: string;
  start: DateTime;
  end: DateTime;
}

/** The calendar a file of timed events belongs to: its name, and the site that publishes it. */
export interface TimedCalendar {
  name: string;
  /** The site's address: the file's PRODID names its host. */
  siteUrl: string;
  /** When the file was made (the build's clock): DTSTAMP, and the SEQUENCE that makes this file's events supersede an earlier build's. */
  stamp: DateTime;
}

/** Minutes from 2020 to the build: grows with every build, so a file imported again updates its events. */
function sequenceOf(stamp: DateTime): number {
  return Math.max(0, Math.floor((stamp.toMillis() - Date.UTC(2020, 0, 1)) / 60_000));
}

/** "20270117T100000Z": an exact instant in UTC, as DTSTART, DTEND and DTSTAMP write it. */
export function utcStamp(instant: DateTime): string {
  return instant.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/**
 * An RFC 5545 iCalendar file of timed events (an event's own file, or every upcoming event to
 * subscribe to): each with its UID, DTSTAMP, DTSTART and DTEND as exact instants in UTC, SUMMARY,
 * DESCRIPTION, LOCATION, URL and SEQUENCE; CRLF line ends, lines folded at 75 octets.
 */
export function timedEventsCalendar(calendar: TimedCalendar, events: readonly TimedEvent[]): string {
  if (!calendar.stamp.isValid) {
    throw new Error(
      `timedEventsCalendar: stamp: expected a valid date and time, got "${calendar.stamp.invalidReason}"`,
    );
  }
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${text(new URL(calendar.siteUrl).hostname)}//${text(calendar.name)}//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(calendar.name)}`,
    ...events.flatMap((event) => [
      "BEGIN:VEVENT",
      `UID:${text(event.uid)}`,
      `DTSTAMP:${utcStamp(calendar.stamp)}`,
      `SEQUENCE:${sequenceOf(calendar.stamp)}`,
      `DTSTART:${utcStamp(event.start)}`,
      `DTEND:${utcStamp(event.end)}`,
      `SUMMARY:${text(event.name)}`,
      `DESCRIPTION:${text(`${event.description}\n\n${event.url}`)}`,
      `LOCATION:${text(event.location)}`,
      `URL:${new URL(event.url).href}`,
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return lines.map((line) => fold(line) + CRLF).join("");
}

/** Google Calendar's and Outlook's links that open a new event at the event's exact time, and its calendar file. */
export function timedEventLinks(event: TimedEvent, filePath: string, labels: CalendarLinkLabels): CalendarLink[] {
  const details = `${event.description}\n\n${event.url}`;
  const google = withQuery("https://calendar.google.com/calendar/render", {
    action: "TEMPLATE",
    text: event.name,
    dates: `${utcStamp(event.start)}/${utcStamp(event.end)}`,
    // Shown in the event's own zone in Google's form; the instants above are exact whatever it is.
    ctz: event.start.zoneName ?? "UTC",
    details,
    location: event.location,
  });
  const outlook = withQuery("https://outlook.live.com/calendar/0/action/compose", {
    subject: event.name,
    startdt: event.start.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
    enddt: event.end.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
    body: details,
    location: event.location,
  });
  return [
    { label: labels.google, href: google },
    { label: labels.outlook, href: outlook },
    { label: labels.file, href: filePath, download: true },
  ];
}

/** A Google Calendar link that opens a new all-day event on the next occurrence, repeating every year. */
export function googleCalendarUrl(event: AddToCalendarEvent): string {
  const start = nextOccurrence(event.date, event.today);
  return withQuery("https://calendar.google.com/calendar/render", {
    action: "TEMPLATE",
    text: event.name,
    // Google's all-day range ends on the day after, as DTEND does.
    dates: `${basicDate(start)}/${basicDate(start.plus({ days: 1 }))}`,
    details: descriptionWithLink(event),
    recur: "RRULE:FREQ=YEARLY",
  });
}

/**
 * An Outlook.com link that opens a new all-day event on the next occurrence.
 * Outlook's compose link has no recurrence parameter: this event happens once, and the
 * calendar file is the way to get every year.
 */
export function outlookCalendarUrl(event: AddToCalendarEvent): string {
  const start = nextOccurrence(event.date, event.today);
  return withQuery("https://outlook.live.com/calendar/0/action/compose", {
    subject: event.name,
    startdt: start.toISODate() ?? "",
    // An all-day end is exclusive, as in Microsoft Graph: ending on the same day would be no day at all.
    enddt: start.plus({ days: 1 }).toISODate() ?? "",
    allday: "true",
    body: descriptionWithLink(event),
  });
}

/** The words of the "add to calendar" links, in the page's language. */
export interface CalendarLinkLabels {
  google: string;
  outlook: string;
  /** The calendar file, for Apple Calendar and every other calendar that reads iCalendar. */
  file: string;
}

export interface CalendarLink {
  label: string;
  href: string;
  /** A file to save rather than a page to open. */
  download?: true;
}

/** The ways to add the day to a calendar: Google and Outlook open a new event, the file (at `filePath`) is every year. */
export function calendarLinks(event: AddToCalendarEvent, filePath: string, labels: CalendarLinkLabels): CalendarLink[] {
  return [
    { label: labels.google, href: googleCalendarUrl(event) },
    { label: labels.outlook, href: outlookCalendarUrl(event) },
    { label: labels.file, href: filePath, download: true },
  ];
}

/** The day as the site describes it: its name, its date and its introduction. */
export interface ObservedDay {
  name: string;
  date: AnnualDate;
  intro: string;
}

/** Where the day's calendar file is published: `/international-mentoring-day.ics`. */
export function calendarFilePath(day: Pick<ObservedDay, "name">): string {
  return `/${slugify(day.name)}.ics`;
}

/** The day's calendar file: every occurrence from the next one (by the build's clock `now`), linking to `homeUrl`. */
export function dayCalendarFile(day: ObservedDay, homeUrl: string, now: DateTime): string {
  return annualEventCalendar({
    name: day.name,
    date: day.date,
    description: day.intro,
    url: homeUrl,
    uid: `${slugify(day.name)}@${new URL(homeUrl).host}`,
    firstYear: nextOccurrence(day.date, now).year,
    stamp: now,
  });
}

/** The links that add the day's next occurrence to a calendar, and its calendar file's. */
export function dayCalendarLinks(
  day: ObservedDay,
  homeUrl: string,
  now: DateTime,
  labels: CalendarLinkLabels,
): CalendarLink[] {
  return calendarLinks(
    { name: day.name, date: day.date, description: day.intro, url: homeUrl, today: now },
    calendarFilePath(day),
    labels,
  );
}

function dayInYear(date: AnnualDate, year: number): DateTime {
  const day = DateTime.fromObject({ year, month: date.month, day: date.day }, { zone: "utc" });
  if (!Number.isInteger(year) || !day.isValid) {
    throw new Error(
      `annualEventCalendar: firstYear: expected a year that has the day ${date.day}/${date.month}, got ${year}`,
    );
  }
  return day;
}

/** "20270117", the basic ISO 8601 form that DATE values and Google's `dates` use. */
function basicDate(date: DateTime): string {
  return date.toFormat("yyyyMMdd");
}

/** RFC 5545 §3.3.11 TEXT: backslash first, so that the escapes added after it are not escaped again. */
function text(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // Other control characters are not allowed in TEXT and have no escape: they are dropped.
      .replace(/(?!\t)\p{Cc}/gu, "")
  );
}

/**
 * RFC 5545 §3.1 folding: a line longer than 75 octets continues on the next line after
 * CRLF and one space. Octets are counted in UTF-8 and a line is only broken between
 * characters, so every line stays valid UTF-8 on its own.
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    // The space that starts a continuation line counts towards its 75 octets.
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/** The UTF-8 length of one code point (a lone surrogate is written as U+FFFD, three octets). */
function utf8Length(character: string): number {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function descriptionWithLink(event: AddToCalendarEvent): string {
  return `${event.description}\n\n${event.url}`;
}

function withQuery(address: string, parameters: Record<string, string>): string {
  // URLSearchParams writes a space as "+", which some calendar services show as a plus sign;
  // "%20" means a space everywhere. A real "+" has already become "%2B", so nothing else changes.
  return `${address}?${new URLSearchParams(parameters).toString().replace(/\+/g, "%20")}`;
}
