// The importer's files: it reads the articles, the comments files, the wall of thanks and
// reviewed.json, and writes what an import changed, every file at once or none, and only files
// that pass the content check.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { importFresh } from "../../src/lib/build/import-fresh-files.ts";
import { formatProblem, type Problem } from "../../src/lib/content/check.ts";
import { readFrontMatter } from "../../src/lib/content/front-matter.ts";
import { checkEvents, checkProgrammes, type ListingContext } from "../../src/lib/content/listing-check.ts";
import { countryAt, isCountryCode, placeIsInCountry } from "../../src/lib/places/countries.ts";
import { entryField as dataField } from "../../src/lib/site/stored-entries.ts";
import { commentsFileProblems, type EntryRules, thanksFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { buildTime } from "../../src/lib/words/dates.ts";
import type { ArticleIndex, CommentEntry } from "./import-plan.ts";
import type { ThanksEntry } from "./thanks-plan.ts";

export const commentsFolder = "_data/comments";

/** The wall of thanks, which the `thanks` form's submissions join. */
export const thanksFile = "_data/thanks.json";

/**
 * Every submission the importer has put up for review, id → page. A comment a moderator
 * deletes from the pull request is still here, so it is not imported again; ids only, never
 * what a visitor wrote.
 */
/** What the last look at an event's or a programme's file before it is written needs: the countries, the clock. */
const listingCheckContext: ListingContext = {
  now: new Date(),
  imageExists: () => false,
  isCountryCode,
  placeIsInCountry,
  countryAt,
};

export const reviewedFile = "tools/comments-import/reviewed.json";

/** A problem with the project's own files, said as `file: field: message` lines. */
export class ProjectFileError extends Error {
  override name = "ProjectFileError";
}

/**
 * What the content check's rules over comments and thanks depend on: the build's clock (now, or
 * SOURCE_DATE_EPOCH) and the site's name (_data/site.ts, when the project has one).
 */
export async function readEntryRules(root: string): Promise<EntryRules> {
  const siteFile = join(root, "_data/site.ts");
  let siteName: unknown;
  if (existsSync(siteFile)) {
    try {
      siteName = dataField(await importFresh(siteFile), "name");
    } catch (error) {
      throw new ProjectFileError(`_data/site.ts: could not be loaded: ${(error as Error).message}`);
    }
  }
  return { now: buildTime().toJSDate(), siteName: typeof siteName === "string" ? siteName : undefined };
}

/** The articles, by file name without `.md`, and whether each is a draft (drafts are not published). */
export async function readArticles(root: string): Promise<ArticleIndex> {
  const folder = join(root, "articles");
  const articles = new Map<string, { draft: boolean }>();
  if (!existsSync(folder)) return articles;
  for (const name of (await readdir(folder)).filter((file) => file.endsWith(".md")).sort()) {
    let draft = false;
    try {
      draft = readFrontMatter(await readFile(join(folder, name), "utf8")).data.draft === true;
    } catch {
      // The content check reports a broken article; here it counts as published, as its page would be once fixed.
    }
    articles.set(name.slice(0, -".md".length), { draft });
  }
  return articles;
}

/**
 * A file that does not pass the content check as it is (edited by hand, or checked by a newer
 * rule): nothing is imported into it until it does, and its ids still count as published.
 */
export interface HeldFile {
  file: string;
  problems: Problem[];
  /** The ids of its entries, as far as it can be read. */
  ids: string[];
}

/** A file as read: its entries if it passes the check, or why it is held. */
async function readEntries<Entry>(
  root: string,
  file: string,
  fileProblems: (file: string, value: unknown, rules: EntryRules) => Problem[],
  rules: EntryRules,
): Promise<{ entries: Entry[]; held?: undefined } | { entries?: undefined; held: HeldFile }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(root, file), "utf8"));
  } catch (error) {
    return {
      held: {
        file,
        problems: [{ file, field: "", message: `is not valid JSON: ${(error as Error).message}` }],
        ids: [],
      },
    };
  }
  const problems = fileProblems(file, value, rules);
  if (problems.length === 0) return { entries: value as Entry[] };
  const ids = (Array.isArray(value) ? value : [])
    .map((item) => dataField(item, "id"))
    .filter((id) => typeof id === "string");
  return { held: { file, problems, ids } };
}

/**
 * The comments files, page → its comments as written, each checked as the content check checks
 * it; those that do not pass are held, page → why.
 */
export async function readComments(
  root: string,
  rules: EntryRules = {},
): Promise<{ pages: Map<string, CommentEntry[]>; held: Map<string, HeldFile> }> {
  const folder = join(root, commentsFolder);
  const pages = new Map<string, CommentEntry[]>();
  const held = new Map<string, HeldFile>();
  if (!existsSync(folder)) return { pages, held };
  for (const name of (await readdir(folder)).filter((file) => file.endsWith(".json")).sort()) {
    const page = name.slice(0, -".json".length);
    const read = await readEntries<CommentEntry>(root, `${commentsFolder}/${name}`, commentsFileProblems, rules);
    if (read.held) held.set(page, read.held);
    else pages.set(page, read.entries);
  }
  return { pages, held };
}

/** _data/thanks.json as written, checked as the content check checks it (none yet is an empty wall), or why it is held. */
export async function readThanks(
  root: string,
  rules: EntryRules = {},
): Promise<{ thanks: ThanksEntry[]; held?: HeldFile }> {
  if (!existsSync(join(root, thanksFile))) return { thanks: [] };
  const read = await readEntries<ThanksEntry>(root, thanksFile, thanksFileProblems, rules);
  return read.held ? { thanks: [], held: read.held } : { thanks: read.entries };
}

/** _data/thanks.json's text: JSON as Biome formats it. */
export function thanksFileText(thanks: readonly ThanksEntry[]): string {
  return `${JSON.stringify(thanks, null, 2)}\n`;
}

/** reviewed.json as id → page; none yet is an empty record. */
export async function readReviewed(root: string): Promise<Map<string, string>> {
  const path = join(root, reviewedFile);
  if (!existsSync(path)) return new Map();
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new ProjectFileError(`${reviewedFile}: is not valid JSON: ${(error as Error).message}`);
  }
  const entries = value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (!entries || entries.some(([, page]) => typeof page !== "string")) {
    throw new ProjectFileError(`${reviewedFile}: expected {"<submission id>": "<page>", …}, got something else`);
  }
  return new Map(entries as [string, string][]);
}

/** A comments file's text: JSON as Biome formats it, so that `npm run lint` is content. */
export function commentsFileText(comments: readonly CommentEntry[]): string {
  return `${JSON.stringify(comments, null, 2)}\n`;
}

export function reviewedFileText(reviewed: ReadonlyMap<string, string>): string {
  return `${JSON.stringify(Object.fromEntries(reviewed), null, 2)}\n`;
}

/**
 * Writes every file (project-relative path → text) at once: each to a temporary file beside
 * it first, then all renamed into place. A failure before the renames leaves every file as it was.
 */
export async function writeAll(
  root: string,
  files: ReadonlyMap<string, string>,
  rules: EntryRules = {},
): Promise<void> {
  // The last word before any file changes: the content check, as `npm run check:content` runs it.
  const refused = [...files].flatMap(([path, text]) =>
    path === thanksFile
      ? thanksFileProblems(path, JSON.parse(text), rules)
      : path.startsWith(`${commentsFolder}/`)
        ? commentsFileProblems(path, JSON.parse(text), rules)
        : path.startsWith("events/")
          ? checkEvents([{ file: path, source: text }], listingCheckContext).problems
          : path.startsWith("programmes/")
            ? checkProgrammes([{ file: path, source: text }], listingCheckContext).problems
            : [],
  );
  if (refused.length > 0) {
    throw new ProjectFileError(
      `Nothing was written: the import would have made a file the content check refuses (${formatProblem(refused[0] as Problem)}${refused.length > 1 ? `, and ${refused.length - 1} more` : ""}).`,
    );
  }
  const written: [string, string][] = [];
  try {
    for (const [path, text] of files) {
      const target = join(root, path);
      const temporary = `${target}.${process.pid}.tmp`;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temporary, text);
      written.push([temporary, target]);
    }
  } catch (error) {
    await Promise.all(written.map(([temporary]) => rm(temporary, { force: true })));
    throw new ProjectFileError(`Could not write the comments (nothing was changed): ${(error as Error).message}`);
  }
  for (const [temporary, target] of written) await rename(temporary, target);
}
