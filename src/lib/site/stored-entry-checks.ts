import { checkWithSchema, type Problem } from "../content/check.ts";
import { commentsSchema, type StoredThanks, thanksSchema } from "../content/schemas.ts";
import { cardTextProblem } from "../graphics/text/fonts.ts";
import { commentReferenceProblems } from "./comments.ts";
import { thanksReferenceProblems } from "./thanks.ts";

// What the content check asks of a whole comments file and of the whole wall of thanks: each
// entry's fields, and the rules over the file (how many entries, ids, replies, the cards' typefaces).
// The check and the importer both ask it here, so the importer writes nothing the check refuses.

/** Every problem the content check finds in one page's comments file; `value` is the file as read, valid or not. */
export function commentsFileProblems(file: string, value: unknown): Problem[] {
  return [...checkWithSchema(file, value, commentsSchema).problems, ...commentReferenceProblems(file, value)];
}

/** Every problem the content check finds in _data/thanks.json; `value` is the file as read, valid or not. */
export function thanksFileProblems(file: string, value: unknown): Problem[] {
  const checked = checkWithSchema(file, value, thanksSchema);
  const problems = [...checked.problems, ...thanksReferenceProblems(file, value)];
  if (checked.problems.length > 0) return problems;
  // Each thanks's card is drawn in the card typefaces, so each character must be in them.
  (value as StoredThanks[]).forEach((item, index) => {
    const drawn: [string, string | undefined, 400 | 700][] = [
      ["mentor", item.mentor, 700],
      ["message", item.message.replace(/\s+/g, " "), 400],
      ["name", item.name, 400],
    ];
    for (const [field, text, weight] of drawn) {
      const message = text === undefined ? undefined : cardTextProblem(text, weight);
      if (message !== undefined) problems.push({ file, field: `[${index}].${field}`, message });
    }
  });
  return problems;
}
