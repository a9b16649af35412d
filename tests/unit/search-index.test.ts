import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  entryModule,
  inDocumentLanguage,
  pageLanguage,
  pathGlobs,
  removeUnloadedSearchFiles,
  searchablePages,
} from "../../src/lib/publishing/search-index-files.ts";
import { temporaryDir } from "../helpers/project.ts";

const page = (outputPath: string, searchable = true, title = '<h1 data-pagefind-meta="title">A title</h1>') => ({
  outputPath,
  content: searchable ? `<main data-pagefind-body="">${title}…</main>` : "<main>…</main>",
});

describe("searchablePages", () => {
  it("names the searchable HTML pages the build wrote, by their path in the site, in order", () => {
    const pages = [
      page("_site/articles/b/index.html"),
      page("_site/index.html"),
      page("_site/articles/index.html", false),
      page("_site/feed.xml"),
      page("_site/about/index.html"),
    ];
    expect(searchablePages("_site", pages)).toEqual([
      { path: "about/index.html" },
      { path: "articles/b/index.html" },
      { path: "index.html" },
    ]);
  });

  it("takes the site folder however it is written", () => {
    expect(searchablePages("/tmp/out/", [page("/tmp/out/a/index.html")])).toEqual([{ path: "a/index.html" }]);
    expect(searchablePages("./_site", [page("_site/a/index.html")])).toEqual([{ path: "a/index.html" }]);
  });

  it("gives the language of a page whose title says one", () => {
    const chinese = page(
      "_site/articles/zh/index.html",
      true,
      '<h1 data-pagefind-meta="title" lang="zh-Hans">导师</h1>',
    );
    expect(searchablePages("_site", [chinese, page("_site/index.html")])).toEqual([
      { path: "articles/zh/index.html", language: "zh-Hans" },
      { path: "index.html" },
    ]);
  });
});

describe("pageLanguage", () => {
  it("is the lang of the element that gives Pagefind the page's title", () => {
    const html = `<html lang="en-GB"><main data-pagefind-body>
      <p class="article__kicker" lang="fr">Articles</p>
      <h1 data-pagefind-meta="title" data-pagefind-ignore lang="ar" dir="rtl">الإرشاد</h1>
      <div class="article__body" lang="he">…</div>`;
    expect(pageLanguage(html)).toBe("ar");
  });

  it("reads the title's element whatever its attributes' order and its other metadata", () => {
    expect(pageLanguage('<h2 lang="ja" data-pagefind-meta="title, kind:x">メンター</h2>')).toBe("ja");
  });

  it("is undefined for a page in the site's language: a title without lang, or no title metadata", () => {
    expect(pageLanguage('<html lang="en-GB"><h1 data-pagefind-meta="title">Mentoring</h1><p lang="fr">…</p>')).toBe(
      undefined,
    );
    expect(pageLanguage('<html lang="en-GB"><h1 lang="fr">Le mentorat</h1>')).toBe(undefined);
    // Another piece of metadata whose name starts like it is not the title.
    expect(pageLanguage('<p data-pagefind-meta="titles" lang="fr">…</p>')).toBe(undefined);
  });
});

describe("inDocumentLanguage", () => {
  it("gives the page's <html> the language, in place of the site's, and changes nothing else", () => {
    const html =
      '<!doctype html>\n<html lang="en-GB" class="no-js">\n<head></head><body><p lang="en-GB">x</p></body></html>';
    expect(inDocumentLanguage(html, "zh-Hans")).toBe(
      '<!doctype html>\n<html lang="zh-Hans" class="no-js">\n<head></head><body><p lang="en-GB">x</p></body></html>',
    );
  });

  it("gives a language to an <html> that had none", () => {
    expect(inDocumentLanguage("<html><body></body></html>", "ar")).toBe('<html lang="ar"><body></body></html>');
  });
});

describe("pathGlobs", () => {
  it("splits thousands of paths into globs Pagefind can parse, every path in one of them", () => {
    const many = Array.from({ length: 4500 }, (_, i) => `articles/a${String(i).padStart(4, "0")}/index.html`);
    const globs = pathGlobs(many);
    expect(globs).toHaveLength(3);
    expect(globs.flatMap((glob) => glob.slice(1, -1).split(","))).toEqual(many);
    expect(pathGlobs(many.slice(0, 3), 2)).toEqual([
      "{articles/a0000/index.html,articles/a0001/index.html}",
      "{articles/a0002/index.html}",
    ]);
  });

  it("gives no glob for no path", () => {
    expect(pathGlobs([])).toEqual([]);
  });

  it("escapes the characters a glob would read as patterns", () => {
    expect(pathGlobs(["a,b{c}[d]*?/index.html"])).toEqual(["{a\\,b\\{c\\}\\[d\\]\\*\\?/index.html}"]);
  });
});

describe("entryModule", () => {
  const languages = { "en-gb": "wasm.en.pagefind", "zh-hans": null };
  const script = "/assets/js/search-languages.0123456789.js";

  it("imports the script that searches every language by a relative address, which holds under a path prefix", () => {
    for (const kind of ["dialog", "search-page"] as const) {
      const module = entryModule(kind, languages, script);
      expect(module).toContain('import { searchEveryLanguage } from "../../assets/js/search-languages.0123456789.js";');
      expect(module).toContain(`const languages = ${JSON.stringify(languages)};`);
    }
  });

  it("gives the dialog no filters' data to fetch, and the search page all of it", () => {
    expect(entryModule("dialog", languages, script)).toContain("filters: async () => ({})");
    expect(entryModule("search-page", languages, script)).not.toContain("filters:");
  });
});

describe("removeUnloadedSearchFiles", () => {
  it("keeps what a search loads and the interface the site loads, and removes the rest of Pagefind's files", async () => {
    const siteDir = await temporaryDir("imd-pagefind-bundle-");
    const entry = { languages: { en: { hash: "en_1a", wasm: "en" }, ja: { hash: "ja_2b", wasm: null } } };
    const loaded = [
      "pagefind.js",
      "pagefind-worker.js",
      "pagefind-entry.json",
      "pagefind.en_1a.pf_meta",
      "pagefind.ja_2b.pf_meta",
      "wasm.en.pagefind",
      "wasm.unknown.pagefind",
      "pagefind-component-ui.js",
      "pagefind-component-ui.css",
      "index/en_3c.pf_index",
      "filter/en_4d.pf_filter",
      "fragment/en_5e.pf_fragment",
      "dialog/pagefind.js",
      "search-page/pagefind.js",
    ];
    const unloaded = [
      "pagefind-ui.js",
      "pagefind-ui.css",
      "pagefind-modular-ui.js",
      "pagefind-modular-ui.css",
      "pagefind-highlight.js",
      "wasm.de.pagefind",
      "playground/index.html",
    ];
    for (const file of [...loaded, ...unloaded]) {
      const path = join(siteDir, "pagefind", file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file === "pagefind-entry.json" ? JSON.stringify(entry) : file);
    }
    expect(await removeUnloadedSearchFiles(siteDir)).toEqual([...unloaded.map((file) => file.split("/")[0])].sort());
    const left = await readdir(join(siteDir, "pagefind"), { recursive: true, withFileTypes: true });
    expect(
      left
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(join(siteDir, "pagefind/").length))
        .sort(),
    ).toEqual([...loaded].sort());
  });
});
