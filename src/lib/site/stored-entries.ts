import type { Problem } from "../content/check.ts";
import { describeValue } from "../content/schemas.ts";
import { parseDayOrMoment } from "../words/dates.ts";

// What comments and thanks share as their JSON files store them: a date to read, and an id that
// names one entry alone (its permalink, its card, the entry a reply answers).

/** A field of an entry as the file has it, whatever the file holds: undefined when it is no object or lacks the field. */
export function entryField(item: unknown, key: string): unknown {
  return typeof item === "object" && item !== null && Object.hasOwn(item, key)
    ? (item as Record<string, unknown>)[key]
    : undefined;
}

/** When an entry was sent, read: the day as stored (`2027-01-18`) for `<time datetime>`, or the moment in UTC. */
export function sentAt(date: string | Date): { date: Date; dateTime: string } {
  const when = parseDayOrMoment(date);
  // The content check refused any other date before the build began.
  if (when === undefined) throw new Error(`expected a date like 2027-01-18T09:30:00Z, got ${describeValue(date)}`);
  return {
    date: when,
    dateTime: typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : when.toISOString(),
  };
}

/**
 * The entries of a list that reuse an earlier entry's id, as problems (`[3].id: expected an id no
 * other <noun> has, …`), and the index of each id's first entry.
 */
export function duplicateIds(
  file: string,
  entries: readonly unknown[],
  noun: string,
): { problems: Problem[]; firstWithId: Map<string, number> } {
  const problems: Problem[] = [];
  const firstWithId = new Map<string, number>();
  entries.forEach((item, index) => {
    const id = entryField(item, "id");
    if (typeof id !== "string") return;
    const first = firstWithId.get(id);
    if (first === undefined) firstWithId.set(id, index);
    else
      problems.push({
        file,
        field: `[${index}].id`,
        message: `expected an id no other ${noun} has, got ${describeValue(id)}, the id of [${first}]`,
      });
  });
  return { problems, firstWithId };
}
