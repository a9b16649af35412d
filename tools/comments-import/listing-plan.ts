// What an import adds to events/ and programmes/, decided without touching a file or the network:
// which submissions of the `event` and `programme` forms become a Markdown file each, and which
// are skipped and why. A file is written only when the content check accepts it, with every other
// entry there (so a duplicate is refused as the check refuses it).
import type { Problem } from "../../src/lib/content/check.ts";
import { frontMatterText } from "../../src/lib/content/front-matter.ts";
import {
  checkEvents,
  checkProgrammes,
  type ListingContext,
  reservedListingNames,
} from "../../src/lib/content/listing-check.ts";
import { slugify } from "../../src/lib/content/slug.ts";
import type { Submission } from "./netlify-api.ts";
import { firstLines, plural, problemText, robotProblem, submissionField, unseenOldestFirst } from "./submissions.ts";

export type ListingFolder = "events" | "programmes";

/** The forms' names in the site's HTML, by the folder their entries go to. */
export const listingForms: Record<ListingFolder, string> = { events: "event", programmes: "programme" };

export interface ListingImportInput {
  folder: ListingFolder;
  /** The form's verified submissions at Netlify, in any order. */
  submissions: readonly Submission[];
  /** The folder's files as they are (`events/tokyo-meetup.md` and its text). */
  existing: readonly { file: string; source: string }[];
  /** Every submission put up for review before: id → page (for a listing, its file). */
  reviewed: ReadonlyMap<string, string>;
  /** The check's context: the countries' shapes, and the clock. */
  context: Omit<ListingContext, "imageExists">;
}

export interface ListingImportPlan {
  /** The new files, by path. */
  files: Map<string, string>;
  /** reviewed.json after this import, or undefined if it does not change. */
  reviewed?: Map<string, string>;
  imported: string[];
  skipped: { id: string; date: unknown; problem: string }[];
  known: number;
}

/** A form's text field, or undefined when empty. */
const text = (data: unknown, name: string) => {
  const value = submissionField(data, name);
  return typeof value === "string" && value !== "" ? value : value === "" ? undefined : value;
};

/** The values of a list a visitor gave: ticked boxes (`formats[]`), or words parted by commas or spaces. */
function list(data: unknown, name: string): unknown {
  const value = submissionField(data, `${name}[]`) ?? submissionField(data, name);
  if (Array.isArray(value)) return value.map((item) => String(item).trim()).filter((item) => item !== "");
  if (typeof value !== "string") return value;
  return value.split(/[\s,;]+/).filter((item) => item !== "");
}

/** A number the visitor typed as text, as YAML would read it; anything else as they wrote it, for the check to name. */
const number = (value: unknown) => (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/** `2027-01-17T19:00:00` from a browser's date and time field is `2027-01-17T19:00`. */
const localTime = (value: unknown) =>
  typeof value === "string" ? value.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):00(\.0+)?$/, "$1") : value;

/** Leaves out the fields a visitor left empty, so that the check says "required" of a required one. */
const given = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ""));

/** An event's front matter from the `event` form's fields. */
export function eventFromSubmission(data: unknown): Record<string, unknown> {
  const attendance = text(data, "attendance");
  const venue = given({
    name: text(data, "venue-name"),
    locality: text(data, "venue-locality"),
    country:
      typeof text(data, "venue-country") === "string" ? String(text(data, "venue-country")).toUpperCase() : undefined,
    latitude: number(text(data, "venue-latitude")),
    longitude: number(text(data, "venue-longitude")),
  });
  const organizer = given({ name: text(data, "organizer-name"), url: text(data, "organizer-url") });
  return given({
    title: text(data, "title"),
    summary: text(data, "summary"),
    start: localTime(text(data, "start")),
    end: localTime(text(data, "end")),
    timeZone: text(data, "timeZone"),
    attendance,
    // An online event's place is never published: what was typed for it is left out.
    venue: attendance === "online" || Object.keys(venue).length === 0 ? undefined : venue,
    registration: text(data, "registration"),
    organizer: Object.keys(organizer).length === 0 ? undefined : organizer,
    languages: list(data, "languages"),
  });
}

/** A programme's front matter from the `programme` form's fields; it was confirmed the day it was sent. */
export function programmeFromSubmission(data: unknown, sentAt: unknown): Record<string, unknown> {
  const countries = list(data, "countries");
  return given({
    name: text(data, "name"),
    organisation: text(data, "organisation"),
    summary: text(data, "summary"),
    apply: text(data, "apply"),
    formats: list(data, "formats"),
    attendance: text(data, "attendance"),
    countries: Array.isArray(countries)
      ? countries.map((country) => (/^worldwide$/i.test(String(country)) ? "worldwide" : String(country).toUpperCase()))
      : countries,
    audience: list(data, "audience"),
    ages: text(data, "ages"),
    safeguarding: text(data, "safeguarding"),
    languages: list(data, "languages"),
    verified: typeof sentAt === "string" ? sentAt.slice(0, 10) : undefined,
  });
}

/** A file name for a new entry: from its title's Latin letters, never one the lists use or a file has. */
function fileNameFor(folder: ListingFolder, title: unknown, id: string, taken: ReadonlySet<string>): string {
  const kind = folder === "events" ? "event" : "programme";
  const fromTitle = typeof title === "string" ? slugify(title).slice(0, 60).replace(/-+$/, "") : "";
  const base =
    fromTitle === "" || /^\d+$/.test(fromTitle) || (reservedListingNames as readonly string[]).includes(fromTitle)
      ? `${kind}-${id.slice(-8).toLowerCase()}`
      : fromTitle;
  let name = base;
  for (let n = 2; taken.has(`${folder}/${name}.md`); n++) name = `${base}-${n}`;
  return `${folder}/${name}.md`;
}

/**
 * The import of every submission of one form not seen before, oldest first: each becomes one
 * Markdown file in its folder, written only when the content check accepts it beside every entry
 * already there (and those imported before it in this run). What the check refuses is skipped,
 * said in the summary, and left at Netlify. No email address is read, so none can be written.
 */
export function planListingImport({
  folder,
  submissions,
  existing,
  reviewed,
  context,
}: ListingImportInput): ListingImportPlan {
  const plan: ListingImportPlan = { files: new Map(), imported: [], skipped: [], known: 0 };
  const { fresh, known } = unseenOldestFirst(submissions, new Set(reviewed.keys()));
  plan.known = known;
  const files = [...existing];
  const taken = new Set(existing.map(({ file }) => file));
  const check = folder === "events" ? checkEvents : checkProgrammes;
  const checkContext: ListingContext = { ...context, imageExists: () => false };
  for (const submission of fresh) {
    const id = String(submission.id);
    const skip = (problem: string) => plan.skipped.push({ id, date: submission.created_at, problem });
    const robot = robotProblem(submission.data);
    if (robot) {
      skip(robot);
      continue;
    }
    const data =
      folder === "events"
        ? eventFromSubmission(submission.data)
        : programmeFromSubmission(submission.data, submission.created_at);
    const description = submissionField(submission.data, "description");
    const file = fileNameFor(folder, data.title ?? data.name, id, taken);
    const source = frontMatterText(data, typeof description === "string" ? description.replace(/\r\n?/g, "\n") : "");
    const problems: Problem[] = check([...files, { file, source }], checkContext).problems.filter(
      (problem) => problem.file === file,
    );
    if (problems.length > 0) {
      skip(problems.map(problemText).join("; "));
      continue;
    }
    files.push({ file, source });
    taken.add(file);
    plan.files.set(file, source);
    plan.imported.push(id);
    plan.reviewed ??= new Map(reviewed);
    plan.reviewed.set(id, file);
  }
  return plan;
}

/** What one form's import did, in lines for the maintainer (and the pull request's description). */
export function listingImportSummary(folder: ListingFolder, plan: ListingImportPlan): string[] {
  const [one, many] = folder === "events" ? ["event", "events"] : ["programme", "programmes"];
  const lines = [
    plan.imported.length > 0
      ? `Imported ${plural(plan.imported.length, one, many)}: ${[...plan.files.keys()].join(", ")}.`
      : plan.known > 0
        ? `No new ${many} (${plural(plan.known, "submission")} of the ${one} form ${plan.known === 1 ? "was" : "were"} imported before).`
        : `No new ${many}.`,
  ];
  if (plan.skipped.length > 0) {
    lines.push(
      `Skipped ${plural(plan.skipped.length, one, many)}, left at Netlify (the content check refuses ${plan.skipped.length === 1 ? "it" : "them"}; fix it there or delete ${plan.skipped.length === 1 ? "it" : "them"}):`,
    );
    lines.push(
      ...firstLines(
        plan.skipped.map(({ id, date, problem }) => `- submission ${id} (${String(date).slice(0, 10)}): ${problem}`),
      ),
    );
  }
  return lines;
}

/** The submissions of a form whose entry is in the project now: reviewed.json names a file that exists. */
export function publishedListingIds(
  reviewed: ReadonlyMap<string, string>,
  folder: ListingFolder,
  exists: (file: string) => boolean,
): Set<string> {
  return new Set([...reviewed].filter(([, file]) => file.startsWith(`${folder}/`) && exists(file)).map(([id]) => id));
}
