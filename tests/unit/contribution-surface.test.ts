import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/check.ts";
import {
  articleDirectoryData,
  pictureFormatOf,
  type SurfaceEntry,
  surfaceProblems,
} from "../../src/lib/content/contribution-surface.ts";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === "string" ? [...Buffer.from(value)] : [value])));
const png = bytes(0x89, "PNG\r\n\x1a\n");
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0);
const webp = bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 ");
const avif = bytes(0, 0, 0, 0x1c, "ftypavif");
const svg = bytes('<?xml version="1.0"?>\n<!-- a drawing -->\n<svg xmlns="http://www.w3.org/2000/svg">');
const text = bytes("---\ntitle: A\n---\n");

const file = (path: string, head = text): SurfaceEntry => ({ path, kind: "file", head });
const problems = (entries: SurfaceEntry[], directoryData: unknown = articleDirectoryData) =>
  surfaceProblems(entries, directoryData).map(formatProblem);

describe("pictureFormatOf", () => {
  it("tells a picture by its bytes, not its name", () => {
    expect([png, jpeg, webp, avif, svg].map(pictureFormatOf)).toEqual(["png", "jpeg", "webp", "avif", "svg"]);
    expect(pictureFormatOf(bytes("GIF89a"))).toBeUndefined();
    expect(pictureFormatOf(bytes("<html><svg>"))).toBeUndefined();
    expect(pictureFormatOf(text)).toBeUndefined();
  });
});

describe("surfaceProblems", () => {
  it("accepts what a contribution may be: articles, pictures that are what their names say, comments of pages", () => {
    expect(
      problems([
        file("articles/articles.11tydata.json"),
        file("articles/a.md"),
        file("articles/constructor.md"),
        { path: "static/images/articles", kind: "directory", head: new Uint8Array() },
        file("static/images/articles/a.png", png),
        file("static/images/articles/a.JPG", jpeg),
        file("static/images/b.svg", svg),
        file("_data/comments/home.json"),
        file("_data/comments/a.json"),
        file("_data/comments/constructor.json"),
      ]),
    ).toEqual([]);
  });

  it("refuses everything else in those folders, naming the file", () => {
    expect(
      problems([
        file("articles/a.md"),
        { path: "articles/sub", kind: "directory", head: new Uint8Array() },
        file("articles/sub/x.md"),
        file("articles/x.njk"),
        file("articles/a.11tydata.json"),
        file("articles/a.json"),
        { path: "articles/b.md", kind: "symlink", head: new Uint8Array() },
        { path: "static/images/passwd.png", kind: "symlink", head: new Uint8Array() },
        file("static/images/script.svg", bytes("<script>alert(1)</script>")),
        file("static/images/photo.png", jpeg),
        file("static/images/_redirects"),
        file("static/images/anim.gif", bytes("GIF89a")),
        file("_data/comments/nobody.json"),
        file("_data/comments/notes.txt"),
      ]),
    ).toEqual([
      "articles/sub: expected articles directly in articles/, got a folder: move the file up into articles/",
      'articles/sub/x.md: expected an article, a Markdown file named like my-article.md, got "sub/x.md"',
      'articles/x.njk: expected an article, a Markdown file named like my-article.md, got "x.njk"',
      'articles/a.11tydata.json: expected an article, a Markdown file named like my-article.md, got "a.11tydata.json"',
      'articles/a.json: expected an article, a Markdown file named like my-article.md, got "a.json"',
      "articles/b.md: expected a file, got a symbolic link: add the file itself",
      "static/images/passwd.png: expected a file, got a symbolic link: add the file itself",
      "static/images/script.svg: expected an SVG picture as its name says, got a file that is no picture the site can use",
      "static/images/photo.png: expected a PNG picture as its name says, got a JPEG picture: rename it",
      'static/images/_redirects: expected a picture named .svg, .png, .jpg, .webp or .avif, got "no extension"',
      'static/images/anim.gif: expected a picture named .svg, .png, .jpg, .webp or .avif, got ".gif"',
      '_data/comments/nobody.json: expected home.json or an article\'s file name with .json (like a.json), got "nobody.json", for which there is no page',
      "_data/comments/notes.txt: expected the comments of one page as <page>.json, got another kind of file",
    ]);
  });

  it("refuses a link in place of a folder, and a name that would print as a line of its own", () => {
    expect(
      problems([
        { path: "articles", kind: "symlink", head: new Uint8Array() },
        { path: "static", kind: "symlink", head: new Uint8Array() },
        file("articles/a\n_data/site.ts: name: injected.md"),
      ]),
    ).toEqual([
      "articles: expected a folder, got a symbolic link: the folder itself must be in the project",
      "static: expected a folder, got a symbolic link: the folder itself must be in the project",
      '"articles/a\\n_data/site.ts: name: injected.md": expected a name without line breaks or other control characters',
    ]);
  });

  it("keeps the articles' directory data file as the project wrote it", () => {
    const moved = { ...articleDirectoryData, permalink: "/index.html" };
    expect(problems([file("articles/articles.11tydata.json")], moved)).toEqual([
      "articles/articles.11tydata.json: is the project's own and must not change: it gives every article its layout",
    ]);
  });
});
