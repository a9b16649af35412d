import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyProject } from "../helpers/project.ts";

/** Every file, folder and link under `dir`, with each file's SHA-256: what "unchanged" compares. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = path.slice(dir.length + 1);
    if (entry.isSymbolicLink()) entries[name] = `link to ${readlinkSync(path)}`;
    else if (entry.isDirectory()) entries[name] = "folder";
    else entries[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return entries;
}

describe("npm run build, when it fails", () => {
  let projectDir = "";
  let siteDir = "";
  let built: Record<string, string> = {};
  /** What is beside _site/ in the project: a build's own folders, when one is left behind. */
  const besideSite = () => readdirSync(projectDir).filter((name) => name.startsWith("_site."));

  /** Applies `changes` (a path and its text, or null to delete it) for one build that must fail, then undoes them. */
  async function failingBuild(changes: Record<string, string | null>, env: Record<string, string> = {}) {
    const originals = Object.keys(changes).map((path) => {
      const file = join(projectDir, path);
      try {
        return { file, text: readFileSync(file, "utf8") as string | null };
      } catch {
        return { file, text: null };
      }
    });
    const write = (file: string, text: string | null) => {
      if (text === null) return rmSync(file, { force: true });
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    for (const [path, text] of Object.entries(changes)) write(join(projectDir, path), text);
    try {
      await buildSite({ projectDir, outputDir: siteDir, env });
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { code, output: `${stdout}\n${stderr}` };
    } finally {
      for (const { file, text } of originals) write(file, text);
    }
    throw new Error("The build succeeded");
  }

  const article = "articles/scholarship-mentoring-stem.md";

  beforeAll(async () => {
    projectDir = await copyProject();
    siteDir = join(projectDir, "_site");
    await buildSite({ projectDir, outputDir: siteDir });
    built = snapshot(siteDir);
  });

  it("with a content mistake, names the file and field, and changes nothing", async () => {
    const source = readFileSync(join(projectDir, article), "utf8");
    const { code, output } = await failingBuild({ [article]: source.replace(/^title: .*$/m, "title: 42") });
    expect(code).not.toBe(0);
    expect(output).toContain(`${article}: title: expected`);
    expect(output).not.toMatch(/^\s*at /m); // no stack trace for a contributor's mistake
    expect(output).toContain("_site/ was left as it was");
    expect(snapshot(siteDir)).toEqual(built);
    expect(besideSite()).toEqual([]);
  });

  it("with a filter that throws while pages are being written, names the template and changes nothing", async () => {
    // The layout's socialCard filter gets a card with no address, and throws.
    const page =
      "---\nlayout: layouts/base.njk\ntitle: A page\npermalink: /broken/\nsharedSocialCard: 42\n---\n<h1>A</h1>\n";
    const { code, output } = await failingBuild({ "src/pages/broken.njk": page });
    expect(code).not.toBe(0);
    expect(output).toContain("src/pages/broken.njk");
    expect(output).toMatch(/Wrote [1-9]\d* files/); // other pages were written before it threw
    expect(snapshot(siteDir)).toEqual(built);
    expect(besideSite()).toEqual([]);
  });

  it("when a social card cannot be drawn after every page is written, names the page and changes nothing", async () => {
    const page = "---\nlayout: layouts/base.njk\ntitle: Mentoring 😀\npermalink: /extra/\n---\n<h1>{{ title }}</h1>\n";
    const { code, output } = await failingBuild({ "src/pages/extra.njk": page });
    expect(code).not.toBe(0);
    expect(output).toContain("[pages]"); // the pages were written, then the cards failed
    expect(output).toContain('Social card of /extra/: the character "😀"');
    expect(snapshot(siteDir)).toEqual(built);
    expect(besideSite()).toEqual([]);
  });

  it("when Pagefind cannot run, after every page is written, says so and changes nothing", async () => {
    // As on a machine Pagefind has no working binary for.
    const missing = join(projectDir, "no-such-pagefind");
    const env = { PAGEFIND_EXTENDED_BINARY_PATH: missing, PAGEFIND_BINARY_PATH: missing };
    const { code, output } = await failingBuild({}, env);
    expect(code).not.toBe(0);
    expect(output).toContain("[pages]");
    expect(output).toContain("Pagefind");
    expect(snapshot(siteDir)).toEqual(built);
    expect(besideSite()).toEqual([]);
  });

  it("when killed midway, leaves _site/ as it was; the next build clears what the killed one left", async () => {
    const build = spawn(process.execPath, ["src/cli/build.ts", "--quiet"], {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Killed once every page is written, while the cards and the search index are being made.
    build.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("[pages]")) build.kill("SIGKILL");
    });
    const signal = await new Promise((resolve) => build.on("exit", (_code, signal) => resolve(signal)));
    expect(signal).toBe("SIGKILL");
    expect(snapshot(siteDir)).toEqual(built);
    expect(besideSite()).toEqual([expect.stringMatching(/^_site\.building-/)]);

    const source = readFileSync(join(projectDir, article), "utf8");
    await failingBuild({ [article]: source.replace(/^title: .*$/m, "title: 42") });
    expect(besideSite()).toEqual([]);
  });

  it("when killed between moving _site/ aside and putting the new one in its place, gets _site/ back at the next build", async () => {
    // What such a build leaves: the old site moved aside, the new one complete but not renamed. No process has this id.
    renameSync(siteDir, join(projectDir, "_site.previous-999999999-0a1b2c3d"));
    mkdirSync(join(projectDir, "_site.building-999999999-0a1b2c3d"));
    writeFileSync(join(projectDir, "_site.building-999999999-0a1b2c3d/index.html"), "<p>Never put in place</p>");
    const source = readFileSync(join(projectDir, article), "utf8");
    await failingBuild({ [article]: source.replace(/^title: .*$/m, "title: 42") });
    expect(snapshot(siteDir)).toEqual(built);
    expect(besideSite()).toEqual([]);
  });

  it("once it succeeds again, replaces _site/ whole: no stale file of an earlier build remains", async () => {
    writeFileSync(join(siteDir, "stale.html"), "<p>From an earlier build</p>");
    await buildSite({ projectDir, outputDir: siteDir });
    expect(Object.keys(snapshot(siteDir)).sort()).toEqual(Object.keys(built).sort());
    expect(besideSite()).toEqual([]);
  });
});
