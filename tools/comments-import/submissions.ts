// What the comment and thanks imports share: reading a submission's fields, choosing the
// submissions not seen before, the robot check of the forms' hidden field, and how many new
// entries a file can take and still pass the content check.
import type { Problem } from "../../src/lib/content/check.ts";
import { plainText } from "../../src/lib/words/plain-text.ts";
import type { Submission } from "./netlify-api.ts";

/**
 * A field a visitor sent, text as the site shows it (plainText: composed, trimmed, with no bidi
 * control or invisible character of no use); undefined when the form had none of that name.
 */
export function submissionField(data: unknown, name: string): unknown {
  if (!data || typeof data !== "object" || !Object.hasOwn(data, name)) return undefined;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === "string" ? plainText(value) : value;
}

/**
 * The submissions whose ids `seen` does not hold, oldest first (by id when sent at one moment), and
 * how many it does hold: those were imported or put up for review before.
 */
export function unseenOldestFirst(
  submissions: readonly Submission[],
  seen: ReadonlySet<string>,
): { fresh: Submission[]; known: number } {
  const fresh = submissions.filter((submission) => !seen.has(String(submission.id)));
  fresh.sort(
    (a, b) => String(a.created_at).localeCompare(String(b.created_at)) || String(a.id).localeCompare(String(b.id)),
  );
  return { fresh, known: submissions.length - fresh.length };
}

/** Why a submission is a robot's: the hidden field people leave empty was filled in; undefined for a person's. */
export function robotProblem(data: unknown): string | undefined {
  return submissionField(data, "bot-field")
    ? "bot-field: the hidden field people leave empty was filled in, as robots do"
    : undefined;
}

/** "1 comment", "3 comments". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A problem said within its file's line: `[3].date: expected …`, or the message alone for the whole file. */
export const problemText = ({ field, message }: Problem) => (field ? `${field}: ${message}` : message);

/**
 * How many of `added` (oldest first) a file holding `kept` can take and still pass
 * `fileProblems` (the content check's own, whose rules over the whole file, such as how many
 * entries it may have, no entry can see alone), and the problem one more would bring. A rule met
 * by a few entries is met by fewer, so the largest such count is found by halving.
 */
export function fitting<Entry>(
  kept: readonly Entry[],
  added: readonly Entry[],
  fileProblems: (entries: Entry[]) => Problem[],
): { count: number; problem?: Problem } {
  const problemsWith = (count: number) => fileProblems([...kept, ...added.slice(0, count)]);
  if (problemsWith(added.length).length === 0) return { count: added.length };
  // `fits` entries pass (none added: the file as it is); `fails` do not.
  let fits = 0;
  let fails = added.length;
  while (fails - fits > 1) {
    const middle = Math.floor((fits + fails) / 2);
    if (problemsWith(middle).length === 0) fits = middle;
    else fails = middle;
  }
  return { count: fits, problem: problemsWith(fits + 1)[0] };
}

/** At most `most` lines of a list, and one saying how many more there are. */
export function firstLines(lines: readonly string[], most = 20): string[] {
  return lines.length <= most ? [...lines] : [...lines.slice(0, most), `- and ${lines.length - most} more`];
}
