// The fixture events and programmes (tests/fixtures/events/, tests/fixtures/programmes/) as changes to
// a copy of the project: the site tests build them, never the project's own (it ships none).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./project.ts";

/** `events/<name>.md` and `programmes/<name>.md` for each fixture, by path, as copyProject takes them. */
export function fixtureListings(): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const kind of ["events", "programmes"]) {
    const folder = join(projectRoot, "tests/fixtures", kind);
    for (const name of readdirSync(folder)) changes[`${kind}/${name}`] = readFileSync(join(folder, name), "utf8");
  }
  return changes;
}
