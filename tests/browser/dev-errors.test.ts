import { type ChildProcess, execFile, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/chromium.ts";
import { freePort } from "../helpers/free-port.ts";
import { copyProject, fixtureArticle } from "../helpers/project.ts";

/** What Chromium shows: the page's main heading, or "" while it is between two loads. */
const heading = (page: Page) =>
  page
    .locator("h1")
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => "");
const visibleText = (page: Page) =>
  page
    .locator("body")
    .textContent({ timeout: 1_000 })
    .then((text) => text ?? "");

/** The problems `npm run check:content` reports for the project, a line each. */
async function problemLines(projectDir: string): Promise<string[]> {
  const check = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: projectDir }).then(
    () => ({ stderr: "" }),
    (failed: { stderr: string }) => failed,
  );
  return check.stderr.split("\n").filter((line) => line.startsWith("articles/"));
}

describe("npm start, when the content has a mistake", () => {
  const article = "articles/scholarship-mentoring-stem.md";
  const other = "articles/storytelling-humanism-mentoring.md";
  const original = (path: string) => fixtureArticle(path.replace("articles/", ""));
  const title = (path: string) => /^title: "?(.*?)"?$/m.exec(original(path))?.[1] ?? "";
  let projectDir = "";
  let server: ChildProcess | undefined;
  let output = "";
  let browser: Browser | undefined;
  let origin = "";

  beforeAll(async () => {
    // Begun with a mistake in place: `eleventy --serve` would stop at once.
    projectDir = await copyProject({ [article]: original(article).replace(/^title: .*$/m, "title: 42") });
    const port = await freePort();
    origin = `http://localhost:${port}`;
    server = spawn(process.execPath, ["src/cli/start.ts", `--port=${port}`], {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const listening = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        if (output.includes("Server at")) resolve();
      };
      server?.stdout?.on("data", read);
      server?.stderr?.on("data", read);
      server?.on("exit", (code) => reject(new Error(`npm start stopped (exit code ${code}):\n${output}`)));
    });
    [browser] = await Promise.all([launchChromium(), listening]);
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it("keeps running, shows the problems in place of the page, and shows the page again once the file is fixed", async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(`${origin}/articles/scholarship-mentoring-stem/`);

    const problems = await problemLines(projectDir);
    expect(problems).toEqual([expect.stringContaining(`${article}: title: expected`)]);
    expect(await heading(page)).toBe("The content has 1 problem; nothing was written.");
    const text = await visibleText(page);
    for (const problem of problems) expect(text).toContain(problem);
    expect(text).not.toMatch(/^\s*at /m); // no stack trace
    expect(server?.exitCode).toBeNull();

    writeFileSync(join(projectDir, article), original(article));
    await expect.poll(() => heading(page), { timeout: 30_000, interval: 250 }).toBe(title(article));
  });

  it("shows a mistake made while it runs on the open page, and the page again once it is fixed", async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(`${origin}/`);
    const home = await heading(page);

    writeFileSync(join(projectDir, other), original(other).replace(/^date: .*$/m, "date: next Tuesday"));
    await expect.poll(() => heading(page), { timeout: 30_000, interval: 250 }).toMatch(/^The content has/);
    const text = await visibleText(page);
    const problems = await problemLines(projectDir);
    expect(problems).toEqual([expect.stringContaining(`${other}: date:`)]);
    for (const problem of problems) expect(text).toContain(problem);

    writeFileSync(join(projectDir, other), original(other));
    await expect.poll(() => heading(page), { timeout: 30_000, interval: 250 }).toBe(home);
    expect(server?.exitCode).toBeNull();
  });
});
