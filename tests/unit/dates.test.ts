import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  buildTime,
  formatAnnualDate,
  formatDate,
  formatLongDate,
  isObservedOn,
  isoDate,
  longestWait,
  nextOccurrence,
} from "../../src/lib/words/dates.ts";

const mentoringDay = { month: 1, day: 17 };
const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const next = (iso: string, zone = "utc") =>
  nextOccurrence(mentoringDay, DateTime.fromISO(iso, { zone: "utc" }).setZone(zone)).toISODate();

describe("nextOccurrence", () => {
  it("is the next day when asked on 16 January", () => {
    expect(next("2027-01-16T12:00:00Z")).toBe("2027-01-17");
  });

  it("is today when asked on 17 January, at any hour of the day", () => {
    expect(next("2027-01-17T00:00:00Z")).toBe("2027-01-17");
    expect(next("2027-01-17T23:59:59Z")).toBe("2027-01-17");
  });

  it("is next year's day when asked on 18 January", () => {
    expect(next("2027-01-18T00:00:00Z")).toBe("2028-01-17");
  });

  it("crosses New Year from 31 December", () => {
    expect(next("2026-12-31T23:59:00Z")).toBe("2027-01-17");
  });

  it("is counted in the calendar of the given time zone", () => {
    // 04:00 UTC on the 17th is still the evening of the 16th in Los Angeles …
    expect(next("2027-01-17T04:00:00Z", "America/Los_Angeles")).toBe("2027-01-17");
    // … and 11:00 UTC on the 17th is already the 18th on Kiritimati (UTC+14).
    expect(next("2027-01-17T11:00:00Z", "Pacific/Kiritimati")).toBe("2028-01-17");
    expect(next("2027-01-17T11:00:00Z", "utc")).toBe("2027-01-17");
  });

  it("finds 29 February only in a leap year", () => {
    expect(nextOccurrence({ month: 2, day: 29 }, utc("2025-03-01")).toISODate()).toBe("2028-02-29");
    expect(nextOccurrence({ month: 2, day: 29 }, utc("2028-02-29T18:00")).toISODate()).toBe("2028-02-29");
  });
});

describe("longestWait", () => {
  it("is the longest count to the next day from any day: never more than the countdown may show", () => {
    // From the day after each occurrence in a 400-year cycle (every kind of year) to the next one.
    for (const date of [mentoringDay, { month: 3, day: 1 }, { month: 12, day: 31 }, { month: 2, day: 29 }]) {
      let longest = 0;
      for (let year = 2000; year < 2400; year++) {
        const day = DateTime.fromObject({ year, ...date }, { zone: "utc" });
        if (!day.isValid) continue;
        const after = day.plus({ days: 1 });
        longest = Math.max(longest, nextOccurrence(date, after).diff(after, "days").days);
      }
      expect(longest, `${date.day}/${date.month}`).toBe(longestWait(date));
    }
  });
});

describe("isObservedOn", () => {
  it("is true only on the day itself", () => {
    expect(isObservedOn(mentoringDay, utc("2027-01-17T08:00"))).toBe(true);
    expect(isObservedOn(mentoringDay, utc("2027-01-16T23:59"))).toBe(false);
    expect(isObservedOn(mentoringDay, utc("2027-01-18T00:00"))).toBe(false);
  });
});

describe("formatting", () => {
  it("writes the next occurrence with its weekday", () => {
    expect(formatLongDate(utc("2027-01-17"), "en-GB")).toBe("Sunday 17 January 2027");
  });

  it("writes the day without a year", () => {
    expect(formatAnnualDate(mentoringDay, "en-GB")).toBe("17 January");
    expect(formatAnnualDate({ month: 2, day: 29 }, "en-GB")).toBe("29 February");
  });

  it("writes dates in the site's language, in its own order and words", () => {
    expect(formatLongDate(utc("2027-01-17"), "es-ES")).toBe("domingo 17 de enero de 2027");
    expect(formatDate(utc("2027-01-17"), "es-ES")).toBe("17 de enero de 2027");
    expect(formatAnnualDate(mentoringDay, "es-ES")).toBe("17 de enero");
    expect(formatDate(utc("2027-01-17"), "en-US")).toBe("January 17, 2027");
    expect(formatAnnualDate(mentoringDay, "de-DE")).toBe("17. Januar");
    expect(formatDate(utc("2027-01-17"), "ja-JP")).toBe("2027年1月17日");
  });

  it("keeps front-matter dates on their calendar day whatever the machine's zone", () => {
    const midnightUtc = new Date("2027-01-17T00:00:00Z");
    expect(formatDate(midnightUtc, "en-GB")).toBe("17 January 2027");
    expect(isoDate(midnightUtc)).toBe("2027-01-17");
  });
});

describe("buildTime", () => {
  it("is fixed by SOURCE_DATE_EPOCH", () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: "1800000000" }).toISO()).toBe("2027-01-15T08:00:00.000Z");
  });

  it("rejects a SOURCE_DATE_EPOCH that is not whole seconds, naming it", () => {
    expect(() => buildTime({ SOURCE_DATE_EPOCH: "tomorrow" })).toThrow(/SOURCE_DATE_EPOCH.*"tomorrow"/);
  });

  it("is now when SOURCE_DATE_EPOCH is not set", () => {
    const before = Date.now();
    expect(buildTime({}).toMillis()).toBeGreaterThanOrEqual(before);
  });
});
