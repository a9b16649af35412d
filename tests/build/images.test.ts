import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import design from "../../_data/design.ts";
import { fileForUrl, htmlFiles, readPage, visibleText } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const urlOf = (file: string) => `/${file.replace(/index\.html$/, "")}`;
const sitePath = (url: string) => new URL(url, "https://site.test").pathname;

describe("social cards", () => {
  it("every page has its own og:image: a 1200×630 PNG under 300 KB, with its size and alt text", async () => {
    const cards = new Set<string>();
    for (const file of htmlFiles(siteDir)) {
      const page = readPage(siteDir, urlOf(file));
      const meta = (selector: string) => page.querySelector(`meta[${selector}]`)?.getAttribute("content");
      const image = meta('property="og:image"');
      expect(image, file).toMatch(/^https:\/\/.+\/cards\/[a-z0-9-]+\.png$/);
      const path = fileForUrl(siteDir, sitePath(image ?? ""));
      expect(path, `${file}: ${image}`).toBeDefined();
      const metadata = await sharp(path).metadata();
      expect([metadata.format, metadata.width, metadata.height], file).toEqual(["png", 1200, 630]);
      expect(statSync(path ?? "").size, file).toBeLessThan(300_000);
      expect([meta('property="og:image:width"'), meta('property="og:image:height"')], file).toEqual(["1200", "630"]);
      expect(meta('property="og:image:alt"'), file).toBeTruthy();
      expect(meta('name="twitter:card"'), file).toBe("summary_large_image");
      expect(meta('name="twitter:image"'), file).toBe(image);
      cards.add(image ?? "");
    }
    expect(cards.size).toBe(htmlFiles(siteDir).length);
  });

  it("describe an article's card with its title and people", () => {
    const alt = readPage(siteDir, "/articles/surgtime-telemedicine-mentoring/")
      .querySelector('meta[property="og:image:alt"]')
      ?.getAttribute("content");
    expect(alt).toBe(
      "SurgTime™: A leap forward in arthroscopy and telemedicine mentoring. Dr William Stetson. International Mentoring Day, 17 January each year.",
    );
  });
});

describe("pictures", () => {
  it("every <img> of every page has width, height and alt text, and the width and height of its file", async () => {
    for (const file of htmlFiles(siteDir)) {
      for (const img of readPage(siteDir, urlOf(file)).querySelectorAll("img")) {
        const [width, height] = [Number(img.getAttribute("width")), Number(img.getAttribute("height"))];
        expect(img.getAttribute("alt")?.trim(), file).toBeTruthy();
        const path = fileForUrl(siteDir, img.getAttribute("src") ?? "");
        expect(path, `${file} ${img.getAttribute("src")}`).toBeDefined();
        const metadata = await sharp(path).metadata();
        // The file may be a smaller copy, but never another shape.
        expect(Math.abs(height / width - metadata.height / metadata.width), file).toBeLessThan(0.01);
      }
    }
  });

  it("the picture on / and on each article comes as AVIF, WebP and JPEG at layout widths, the first fetched first", async () => {
    for (const url of ["/", "/articles/scholarship-mentoring-stem/"]) {
      const pictures = readPage(siteDir, url).querySelectorAll("main picture");
      expect(pictures.length, url).toBe(1);
      const picture = pictures[0]!;
      expect(picture.querySelectorAll("source").map((source) => source.getAttribute("type"))).toEqual([
        "image/avif",
        "image/webp",
      ]);
      const img = picture.querySelector("img")!;
      expect(img.getAttribute("fetchpriority"), url).toBe("high");
      expect(img.getAttribute("sizes"), url).toBeTruthy();
      expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1200", "675"]);
      for (const element of [...picture.querySelectorAll("source"), img]) {
        const candidates = (element.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" "));
        expect(candidates.map(([, width]) => width)).toEqual(["400w", "800w", "1200w"]);
        for (const [src, width] of candidates) {
          const metadata = await sharp(fileForUrl(siteDir, src ?? "")).metadata();
          expect(`${metadata.width}w`, src).toBe(width);
        }
      }
    }
  });

  it("are only ever what the build made: no page, feed or manifest names a file under /images/, and there is none", () => {
    const walk = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
      );
    const texts = walk(siteDir).filter((file) => /\.(html|json|xml|webmanifest)$/.test(file));
    expect(texts.length).toBeGreaterThan(10);
    for (const file of texts) expect(readFileSync(file, "utf8"), file).not.toMatch(/\/images\//);
    expect(readdirSync(siteDir)).not.toContain("images");
  });

  it("names every generated picture by a hash of its source, so that it can be cached for a year", () => {
    const names = readdirSync(join(siteDir, "img"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+-[0-9a-f]{10}-\d+(x\d+)?\.(avif|webp|jpg|png)$/);
    const netlify = readFileSync(join(import.meta.dirname, "../../netlify.toml"), "utf8");
    expect(netlify).toMatch(
      /for = "\/img\/\*"\s+\[headers\.values\]\s+Cache-Control = "public, max-age=31536000, immutable"/,
    );
  });
});

describe("the campaign toolkit", () => {
  const page = () => readPage(siteDir, "/toolkit/");

  it("lists every generated graphic with its alt text, its real dimensions and file size, and a download link", async () => {
    const files = readdirSync(join(siteDir, "toolkit")).filter((name) => name.endsWith(".png"));
    expect(files.length).toBe(4);
    const items = page().querySelectorAll(".toolkit-graphic");
    expect(items.length).toBe(files.length);
    const shown = [];
    for (const item of items) {
      const link = item.querySelector("a[download]")!;
      const href = link.getAttribute("href") ?? "";
      const path = fileForUrl(siteDir, href)!;
      const metadata = await sharp(path).metadata();
      const text = visibleText(item);
      expect(text).toContain(`${metadata.width} × ${metadata.height} pixels`);
      expect(text).toContain(`PNG, ${Math.round(statSync(path).size / 1000)} kB`);
      expect(visibleText(item.querySelector(".toolkit-graphic__alt")!)).toBe(
        item.querySelector("img")?.getAttribute("alt"),
      );
      shown.push(`${metadata.width}×${metadata.height}`);
    }
    expect(shown.sort()).toEqual(["1080×1080", "1080×1920", "1200×630", "1584×396"]);
    expect(files.map((name) => `/toolkit/${name}`).sort()).toEqual(
      items.map((item) => item.querySelector("a[download]")?.getAttribute("href")).sort(),
    );
  });

  it("shows each graphic as previews at the size it is shown (the download is the file), the first fetched first", async () => {
    const items = page().querySelectorAll(".toolkit-graphic");
    for (const [index, item] of items.entries()) {
      const download = fileForUrl(siteDir, item.querySelector("a[download]")?.getAttribute("href") ?? "")!;
      const full = await sharp(download).metadata();
      const picture = item.querySelector("picture")!;
      const img = picture.querySelector("img")!;
      expect(picture.querySelectorAll("source").map((source) => source.getAttribute("type"))).toEqual([
        "image/avif",
        "image/webp",
      ]);
      for (const element of [...picture.querySelectorAll("source"), img]) {
        const candidates = (element.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" "));
        expect(candidates.map(([, width]) => width)).toEqual(["400w", "800w"]);
        for (const [src, width] of candidates) {
          expect(src).toMatch(/^\/img\//);
          const file = fileForUrl(siteDir, src ?? "")!;
          const metadata = await sharp(file).metadata();
          expect(`${metadata.width}w`, src).toBe(width);
          expect(Math.abs(metadata.height / metadata.width - full.height / full.width), src).toBeLessThan(0.01);
          expect(statSync(file).size, src).toBeLessThan(statSync(download).size);
        }
      }
      const story = img.getAttribute("class")?.includes("--story");
      expect(img.getAttribute("sizes")).toBe(story ? design.sizes.story : design.sizes.preview);
      expect([img.getAttribute("fetchpriority") ?? null, img.getAttribute("loading") ?? null]).toEqual(
        index === 0 ? ["high", null] : [null, "lazy"],
      );
    }
    expect(items.length).toBe(4);
  });

  it("offers posts with the day's hashtags, each with a copy button that waits for the script", () => {
    const posts = page().querySelectorAll(".toolkit-post");
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      expect(visibleText(post.querySelector(".toolkit-post__text")!)).toMatch(
        /#InternationalMentoringDay #MentorIRL #MentoringMonth$/,
      );
      const button = post.querySelector("button[data-copy]")!;
      expect(button.hasAttribute("hidden")).toBe(true);
      expect(post.querySelector(`#${button.getAttribute("data-copy")}`)).not.toBeNull();
    }
  });

  it("has the calendar and share links, and is linked from the home and About pages", () => {
    const links = page()
      .querySelectorAll("a")
      .map((a) => a.getAttribute("href") ?? "");
    expect(links).toContain("/international-mentoring-day.ics");
    expect(links.some((href) => href.startsWith("https://calendar.google.com/"))).toBe(true);
    expect(links.some((href) => href.startsWith("https://www.linkedin.com/sharing/"))).toBe(true);
    for (const url of ["/", "/about/"]) {
      expect(readPage(siteDir, url).querySelector('a[href="/toolkit/"]'), url).not.toBeNull();
    }
  });
});

describe("icons and the web app manifest", () => {
  it("are made from the one SVG, in the sizes named", async () => {
    const manifest = JSON.parse(readFileSync(join(siteDir, "manifest.webmanifest"), "utf8"));
    expect(manifest.name).toBe("International Mentoring Day");
    expect(manifest.start_url).toBe("./");
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const metadata = await sharp(join(siteDir, icon.src)).metadata();
      if (icon.type === "image/png") expect(`${metadata.width}x${metadata.height}`).toBe(icon.sizes);
      else expect(metadata.format).toBe("svg");
    }
    const touch = await sharp(join(siteDir, "apple-touch-icon.png")).stats();
    expect([(await sharp(join(siteDir, "apple-touch-icon.png")).metadata()).width, touch.isOpaque]).toEqual([
      180,
      true,
    ]);
    const head = readPage(siteDir, "/").querySelector("head")!;
    expect(head.querySelector('link[rel="manifest"]')?.getAttribute("href")).toBe("/manifest.webmanifest");
    expect(head.querySelector('link[rel="apple-touch-icon"]')?.getAttribute("href")).toBe("/apple-touch-icon.png");
  });
});
