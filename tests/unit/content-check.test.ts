import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import topics from "../../_data/topics.ts";
import { checkArticles, closest, formatProblem } from "../../src/lib/content-check.ts";
import { projectRoot } from "../../tools/fixtures/project.ts";

const corpusDir = join(projectRoot, "tests/fixtures/invalid-articles");
const context = {
  tags: Object.keys(topics),
  imageExists: (src: string) => existsSync(join(projectRoot, "static", src)),
};
const check = (files: { file: string; source: string }[]) => checkArticles(files, context).problems.map(formatProblem);
const corpusCase = (name: string) => ({
  file: `articles/${name}`,
  source: readFileSync(join(corpusDir, name), "utf8"),
});

/** Each mistake a contributor can make, and the one line the checks answer with. */
const expectedProblems: Record<string, string[]> = {
  "date-not-iso.md": ['date: expected a date like 2027-01-17, got "17/01/2027"'],
  "draft-not-boolean.md": ['draft: expected true or false, got "yes"'],
  "empty-alt.md": ["image.alt: expected alt text describing the picture, got an empty value"],
  "empty-body.md": ["body: expected a paragraph or more of text after the front matter, found none"],
  "http-link.md": ['link: expected an https:// address, got "http://example.org/article"'],
  "invalid-yaml.md": [
    "front matter: is not valid YAML (line 6 of the file): can not read a block mapping entry; a multiline key may not be an implicit key",
  ],
  "long-title.md": ["title: expected at most 120 characters, got 130"],
  "missing-image.md": ["image.src: expected a file at static/images/articles/not-there.svg, found none"],
  "missing-title.md": ["title: is required but missing"],
  "no-front-matter.md": ["front matter: expected the file to start with --- and the front matter"],
  "no-people.md": ["people: expected at least one person"],
  "unknown-field.md": ["title: is required but missing", 'titel: is not a known field (did you mean "title"?)'],
  "unknown-tag.md": [
    'tags[0]: "comunity" is not a known tag (did you mean "community"?); the tags are listed in _data/topics.ts',
  ],
  "updated-before-date.md": ["updated: expected a date on or after the article's date"],
};

describe("checkArticles on the corpus of mistakes", () => {
  it("has an expectation for every case in the corpus, and a case for every expectation", () => {
    expect(readdirSync(corpusDir).sort()).toEqual(Object.keys(expectedProblems).sort());
  });

  for (const [name, lines] of Object.entries(expectedProblems)) {
    it(`says what is wrong with ${name}, naming the file and the field`, () => {
      expect(check([corpusCase(name)])).toEqual(lines.map((line) => `articles/${name}: ${line}`));
    });
  }

  it("lists every problem of every file at once", () => {
    const all = check(Object.keys(expectedProblems).map(corpusCase));
    expect(all).toHaveLength(Object.values(expectedProblems).flat().length);
  });
});

describe("checkArticles on the real articles", () => {
  it("finds no problem", () => {
    const articles = readdirSync(join(projectRoot, "articles"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => ({ file: `articles/${name}`, source: readFileSync(join(projectRoot, "articles", name), "utf8") }));
    expect(articles.length).toBeGreaterThanOrEqual(4);
    expect(check(articles)).toEqual([]);
  });
});

describe("file names", () => {
  const valid = readFileSync(join(projectRoot, "articles/surgtime-telemedicine-mentoring.md"), "utf8");

  it("reports two files that would be written to the same address", () => {
    expect(
      check([
        { file: "articles/a-b.md", source: valid },
        { file: "articles/A-B.md", source: valid },
      ]),
    ).toEqual([
      'articles/A-B.md: file name: expected lower-case words joined by hyphens, like a-b.md, got "A-B.md"',
      "articles/A-B.md: file name: gives the same address, /articles/a-b/, as articles/a-b.md",
    ]);
  });
});

describe("closest", () => {
  it("suggests a near miss and nothing for an unrelated word", () => {
    expect(closest("medcine", ["medicine", "technology"])).toBe("medicine");
    expect(closest("astronomy", ["medicine", "technology"])).toBeUndefined();
  });
});
