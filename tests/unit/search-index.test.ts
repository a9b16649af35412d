import { describe, expect, it } from "vitest";
import { searchablePagesGlobs } from "../../src/lib/search-index.ts";

const page = (outputPath: string, searchable = true) => ({
  outputPath,
  content: searchable ? '<main data-pagefind-body="">…</main>' : "<main>…</main>",
});

describe("searchablePagesGlobs", () => {
  it("names the searchable HTML pages the build wrote, by their path in the site, in order", () => {
    const pages = [
      page("_site/articles/b/index.html"),
      page("_site/index.html"),
      page("_site/articles/index.html", false),
      page("_site/feed.xml"),
      page("_site/about/index.html"),
    ];
    expect(searchablePagesGlobs("_site", pages)).toEqual(["{about/index.html,articles/b/index.html,index.html}"]);
  });

  it("takes the site folder however it is written", () => {
    expect(searchablePagesGlobs("/tmp/out/", [page("/tmp/out/a/index.html")])).toEqual(["{a/index.html}"]);
    expect(searchablePagesGlobs("./_site", [page("_site/a/index.html")])).toEqual(["{a/index.html}"]);
  });

  it("splits thousands of pages into globs Pagefind can parse, every page in one of them", () => {
    const many = Array.from({ length: 4500 }, (_, i) =>
      page(`_site/articles/a${String(i).padStart(4, "0")}/index.html`),
    );
    const globs = searchablePagesGlobs("_site", many);
    expect(globs).toHaveLength(3);
    const named = globs.flatMap((glob) => glob.slice(1, -1).split(","));
    expect(named).toEqual(many.map((p) => p.outputPath.slice("_site/".length)));
    expect(searchablePagesGlobs("_site", many.slice(0, 3), 2)).toEqual([
      "{articles/a0000/index.html,articles/a0001/index.html}",
      "{articles/a0002/index.html}",
    ]);
  });

  it("gives no glob when no page is searchable", () => {
    expect(searchablePagesGlobs("_site", [page("_site/a/index.html", false)])).toEqual([]);
  });

  it("escapes the characters a glob would read as patterns", () => {
    expect(searchablePagesGlobs("_site", [page("_site/a,b{c}[d]*?/index.html")])).toEqual([
      "{a\\,b\\{c\\}\\[d\\]\\*\\?/index.html}",
    ]);
  });
});
