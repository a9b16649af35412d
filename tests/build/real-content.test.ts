import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyProject, projectRoot, temporaryDir } from "../helpers/project.ts";
import { readPage } from "../helpers/site.ts";
import { siteProblems } from "../helpers/site-checks.ts";

// The real content: whatever articles, pictures, comments and thanks it holds today, it passes the
// content check and builds a site that agrees with its files (tests/helpers/site-checks.ts). The
// other site tests build the fixture's content (tests/fixtures/site/), so that none of them turns
// red when a contributor adds an article; this file is where the contributor's files are judged.

/** `npm run check:content` in `projectDir`, as a contributor runs it. */
const checkContent = (projectDir: string) =>
  promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: projectDir }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** An event or programme of the test fixtures (tests/fixtures/events/, programmes/), as a contributor would add it. */
const fixtureListing = (folder: string, name: string) =>
  readFileSync(join(projectRoot, "tests/fixtures", folder, name), "utf8");

/** Every file under a folder, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

describe("the project's real content", () => {
  let siteDir: string;

  beforeAll(async () => {
    siteDir = await temporaryDir("imd-real-site-");
    // As `npm run build` builds it, on today's date.
    await buildSite({ projectDir: projectRoot, outputDir: siteDir });
  });

  it("passes npm run check:content", async () => {
    const run = await checkContent(projectRoot);
    // A warning (a very large picture) is no failure: the problems would be on stderr.
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("no problems");
  });

  it("builds a site that agrees with its files: every article, list, feed, comment count and thanks, the day's words on /, valid pages, no broken link", async () => {
    expect(await siteProblems(projectRoot, siteDir)).toEqual([]);
  });
});

describe("a contributor's pull request on the real content: an article with its own JPEG photo, a comment on it, a thanks, an event and a programme", () => {
  const slug = "peer-mentoring-for-new-nurses";
  const title = "Peer mentoring for new nurses";
  // Today, as the build's clock reads it: an article may not be dated later.
  const today = new Date().toISOString().slice(0, 10);
  const marker = "CONTRIBUTOR-EXIF-MARKER";
  const thanksId = "6571f0a1c2d3e4f5a6b7c8ff";
  let projectDir: string;
  let siteDir: string;

  beforeAll(async () => {
    // A phone's photo, with who took it in its EXIF: the site must publish none of that.
    const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#2a6f97" } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1600" height="1000"><circle cx="800" cy="500" r="300" fill="#f2c14e"/></svg>',
          ),
        },
      ])
      .jpeg()
      .withExif({ IFD0: { Artist: marker, Copyright: marker } })
      .toBuffer();
    const realThanks = JSON.parse(readFileSync(join(projectRoot, "_data/thanks.json"), "utf8")) as unknown[];
    projectDir = await copyProject(
      {
        [`articles/${slug}.md`]: `---
title: "${title}"
summary: "Nurses in their first year learn from those one year ahead of them, in pairs that meet every week."
date: ${today}
people:
  - name: Amara Okafor
    role: Nurse educator
    country: Nigeria
tags: [medicine, community]
image:
  src: /images/articles/${slug}.jpg
  alt: "A yellow circle on a blue ground."
---
New nurses meet a colleague one year ahead of them every week, and learn what no lecture teaches.
`,
        [`static/images/articles/${slug}.jpg`]: photo,
        // An event and a programme as an organiser writes them (the fixtures' own, valid on any day: a past event is archived).
        "events/tokyo-mentoring-meetup.md": fixtureListing("events", "tokyo-mentoring-meetup.md"),
        "programmes/young-coders-kenya.md": fixtureListing("programmes", "young-coders-kenya.md"),
        [`_data/comments/${slug}.json`]: `${JSON.stringify(
          [{ id: "6571f0a1c2d3e4f5a6b7c901", name: "Kofi", date: today, text: "My first mentor was a nurse too." }],
          null,
          2,
        )}\n`,
        "_data/thanks.json": `${JSON.stringify(
          [
            ...realThanks,
            { id: thanksId, mentor: "Sister Grace", message: "Thank you for my first night shift.", date: today },
          ],
          null,
          2,
        )}\n`,
      },
      { content: "real" },
    );
    expect((await sharp(photo).metadata()).exif?.includes(marker)).toBe(true);
    siteDir = await temporaryDir("imd-contribution-site-");
    await buildSite({ projectDir, outputDir: siteDir });
  });

  it("passes npm run check:content", async () => {
    const run = await checkContent(projectDir);
    // A warning (a very large picture) is no failure: the problems would be on stderr.
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("no problems");
  });

  it("builds a site that agrees with its files, as the real content alone does", async () => {
    expect(await siteProblems(projectDir, siteDir)).toEqual([]);
  });

  it("shows the article, its comment, the thanks, the event and the programme", () => {
    const page = readPage(siteDir, `/articles/${slug}/`);
    expect(page.querySelector("h1")?.textContent).toBe(title);
    expect(page.querySelectorAll("article.comment").map((comment) => comment.id)).toEqual([
      "comment-6571f0a1c2d3e4f5a6b7c901",
    ]);
    expect(page.querySelector("main picture img")?.getAttribute("src")).toMatch(/\.jpg$/);
    expect(existsSync(join(siteDir, `thank-your-mentor/thanks/${thanksId}/index.html`))).toBe(true);
    expect(existsSync(join(siteDir, "events/tokyo-mentoring-meetup/index.html"))).toBe(true);
    expect(existsSync(join(siteDir, "programmes/young-coders-kenya/index.html"))).toBe(true);
  });

  it("publishes the photo only as the build made it, without its EXIF", () => {
    const published = filesUnder(siteDir).filter((file) => /\.(jpe?g|webp|avif|png)$/.test(file));
    expect(published.some((file) => file.includes(slug))).toBe(true);
    for (const file of published) expect(readFileSync(join(siteDir, file)).includes(marker), file).toBe(false);
  });
});
