import { isDeepStrictEqual } from "node:util";
import type { Problem } from "./check.ts";

/**
 * The contribution surface: the only places a pull request adds or changes content, and what
 * each file there must be. Everything else in those places is an error naming the file, so a
 * contributed file can never be a template, a data file for other pages, a link out of the
 * project or a script in a picture's clothes. Code, layouts and data other than comments are
 * outside it: changing them is a change of code, which a reviewer reads as such.
 */
export const contributionFolders = ["articles", "events", "programmes", "static/images", "_data/comments"] as const;

/**
 * The listings' directory data files, as the project ships them (like the articles' below): they
 * give every event and programme its layout, and no pull request may change that.
 */
export const listingDirectoryData = {
  events: { layout: "layouts/event.njk", searchable: true, pageKind: "event" },
  programmes: { layout: "layouts/programme.njk", searchable: true, pageKind: "programme" },
} as const;

/** The wall of thanks (what `npm run comments:import` writes, like the comments): a file of the surface on its own. */
export const thanksFile = "_data/thanks.json";

/** What a file in the surface is on disk. */
export type EntryKind = "file" | "directory" | "symlink" | "other";

export interface SurfaceEntry {
  /** The path from the project's root, with `/` between folders: `static/images/a.png`. */
  path: string;
  kind: EntryKind;
  /** The file's first bytes (enough to tell what it is); empty for anything but a file. */
  head: Uint8Array;
}

/**
 * The articles' directory data file is the project's own: it gives every article its layout. It
 * may exist with exactly this content, so that no pull request can move pages or change layouts.
 */
export const articleDirectoryData = { layout: "layouts/article.njk", searchable: true, pageKind: "article" };
const articleDirectoryDataFile = "articles/articles.11tydata.json";

/** The kinds of picture the build can make renditions of, by what the file holds. */
export type PictureFormat = "svg" | "png" | "jpeg" | "webp" | "avif";
const pictureExtensions: Record<string, PictureFormat> = {
  ".svg": "svg",
  ".png": "png",
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".webp": "webp",
  ".avif": "avif",
};

const formatNames: Record<PictureFormat, string> = {
  svg: "an SVG",
  png: "a PNG",
  jpeg: "a JPEG",
  webp: "a WebP",
  avif: "an AVIF",
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The picture format of a file by its first bytes, whatever its name says; undefined if none. */
export function pictureFormatOf(head: Uint8Array): PictureFormat | undefined {
  if (head[0] === 0x89 && ascii(head, 1, 4) === "PNG") return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  if (ascii(head, 4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(head, 8, 12))) return "avif";
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head);
  // An SVG file is text whose first element (after an XML declaration, comments or a doctype) is <svg.
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE svg[^>]*>\s*)*<svg[\s>]/i.test(text)) return "svg";
  return undefined;
}

const extensionOf = (path: string) => /\.[^./]+$/.exec(path)?.[0].toLowerCase() ?? "";
const describeKind = (kind: EntryKind) =>
  kind === "symlink" ? "a symbolic link" : kind === "directory" ? "a folder" : "not a regular file";

/**
 * Every problem with the files in the contribution surface (`entries`: everything in its folders,
 * sub-folders included), given the content of the articles' directory data file if there is one.
 */
export function surfaceProblems(
  entries: readonly SurfaceEntry[],
  directoryData?: unknown,
  listingData: Partial<Record<keyof typeof listingDirectoryData, unknown>> = {},
): Problem[] {
  const problems: Problem[] = [];
  const articleStems = new Set(
    entries
      .filter((entry) => /^articles\/[^/]+\.md$/.test(entry.path) && entry.kind === "file")
      .map((entry) => entry.path.slice("articles/".length, -".md".length)),
  );
  const problem = (file: string, message: string) => problems.push({ file, field: "", message });

  for (const { path, kind, head } of entries) {
    // A line break in a name would print as a problem line of its own.
    if (/\p{Cc}/u.test(path)) {
      problem(JSON.stringify(path), "expected a name without line breaks or other control characters");
      continue;
    }
    if (
      kind === "symlink" &&
      path !== thanksFile &&
      !path.includes("/images/") &&
      !/^(articles|events|programmes|_data\/comments)\//.test(path)
    ) {
      problem(path, "expected a folder, got a symbolic link: the folder itself must be in the project");
      continue;
    }
    if (kind === "symlink" || kind === "other") {
      problem(path, `expected a file, got ${describeKind(kind)}: add the file itself`);
      continue;
    }
    if (path.startsWith("articles/")) {
      const name = path.slice("articles/".length);
      if (path === articleDirectoryDataFile) {
        if (!isDeepStrictEqual(directoryData, articleDirectoryData)) {
          problem(path, "is the project's own and must not change: it gives every article its layout");
        }
      } else if (kind === "directory") {
        problem(path, "expected articles directly in articles/, got a folder: move the file up into articles/");
      } else if (name.includes("/") || !name.endsWith(".md")) {
        problem(path, `expected an article, a Markdown file named like my-article.md, got ${JSON.stringify(name)}`);
      }
    } else if (/^(events|programmes)\//.test(path)) {
      const folder = path.startsWith("events/") ? "events" : "programmes";
      const name = path.slice(folder.length + 1);
      const entryKind = folder === "events" ? "an event" : "a programme";
      if (name === `${folder}.11tydata.json`) {
        if (!isDeepStrictEqual(listingData[folder], listingDirectoryData[folder])) {
          problem(path, `is the project's own and must not change: it gives every ${folder.slice(0, -1)} its layout`);
        }
      } else if (name === ".gitkeep") {
        // Keeps the folder in Git while it has no entries.
      } else if (kind === "directory") {
        problem(path, `expected ${folder} directly in ${folder}/, got a folder: move the file up into ${folder}/`);
      } else if (name.includes("/") || !name.endsWith(".md")) {
        problem(
          path,
          `expected ${entryKind}, a Markdown file named like my-${folder.slice(0, -1)}.md, got ${JSON.stringify(name)}`,
        );
      }
    } else if (path.startsWith("static/images/")) {
      if (kind === "directory") continue;
      const expected = pictureExtensions[extensionOf(path)];
      const actual = pictureFormatOf(head);
      if (!expected) {
        problem(
          path,
          `expected a picture named .svg, .png, .jpg, .webp or .avif, got ${JSON.stringify(extensionOf(path) || "no extension")}`,
        );
      } else if (actual !== expected) {
        problem(
          path,
          `expected ${formatNames[expected]} picture as its name says, got ${actual ? `${formatNames[actual]} picture: rename it` : "a file that is no picture the site can use"}`,
        );
      }
    } else if (path === thanksFile && kind !== "file") {
      problem(path, `expected the wall's thanks as one JSON file, got ${describeKind(kind)}`);
    } else if (path.startsWith("_data/comments/")) {
      const name = path.slice("_data/comments/".length);
      if (kind === "directory" || !name.endsWith(".json")) {
        problem(path, "expected the comments of one page as <page>.json, got another kind of file");
      } else if (name !== "home.json" && !articleStems.has(name.slice(0, -".json".length))) {
        problem(
          path,
          `expected home.json or an article's file name with .json (like ${[...articleStems][0] ?? "my-article"}.json), got ${JSON.stringify(name)}, for which there is no page`,
        );
      }
    }
  }
  return problems;
}
