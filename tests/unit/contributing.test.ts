import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleSchema, fieldsOf } from "../../src/lib/content/schemas.ts";
import { projectRoot } from "../helpers/project.ts";

/** The rows of CONTRIBUTING.md's front-matter reference: | `field` | yes/no | … | */
function documentedFields() {
  const guide = readFileSync(join(projectRoot, "CONTRIBUTING.md"), "utf8");
  const section = guide.split("## Front-matter reference")[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(yes|no)\s*\|/gm)].map(([, path, required]) => ({
    path: path ?? "",
    required: required === "yes",
  }));
}

describe("CONTRIBUTING.md's front-matter reference", () => {
  it("lists exactly the fields of the article schema, each marked required as the schema has it", () => {
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(documentedFields().sort(byPath)).toEqual(fieldsOf(articleSchema).sort(byPath));
  });
});
