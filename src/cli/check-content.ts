// npm run check:content (and the last step of npm run check): every article and data file against its schema, without a build.
import { formatProblem } from "../lib/content/check.ts";
import { checkProjectContent } from "../lib/content/project-files.ts";
import { buildTime } from "../lib/words/dates.ts";

const problems = await checkProjectContent(process.cwd(), buildTime().toJSDate());
if (problems.length > 0) {
  console.error(`The content has ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}:`);
  for (const problem of problems) console.error(formatProblem(problem));
  process.exit(1);
}
console.log("Content checked: no problems.");
