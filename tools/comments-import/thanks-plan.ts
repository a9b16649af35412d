// What an import changes on the wall of thanks, decided without touching a file or the network:
// which submissions of the `thanks` form join _data/thanks.json, which are skipped and why.
import type { Problem } from "../../src/lib/content/check.ts";
import { describeValue, type StoredThanks } from "../../src/lib/content/schemas.ts";
import { type EntryRules, thanksFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { isBlank } from "../../src/lib/words/plain-text.ts";
import { type HeldFile, thanksFile } from "./comment-files.ts";
import { type LeftOver, leftOverLine } from "./import-plan.ts";
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

/** A thanks as _data/thanks.json holds it: JSON, so its date is text. */
export type ThanksEntry = StoredThanks & { date: string };

/** What reviewed.json records a thanks under, where a comment has its page. */
export const thanksPage = "thank-your-mentor";

export interface ThanksImportInput {
  /** The `thanks` form's verified submissions at Netlify, in any order. */
  submissions: readonly Submission[];
  /** _data/thanks.json as read. */
  existing: readonly ThanksEntry[];
  /** Why _data/thanks.json does not pass the check as it is, if it does not: nothing joins it then. */
  held?: HeldFile;
  /** Every submission put up for review before (reviewed.json, after this run's comments): id → page. */
  reviewed: ReadonlyMap<string, string>;
  /** The build's clock and the site's name, which the content check's rules over entries ask for (readEntryRules). */
  rules?: EntryRules;
}

export interface ThanksImportPlan {
  /** _data/thanks.json after this import (those it had first, as they were), or undefined if it does not change. */
  thanks?: ThanksEntry[];
  /** reviewed.json after this import, or undefined if it does not change. */
  reviewed?: Map<string, string>;
  imported: string[];
  skipped: { id: string; date: unknown; problem: string }[];
  /** Thanks that pass on their own but that the wall's file cannot take: they stay at Netlify. */
  leftOver?: LeftOver;
  /** Submissions at Netlify that were imported or reviewed before. */
  known: number;
}

/**
 * The import of every thanks not seen before, oldest first. Only a visitor who ticked the box
 * agreeing to publication is imported; each is checked as the content check checks the wall
 * (the thanks schema, and the card typefaces, which the build draws its card in). The wall then
 * takes as many as it can and still pass the check; the rest, and every thanks when the file does
 * not pass the check as it is, stay at Netlify. No email address is read, so none can be written.
 */
export function planThanksImport({
  submissions,
  existing,
  held,
  reviewed,
  rules = {},
}: ThanksImportInput): ThanksImportPlan {
  const seen = new Set([...reviewed.keys(), ...existing.map((thanks) => thanks.id), ...(held?.ids ?? [])]);
  const plan: ThanksImportPlan = { imported: [], skipped: [], known: 0 };
  const { fresh, known } = unseenOldestFirst(submissions, seen);
  plan.known = known;
  const added: ThanksEntry[] = [];
  for (const submission of fresh) {
    const id = String(submission.id);
    const skip = (problem: string) => plan.skipped.push({ id, date: submission.created_at, problem });
    const data = submission.data;
    const robot = robotProblem(data);
    if (robot) {
      skip(robot);
      continue;
    }
    const publish = submissionField(data, "publish");
    if (typeof publish !== "string" || !/^(yes|on|true)$/i.test(publish)) {
      skip(`publish: expected the box agreeing to publication ticked, got ${describeValue(publish)}`);
      continue;
    }
    const name = submissionField(data, "name");
    // The language the sender chose for the card ("" for the message's own): kept as sent, the check decides.
    const lang = submissionField(data, "lang");
    const candidate = {
      id,
      mentor: submissionField(data, "mentor"),
      // Its line breaks as \n whatever system sent it (submissionField).
      message: submissionField(data, "message"),
      // The name is optional: one of spaces or invisible characters alone is none.
      ...(typeof name === "string" && !isBlank(name) ? { name } : {}),
      date: submission.created_at,
      ...(lang === undefined || lang === "" ? {} : { lang }),
    };
    // The check's own, on a wall of this one thanks: its fields, and its card's characters.
    const problems = thanksFileProblems(thanksFile, [candidate], rules).map((found) =>
      problemText({ ...found, field: found.field.replace(/^\[0\]\.?/, "") }),
    );
    if (problems.length > 0) {
      skip(problems.join("; "));
      continue;
    }
    added.push(candidate as ThanksEntry);
  }
  if (held) {
    if (added.length === 0) return plan;
    plan.leftOver = {
      page: "",
      ids: added.map((thanks) => thanks.id),
      because: "held",
      file: held.file,
      problem: held.problems[0] as Problem,
      more: held.problems.length - 1,
    };
    return plan;
  }
  const { count, problem } = fitting(existing, added, (entries) => thanksFileProblems(thanksFile, entries, rules));
  if (problem !== undefined) {
    plan.leftOver = {
      page: "",
      ids: added.slice(count).map((thanks) => thanks.id),
      because: "full",
      file: thanksFile,
      problem,
      more: 0,
    };
  }
  plan.imported = added.slice(0, count).map((thanks) => thanks.id);
  if (count > 0) {
    plan.thanks = [...existing, ...added.slice(0, count)];
    plan.reviewed = new Map(reviewed);
    for (const id of plan.imported) plan.reviewed.set(id, thanksPage);
  }
  return plan;
}

/** What the thanks part of an import did, in lines for the maintainer (and the pull request's description). */
export function thanksImportSummary(plan: ThanksImportPlan): string[] {
  const lines = [
    plan.imported.length > 0
      ? `Imported ${plural(plan.imported.length, "thanks", "thanks")} for the wall (_data/thanks.json).`
      : plan.known > 0
        ? `No new thanks (${plural(plan.known, "submission")} of the thanks form ${plan.known === 1 ? "was" : "were"} imported before).`
        : "No new thanks.",
  ];
  if (plan.leftOver) lines.push(leftOverLine(plan.leftOver, "thanks"));
  if (plan.skipped.length > 0) {
    lines.push(
      `Skipped ${plural(plan.skipped.length, "thanks", "thanks")}, left at Netlify (fix what is said and run again, or delete ${plan.skipped.length === 1 ? "it" : "them"} there):`,
    );
    lines.push(
      ...firstLines(
        plan.skipped.map(({ id, date, problem }) => `- submission ${id} (${String(date).slice(0, 10)}): ${problem}`),
      ),
    );
  }
  return lines;
}
