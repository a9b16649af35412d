import { beforeAll, describe, expect, it } from "vitest";
import { headingIdPrefix } from "../../src/lib/content/markdown.ts";
import { buildSite, copyProject, fixtureArticle, temporaryDir } from "../helpers/project.ts";
import { fileForUrl, htmlProblems, readPage } from "../helpers/site.ts";

describe("an article whose body headings share words with the page's own ids, and that mentions an email address", () => {
  const url = "/articles/scholarship-mentoring-stem/";
  let siteDir: string;

  beforeAll(async () => {
    const article = fixtureArticle("scholarship-mentoring-stem.md");
    const body = [
      "## Comment name",
      "Write to ana@example.org for the details.",
      "## Main",
      "## Comments heading",
      "## 为什么重要",
    ].join("\n\n");
    // The article's own front matter, with this body.
    const source = article.replace(/^(---\n[\s\S]*?\n---\n)[\s\S]*$/, `$1${body}\n`);
    const projectDir = await copyProject({ "articles/scholarship-mentoring-stem.md": source });
    siteDir = await temporaryDir("imd-article-body-");
    await buildSite({ projectDir, outputDir: siteDir });
  });

  it("has no id twice on the page", async () => {
    const file = fileForUrl(siteDir, url)?.slice(siteDir.length + 1) ?? "";
    expect(await htmlProblems(siteDir, [file])).toEqual([]);
  });

  it("gives each body heading an id of its own words, apart from the layout's", () => {
    const ids = readPage(siteDir, url)
      .querySelectorAll(".article__body :is(h2, h3, h4)")
      .map((heading) => heading.id);
    expect(ids).toEqual(["comment-name", "main", "comments-heading", "为什么重要"].map((id) => headingIdPrefix + id));
    // The layout's ids are all still there, once each, on the elements they label.
    const page = readPage(siteDir, url);
    expect(page.querySelector("#new-comment-name")?.tagName).toBe("INPUT");
    expect(page.querySelector("#main")?.tagName).toBe("MAIN");
  });

  it("leaves the email address as text", () => {
    const body = readPage(siteDir, url).querySelector(".article__body");
    expect(body?.textContent).toContain("Write to ana@example.org for the details.");
    expect(body?.querySelector("a")).toBeNull();
  });
});
