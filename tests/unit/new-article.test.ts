import { execFile } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

/** `npm run new:article -- …args` in a folder of its own; its exit code, output and the files it wrote. */
async function newArticle(...args: string[]) {
  const dir = await temporaryDir("imd-new-article-");
  await mkdir(join(dir, "articles"));
  const result = await promisify(execFile)(process.execPath, [join(projectRoot, "src/cli/new-article.ts"), ...args], {
    cwd: dir,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { ...result, files: await readdir(join(dir, "articles")), dir };
}

describe("npm run new:article", () => {
  it("says how it is used for --help, and for a misspelt option one line and that, not a stack trace; writes nothing", async () => {
    const help = await newArticle("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run new:article -- "Title of the article"/);
    const misspelt = await newArticle("--nmae=peer-mentoring", "Peer mentoring");
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toMatch(/^Unknown option '--nmae'.*\nUsage: npm run new:article -- /);
    expect(misspelt.stderr).not.toMatch(/^\s+at /m);
    expect([...help.files, ...misspelt.files]).toEqual([]);
  });

  it("names the file after a Latin title", async () => {
    const run = await newArticle("Peer mentoring in nursing");
    expect(run.files).toEqual(["peer-mentoring-in-nursing.md"]);
    expect(await readFile(join(run.dir, "articles", run.files[0] ?? ""), "utf8")).toContain(
      'title: "Peer mentoring in nursing"',
    );
  });

  it("asks for a file name in plain words when the title has no Latin letters, and writes nothing", async () => {
    const run = await newArticle("导师制度与乡村教育");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The title "导师制度与乡村教育" has no Latin letters or digits to make the file name from',
    );
    expect(run.stderr).toContain('npm run new:article -- --name peer-mentoring "导师制度与乡村教育"');
    expect(run.files).toEqual([]);
  });

  it("takes the file name given with --name, keeping the title as written", async () => {
    const run = await newArticle("--name", "rural-mentoring", "导师制度与乡村教育");
    expect(run.files).toEqual(["rural-mentoring.md"]);
    expect(await readFile(join(run.dir, "articles/rural-mentoring.md"), "utf8")).toContain(
      'title: "导师制度与乡村教育"',
    );
  });

  it("refuses a given file name that would be a broken address", async () => {
    for (const name of ["Rural Mentoring", "../escape", "", "乡村"]) {
      const run = await newArticle("--name", name, "导师制度与乡村教育");
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toContain("must be lower-case Latin letters and digits joined by hyphens");
      expect(run.files, name).toEqual([]);
    }
  });
});
