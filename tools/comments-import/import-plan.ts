// What an import changes, decided without touching a file or the network: which submission
// becomes which page's comment, which are skipped and why, and the summary a maintainer reads.
import type { Problem } from "../../src/lib/content/check.ts";
import { describeValue, type StoredComment } from "../../src/lib/content/schemas.ts";
import { isHttpsUrl, normalisedPrefix } from "../../src/lib/publishing/urls.ts";
import { commentsFileProblems, type EntryRules } from "../../src/lib/site/stored-entry-checks.ts";
import { commentsFolder, type HeldFile } from "./comment-files.ts";
import type { Submission } from "./netlify-api.ts";
import {
  firstLines,
  fitting,
  plural,
  problemText,
  robotProblem,
  submissionField,
  unseenOldestFirst,
} from "./submissions.ts";

/** The articles there are, by file name without `.md`, and whether each is a draft. */
export type ArticleIndex = ReadonlyMap<string, { draft: boolean }>;

/** A comment as its file holds it: JSON, so its date is text. */
export type CommentEntry = StoredComment & { date: string };

export type PageLookup = { page: string; problem?: undefined } | { page?: undefined; problem: string };

/**
 * The comments file (`home`, or an article's file name) for a form's `page` field: the page's
 * path as Eleventy knows it (`/`, `/articles/<name>/`), with the site's path prefix, if it was
 * built under one, taken off first.
 */
export function pageFor(path: unknown, articles: ArticleIndex, pathPrefix = "/"): PageLookup {
  if (typeof path !== "string" || path.trim() === "") {
    return { problem: `page: expected the address of the page commented on, got ${describeValue(path)}` };
  }
  let sitePath = path.trim();
  const prefix = normalisedPrefix(pathPrefix);
  if (prefix !== "/" && sitePath.startsWith(prefix)) sitePath = sitePath.slice(prefix.length - 1);
  if (sitePath === "/") return { page: "home" };
  const match = /^\/articles\/([^/]+)\/$/.exec(sitePath);
  if (!match?.[1]) {
    return {
      problem: `page: expected / or /articles/<name>/, the pages with comments, got ${describeValue(path)}`,
    };
  }
  let name = match[1];
  try {
    name = decodeURIComponent(name);
  } catch {}
  const article = articles.get(name);
  if (!article) {
    return {
      problem: `page: expected a published article, got ${describeValue(path)}: there is no articles/${name}.md`,
    };
  }
  if (article.draft) {
    return {
      problem: `page: expected a published article, got ${describeValue(path)}: articles/${name}.md is a draft`,
    };
  }
  if (name === "home") {
    return { problem: "page: articles/home.md would share _data/comments/home.json with the home page: rename it" };
  }
  return { page: name };
}

export interface ImportInput {
  /** The form's verified submissions at Netlify, in any order. */
  submissions: readonly Submission[];
  /** The comments files there are: page → its comments, as read. */
  existing: ReadonlyMap<string, readonly CommentEntry[]>;
  /** The comments files that do not pass the check as they are: page → why; nothing joins them. */
  held?: ReadonlyMap<string, HeldFile>;
  /** Every submission put up for review before (reviewed.json): id → page. */
  reviewed: ReadonlyMap<string, string>;
  articles: ArticleIndex;
  pathPrefix?: string;
  /** The build's clock and the site's name, which the content check's rules over entries ask for (readEntryRules). */
  rules?: EntryRules;
}

export interface Skipped {
  id: string;
  date: unknown;
  page: unknown;
  problem: string;
}

/** Submissions that pass on their own but that their file cannot take: they stay at Netlify. */
export interface LeftOver {
  page: string;
  ids: string[];
  /** The file does not pass the check as it is, or would not with them in it. */
  because: "held" | "full";
  file: string;
  problem: Problem;
  /** How many more problems the file has (held files). */
  more: number;
}

export interface ImportPlan {
  /** The comments files that change: page → all its comments, those it had first, as they were. */
  files: Map<string, CommentEntry[]>;
  /** reviewed.json after this import, or undefined if it does not change. */
  reviewed?: Map<string, string>;
  imported: { id: string; page: string }[];
  skipped: Skipped[];
  leftOver: LeftOver[];
  /** Replies to a comment that is not on their page, imported as comments of their own. */
  unthreaded: { id: string; replyTo: string; page: string }[];
  /** Comments imported without the website they gave, which was no https:// address. */
  websitesLeftOut: { id: string; page: string }[];
  /** Submissions at Netlify that were imported or reviewed before. */
  known: number;
}

/**
 * The import of every submission not seen before: neither in a comments file nor in
 * reviewed.json (which remembers the ones a moderator deleted from the pull request). Each
 * becomes a comment of the page its `page` field names, checked by the comments schema; one
 * that fails is skipped (and stays at Netlify, to be imported once it can be). Oldest first, so
 * a reply comes after what it answers; a reply to a comment that is not on its page is kept
 * as a comment of its own. A page's file then takes as many as it can and still pass the content
 * check (at most 1000 comments on a page); the rest, and every submission to a page whose file
 * does not pass the check as it is, stay at Netlify. No email address is read, so none can be written.
 */
export function planImport({
  submissions,
  existing,
  held = new Map(),
  reviewed,
  articles,
  pathPrefix,
  rules = {},
}: ImportInput): ImportPlan {
  const seen = new Set(reviewed.keys());
  for (const comments of existing.values()) for (const comment of comments) seen.add(comment.id);
  for (const file of held.values()) for (const id of file.ids) seen.add(id);
  const idsOnPage = new Map<string, Set<string>>();
  for (const [page, comments] of existing) idsOnPage.set(page, new Set(comments.map((comment) => comment.id)));

  const plan: ImportPlan = {
    files: new Map(),
    imported: [],
    skipped: [],
    leftOver: [],
    unthreaded: [],
    websitesLeftOut: [],
    known: 0,
  };
  const { fresh, known } = unseenOldestFirst(submissions, seen);
  plan.known = known;
  const waiting = new Map<string, string[]>();

  for (const submission of fresh) {
    const id = String(submission.id);
    const data = submission.data;
    const skip = (problem: string) =>
      plan.skipped.push({ id, date: submission.created_at, page: submissionField(data, "page"), problem });
    const robot = robotProblem(data);
    if (robot) {
      skip(robot);
      continue;
    }
    const { page, problem } = pageFor(submissionField(data, "page"), articles, pathPrefix);
    if (page === undefined) {
      skip(problem);
      continue;
    }
    const onPage = idsOnPage.get(page) ?? new Set<string>();
    const website = submissionField(data, "website");
    const replyTo = submissionField(data, "reply-to");
    const answersKnown = typeof replyTo === "string" && onPage.has(replyTo);
    const candidate = {
      id,
      name: submissionField(data, "name"),
      date: submission.created_at,
      text: submissionField(data, "comment"),
      ...(isHttpsUrl(website) ? { website } : {}),
      ...(answersKnown ? { replyTo } : {}),
    };
    // The check's own, on a file of this one comment (its reply checked with its page's, below): its fields, its date, its name.
    const { replyTo: _answers, ...alone } = candidate;
    const problems = commentsFileProblems("", [alone], rules).map((found) =>
      problemText({ ...found, field: found.field.replace(/^\[0\]\.?/, "") }),
    );
    if (problems.length > 0) {
      skip(problems.join("; "));
      continue;
    }
    if (held.has(page)) {
      waiting.set(page, [...(waiting.get(page) ?? []), id]);
      continue;
    }
    if (replyTo && !answersKnown) plan.unthreaded.push({ id, replyTo: String(replyTo), page });
    if (website && !isHttpsUrl(website)) plan.websitesLeftOut.push({ id, page });
    const comments = plan.files.get(page) ?? [...(existing.get(page) ?? [])];
    comments.push(candidate as CommentEntry);
    plan.files.set(page, comments);
    onPage.add(id);
    idsOnPage.set(page, onPage);
    plan.imported.push({ id, page });
  }

  for (const [page, ids] of waiting) {
    const { file, problems } = held.get(page) as HeldFile;
    plan.leftOver.push({
      page,
      ids,
      because: "held",
      file,
      problem: problems[0] as Problem,
      more: problems.length - 1,
    });
  }
  // What the content check asks of the whole file: as many as fit, oldest first (a reply after what it answers).
  const cut = new Set<string>();
  for (const [page, comments] of plan.files) {
    const kept = existing.get(page) ?? [];
    const added = comments.slice(kept.length);
    const file = `${commentsFolder}/${page}.json`;
    const { count, problem } = fitting(kept, added, (entries) => commentsFileProblems(file, entries, rules));
    if (problem === undefined) continue;
    const ids = added.slice(count).map((comment) => comment.id);
    for (const id of ids) cut.add(id);
    plan.leftOver.push({ page, ids, because: "full", file, problem, more: 0 });
    if (count === 0) plan.files.delete(page);
    else plan.files.set(page, [...kept, ...added.slice(0, count)]);
  }
  const imported = ({ id }: { id: string }) => !cut.has(id);
  plan.imported = plan.imported.filter(imported);
  plan.unthreaded = plan.unthreaded.filter(imported);
  plan.websitesLeftOut = plan.websitesLeftOut.filter(imported);
  if (plan.imported.length > 0) {
    plan.reviewed = new Map(reviewed);
    for (const { id, page } of plan.imported) plan.reviewed.set(id, page);
  }
  return plan;
}

/**
 * The ids of every comment in the files after an import: what is published, or up for review,
 * those of files that do not pass the check as they are among them.
 */
export function commentIds(
  existing: ReadonlyMap<string, readonly CommentEntry[]>,
  held: ReadonlyMap<string, HeldFile> = new Map(),
  plan?: ImportPlan,
): Set<string> {
  const ids = new Set<string>();
  for (const [page, comments] of existing) {
    if (!plan?.files.has(page)) for (const comment of comments) ids.add(comment.id);
  }
  for (const file of held.values()) for (const id of file.ids) ids.add(id);
  for (const comments of plan?.files.values() ?? []) for (const comment of comments) ids.add(comment.id);
  return ids;
}

function countsByPage(entries: readonly { page: string }[]): string {
  const counts = new Map<string, number>();
  for (const { page } of entries) counts.set(page, (counts.get(page) ?? 0) + 1);
  return [...counts].map(([page, count]) => `${page}: ${count}`).join(", ");
}

/** The line for submissions their file cannot take, which stay at Netlify. */
export function leftOverLine({ page, ids, because, file, problem, more }: LeftOver, noun = "submission"): string {
  const count = `${plural(ids.length, noun, noun === "thanks" ? "thanks" : undefined)}${page ? ` to ${page}` : ""}`;
  return because === "held"
    ? `Left ${count} at Netlify: ${file} does not pass the check as it is (${problemText(problem)}${more > 0 ? `, and ${plural(more, "more problem")}` : ""}); fix it, as npm run check:content says, and run again.`
    : `Left ${count} at Netlify: ${file} cannot take ${ids.length === 1 ? "it" : "them"} and pass the check (with one more: ${problemText(problem)}).`;
}

/** What an import did, in lines for the maintainer (and the pull request's description). */
export function importSummary(plan: ImportPlan): string[] {
  const lines: string[] = [];
  if (plan.imported.length > 0) {
    lines.push(`Imported ${plural(plan.imported.length, "comment")} (${countsByPage(plan.imported)}).`);
  } else {
    lines.push(
      plan.known > 0
        ? `No new comments (${plural(plan.known, "submission")} at Netlify ${plan.known === 1 ? "was" : "were"} imported before).`
        : "No new comments.",
    );
  }
  for (const leftOver of plan.leftOver) lines.push(leftOverLine(leftOver));
  if (plan.skipped.length > 0) {
    lines.push(
      `Skipped ${plural(plan.skipped.length, "submission")}, left at Netlify (fix what is said and run again, or delete ${plan.skipped.length === 1 ? "it" : "them"} there):`,
    );
    lines.push(
      ...firstLines(
        plan.skipped.map(
          ({ id, date, page, problem }) =>
            `- submission ${id} (${String(date).slice(0, 10)}, page ${describeValue(page)}): ${problem}`,
        ),
      ),
    );
  }
  if (plan.unthreaded.length > 0) {
    const which = plan.unthreaded.map(({ id, replyTo }) => `submission ${id} answers ${replyTo}`);
    lines.push(
      `${plural(plan.unthreaded.length, "reply", "replies")} to a comment that is not on ${plan.unthreaded.length === 1 ? "its page was" : "their page were"} imported as ${plan.unthreaded.length === 1 ? "a comment of its own" : "comments of their own"} (${listed(which)}).`,
    );
  }
  if (plan.websitesLeftOut.length > 0) {
    lines.push(
      `${plural(plan.websitesLeftOut.length, "website")} left out, not being an https:// address (${listed(
        plan.websitesLeftOut.map(({ id }) => `submission ${id}`),
        ", ",
      )}).`,
    );
  }
  return lines;
}

/** Items joined into one line, the first 20 of them when there are more. */
function listed(items: readonly string[], separator = "; "): string {
  return items.length <= 20
    ? items.join(separator)
    : `${items.slice(0, 20).join(separator)}${separator}and ${items.length - 20} more`;
}
