import { existsSync, lstatSync } from "node:fs";
import { lstat, open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { importFresh } from "../build/import-fresh-files.ts";
import { inspectSource } from "../graphics/image-files.ts";
import { cardTextProblem } from "../graphics/text/fonts.ts";
import { countryAt, isCountryCode, placeIsInCountry } from "../places/countries.ts";
import { entryField } from "../site/stored-entries.ts";
import { commentsFileProblems, thanksFileProblems } from "../site/stored-entry-checks.ts";
import { localeProblems } from "../words/locale-files.ts";
import { checkArticles, checkWithSchema, formatProblem, type Problem } from "./check.ts";
import {
  contributionFolders,
  type listingDirectoryData,
  pictureFormatOf,
  type SurfaceEntry,
  surfaceProblems,
  thanksFile,
} from "./contribution-surface.ts";
import { checkEvents, checkProgrammes, type ListingContext } from "./listing-check.ts";
import { cardWordsSchema, daySchema, imageSchema, siteSchema, toolkitSchema, topicsSchema } from "./schemas.ts";
import { svgProblems } from "./svg-check.ts";

/** What checking a listing's place needs: the countries' codes and shapes (Natural Earth 1:50m). */
export const listingCountryChecks: Pick<ListingContext, "isCountryCode" | "placeIsInCountry" | "countryAt"> = {
  isCountryCode,
  placeIsInCountry,
  countryAt,
};

/** The typed data files in _data/ and the schema each must match. */
const dataFiles = {
  "site.ts": siteSchema,
  "day.ts": daySchema,
  "topics.ts": topicsSchema,
  "toolkit.ts": toolkitSchema,
  "cardWords.ts": cardWordsSchema,
} as const;

/** The thank-you cards' own words in other languages: each drawn in the card typefaces (bold greeting and footer). */
function cardWordsTypefaceProblems(file: string, value: unknown): Problem[] {
  if (!value || typeof value !== "object") return [];
  const drawn: [string, 400 | 700][] = [
    ["greeting", 700],
    ["from", 400],
    ["day", 700],
  ];
  return Object.entries(value).flatMap(([tag, words]) =>
    drawn.flatMap(([field, weight]) => {
      const text = entryField(words, field);
      const message = typeof text === "string" ? cardTextProblem(text, weight) : undefined;
      return message === undefined ? [] : [{ file, field: `${tag}.${field}`, message }];
    }),
  );
}

/** Everything in the contribution surface's folders, sub-folders included, seen without following links. */
export async function surfaceEntries(root: string): Promise<SurfaceEntry[]> {
  const entries: SurfaceEntry[] = [];
  const walk = async (relative: string) => {
    for (const name of (await readdir(join(root, relative))).sort()) {
      const path = `${relative}/${name}`;
      const stats = await lstat(join(root, path));
      const kind = stats.isSymbolicLink()
        ? "symlink"
        : stats.isDirectory()
          ? "directory"
          : stats.isFile()
            ? "file"
            : "other";
      let head = new Uint8Array();
      if (kind === "file") {
        const handle = await open(join(root, path), "r");
        try {
          head = new Uint8Array(512);
          const { bytesRead } = await handle.read(head, 0, head.length, 0);
          head = head.subarray(0, bytesRead);
        } finally {
          await handle.close();
        }
      }
      entries.push({ path, kind, head });
      if (kind === "directory") await walk(path);
    }
  };
  for (const folder of contributionFolders) {
    // The folders themselves, and static/ above static/images/, must be folders, not links to elsewhere.
    const linked = [folder, ...(folder.startsWith("static/") ? ["static"] : [])].find((path) =>
      lstatSync(join(root, path), { throwIfNoEntry: false })?.isSymbolicLink(),
    );
    if (linked) entries.push({ path: linked, kind: "symlink", head: new Uint8Array() });
    else if (existsSync(join(root, folder))) await walk(folder);
  }
  const thanks = lstatSync(join(root, thanksFile), { throwIfNoEntry: false });
  if (thanks) {
    const kind = thanks.isSymbolicLink()
      ? "symlink"
      : thanks.isDirectory()
        ? "directory"
        : thanks.isFile()
          ? "file"
          : "other";
    entries.push({ path: thanksFile, kind, head: new Uint8Array() });
  }
  return entries;
}

/** Whether `static<src>` is a regular file reached through no symbolic link (src is contained already). */
/** What a file that JSON.parse refused holds, for "expected …, got …": its first fault, as JSON.parse names it. */
function notJson(error: unknown): string {
  return `text that is not JSON (${(error as Error).message})`;
}

function isPlainFileUnder(root: string, src: string): boolean {
  let path = join(root, "static");
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() !== false) return false;
  for (const segment of src.slice(1).split("/")) {
    path = join(path, segment);
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) return false;
  }
  return lstatSync(path).isFile();
}

/**
 * Reads the project's content (articles/*.md, _data/*.ts, _data/comments/*.json) and
 * returns every problem with it; an empty list means the site can be built.
 */
export async function checkProjectContent(
  root: string,
  now: Date,
  warn: (warning: Problem) => void = (warning) => console.warn(`Warning: ${formatProblem(warning)}`),
): Promise<Problem[]> {
  const problems: Problem[] = [];
  /** Every picture the content names, to be read the way the build reads it. */
  const pictures: { file: string; field: string; src: string }[] = [];

  let tags: string[] = [];
  let siteName: string | undefined;
  for (const [name, schema] of Object.entries(dataFiles)) {
    const file = `_data/${name}`;
    let value: unknown;
    try {
      value = await importFresh(join(root, file));
    } catch (error) {
      problems.push({ file, field: "", message: `could not be loaded: ${(error as Error).message}` });
      continue;
    }
    const checked = checkWithSchema(file, value, schema);
    problems.push(...checked.problems);
    if (name === "topics.ts" && value && typeof value === "object") tags = Object.keys(value);
    // The interface's words: every locale file complete, and one for the site's language.
    if (name === "site.ts" && checked.value) {
      const site = checked.value as { language: string; name: string };
      siteName = site.name;
      problems.push(...(await localeProblems(root, site.language)));
    }
    if (name === "cardWords.ts") problems.push(...cardWordsTypefaceProblems(file, value));
    // The day's picture is decoded whatever else is wrong with day.ts: every problem at once.
    const daySrc =
      name === "day.ts" ? imageSchema.shape.src.safeParse(entryField(entryField(value, "image"), "src")) : undefined;
    if (daySrc?.success) pictures.push({ file, field: "image.src", src: daySrc.data });
  }

  const entries = await surfaceEntries(root);
  const directoryDataFile = join(root, "articles/articles.11tydata.json");
  let directoryData: unknown;
  try {
    directoryData = existsSync(directoryDataFile) ? JSON.parse(await readFile(directoryDataFile, "utf8")) : undefined;
  } catch {
    directoryData = "not JSON";
  }
  const listingData: Partial<Record<keyof typeof listingDirectoryData, unknown>> = {};
  for (const folder of ["events", "programmes"] as const) {
    const dataFile = join(root, folder, `${folder}.11tydata.json`);
    try {
      if (existsSync(dataFile)) listingData[folder] = JSON.parse(await readFile(dataFile, "utf8"));
    } catch {
      listingData[folder] = "not JSON";
    }
  }
  problems.push(...surfaceProblems(entries, directoryData, listingData));
  // A picture that is an SVG must be a drawing and nothing more, whatever its name (svg-check.ts).
  for (const { path } of entries.filter(
    (entry) =>
      entry.kind === "file" && entry.path.startsWith("static/images/") && pictureFormatOf(entry.head) === "svg",
  )) {
    problems.push(...svgProblems(path, await readFile(join(root, path), "utf8")));
  }

  // Comments and thanks: dated no later than the build's clock allows, and not signed with the site's name.
  const rules = { now, siteName };
  // Only regular files: a link in the surface is reported by surfaceProblems and never read.
  for (const { path: file } of entries.filter(
    (entry) => entry.kind === "file" && /^_data\/comments\/[^/]+\.json$/.test(entry.path),
  )) {
    try {
      problems.push(...commentsFileProblems(file, JSON.parse(await readFile(join(root, file), "utf8")), rules));
    } catch (error) {
      problems.push({ file, field: "", message: `expected a JSON list of comments, got ${notJson(error)}` });
    }
  }

  // The wall of thanks: each one's card is drawn in the card typefaces, so each character must be in them.
  if (entries.some((entry) => entry.path === thanksFile && entry.kind === "file")) {
    try {
      problems.push(
        ...thanksFileProblems(thanksFile, JSON.parse(await readFile(join(root, thanksFile), "utf8")), rules),
      );
    } catch (error) {
      problems.push({ file: thanksFile, field: "", message: `expected a JSON list of thanks, got ${notJson(error)}` });
    }
  }

  const articleNames = entries
    .filter((entry) => entry.kind === "file" && /^articles\/[^/]+\.md$/.test(entry.path))
    .map((entry) => entry.path.slice("articles/".length));
  const articles = await Promise.all(
    articleNames.map(async (name) => ({
      file: `articles/${name}`,
      source: await readFile(join(root, "articles", name), "utf8"),
    })),
  );
  const context = { tags, imageExists: (src: string) => isPlainFileUnder(root, src), now, cardTextProblem };
  const checked = checkArticles(articles, context);
  problems.push(...checked.problems);
  pictures.push(...checked.pictures);

  // Events and programmes: their schemas, their places on the map, and no contact details.
  const listingContext: ListingContext = { ...context, ...listingCountryChecks };
  const listingFiles = async (folder: "events" | "programmes") =>
    Promise.all(
      entries
        .filter((entry) => entry.kind === "file" && new RegExp(`^${folder}/[^/]+\\.md$`).test(entry.path))
        .map(async (entry) => ({ file: entry.path, source: await readFile(join(root, entry.path), "utf8") })),
    );
  const events = checkEvents(await listingFiles("events"), listingContext);
  const programmes = checkProgrammes(await listingFiles("programmes"), listingContext);
  problems.push(...events.problems, ...programmes.problems);
  pictures.push(...events.pictures, ...programmes.pictures);

  // Each picture is decoded as the build would, once however many articles show it: a damaged
  // or unsupported file fails here, named for every file that uses it.
  const inspections = new Map<string, ReturnType<typeof inspectSource>>();
  const inspect = (src: string) => {
    if (!inspections.has(src)) inspections.set(src, inspectSource(join(root, "static", src), `static${src}`));
    return inspections.get(src) as ReturnType<typeof inspectSource>;
  };
  const reports = await Promise.all(pictures.map(async (picture) => ({ picture, report: await inspect(picture.src) })));
  for (const { picture, report } of reports) {
    if (report.problem) problems.push({ file: picture.file, field: picture.field, message: report.problem });
    if (report.warning) warn({ file: picture.file, field: picture.field, message: report.warning });
  }
  return problems;
}
