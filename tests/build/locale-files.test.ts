import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildSite, copyProject, projectRoot } from "../helpers/project.ts";

describe("the locale files of a project", () => {
  it("fail the content check, naming the file and the field, for a language without one, or one that lacks a word", async () => {
    const site = readFileSync(join(projectRoot, "_data/site.ts"), "utf8");
    const dir = await copyProject({
      "_data/site.ts": site.replace('const language = "en-GB";', 'const language = "fr-FR";'),
      "_data/locales/de.ts": 'export default { skipLink: "Zum Inhalt" };\n',
    });
    // npm run check:content, as a contributor runs it (the build runs the same check first).
    const run = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: dir }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    expect(lines).toContain(
      '_data/site.ts: language: expected a language with a locale file (_data/locales/fr-FR.ts or _data/locales/fr.ts), got "fr-FR", which has none (there are: de.ts, en.ts)',
    );
    expect(lines).toContain("_data/locales/de.ts: navigation: expected a group of fields, got nothing");
    expect(lines.filter((line) => line.startsWith("_data/locales/en.ts"))).toEqual([]);
    // The build stops on the same line, before it writes anything.
    const build = await buildSite({ projectDir: dir, outputDir: join(dir, "_site") }).then(
      () => ({ stderr: "built" }),
      (error: { stderr: string }) => error,
    );
    expect(build.stderr).toContain("_data/site.ts: language: expected a language with a locale file");
    expect(existsSync(join(dir, "_site"))).toBe(false);
  });
});
