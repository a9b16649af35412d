import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventSchema, programmeSchema } from "../../src/lib/content/listing-schemas.ts";
import { fieldsOf } from "../../src/lib/content/schemas.ts";
import { projectRoot } from "../helpers/project.ts";

/** The rows of one of CONTRIBUTING.md's reference tables: | `field` | yes/no | … | */
function documentedFields(heading: string) {
  const guide = readFileSync(join(projectRoot, "CONTRIBUTING.md"), "utf8");
  const section = guide.split(`## ${heading}`)[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(yes|no)\s*\|/gm)].map(([, path, required]) => ({
    path: path ?? "",
    required: required === "yes",
  }));
}

const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);

describe("CONTRIBUTING.md's references for events and programmes", () => {
  it("list exactly the fields of the event schema, each marked required as the schema has it", () => {
    expect(documentedFields("Event reference").sort(byPath)).toEqual(fieldsOf(eventSchema).sort(byPath));
  });

  it("list exactly the fields of the programme schema, each marked required as the schema has it", () => {
    expect(documentedFields("Programme reference").sort(byPath)).toEqual(fieldsOf(programmeSchema).sort(byPath));
  });
});
