import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkEvents, checkProgrammes } from "../../src/lib/content/listing-check.ts";
import { listingCountryChecks } from "../../src/lib/content/project-files.ts";
import { listingImportSummary, planListingImport } from "../../tools/comments-import/listing-plan.ts";
import { fakeNetlifyPerTest, listingSubmission, runImporter } from "../helpers/netlify-api.ts";
import { temporaryDir } from "../helpers/project.ts";

const netlify = fakeNetlifyPerTest();
const context = { ...listingCountryChecks, now: new Date("2026-12-01T00:00:00Z") };
const checkContext = { ...context, imageExists: () => false };

/** What a visitor sends with the `event` form, as Netlify keeps it. */
const tokyoFields = {
  title: "Mentoring meetup in Tokyo",
  summary: "Mentors and mentees meet for an evening of talks and pairing.",
  start: "2027-01-17T19:00",
  end: "2027-01-17T21:00",
  timeZone: "Asia/Tokyo",
  attendance: "in-person",
  "venue-name": "Shibuya Community Hall",
  "venue-locality": "Tokyo",
  "venue-country": "jp",
  "venue-latitude": "35.66",
  "venue-longitude": "139.7",
  registration: "https://tokyo-mentoring.example/register",
  "organizer-name": "Tokyo Mentoring Network",
  "organizer-url": "",
  languages: "ja, en",
  description: "Three short talks,\r\nthen an hour of pairing.",
};
const event = (n: number, fields: Record<string, string | string[]> = {}) =>
  listingSubmission("event", n, { ...tokyoFields, ...fields });
const programme = (n: number, fields: Record<string, string | string[]> = {}) =>
  listingSubmission("programme", n, {
    name: "Nurses mentoring nurses",
    organisation: "Ward Mentors UK",
    summary: "New nurses paired with a nurse one year ahead.",
    apply: "https://ward-mentors.example/apply",
    "formats[]": ["one-to-one", "group"],
    attendance: "online",
    countries: "gb, IE",
    "audience[]": ["graduates"],
    ages: "",
    safeguarding: "",
    languages: "en",
    description: "Mentors and mentees meet once a fortnight.",
    ...fields,
  });

describe("planListingImport", () => {
  it("makes each verified event a Markdown file the content check accepts, named after its title", () => {
    const plan = planListingImport({
      folder: "events",
      submissions: [event(1)],
      existing: [],
      reviewed: new Map(),
      context,
    });
    expect([...plan.files.keys()]).toEqual(["events/mentoring-meetup-in-tokyo.md"]);
    const source = plan.files.get("events/mentoring-meetup-in-tokyo.md") ?? "";
    expect(checkEvents([{ file: "events/mentoring-meetup-in-tokyo.md", source }], checkContext).problems).toEqual([]);
    expect(source).toContain("start: 2027-01-17T19:00\nend: 2027-01-17T21:00\ntimeZone: Asia/Tokyo\n");
    expect(source).toContain("  country: JP\n  latitude: 35.66\n  longitude: 139.7\n");
    expect(source).toMatch(/languages:\n {2}- ja\n {2}- en\n/);
    expect(source.endsWith("---\nThree short talks,\nthen an hour of pairing.\n")).toBe(true);
    // Netlify's own fields about the sender never reach the file.
    expect(source).not.toMatch(/203\.0\.113|Mozilla|referrer|organizer-url|url: ""/);
    expect(plan.reviewed).toEqual(new Map([[event(1).id, "events/mentoring-meetup-in-tokyo.md"]]));
  });

  it("skips, naming the field, what the check refuses, and a duplicate of an entry already listed", () => {
    const existing = planListingImport({
      folder: "events",
      submissions: [event(1)],
      existing: [],
      reviewed: new Map(),
      context,
    });
    const plan = planListingImport({
      folder: "events",
      submissions: [
        event(2),
        event(3, { title: "Questions", description: "Write to hana@tokyo-mentoring.example with questions." }),
        event(4, { timeZone: "+09:00", title: "Another meetup" }),
        event(5, { "bot-field": "https://spam.example/" }),
        event(6, { title: "An online talk", attendance: "online" }),
      ],
      existing: [...existing.files].map(([file, source]) => ({ file, source })),
      reviewed: existing.reviewed ?? new Map(),
      context,
    });
    expect(plan.skipped.map(({ id, problem }) => [id, problem])).toEqual([
      [
        event(2).id,
        "title: expected an event that is not listed already, got the same title, start and place as events/mentoring-meetup-in-tokyo.md",
      ],
      [
        event(3).id,
        'body (line 21): expected no email address (the page is public: people reach the organiser through the registration or website address), got "hana@tokyo-mentoring.example"',
      ],
      [
        event(4).id,
        'timeZone: expected an IANA time zone like Asia/Tokyo or Europe/London (not an offset), got "+09:00"',
      ],
      [event(5).id, "bot-field: the hidden field people leave empty was filled in, as robots do"],
    ]);
    // An online event's place is never published, even when the form was sent with one.
    expect([...plan.files.keys()]).toEqual(["events/an-online-talk.md"]);
    expect(plan.files.get("events/an-online-talk.md")).not.toContain("venue");
    expect(listingImportSummary("events", plan)[0]).toBe("Imported 1 event: events/an-online-talk.md.");
  });

  it("makes a programme of the ticked boxes, verified on the day it was sent", () => {
    const plan = planListingImport({
      folder: "programmes",
      submissions: [programme(1), programme(2, { name: "受け入れ", ages: "14-18" })],
      existing: [],
      reviewed: new Map(),
      context,
    });
    const source = plan.files.get("programmes/nurses-mentoring-nurses.md") ?? "";
    expect(checkProgrammes([{ file: "programmes/a.md", source }], checkContext).problems).toEqual([]);
    expect(source).toMatch(/formats:\n {2}- one-to-one\n {2}- group\n/);
    expect(source).toMatch(/countries:\n {2}- GB\n {2}- IE\n/);
    expect(source).toContain("verified: 2026-11-20\n");
    expect(plan.skipped.map(({ id, problem }) => [id, problem])).toEqual([
      [
        programme(2).id,
        "safeguarding: is required when the programme takes in people under 18 (ages 14-18): the https:// address of its safeguarding policy",
      ],
    ]);
  });
});

describe("npm run comments:import with the event and programme forms", { timeout: 60_000 }, () => {
  it("writes each accepted entry as its own file, remembers it in reviewed.json, and deletes it at Netlify once published", async () => {
    await netlify.start({
      listings: {
        event: [event(1), event(2, { registration: "http://tokyo-mentoring.example/register", title: "Plain" })],
        programme: [programme(1)],
      },
    });
    const dir = await temporaryDir("imd-listing-import-");
    for (const folder of ["articles", "_data/comments", "events", "programmes"])
      await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, "_data/thanks.json"), "[]\n");
    const run = await runImporter(dir, netlify.current);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "No new comments.",
      "Imported 1 event: events/mentoring-meetup-in-tokyo.md.",
      "Skipped 1 event, left at Netlify (the content check refuses it; fix it there or delete it):",
      `- submission ${event(2).id} (2026-11-20): registration: expected an https:// address, got "http://tokyo-mentoring.example/register"`,
      "Imported 1 programme: programmes/nurses-mentoring-nurses.md.",
    ]);
    expect(await readdir(join(dir, "events"))).toEqual(["mentoring-meetup-in-tokyo.md"]);
    const reviewed = JSON.parse(await readFile(join(dir, "tools/comments-import/reviewed.json"), "utf8"));
    expect(reviewed).toEqual({
      [event(1).id]: "events/mentoring-meetup-in-tokyo.md",
      [programme(1).id]: "programmes/nurses-mentoring-nurses.md",
    });

    // A second run imports nothing again; once merged, the published ones are deleted at Netlify.
    const again = await runImporter(dir, netlify.current);
    expect(again.stdout).toContain("No new events (1 submission of the event form was imported before).");
    const deleting = await runImporter(dir, netlify.current, {}, "--delete-published");
    expect(deleting.code).toBe(0);
    expect(netlify.deleted.sort()).toEqual([event(1).id, programme(1).id].sort());
    expect(netlify.remaining().map((submission) => submission.id)).toEqual([event(2).id]);
  });
});
