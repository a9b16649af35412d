import { checkWithSchema, type Problem } from "../content/check.ts";
import { commentsSchema, describeValue, thanksSchema } from "../content/schemas.ts";
import { cardTextProblem } from "../graphics/text/fonts.ts";
import { latestDate, parseDayOrMoment } from "../words/dates.ts";
import { nameKey, plainText } from "../words/plain-text.ts";
import { commentReferenceProblems } from "./comments.ts";
import { entryField } from "./stored-entries.ts";
import { thanksReferenceProblems } from "./thanks.ts";

// What the content check asks of a whole comments file and of the whole wall of thanks: each
// entry's fields, and the rules over the file (how many entries, ids, replies, the cards' typefaces,
// dates no later than the build's, names that are not the site's). The check and the importer both
// ask it here, so the importer writes nothing the check refuses.

/** What the rules over entries depend on besides the file: the build's clock, and the site's name. */
export interface EntryRules {
  /** The build's clock (buildTime()): an entry dated after the day after it was not sent yet. */
  now?: Date | undefined;
  /** The site's name (_data/site.ts): no comment or thanks may be signed with it. */
  siteName?: string | undefined;
}

/** Every problem the content check finds in one page's comments file; `value` is the file as read, valid or not. */
export function commentsFileProblems(file: string, value: unknown, rules: EntryRules = {}): Problem[] {
  return [
    ...checkWithSchema(file, value, commentsSchema).problems,
    ...commentReferenceProblems(file, value),
    ...entryRuleProblems(file, value, ["name"], rules),
  ];
}

/** Every problem the content check finds in _data/thanks.json; `value` is the file as read, valid or not. */
export function thanksFileProblems(file: string, value: unknown, rules: EntryRules = {}): Problem[] {
  const problems = [
    ...checkWithSchema(file, value, thanksSchema).problems,
    ...thanksReferenceProblems(file, value),
    ...entryRuleProblems(file, value, ["mentor", "name"], rules),
  ];
  // Each thanks's card is drawn in the card typefaces, so each character must be in them: asked of
  // every text field, whatever else is wrong with the file, so that every problem is said at once.
  (Array.isArray(value) ? value : []).forEach((item, index) => {
    const drawn: [string, 400 | 700][] = [
      ["mentor", 700],
      ["message", 400],
      ["name", 400],
    ];
    for (const [field, weight] of drawn) {
      const text = entryField(item, field);
      if (typeof text !== "string") continue;
      const message = cardTextProblem(plainText(text).replace(/\s+/g, " "), weight);
      if (message !== undefined) problems.push({ file, field: `[${index}].${field}`, message });
    }
  });
  return problems;
}

/** An entry's date after the build's day, and a name (`names`: the fields that name people) that is the site's. */
function entryRuleProblems(file: string, value: unknown, names: readonly string[], rules: EntryRules): Problem[] {
  const problems: Problem[] = [];
  // As people read it (nameKey), worked out once for a file of thousands.
  const siteKey = rules.siteName === undefined ? undefined : nameKey(rules.siteName);
  (Array.isArray(value) ? value : []).forEach((item, index) => {
    const date = entryField(item, "date");
    const sent = parseDayOrMoment(date);
    if (rules.now !== undefined && sent !== undefined && sent > latestDate(rules.now)) {
      problems.push({
        file,
        field: `[${index}].date`,
        message: `expected a date no later than a day after the build's clock (${latestDate(rules.now)
          .toISOString()
          .replace(/\.\d+Z$/, "Z")}), got ${describeValue(date)}`,
      });
    }
    for (const field of names) {
      const name = entryField(item, field);
      if (siteKey && typeof name === "string" && nameKey(name) === siteKey) {
        problems.push({
          file,
          field: `[${index}].${field}`,
          message: `expected a name other than the site's own (${describeValue(rules.siteName)}), got ${describeValue(name)}`,
        });
      }
    }
  });
  return problems;
}
