import type { Problem } from "./content-check.ts";
import { describeValue, type StoredThanks } from "./schemas.ts";

/** A thanks as the wall shows it: the stored fields, its date read. */
export interface PublicThanks {
  id: string;
  mentor: string;
  message: string;
  name?: string;
  date: Date;
  /** For `<time datetime>`: the day as stored (`2027-01-18`), or the moment in UTC. */
  dateTime: string;
}

const dayOnly = /^\d{4}-\d{2}-\d{2}$/;

/** The wall: approved thanks, newest first (thanks of the same moment in file order). */
export function wallOfThanks(stored: readonly StoredThanks[] | undefined): PublicThanks[] {
  return (Array.isArray(stored) ? stored : [])
    .map(({ id, mentor, message, name, date }, index) => {
      const when = new Date(date);
      return {
        thanks: {
          id,
          mentor,
          message,
          ...(name === undefined || name.trim() === "" ? {} : { name }),
          date: when,
          dateTime: typeof date === "string" && dayOnly.test(date) ? date : when.toISOString(),
        },
        index,
      };
    })
    .sort((a, b) => b.thanks.date.getTime() - a.thanks.date.getTime() || a.index - b.index)
    .map(({ thanks }) => thanks);
}

/** What the schema cannot see in _data/thanks.json: two thanks with one id (they would share a page and a card). */
export function thanksReferenceProblems(file: string, value: unknown): Problem[] {
  if (!Array.isArray(value)) return [];
  const problems: Problem[] = [];
  const firstWithId = new Map<string, number>();
  value.forEach((item, index) => {
    const id = item && typeof item === "object" && Object.hasOwn(item, "id") ? (item as { id: unknown }).id : undefined;
    if (typeof id !== "string") return;
    const first = firstWithId.get(id);
    if (first === undefined) firstWithId.set(id, index);
    else
      problems.push({
        file,
        field: `[${index}].id`,
        message: `expected an id no other thanks has, got ${describeValue(id)}, the id of [${first}]`,
      });
  });
  return problems;
}
