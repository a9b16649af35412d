import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, copyProject, fixtureArticle, projectRoot, temporaryDir } from "../helpers/project.ts";
import { htmlFiles, readPage } from "../helpers/site.ts";

const corpusDir = join(projectRoot, "tests/fixtures/invalid-articles");
const corpus = readdirSync(corpusDir);
const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };

describe("a project with invalid content", () => {
  let projectDir: string;

  beforeAll(async () => {
    projectDir = await copyProject({
      ...Object.fromEntries(corpus.map((name) => [`articles/${name}`, readFileSync(join(corpusDir, name), "utf8")])),
      "_data/comments/home.json": JSON.stringify([{ id: "a1", name: "No text", date: "2027-01-18" }]),
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
    expect(result?.stderr).toContain("_data/comments/home.json: [0].text: expected the comment as text, got nothing");
    expect(result?.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outputDir)).toEqual(["index.html"]);
    expect(readFileSync(join(outputDir, "index.html"), "utf8")).toBe("the previous build");
  });

  it("fails the content check of npm run check, naming each file", async () => {
    const result = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], {
      cwd: projectDir,
    }).then(
      () => undefined,
      (error: unknown) => failure(error),
    );
    expect(result?.code).toBe(1);
    for (const name of corpus) expect(result?.stderr).toContain(`articles/${name}: `);
  });
});

describe("pictures that cannot be used", () => {
  it("fail the build before anything is written, naming the article and the file", async () => {
    const article = (name: string, src: string) =>
      `${fixtureArticle("surgtime-telemedicine-mentoring.md").replace(/src: .*$/m, `src: ${src}`)}\n${name}`;
    const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: "#0f4c5c" } })
      .png()
      .toBuffer();
    const projectDir = await copyProject({
      "articles/damaged-photo.md": article("damaged", "/images/articles/damaged-photo.png"),
      "static/images/articles/damaged-photo.png": png.subarray(0, 200),
      "articles/gif-photo.md": article("gif", "/images/articles/gif-photo.jpg"),
      "static/images/articles/gif-photo.jpg": await sharp(png).gif().toBuffer(),
    });
    const outputDir = await temporaryDir("imd-bad-pictures-");
    const result = await buildSite({ projectDir, outputDir }).then(
      () => undefined,
      (error: unknown) => failure(error),
    );
    expect(result?.code).toBe(1);
    expect(result?.stderr).toContain(
      "articles/damaged-photo.md: image.src: expected static/images/articles/damaged-photo.png to be a picture that reads to its end, got a damaged file",
    );
    expect(result?.stderr).toContain(
      "articles/gif-photo.md: image.src: expected static/images/articles/gif-photo.jpg to be an SVG, PNG, JPEG, WebP or AVIF picture, got a gif file",
    );
    expect(result?.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(outputDir)).toEqual([]);
  });
});

describe("contributors' photos", () => {
  let siteDir: string;
  let stderr: string;

  beforeAll(async () => {
    const photo = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: "#5fa8a0" } }).composite([
        {
          input: Buffer.from(
            `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#e9a23b"/></svg>`,
          ),
        },
      ]);
    const withImage = (file: string, src: string) =>
      fixtureArticle(file.replace("articles/", "")).replace(/src: .*$/m, `src: ${src}`);
    const projectDir = await copyProject({
      "articles/scholarship-mentoring-stem.md": withImage(
        "articles/scholarship-mentoring-stem.md",
        "/images/articles/photo.jpg",
      ),
      "static/images/articles/photo.jpg": await photo(1600, 1200).jpeg().toBuffer(),
      "articles/surgtime-telemedicine-mentoring.md": withImage(
        "articles/surgtime-telemedicine-mentoring.md",
        "/images/articles/huge.png",
      ),
      "static/images/articles/huge.png": await photo(8000, 8000).png().toBuffer(),
      "articles/storytelling-humanism-mentoring.md": withImage(
        "articles/storytelling-humanism-mentoring.md",
        "/images/articles/small.webp",
      ),
      "static/images/articles/small.webp": await photo(640, 360).webp().toBuffer(),
    });
    siteDir = await temporaryDir("imd-photos-site-");
    ({ stderr } = await buildSite({ projectDir, outputDir: siteDir }));
  });

  it("become pictures in their own shape, never wider than the source or the layout needs", () => {
    const fallback = (url: string) => {
      const img = readPage(siteDir, url).querySelector("main picture img")!;
      return {
        size: `${img.getAttribute("width")}×${img.getAttribute("height")}`,
        widths: (img.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" ")[1]),
        type: img.getAttribute("src")?.split(".").pop(),
      };
    };
    expect(fallback("/articles/scholarship-mentoring-stem/")).toEqual({
      size: "1200×900",
      widths: ["400w", "800w", "1200w"],
      type: "jpg",
    });
    expect(fallback("/articles/surgtime-telemedicine-mentoring/")).toEqual({
      size: "1200×1200",
      widths: ["400w", "800w", "1200w"],
      type: "jpg",
    });
    expect(fallback("/articles/storytelling-humanism-mentoring/")).toEqual({
      size: "640×360",
      widths: ["400w", "640w"],
      type: "jpg",
    });
  });

  it("a very large one builds, with a warning that names the article, the file and its size", () => {
    expect(stderr).toContain(
      "Warning: articles/surgtime-telemedicine-mentoring.md: image.src: static/images/articles/huge.png is 8000×8000 pixels",
    );
  });
});

describe("a draft article in a production build", () => {
  const title = "An unfinished draft about surgical mentoring";
  let siteDir: string;

  beforeAll(async () => {
    const draft = fixtureArticle("surgtime-telemedicine-mentoring.md")
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
