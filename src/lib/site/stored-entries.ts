import type { Problem } from "../content/check.ts";
import { describeValue } from "../content/schemas.ts";
import { parseDay, parseDayOrMoment } from "../words/dates.ts";

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
    dateTime: typeof date === "string" && parseDay(date) !== undefined ? date : when.toISOString(),
  };
}

/**
 * The entries of a list that reuse an earlier entry's id, as problems (`[3].id: expected an id no
 * other <noun> has, …`), and the index of each id's first entry. Ids that differ only in letter
 * case count as one: a thanks' id names its page's folder, and `Ab` and `ab` are one folder on
 * the file systems of Windows and macOS.
 */
export function duplicateIds(
  file: string,
  entries: readonly unknown[],
  noun: string,
): { problems: Problem[]; firstWithId: Map<string, number> } {
  const problems: Problem[] = [];
  const firstWithId = new Map<string, number>();
  const firstWithKey = new Map<string, number>();
  entries.forEach((item, index) => {
    const id = entryField(item, "id");
    if (typeof id !== "string") return;
    const first = firstWithKey.get(id.toLowerCase());
    if (first === undefined) {
      firstWithKey.set(id.toLowerCase(), index);
      firstWithId.set(id, index);
      return;
    }
    const firstId = entryField(entries[first], "id");
    problems.push({
      file,
      field: `[${index}].id`,
      message: `expected an id no other ${noun} has, got ${describeValue(id)}, the id of [${first}]${firstId === id ? "" : ` in other letter case (${describeValue(firstId)})`}`,
    });
  });
  return { problems, firstWithId };
}
