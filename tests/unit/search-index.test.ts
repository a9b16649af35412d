import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  entryModule,
  inDocumentLanguage,
  pageLanguage,
  removeUnloadedSearchFiles,
  searchablePage,
  searchIndexOfBuild,
} from "../../src/lib/publishing/search-index-files.ts";
import { temporaryDir } from "../helpers/project.ts";

describe("searchablePage", () => {
  const body = (title = '<h1 data-pagefind-meta="title">A title</h1>') =>
    `<!doctype html><html lang="en-GB"><body><main data-pagefind-body>${title}…</main></body></html>`;

  it("is the page's HTML when search should find it: an HTML page with data-pagefind-body", () => {
    expect(searchablePage("about/index.html", body())).toEqual({ path: "about/index.html", content: body() });
  });

  it("is nothing for a page without data-pagefind-body, or a file that is no HTML page", () => {
    expect(searchablePage("articles/index.html", "<html><body><main>…</main></body></html>")).toBeUndefined();
    expect(searchablePage("feed.xml", body())).toBeUndefined();
  });

  it("is in the language of its title when that is not the site's: its own index, its own word breaks", () => {
    const chinese = body('<h1 data-pagefind-meta="title" lang="zh-Hans">导师</h1>');
    expect(searchablePage("articles/zh/index.html", chinese)?.content).toBe(inDocumentLanguage(chinese, "zh-Hans"));
    expect(searchablePage("articles/zh/index.html", chinese)?.content).toContain('<html lang="zh-Hans">');
  });
});

describe("searchIndexOfBuild", () => {
  const page = (title: string, words: string, lang?: string) =>
    `<!doctype html><html lang="en-GB"><head><title>${title}</title></head><body><nav>Menu</nav><main data-pagefind-body><h1 data-pagefind-meta="title"${lang ? ` lang="${lang}"` : ""}>${title}</h1><p>${words}</p></main></body></html>`;
  const pages: Record<string, string> = {
    "/": page("Home", "Mentoring day, every year in January"),
    "/about/": page("About", "Who runs the day and why mentoring matters"),
    "/articles/first/": page("First", "A mentor in the laboratory changed a career"),
    "/articles/second/": page("Second", "Scholarships and mentors in engineering"),
    "/articles/zh/": page("导师", "导师和学生", "zh-Hans"),
    "/articles/": '<!doctype html><html lang="en-GB"><body><main>A list, not searched</main></body></html>',
    "/feed.xml": "<feed/>",
  };

  /** Every file of a folder with its bytes. */
  const files = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = relative(dir, join(entry.parentPath, entry.name));
          return [path, readFileSync(join(dir, path)).toString("base64")];
        })
        .sort(([a = ""], [b = ""]) => (a < b ? -1 : 1)),
    );

  /** Where Eleventy writes the page at `url`. */
  const fileOf = (url: string) => (url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1));

  /** Builds the index of `pages`, written (as Eleventy writes them) in the order of `urls`, into a new site folder. */
  async function build(index: ReturnType<typeof searchIndexOfBuild>, urls: string[]) {
    const siteDir = await temporaryDir("imd-search-index-");
    index.start(siteDir);
    for (const url of urls) {
      const file = join(siteDir, fileOf(url));
      index.add(file, pages[url] ?? "");
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, pages[url] ?? "");
    }
    const { pages: indexed } = await index.write("/assets/js/search-languages.0123456789.js");
    return { siteDir, indexed };
  }

  it("gives the same index, byte for byte, whatever order the pages are written in", async () => {
    const urls = Object.keys(pages);
    const index = searchIndexOfBuild();
    const inOrder = await build(index, urls);
    // The same instance builds again, as each rebuild of npm start does.
    const reversed = await build(index, [...urls].reverse());
    expect(inOrder.indexed).toBe(5);
    expect(reversed.indexed).toBe(5);
    const bundle = files(join(inOrder.siteDir, "pagefind"));
    expect(Object.keys(bundle).some((path) => path.endsWith(".pf_fragment"))).toBe(true);
    expect(files(join(reversed.siteDir, "pagefind"))).toEqual(bundle);
  });

  it("indexes the searchable pages it was given, each language apart, with the entries that search them all", async () => {
    const { siteDir } = await build(searchIndexOfBuild(), Object.keys(pages));
    const entry = JSON.parse(readFileSync(join(siteDir, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en-gb", "zh-hans"]);
    expect(entry.languages["en-gb"].page_count).toBe(4);
    for (const kind of ["dialog", "search-page"]) {
      expect(readFileSync(join(siteDir, "pagefind", kind, "pagefind.js"), "utf8")).toContain(
        '"../../assets/js/search-languages.0123456789.js"',
      );
    }
  });

  it("leaves out a page an earlier build left in the folder (npm start writes in place), and finds the others", async () => {
    const index = searchIndexOfBuild();
    const siteDir = await temporaryDir("imd-search-index-");
    await mkdir(join(siteDir, "articles/renamed"), { recursive: true });
    await writeFile(join(siteDir, "articles/renamed/index.html"), page("Renamed", "An old address"));
    index.start(siteDir);
    for (const url of ["/", "/articles/zh/"]) {
      const file = join(siteDir, fileOf(url));
      index.add(file, pages[url] ?? "");
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, pages[url] ?? "");
    }
    expect((await index.write("/assets/js/search-languages.js")).pages).toBe(2);
    const entry = JSON.parse(readFileSync(join(siteDir, "pagefind/pagefind-entry.json"), "utf8"));
    expect([entry.languages["en-gb"].page_count, entry.languages["zh-hans"].page_count]).toEqual([1, 1]);
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
