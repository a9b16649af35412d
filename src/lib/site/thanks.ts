import type { Problem } from "../content/check.ts";
import type { StoredThanks } from "../content/schemas.ts";
import { isBlank, plainText } from "../words/plain-text.ts";
import { duplicateIds, sentAt } from "./stored-entries.ts";

/** A thanks as the wall shows it: the stored fields, its date read. */
export interface PublicThanks {
  id: string;
  mentor: string;
  message: string;
  name?: string;
  /** The language its sender chose for the card's own words, if they chose one. */
  lang?: string;
  date: Date;
  /** For `<time datetime>`: the day as stored (`2027-01-18`), or the moment in UTC. */
  dateTime: string;
}

/** The wall: approved thanks, newest first (thanks of the same moment in file order). */
export function wallOfThanks(stored: readonly StoredThanks[] | undefined): PublicThanks[] {
  return (Array.isArray(stored) ? stored : [])
    .map(({ id, mentor, message, name, lang, date }, index) => {
      // As the content check read them: no bidi control or invisible character to spoof a page with.
      const sender = name === undefined ? "" : plainText(name);
      return {
        thanks: {
          id,
          mentor: plainText(mentor),
          message: plainText(message),
          ...(isBlank(sender) ? {} : { name: sender }),
          ...(lang === undefined ? {} : { lang }),
          ...sentAt(date),
        },
        index,
      };
    })
    .sort((a, b) => b.thanks.date.getTime() - a.thanks.date.getTime() || a.index - b.index)
    .map(({ thanks }) => thanks);
}

/** What the schema cannot see in _data/thanks.json: two thanks with one id (they would share a page and a card). */
export function thanksReferenceProblems(file: string, value: unknown): Problem[] {
  return Array.isArray(value) ? duplicateIds(file, value, "thanks").problems : [];
}
