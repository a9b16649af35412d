// What the comment and thanks imports share: reading a submission's fields, choosing the
// submissions not seen before, and the robot check of the forms' hidden field.
import type { NetlifySubmission } from "./netlify-api.ts";

/** A field a visitor sent (trimmed when text); undefined when the form had none of that name. */
export function submissionField(data: unknown, name: string): unknown {
  if (!data || typeof data !== "object" || !Object.hasOwn(data, name)) return undefined;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === "string" ? value.trim() : value;
}

/**
 * The submissions whose ids `seen` does not hold, oldest first (by id when sent at one moment), and
 * how many it does hold: those were imported or put up for review before.
 */
export function unseenOldestFirst(
  submissions: readonly NetlifySubmission[],
  seen: ReadonlySet<string>,
): { fresh: NetlifySubmission[]; known: number } {
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
