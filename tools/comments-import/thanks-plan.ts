// What an import changes on the wall of thanks, decided without touching a file or the network:
// which submissions of the `thanks` form join _data/thanks.json, which are skipped and why.
import { checkWithSchema } from "../../src/lib/content/check.ts";
import { describeValue, type StoredThanks, thanksSchema } from "../../src/lib/content/schemas.ts";
import { cardTextProblem } from "../../src/lib/graphics/text/fonts.ts";
import type { NetlifySubmission } from "./netlify-api.ts";
import { plural, robotProblem, submissionField, unseenOldestFirst } from "./submissions.ts";

/** A thanks as _data/thanks.json holds it: JSON, so its date is text. */
export type ThanksEntry = StoredThanks & { date: string };

/** What reviewed.json records a thanks under, where a comment has its page. */
export const thanksPage = "thank-your-mentor";

export interface ThanksImportInput {
  /** The `thanks` form's verified submissions at Netlify, in any order. */
  submissions: readonly NetlifySubmission[];
  /** _data/thanks.json as read. */
  existing: readonly ThanksEntry[];
  /** Every submission put up for review before (reviewed.json, after this run's comments): id → page. */
  reviewed: ReadonlyMap<string, string>;
}

export interface ThanksImportPlan {
  /** _data/thanks.json after this import (those it had first, as they were), or undefined if it does not change. */
  thanks?: ThanksEntry[];
  /** reviewed.json after this import, or undefined if it does not change. */
  reviewed?: Map<string, string>;
  imported: string[];
  skipped: { id: string; date: unknown; problem: string }[];
  /** Submissions at Netlify that were imported or reviewed before. */
  known: number;
}

/**
 * The import of every thanks not seen before, oldest first. Only a visitor who ticked the box
 * agreeing to publication is imported; each is checked by the thanks schema and must be drawable
 * in the card typefaces (the build draws its card). A skipped one stays at Netlify. No email
 * address is read, so none can be written.
 */
export function planThanksImport({ submissions, existing, reviewed }: ThanksImportInput): ThanksImportPlan {
  const seen = new Set([...reviewed.keys(), ...existing.map((thanks) => thanks.id)]);
  const plan: ThanksImportPlan = { imported: [], skipped: [], known: 0 };
  const { fresh, known } = unseenOldestFirst(submissions, seen);
  plan.known = known;
  const thanks = [...existing];
  const nextReviewed = new Map(reviewed);
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
    const message = submissionField(data, "message");
    const candidate = {
      id,
      mentor: submissionField(data, "mentor"),
      message: typeof message === "string" ? message.replace(/\r\n?/g, "\n") : undefined,
      ...(typeof name === "string" && name !== "" ? { name } : {}),
      date: submission.created_at,
    };
    const checked = checkWithSchema("", candidate, thanksSchema.element);
    const problems = checked.problems.map((found) => `${found.field}: ${found.message}`);
    if (problems.length === 0) {
      const drawable: [string, string, 400 | 700][] = [
        ["mentor", String(candidate.mentor), 700],
        ["message", String(candidate.message).replace(/\s+/g, " "), 400],
        ...(candidate.name === undefined ? [] : [["name", candidate.name, 400] as [string, string, 400]]),
      ];
      for (const [key, text, weight] of drawable) {
        const problem = cardTextProblem(text, weight);
        if (problem) problems.push(`${key}: ${problem}`);
      }
    }
    if (problems.length > 0) {
      skip(problems.join("; "));
      continue;
    }
    thanks.push(candidate as ThanksEntry);
    nextReviewed.set(id, thanksPage);
    plan.imported.push(id);
  }
  if (plan.imported.length > 0) {
    plan.thanks = thanks;
    plan.reviewed = nextReviewed;
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
  if (plan.skipped.length > 0) {
    lines.push(
      `Skipped ${plural(plan.skipped.length, "thanks", "thanks")}, left at Netlify (fix what is said and run again, or delete ${plan.skipped.length === 1 ? "it" : "them"} there):`,
    );
    for (const { id, date, problem } of plan.skipped) {
      lines.push(`- submission ${id} (${String(date).slice(0, 10)}): ${problem}`);
    }
  }
  return lines;
}
