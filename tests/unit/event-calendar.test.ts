import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type TimedEvent, timedEventLinks, timedEventsCalendar } from "../../src/lib/publishing/calendar.ts";

const tokyo: TimedEvent = {
  uid: "tokyo-mentoring-meetup@example.org",
  name: "Mentoring meetup in Tokyo",
  description: "Talks, then pairing; bring a question.",
  location: "Shibuya Community Hall, Tokyo, Japan",
  url: "https://example.org/events/tokyo-mentoring-meetup/",
  start: DateTime.fromISO("2027-01-17T19:00", { zone: "Asia/Tokyo" }),
  end: DateTime.fromISO("2027-01-17T21:00", { zone: "Asia/Tokyo" }),
};
const kyoto: TimedEvent = {
  ...tokyo,
  uid: "kyoto@example.org",
  name: "京都メンタリング交流会：大学生と社会人メンターが集まる交流会です。京都市国際交流会館にて",
  location: "京都市国際交流会館, 京都, 日本",
  start: DateTime.fromISO("2027-01-16T14:00", { zone: "Asia/Tokyo" }),
  end: DateTime.fromISO("2027-01-16T16:00", { zone: "Asia/Tokyo" }),
};
const calendar = { name: "Events", siteUrl: "https://example.org/", stamp: DateTime.fromISO("2026-12-01T00:00:00Z") };

const events = (ics: string) =>
  ICAL.Component.fromString(ics)
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent));

describe("timedEventsCalendar", () => {
  const ics = timedEventsCalendar(calendar, [tokyo, kyoto]);

  it("gives each event its exact start and end in UTC: 19:00 in Tokyo is 10:00 UTC", () => {
    expect(ics).toContain("\r\nDTSTART:20270117T100000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20270117T120000Z\r\n");
    const [first] = events(ics);
    expect(first?.startDate.toJSDate().toISOString()).toBe("2027-01-17T10:00:00.000Z");
    expect(first?.endDate.toJSDate().toISOString()).toBe("2027-01-17T12:00:00.000Z");
  });

  it("names each event, where and what it is, with a stable UID, the build's DTSTAMP and a SEQUENCE", () => {
    const [first, second] = events(ics);
    expect(first?.summary).toBe(tokyo.name);
    expect(first?.location).toBe(tokyo.location);
    expect(first?.description).toBe(`${tokyo.description}\n\n${tokyo.url}`);
    expect(first?.uid).toBe(tokyo.uid);
    expect(first?.component.getFirstPropertyValue("url")).toBe(tokyo.url);
    expect(first?.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-12-01T00:00:00Z");
    expect(first?.sequence).toBeGreaterThan(0);
    expect(second?.summary).toBe(kyoto.name);
  });

  it("is the same file for the same build clock, and a later build's SEQUENCE is higher", () => {
    expect(timedEventsCalendar(calendar, [tokyo, kyoto])).toBe(ics);
    const later = timedEventsCalendar({ ...calendar, stamp: calendar.stamp.plus({ days: 1 }) }, [tokyo]);
    expect(events(later)[0]?.sequence).toBeGreaterThan(events(ics)[0]?.sequence ?? 0);
  });

  it("ends every line with CRLF and folds lines at 75 octets without cutting a character", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const physical = ics.split("\r\n").slice(0, -1);
    for (const line of physical) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    }
    expect(physical.some((line) => line.startsWith(" "))).toBe(true);
  });
});

describe("timedEventLinks", () => {
  it("open Google and Outlook at the exact times, and name the calendar file", () => {
    const [google, outlook, file] = timedEventLinks(tokyo, "/events/tokyo-mentoring-meetup.ics", {
      google: "Google",
      outlook: "Outlook",
      file: "File",
    });
    expect(new URL(google?.href ?? "").searchParams.get("dates")).toBe("20270117T100000Z/20270117T120000Z");
    expect(new URL(google?.href ?? "").searchParams.get("ctz")).toBe("Asia/Tokyo");
    expect(new URL(outlook?.href ?? "").searchParams.get("startdt")).toBe("2027-01-17T10:00:00Z");
    expect(file).toEqual({ label: "File", href: "/events/tokyo-mentoring-meetup.ics", download: true });
  });
});
