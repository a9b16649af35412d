import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { copyProject } from "../helpers/project.ts";

describe("npm run build's output folder", () => {
  it("is never the project, a folder holding it, or one of its folders: the build refuses, and removes nothing", async () => {
    const projectDir = await copyProject();
    const before = readdirSync(projectDir).sort();
    for (const output of [".", "..", "articles", "src"]) {
      const run = await promisify(execFile)(process.execPath, ["src/cli/build.ts", `--output=${output}`], {
        cwd: projectDir,
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(run.code, output).toBe(1);
      expect(run.stderr, output).toContain(`--output=${output}: expected a folder for the site alone`);
    }
    expect(readdirSync(projectDir).sort()).toEqual(before);
    expect(readdirSync(`${projectDir}/articles`).length).toBeGreaterThan(3);
  });
});
