import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { copyProject } from "../helpers/project.ts";

let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill();
});

/** The text of every page in the search index that Pagefind wrote into `siteDir`. */
function indexedText(siteDir: string): string {
  const fragments = join(siteDir, "pagefind/fragment");
  if (!existsSync(fragments)) return "";
  return readdirSync(fragments)
    .map((name) => {
      try {
        return gunzipSync(readFileSync(join(fragments, name))).toString();
      } catch {
        return ""; // a fragment being written right now
      }
    })
    .join("\n");
}

describe("npm start (the dev server)", () => {
  it("serves search, indexes an article added while it runs, and follows it when it is renamed", async () => {
    const projectDir = await copyProject();
    const port = 8300 + Math.floor(Math.random() * 500);
    server = spawn(process.execPath, ["src/cli/start.ts", `--port=${port}`], {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    server.stdout?.on("data", (chunk) => (output += chunk));
    server.stderr?.on("data", (chunk) => (output += chunk));
    await expect.poll(() => output, { timeout: 30_000, interval: 250 }).toContain("Server at");

    const origin = `http://localhost:${port}`;
    const response = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(response.status).toBe(200);

    const title = "A mentoring circle for new teachers";
    const article = readFileSync(join(projectDir, "articles/surgtime-telemedicine-mentoring.md"), "utf8").replace(
      /^title: .*$/m,
      `title: "${title}"`,
    );
    writeFileSync(join(projectDir, "articles/mentoring-circle-new-teachers.md"), article);

    await expect
      .poll(() => indexedText(join(projectDir, "_site")), { timeout: 30_000, interval: 250 })
      .toContain(title);
    expect((await fetch(`${origin}/articles/mentoring-circle-new-teachers/`)).status).toBe(200);

    // Eleventy leaves the page at the old address in _site/: search must not send anyone there.
    renameSync(
      join(projectDir, "articles/mentoring-circle-new-teachers.md"),
      join(projectDir, "articles/teachers-mentoring-circle.md"),
    );
    await expect
      .poll(() => indexedText(join(projectDir, "_site")), { timeout: 30_000, interval: 250 })
      .toContain('"url":"/articles/teachers-mentoring-circle/"');
    expect(indexedText(join(projectDir, "_site"))).not.toContain("/articles/mentoring-circle-new-teachers/");
    expect(existsSync(join(projectDir, "_site/articles/mentoring-circle-new-teachers/index.html"))).toBe(true);
  });
});
