import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyProject, projectRoot, temporaryDir } from "../helpers/project.ts";

// The corpora of mistakes in events and programmes (tests/fixtures/invalid-events/, invalid-programmes/),
// in one project: npm run check:content and the build must refuse it with the same lines.
const corpus = (folder: string, kind: string) =>
  Object.fromEntries(
    readdirSync(join(projectRoot, "tests/fixtures", folder)).map((name) => [
      `${kind}/${name}`,
      readFileSync(join(projectRoot, "tests/fixtures", folder, name), "utf8"),
    ]),
  );
const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };
/** The problem lines of the listings, as printed (Eleventy starts each line of an error with its own prefix). */
const listingLines = (output: string) =>
  output.split("\n").flatMap((line) => /(?:^|\s)((?:events|programmes)\/[\w.-]+\.md: .*)$/.exec(line)?.[1] ?? []);

let projectDir: string;

beforeAll(async () => {
  projectDir = await copyProject({
    ...corpus("invalid-events", "events"),
    ...corpus("invalid-programmes", "programmes"),
  });
});

describe("events and programmes with mistakes", () => {
  it("are refused by npm run check:content and by the build with the same lines, every file named", async () => {
    const checked = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: projectDir }).then(
      () => undefined,
      failure,
    );
    const outputDir = await temporaryDir("imd-invalid-listings-");
    const built = await buildSite({ projectDir, outputDir }).then(() => undefined, failure);
    expect(checked?.code).toBe(1);
    expect(built?.code).toBe(1);
    const lines = listingLines(checked?.stderr ?? "");
    expect(listingLines(built?.stderr ?? "")).toEqual(lines);
    for (const [folder, kind] of [
      ["invalid-events", "events"],
      ["invalid-programmes", "programmes"],
    ] as const) {
      for (const name of readdirSync(join(projectRoot, "tests/fixtures", folder))) {
        // The first of two duplicates is valid on its own: the second is refused, naming it.
        if (name === "duplicate-first.md") continue;
        expect(
          lines.some((line) => line.startsWith(`${kind}/${name}: `)),
          `${kind}/${name}`,
        ).toBe(true);
      }
    }
    expect(built?.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outputDir)).toEqual([]);
  });
});

describe("pictures in an event's or a programme's description", () => {
  it("are decoded by npm run check:content as the build decodes them: a damaged or unsupported one is refused by both", async () => {
    const fixture = (folder: string, name: string) =>
      readFileSync(join(projectRoot, "tests/fixtures", folder, name), "utf8");
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: "#0f4c5c" } })
      .png()
      .toBuffer();
    const projectDir = await copyProject({
      "events/tokyo-mentoring-meetup.md": `${fixture("events", "tokyo-mentoring-meetup.md")}\n![The hall](/images/events/hall.png)\n`,
      "static/images/events/hall.png": png.subarray(0, 200),
      "programmes/young-coders-kenya.md": `${fixture("programmes", "young-coders-kenya.md")}\n![A session](/images/programmes/session.jpg)\n`,
      "static/images/programmes/session.jpg": await sharp(png).gif().toBuffer(),
    });
    const checked = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: projectDir }).then(
      () => undefined,
      failure,
    );
    const outputDir = await temporaryDir("imd-listing-pictures-");
    const built = await buildSite({ projectDir, outputDir }).then(() => undefined, failure);
    const lines = listingLines(checked?.stderr ?? "");
    expect(lines).toEqual([
      expect.stringMatching(
        /^events\/tokyo-mentoring-meetup\.md: body \(line \d+\): expected static\/images\/events\/hall\.png to be a picture that reads to its end, got a damaged file$/,
      ),
      expect.stringMatching(
        /^programmes\/young-coders-kenya\.md: body \(line \d+\): expected static\/images\/programmes\/session\.jpg to be an SVG, PNG, JPEG, WebP or AVIF picture, got a gif file$/,
      ),
    ]);
    expect(built?.code).toBe(1);
    expect(listingLines(built?.stderr ?? "")).toEqual(lines);
    expect(readdirSync(outputDir)).toEqual([]);
  });
});
