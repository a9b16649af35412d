import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import topics from "../../_data/topics.ts";
import { checkArticles, closest, formatProblem } from "../../src/lib/content/check.ts";
import { newArticle } from "../../src/lib/content/scaffold.ts";
import { fixtureArticle, projectRoot, siteFixtureDir } from "../helpers/project.ts";

const corpusDir = join(projectRoot, "tests/fixtures/invalid-articles");
const context = {
  tags: Object.keys(topics),
  // The project's own pictures (/images/hero.svg) and the fixture articles' (/images/articles/…).
  imageExists: (src: string) => [projectRoot, siteFixtureDir].some((root) => existsSync(join(root, "static", src))),
  // The tests' fixed clock, 1 December 2026, as the build tests' SOURCE_DATE_EPOCH.
  now: new Date("2026-12-01T00:00:00Z"),
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
  "empty-body.md": ["body: expected a paragraph or more of text after the front matter, got nothing"],
  "http-link.md": ['link: expected an https:// address, got "http://example.org/article"'],
  "invalid-yaml.md": ['front matter: line 2: a quotation mark (") is opened and never closed'],
  "yaml-colon.md": [
    'front matter: line 2: a value with a colon in it must be in quotes, like title: "Mentoring: a story"',
  ],
  "js-front-matter.md": [
    'front matter: expected the first line to be --- alone (front matter is YAML only), got "---js"',
  ],
  "javascript-front-matter.md": [
    'front matter: expected the first line to be --- alone (front matter is YAML only), got "---javascript"',
  ],
  "json-front-matter.md": [
    'front matter: expected the first line to be --- alone (front matter is YAML only), got "---json"',
  ],
  "impossible-date.md": ['date: expected a date like 2027-01-17, got "2025-02-30"'],
  "month-thirteen.md": ['date: expected a date like 2027-01-17, got "2025-13-01"'],
  "hour-twenty-five.md": ['date: expected a date like 2027-01-17, got "2025-01-17T25:00:00Z"'],
  "future-date.md": [
    "date: expected a date no later than 2026-12-02, got 2027-06-01; to keep an article unpublished until its day, add draft: true",
  ],
  "image-outside.md": [
    'image.src: expected a path inside /images/ with no .. in it, got "/images/../../../package.png"',
  ],
  "body-missing-picture.md": [
    "body (line 14): expected a file at static/images/articles/no-such-chart.png, got nothing",
  ],
  "body-external-picture.md": [
    'body (line 16): expected a picture from static/images/, written /images/…, got "https://tracker.example/pixel.png"',
  ],
  "unknown-tag-far.md": [`tags[0]: expected one of the tags ${Object.keys(topics).join(", ")}, got "astronomy"`],
  "lang-name.md": ['lang: expected a language tag like ar, zh-Hans or pt-BR, got "Arabic"'],
  "lang-not-a-tag.md": ['lang: expected a language tag like ar, zh-Hans or pt-BR, got "ar\\" onload=\\"alert(1)"'],
  "long-title.md": ["title: expected at most 120 characters, got 130"],
  "missing-image.md": ["image.src: expected a file at static/images/articles/not-there.svg, got nothing"],
  "missing-title.md": ["title: expected a title as text, got nothing"],
  "no-front-matter.md": ["front matter: expected the file to start with --- and the front matter"],
  "no-people.md": ["people: expected at least one person"],
  "unknown-field.md": [
    "title: expected a title as text, got nothing",
    'titel: expected a known field (did you mean "title"?), got "titel"',
  ],
  "unknown-tag.md": ['tags[0]: expected a tag of _data/topics.ts (did you mean "community"?), got "comunity"'],
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

describe("front matter", () => {
  const valid = fixtureArticle("surgtime-telemedicine-mentoring.md");

  it("reads a date the same, quoted or not", () => {
    const quoted = valid.replace(/^date: (\S+)$/m, 'date: "$1"');
    expect(quoted).not.toBe(valid);
    const [plain, inQuotes] = [valid, quoted].map(
      (source) => checkArticles([{ file: "articles/a.md", source }], context).valid.get("articles/a.md")?.date,
    );
    expect(plain).toBeInstanceOf(Date);
    expect(inQuotes).toEqual(plain);
  });

  it("never runs the code of a ---js opener: the file it would write stays absent", () => {
    check([corpusCase("js-front-matter.md"), corpusCase("javascript-front-matter.md")]);
    expect(existsSync("front-matter-ran.txt")).toBe(false);
  });
});

describe("the scaffold of npm run new:article", () => {
  const scaffold = newArticle("Peer mentoring in nursing", DateTime.fromISO("2026-11-30"), "community").source;

  it("passes the check as it is: a draft", () => {
    expect(scaffold).toMatch(/^draft: true$/m);
    expect(check([{ file: "articles/peer-mentoring-in-nursing.md", source: scaffold }])).toEqual([]);
  });

  it("cannot be published with a placeholder left in it", () => {
    const published = scaffold.replace(/^.*\n(?=draft: true)/m, "").replace(/^draft: true\n/m, "");
    const fields = check([{ file: "articles/a.md", source: published }]).map((line) => line.split(": ")[1]);
    expect(fields).toEqual([
      "summary",
      "people[0].name",
      "people[0].role",
      "people[0].institution",
      "people[0].country",
      "image.src",
      "image.alt",
      "quote.text",
      "quote.by",
      "body",
    ]);
  });
});

// The real articles pass `npm run check:content`: tests/build/real-content.test.ts.
describe("checkArticles on the site fixture's articles", () => {
  it("finds no problem", () => {
    const articles = readdirSync(join(siteFixtureDir, "articles"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => ({ file: `articles/${name}`, source: fixtureArticle(name) }));
    expect(articles.length).toBeGreaterThan(0);
    expect(check(articles)).toEqual([]);
  });
});

describe("file names", () => {
  const valid = fixtureArticle("surgtime-telemedicine-mentoring.md");

  it("may be any word, even one that names a property of every JavaScript object", () => {
    const names = ["constructor", "valueof", "hasownproperty", "tostring", "prototype"];
    expect(check(names.map((name) => ({ file: `articles/${name}.md`, source: valid })))).toEqual([]);
  });

  it("reports two files that would be written to the same address", () => {
    expect(
      check([
        { file: "articles/a-b.md", source: valid },
        { file: "articles/A-B.md", source: valid },
      ]),
    ).toEqual([
      'articles/A-B.md: file name: expected a name of lower-case Latin letters a-z, digits and hyphens (it becomes the address), like a-b.md, got "A-B.md"',
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
