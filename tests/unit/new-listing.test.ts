import { execFile } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

/** `npm run new:event` or `new:programme` with `args`, in a folder of its own; its exit code, output and the files it wrote. */
async function newListing(kind: "event" | "programme", ...args: string[]) {
  const dir = await temporaryDir("imd-new-listing-");
  const folder = kind === "event" ? "events" : "programmes";
  await mkdir(join(dir, folder));
  const result = await promisify(execFile)(
    process.execPath,
    [join(projectRoot, "src/cli/new-listing.ts"), kind, ...args],
    { cwd: dir, env: { ...process.env, TZ: "Asia/Tokyo" } },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  const files = await readdir(join(dir, folder));
  return { ...result, files, text: files[0] ? await readFile(join(dir, folder, files[0]), "utf8") : "" };
}

describe("npm run new:event", () => {
  it("writes an event on the day, in this machine's time zone, named after its title", async () => {
    const run = await newListing("event", "Mentoring meetup in Tokyo");
    expect(run.files).toEqual(["mentoring-meetup-in-tokyo.md"]);
    expect(run.text).toContain('title: "Mentoring meetup in Tokyo"');
    expect(run.text).toMatch(/^start: \d{4}-01-17T18:00$/m);
    expect(run.text).toMatch(/^timeZone: Asia\/Tokyo$/m);
    expect(run.stdout).toContain("npm run check:content");
  });

  it("asks for a file name when the title has no Latin letters, and writes nothing", async () => {
    const run = await newListing("event", "京都メンタリング交流会");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--name");
    expect(run.files).toEqual([]);
  });
});

describe("npm run new:programme", () => {
  it("writes a programme confirmed today, with --name as its file name", async () => {
    const run = await newListing("programme", "--name", "nurses", "Nurses mentoring nurses");
    expect(run.files).toEqual(["nurses.md"]);
    expect(run.text).toContain('name: "Nurses mentoring nurses"');
    expect(run.text).toMatch(/^verified: \d{4}-\d{2}-\d{2}$/m);
  });
});
