import { describe, expect, it } from "vitest";
import { searchablePagesGlob } from "../../src/lib/search-index.ts";

const page = (outputPath: string, searchable = true) => ({
  outputPath,
  content: searchable ? '<main data-pagefind-body="">…</main>' : "<main>…</main>",
});

describe("searchablePagesGlob", () => {
  it("names the searchable HTML pages the build wrote, by their path in the site, in order", () => {
    const pages = [
      page("_site/articles/b/index.html"),
      page("_site/index.html"),
      page("_site/articles/index.html", false),
      page("_site/feed.xml"),
      page("_site/about/index.html"),
    ];
    expect(searchablePagesGlob("_site", pages)).toBe("{about/index.html,articles/b/index.html,index.html}");
  });

  it("takes the site folder however it is written", () => {
    expect(searchablePagesGlob("/tmp/out/", [page("/tmp/out/a/index.html")])).toBe("{a/index.html}");
    expect(searchablePagesGlob("./_site", [page("_site/a/index.html")])).toBe("{a/index.html}");
  });

  it("escapes the characters a glob would read as patterns", () => {
    expect(searchablePagesGlob("_site", [page("_site/a,b{c}[d]*?/index.html")])).toBe(
      "{a\\,b\\{c\\}\\[d\\]\\*\\?/index.html}",
    );
  });
});
