import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  type AnnualEvent,
  annualEventCalendar,
  calendarLinks,
  googleCalendarUrl,
  outlookCalendarUrl,
} from "../../src/lib/publishing/calendar.ts";

const mentoringDay: AnnualEvent = {
  name: "International Mentoring Day",
  date: { month: 1, day: 17 },
  description: "A day to celebrate mentors, mentees and the programmes that bring them together.",
  url: "https://example.org/",
  uid: "international-mentoring-day@example.org",
  firstYear: 2027,
  stamp: DateTime.fromISO("2026-12-01T09:30:00+01:00", { setZone: true }),
};

/** The one event of a calendar file, read by ical.js: a parser that shares no code with ours. */
function parseEvent(ics: string) {
  const vevent = ICAL.Component.fromString(ics).getFirstSubcomponent("vevent");
  if (vevent === null) throw new Error("no VEVENT in the calendar");
  return new ICAL.Event(vevent);
}

/** The physical lines of the file: the text between CRLFs (the last CRLF ends the file). */
const physicalLines = (ics: string) => ics.split("\r\n").slice(0, -1);
/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const octets = (line: string) => new TextEncoder().encode(line).length;

describe("annualEventCalendar", () => {
  const ics = annualEventCalendar(mentoringDay);

  it("describes the day with its name, page address and stable UID", () => {
    const event = parseEvent(ics);
    expect(event.summary).toBe(mentoringDay.name);
    expect(event.description).toBe(mentoringDay.description);
    expect(event.uid).toBe(mentoringDay.uid);
    expect(event.component.getFirstPropertyValue("url")).toBe(mentoringDay.url);
    expect(event.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
  });

  it("is a published Gregorian calendar named after the day", () => {
    const calendar = ICAL.Component.fromString(ics);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(mentoringDay.name);
    expect(calendar.getFirstPropertyValue("prodid")).toMatch(/^-\/\/example\.org\/\//);
  });

  it("is an all-day event on the first year's date that ends at the start of the next day", () => {
    const event = parseEvent(ics);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2027-01-17");
    expect(event.endDate.toString()).toBe("2027-01-18");
  });

  it("repeats every year on the same day", () => {
    const event = parseEvent(ics);
    expect(event.isRecurring()).toBe(true);
    const occurrences = event.iterator();
    const firstThree = [occurrences.next(), occurrences.next(), occurrences.next()].map(String);
    expect(firstThree).toEqual(["2027-01-17", "2028-01-17", "2029-01-17"]);
  });

  it("stamps the file with the given time in UTC, so that one build clock gives one file", () => {
    expect(unfold(ics)).toContain("\r\nDTSTAMP:20261201T083000Z\r\n");
    expect(annualEventCalendar(mentoringDay)).toBe(ics);
  });

  it("ends every line with CRLF, the last one included, and has no bare CR or LF", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("folds a long non-ASCII description into lines of at most 75 octets, each valid UTF-8, that unfold to the original", () => {
    const description = "mentor–mentee ’ 导师 é 🌱 ".repeat(12).trim();
    const folded = annualEventCalendar({ ...mentoringDay, description });
    const lines = physicalLines(folded);

    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A line split inside a character would hold half a surrogate pair, which UTF-8 cannot carry.
      expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
    }
    expect(unfold(folded)).toContain(`\r\nDESCRIPTION:${description}\r\n`);
    expect(parseEvent(folded).description).toBe(description);
  });

  it("never splits a two-, three- or four-octet character, wherever the 75-octet boundary falls", () => {
    for (const character of ["é", "–", "导", "🌱"]) {
      for (let padding = 55; padding <= 64; padding++) {
        const description = "a".repeat(padding) + character.repeat(40);
        const folded = annualEventCalendar({ ...mentoringDay, description });
        for (const line of physicalLines(folded)) {
          expect(octets(line)).toBeLessThanOrEqual(75);
          expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
        }
        expect(unfold(folded)).toContain(`\r\nDESCRIPTION:${description}\r\n`);
      }
    }
  });

  it("escapes backslashes, semicolons, commas and line breaks, and they round-trip", () => {
    const name = "Mentors; mentees, and C:\\Users";
    const description = "First line, with a comma;\nsecond line \\n is not a line break";
    const escaped = annualEventCalendar({ ...mentoringDay, name, description });

    expect(unfold(escaped)).toContain("\r\nSUMMARY:Mentors\\; mentees\\, and C:\\\\Users\r\n");
    expect(unfold(escaped)).toContain(
      "\r\nDESCRIPTION:First line\\, with a comma\\;\\nsecond line \\\\n is not a line break\r\n",
    );
    const event = parseEvent(escaped);
    expect(event.summary).toBe(name);
    expect(event.description).toBe(description);
  });

  it("writes a Windows line break as one escaped line break", () => {
    const event = parseEvent(annualEventCalendar({ ...mentoringDay, description: "one\r\ntwo" }));
    expect(event.description).toBe("one\ntwo");
  });

  it("refuses a first year without the date, naming both", () => {
    expect(() => annualEventCalendar({ ...mentoringDay, date: { month: 2, day: 29 }, firstYear: 2027 })).toThrow(
      /firstYear: expected a year that has the day 29\/2, got 2027/,
    );
  });

  it("repeats 29 February only in leap years", () => {
    const leapDay = parseEvent(annualEventCalendar({ ...mentoringDay, date: { month: 2, day: 29 }, firstYear: 2028 }));
    const occurrences = leapDay.iterator();
    expect([occurrences.next(), occurrences.next()].map(String)).toEqual(["2028-02-29", "2032-02-29"]);
  });
});

describe("add-to-calendar links", () => {
  const event = {
    name: "Mentoring Day: “mentor & mentee” + 导师",
    date: { month: 1, day: 17 },
    description: "Celebrate, 100% together; ask=yes?",
    url: "https://example.org/imd/?from=calendar&x=1",
    today: DateTime.fromISO("2026-12-01T00:00:00Z", { zone: "utc" }),
  };
  const parameters = (href: string) => new URL(href).searchParams;

  it("opens Google Calendar on the next occurrence as an all-day event that repeats yearly", () => {
    const href = googleCalendarUrl(event);
    expect(href.startsWith("https://calendar.google.com/calendar/render?")).toBe(true);
    const query = parameters(href);
    expect(query.get("action")).toBe("TEMPLATE");
    expect(query.get("text")).toBe(event.name);
    expect(query.get("dates")).toBe("20270117/20270118");
    expect(query.get("recur")).toBe("RRULE:FREQ=YEARLY");
    expect(query.get("details")).toBe(`${event.description}\n\n${event.url}`);
  });

  it("opens Outlook on the next occurrence as an all-day event", () => {
    const href = outlookCalendarUrl(event);
    expect(href.startsWith("https://outlook.live.com/calendar/0/action/compose?")).toBe(true);
    const query = parameters(href);
    expect(query.get("subject")).toBe(event.name);
    expect(query.get("startdt")).toBe("2027-01-17");
    expect(query.get("enddt")).toBe("2027-01-18");
    expect(query.get("allday")).toBe("true");
    expect(query.get("body")).toBe(`${event.description}\n\n${event.url}`);
  });

  it("moves to next year once this year's day has passed", () => {
    const afterTheDay = { ...event, today: DateTime.fromISO("2027-01-18T00:00:00Z", { zone: "utc" }) };
    expect(parameters(googleCalendarUrl(afterTheDay)).get("dates")).toBe("20280117/20280118");
    expect(parameters(outlookCalendarUrl(afterTheDay)).get("startdt")).toBe("2028-01-17");
  });

  it("are Google, Outlook and the calendar file, in that order, with the words given", () => {
    const labels = { google: "Google", outlook: "Outlook", file: "Apple and others (every year, .ics)" };
    expect(calendarLinks(event, "/mentoring-day.ics", labels)).toEqual([
      { label: "Google", href: googleCalendarUrl(event) },
      { label: "Outlook", href: outlookCalendarUrl(event) },
      { label: "Apple and others (every year, .ics)", href: "/mentoring-day.ics", download: true },
    ]);
  });

  it("percent-encodes every value, with spaces as %20 rather than +", () => {
    for (const href of [googleCalendarUrl(event), outlookCalendarUrl(event)]) {
      const query = href.slice(href.indexOf("?") + 1);
      for (const value of query.split("&").map((pair) => pair.split("=")[1] ?? "")) {
        expect(value).toMatch(/^[A-Za-z0-9%._~*-]*$/);
      }
    }
  });
});
