import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyProject, projectRoot, temporaryDir } from "../helpers/build.ts";
import { htmlFiles, readPage } from "../helpers/site.ts";

const corpusDir = join(projectRoot, "tests/fixtures/invalid-articles");
const corpus = readdirSync(corpusDir);
const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };

describe("a project with invalid content", () => {
  let projectDir: string;

  beforeAll(async () => {
    projectDir = await copyProject({
      ...Object.fromEntries(corpus.map((name) => [`articles/${name}`, readFileSync(join(corpusDir, name), "utf8")])),
      "_data/comments/home.json": JSON.stringify([{ name: "No text", date: "2027-01-18" }]),
    });
  });

  it("fails the build, lists every problem of every file, and leaves the previous output as it was", async () => {
    const outputDir = await temporaryDir("imd-previous-site-");
    writeFileSync(join(outputDir, "index.html"), "the previous build");
    const result = await buildSite({ projectDir, outputDir }).then(
      () => undefined,
      (error: unknown) => failure(error),
    );
    expect(result?.code).toBe(1);
    for (const name of corpus) expect(result?.stderr).toContain(`articles/${name}: `);
    expect(result?.stderr).toContain("_data/comments/home.json: [0].text: is required but missing");
    expect(result?.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outputDir)).toEqual(["index.html"]);
    expect(readFileSync(join(outputDir, "index.html"), "utf8")).toBe("the previous build");
  });

  it("fails the content check of npm run check, naming each file", async () => {
    const result = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/check-content.ts"], {
      cwd: projectDir,
    }).then(
      () => undefined,
      (error: unknown) => failure(error),
    );
    expect(result?.code).toBe(1);
    for (const name of corpus) expect(result?.stderr).toContain(`articles/${name}: `);
  });
});

describe("the content check on the project as it is", () => {
  it("passes", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/check-content.ts"], {
      cwd: projectRoot,
    });
    expect(stdout).toContain("no problems");
  });
});

describe("a draft article in a production build", () => {
  const title = "An unfinished draft about surgical mentoring";
  let siteDir: string;

  beforeAll(async () => {
    const draft = readFileSync(join(projectRoot, "articles/surgtime-telemedicine-mentoring.md"), "utf8")
      .replace(/^title: .*$/m, `title: "${title}"`)
      .replace(/^date: .*$/m, "date: 2030-01-01\ndraft: true");
    const projectDir = await copyProject({ "articles/unfinished-draft.md": draft });
    siteDir = await temporaryDir("imd-draft-site-");
    await buildSite({ projectDir, outputDir: siteDir });
  });

  it("has no page", () => {
    expect(htmlFiles(siteDir).filter((file) => file.includes("unfinished-draft"))).toEqual([]);
  });

  it("is in no list, related list or page text", () => {
    for (const file of htmlFiles(siteDir)) {
      expect(readFileSync(join(siteDir, file), "utf8"), file).not.toContain(title);
    }
    expect(readPage(siteDir, "/articles/").querySelectorAll(".article-list > li")).toHaveLength(4);
  });

  it("is not in the search index", () => {
    const fragments = join(siteDir, "pagefind/fragment");
    const indexed = readdirSync(fragments).map((name) => gunzipSync(readFileSync(join(fragments, name))).toString());
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed.some((text) => text.includes("SurgTime"))).toBe(true);
    expect(indexed.some((text) => text.includes(title))).toBe(false);
  });
});
