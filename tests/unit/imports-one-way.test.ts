import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importedSpecifiers } from "../../src/lib/build/cache-key-files.ts";
import { projectRoot } from "../helpers/project.ts";

// DESIGN.md: imports run one way (the data in _data/ imports src/lib, never the other way: the
// tokens and words are passed in), and a module whose job is files says so in its name.

/** Every module under `folder` of the project, as paths relative to the project. */
function modulesUnder(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => relative(projectRoot, join(entry.parentPath, entry.name)))
    .sort();
}

const code = [...modulesUnder("src/lib"), ...modulesUnder("src/assets/js")];

describe("the site's code", () => {
  it("imports nothing of _data/: the tokens, words and data are passed in", () => {
    const data = join(projectRoot, "_data");
    const wrong = code.flatMap((module) =>
      importedSpecifiers(readFileSync(join(projectRoot, module), "utf8"))
        .filter((specifier) => specifier.startsWith("."))
        .map((specifier) => resolve(dirname(join(projectRoot, module)), specifier))
        .filter((imported) => imported.startsWith(`${data}/`))
        .map((imported) => `${module} imports ${relative(projectRoot, imported)}`),
    );
    expect(code.length).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });

  it("reads and writes files only in modules named for it (…-files.ts)", () => {
    const wrong = code.filter(
      (module) =>
        !/-files\.ts$/.test(module) &&
        importedSpecifiers(readFileSync(join(projectRoot, module), "utf8")).some((specifier) =>
          /^(node:)?fs(\/promises)?$/.test(specifier),
        ),
    );
    expect(wrong).toEqual([]);
  });
});
