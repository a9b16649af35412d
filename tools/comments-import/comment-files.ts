// The importer's files: it reads the articles, the comments files and reviewed.json, and
// writes what an import changed, every file at once or none.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { checkWithSchema, formatProblem } from "../../src/lib/content/check.ts";
import { readFrontMatter } from "../../src/lib/content/front-matter.ts";
import { commentsSchema, thanksSchema } from "../../src/lib/content/schemas.ts";
import { commentReferenceProblems } from "../../src/lib/site/comments.ts";
import { thanksReferenceProblems } from "../../src/lib/site/thanks.ts";
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
export const reviewedFile = "tools/comments-import/reviewed.json";

/** A problem with the project's own files, said as `file: field: message` lines. */
export class ProjectFileError extends Error {
  override name = "ProjectFileError";
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

/** The comments files, page → its comments as written, each checked as the content check does. */
export async function readComments(root: string): Promise<Map<string, CommentEntry[]>> {
  const folder = join(root, commentsFolder);
  const pages = new Map<string, CommentEntry[]>();
  if (!existsSync(folder)) return pages;
  const problems: string[] = [];
  for (const name of (await readdir(folder)).filter((file) => file.endsWith(".json")).sort()) {
    const file = `${commentsFolder}/${name}`;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(join(root, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: is not valid JSON: ${(error as Error).message}`);
      continue;
    }
    // As the content check reads it: a reply whose comment a moderator deleted is a problem here too.
    const found = [...checkWithSchema(file, value, commentsSchema).problems, ...commentReferenceProblems(file, value)];
    problems.push(...found.map(formatProblem));
    if (found.length === 0) pages.set(name.slice(0, -".json".length), value as CommentEntry[]);
  }
  if (problems.length > 0) {
    throw new ProjectFileError(`Fix the comments files first (nothing was imported):\n${problems.join("\n")}`);
  }
  return pages;
}

/** _data/thanks.json as written, checked as the content check does; none yet is an empty wall. */
export async function readThanks(root: string): Promise<ThanksEntry[]> {
  const path = join(root, thanksFile);
  if (!existsSync(path)) return [];
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new ProjectFileError(
      `Fix ${thanksFile} first (nothing was imported): it is not valid JSON: ${(error as Error).message}`,
    );
  }
  const found = [
    ...checkWithSchema(thanksFile, value, thanksSchema).problems,
    ...thanksReferenceProblems(thanksFile, value),
  ];
  if (found.length > 0) {
    throw new ProjectFileError(
      `Fix ${thanksFile} first (nothing was imported):\n${found.map(formatProblem).join("\n")}`,
    );
  }
  return value as ThanksEntry[];
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
export async function writeAll(root: string, files: ReadonlyMap<string, string>): Promise<void> {
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
