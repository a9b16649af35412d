import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/check.ts";
import {
  checkEvents,
  checkProgrammes,
  contactDetail,
  type ListingContext,
} from "../../src/lib/content/listing-check.ts";
import { listingCountryChecks } from "../../src/lib/content/project-files.ts";
import { newEvent, newProgramme } from "../../src/lib/content/scaffold.ts";
import { projectRoot } from "../helpers/project.ts";

const context: ListingContext = {
  ...listingCountryChecks,
  imageExists: () => true,
  // The tests' fixed clock, 1 December 2026, as the build tests' SOURCE_DATE_EPOCH.
  now: new Date("2026-12-01T00:00:00Z"),
};

const corpus = (kind: "events" | "programmes", folder: string) =>
  readdirSync(join(projectRoot, "tests/fixtures", folder))
    .sort()
    .map((name) => ({
      file: `${kind}/${name}`,
      source: readFileSync(join(projectRoot, "tests/fixtures", folder, name), "utf8"),
    }));

const contact = "(the page is public: people reach the organiser through the registration or website address)";

/** Each mistake in tests/fixtures/invalid-events/, and the lines the checks answer with (checked all together). */
const expectedEventProblems: Record<string, string[]> = {
  "2027.md": [
    'file name: expected another name than "2027", which the events\' lists use for their own addresses (/events/2027/)',
  ],
  "add.md": [
    'file name: expected another name than "add", which the events\' lists use for their own addresses (/events/add/)',
  ],
  "country-name.md": ['venue.country: expected a two-letter country code in capitals like JP or BR, got "Japan"'],
  "daylight-saving-gap.md": [
    'start: expected a time that exists in America/New_York, got "2027-03-14T02:30", which daylight saving skips',
  ],
  "duplicate-first.md": [],
  "duplicate-second.md": [
    "title: expected an event that is not listed already, got the same title, start and place as events/duplicate-first.md",
  ],
  "email-in-body.md": [
    `body (line 20): expected no email address ${contact}, got "hana.sato@mentoring-events.example"`,
  ],
  "email-in-front-matter.md": [
    `organizer.name: expected no email address ${contact}, got "hana@mentoring-events.example"`,
  ],
  "end-before-start.md": ['end: expected a time after the start (2027-01-17T19:00), got "2027-01-17T18:00"'],
  "http-registration.md": [
    'registration: expected an https:// address, got "http://mentoring-events.example/register"',
  ],
  "in-person-without-venue.md": ["venue: is required for an in-person event, but missing"],
  "latitude-beyond.md": ["venue.latitude: expected a latitude between -90 and 90, got 95.5"],
  "longitude-beyond.md": ["venue.longitude: expected a longitude between -180 and 180, got -190"],
  "meeting-link.md": [
    'registration: expected the page where people register, not the meeting link itself, got "https://us02web.zoom.us/j/81234567890"',
  ],
  "online-with-venue.md": ["venue: expected no venue for an online event (its place is never published), got a venue"],
  "outside-country.md": ["venue: expected a latitude and longitude in JP, got 48.857, 2.352, which is in FR"],
  "phone-in-body.md": [`body (line 20): expected no phone number ${contact}, got "+81 3 1234 5678"`],
  "phone-in-front-matter.md": [`organizer.name: expected no phone number ${contact}, got "03-1234-5678"`],
  "registration-not-a-url.md": ['registration: expected an https:// address, got "on our website"'],
  "start-with-offset.md": [
    'start: expected a local time like 2027-01-17T19:00 (no offset), got "2027-01-17T19:00+09:00"',
  ],
  "too-many-decimals.md": [
    "venue.latitude: expected at most 3 decimals, got 35.6581",
    "venue.longitude: expected at most 3 decimals, got 139.7005",
  ],
  "unknown-country.md": ['venue.country: expected an ISO 3166-1 country code like JP, got "XX"'],
  "url-with-password.md": [
    'registration: expected an https:// address with no name@ before its host (the browser would go to the host after the @), got "https://tokyo:secret@mentoring-events.example/register"',
  ],
  "zone-not-iana.md": [
    'timeZone: expected an IANA time zone like Asia/Tokyo or Europe/London (not an offset), got "Mars/Olympus"',
  ],
  "zone-offset.md": [
    'timeZone: expected an IANA time zone like Asia/Tokyo or Europe/London (not an offset), got "+09:00"',
  ],
};

const expectedProgrammeProblems: Record<string, string[]> = {
  "ages-reversed.md": ['ages: expected the youngest age first, like 16-25, got "25-16"'],
  "apply-not-a-url.md": ['apply: expected an https:// address, got "ward-mentors dot example"'],
  "duplicate-first.md": [],
  "duplicate-second.md": [
    "name: expected a programme that is not listed already, got the same name and organisation as programmes/duplicate-first.md",
  ],
  "email-in-body.md": [`body (line 13): expected no email address ${contact}, got "jo.bloggs@ward-mentors.example"`],
  "http-apply.md": ['apply: expected an https:// address, got "http://ward-mentors.example/apply"'],
  "minors-without-safeguarding.md": [
    "safeguarding: is required when the programme takes in people under 18 (ages 14-18): the https:// address of its safeguarding policy",
  ],
  "online-with-venue.md": ["venue: expected no venue for an online programme, got a venue"],
  "page.md": [
    'file name: expected another name than "page", which the programmes\' lists use for their own addresses (/programmes/page/)',
  ],
  "phone-in-body.md": [`body (line 13): expected no phone number ${contact}, got "020 7946 0958"`],
  "too-many-decimals.md": [
    "venue.latitude: expected at most 3 decimals, got 51.4991",
    "venue.longitude: expected at most 3 decimals, got -0.1181",
  ],
  "unknown-country.md": ['countries[1]: expected an ISO 3166-1 country code like JP, got "QQ"'],
  "unknown-format.md": ['formats[0]: expected one of one-to-one, group, peer, e-mentoring, got "coaching"'],
  "venue-outside-country.md": ["venue: expected a latitude and longitude in FR, got 51.499, -0.118, which is in GB"],
  "verified-in-future.md": [
    "verified: expected the day the entry was last confirmed, no later than 2026-12-02, got 2027-06-01",
  ],
  "worldwide-and-country.md": ["countries: expected [worldwide] alone, or country codes without it"],
};

const lines = (kind: string, expected: Record<string, string[]>) =>
  Object.entries(expected).flatMap(([name, problems]) => problems.map((problem) => `${kind}/${name}: ${problem}`));

describe("the corpus of mistakes in events", () => {
  const files = corpus("events", "invalid-events");

  it("has an expectation for every file, and a file for every expectation", () => {
    expect(files.map(({ file }) => file.slice("events/".length))).toEqual(Object.keys(expectedEventProblems).sort());
  });

  it("gets every problem of every file at once, each naming the file and the field", () => {
    expect(checkEvents(files, context).problems.map(formatProblem).sort()).toEqual(
      lines("events", expectedEventProblems).sort(),
    );
  });
});

describe("the corpus of mistakes in programmes", () => {
  const files = corpus("programmes", "invalid-programmes");

  it("has an expectation for every file, and a file for every expectation", () => {
    expect(files.map(({ file }) => file.slice("programmes/".length))).toEqual(
      Object.keys(expectedProgrammeProblems).sort(),
    );
  });

  it("gets every problem of every file at once, each naming the file and the field", () => {
    expect(checkProgrammes(files, context).problems.map(formatProblem).sort()).toEqual(
      lines("programmes", expectedProgrammeProblems).sort(),
    );
  });
});

describe("the fixtures the site tests build", () => {
  it("pass the checks", () => {
    expect(checkEvents(corpus("events", "events"), context).problems).toEqual([]);
    expect(checkProgrammes(corpus("programmes", "programmes"), context).problems).toEqual([]);
  });
});

describe("contactDetail", () => {
  it.each([
    ["Write to ana@example.org", "email", "ana@example.org"],
    ["mailto:someone", "email", "mailto:someone"],
    ["Call +44 20 7946 0958", "phone", "+44 20 7946 0958"],
    ["(555) 123-4567", "phone", "(555) 123-4567"],
    ["tel:5551234", "phone", "tel:5551234"],
  ])("finds the contact detail in %j", (text, kind, found) => {
    expect(contactDetail(text)).toEqual({ kind, found });
  });

  it.each([
    "2027-01-17T19:00",
    "Meet at 19:00 on 2027-01-17",
    "latitude 35.658, longitude 139.701",
    "For ages 16-25, 20 places",
    "https://example.org/events/2027/123456789012",
    "Between 2026 and 2027",
  ])("finds none in %j", (text) => {
    expect(contactDetail(text)).toBeUndefined();
  });
});

describe("the scaffolds of npm run new:event and new:programme", () => {
  const day = DateTime.fromISO("2027-01-17", { zone: "utc" });

  it("write a file whose only problems are the placeholders to replace", () => {
    const event = newEvent("Mentoring meetup in Tokyo", day, "Asia/Tokyo");
    expect(event.slug).toBe("mentoring-meetup-in-tokyo");
    const eventFields = checkEvents([{ file: "events/a.md", source: event.source }], context).problems.map(
      (problem) => problem.field,
    );
    expect(eventFields).toEqual(["summary", "registration", "organizer.name", "organizer.url", "body"]);
    const programme = newProgramme("Nurses mentoring nurses", DateTime.fromISO("2026-11-30", { zone: "utc" }));
    const programmeFields = checkProgrammes(
      [{ file: "programmes/a.md", source: programme.source }],
      context,
    ).problems.map((problem) => problem.field);
    expect(programmeFields).toEqual(["organisation", "summary", "apply", "body"]);
  });

  it("pass once the placeholders are replaced", () => {
    const event = newEvent("Mentoring meetup in Tokyo", day, "Asia/Tokyo")
      .source.replace(/One or two sentences[^"]*/, "An evening of talks.")
      .replace("https://example.org/register", "https://tokyo.example/register")
      .replace("Name of the organisation", "Tokyo Mentors")
      .replace("https://example.org/", "https://tokyo.example/")
      .replace(/Describe the event here.*/, "Talks and pairing.");
    expect(checkEvents([{ file: "events/a.md", source: event }], context).problems).toEqual([]);
  });
});
