import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import topics from "../../_data/topics.ts";
import { checkArticles, checkWithSchema, fieldsAt, formatProblem } from "../../src/lib/content/check.ts";
import { articleSchema, daySchema, thanksSchema } from "../../src/lib/content/schemas.ts";
import { cardTextProblem } from "../../src/lib/graphics/text/fonts.ts";
import { commentsFileProblems, thanksFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { localeSchema } from "../../src/lib/words/locale.ts";
import { articleLines, commentLines, thanksLines } from "../fixtures/mistakes.ts";
import { projectRoot, siteFixtureDir } from "../helpers/project.ts";

// Every problem at once: no mistake of a file hides another (a misspelled field, a missing picture,
// a character the cards cannot draw, a date from the future), and a misspelled field gets the
// nearest field at its own depth as a suggestion. Three corpora of mistakes, each file with the lines
// the check answers it with (tests/fixtures/mistakes.ts; tests/build/hostile-values.test.ts builds
// them: the build says the same).

const fixtures = join(projectRoot, "tests/fixtures");
const context = {
  tags: Object.keys(topics),
  imageExists: (src: string) => existsSync(join(siteFixtureDir, "static", src)),
  // The tests' fixed clock, 1 December 2026, as the build tests' SOURCE_DATE_EPOCH.
  now: new Date("2026-12-01T00:00:00Z"),
  cardTextProblem,
};
const rules = { now: context.now, siteName: "International Mentoring Day" };
const read = (folder: string, name: string) => readFileSync(join(fixtures, folder, name), "utf8");

describe("the corpora of mistakes", () => {
  for (const [folder, lines] of [
    ["many-mistakes", articleLines],
    ["invalid-comments", commentLines],
    ["invalid-thanks", thanksLines],
  ] as const) {
    it(`have the lines of every file of tests/fixtures/${folder}/, and a file for every case`, () => {
      expect(readdirSync(join(fixtures, folder)).sort()).toEqual(Object.keys(lines).sort());
    });
  }
});

describe("an article with several mistakes", () => {
  for (const [name, lines] of Object.entries(articleLines)) {
    it(`gets every line of ${name} in one run`, () => {
      const { problems } = checkArticles([{ file: `articles/${name}`, source: read("many-mistakes", name) }], context);
      expect(problems.map(formatProblem)).toEqual(lines.map((line) => `articles/${name}: ${line}`));
    });
  }
});

describe("a comments file with several mistakes", () => {
  for (const [name, lines] of Object.entries(commentLines)) {
    it(`gets every line of ${name} in one run`, () => {
      const file = "_data/comments/home.json";
      const problems = commentsFileProblems(file, JSON.parse(read("invalid-comments", name)), rules);
      expect(problems.map(formatProblem)).toEqual(lines.map((line) => `${file}: ${line}`));
    });
  }
});

describe("a wall of thanks with several mistakes", () => {
  for (const [name, lines] of Object.entries(thanksLines)) {
    it(`gets every line of ${name} in one run`, () => {
      const file = "_data/thanks.json";
      const problems = thanksFileProblems(file, JSON.parse(read("invalid-thanks", name)), rules);
      expect(problems.map(formatProblem)).toEqual(lines.map((line) => `${file}: ${line}`));
    });
  }
});

describe('"did you mean" at every depth', () => {
  it("knows the fields of each group of fields in a schema, however deep", () => {
    expect(fieldsAt(articleSchema, [])).toContain("title");
    expect(fieldsAt(articleSchema, ["people", 3])).toEqual(["name", "honorific", "role", "institution", "country"]);
    expect(fieldsAt(articleSchema, ["quote"])).toEqual(["text", "by"]);
    expect(fieldsAt(daySchema, ["about", "facts", 0, "sources", 2])).toEqual(["title", "url"]);
    expect(fieldsAt(thanksSchema, [7])).toEqual(["id", "mentor", "message", "name", "date", "lang"]);
    // Where there is no group of fields, there is nothing to suggest.
    expect(fieldsAt(articleSchema, ["title"])).toEqual([]);
    expect(fieldsAt(articleSchema, ["nowhere", "deeper"])).toEqual([]);
  });

  it("suggests the nearest field of a day's source, three levels down", () => {
    const day = { about: { facts: [{ text: "A fact.", sources: [{ titel: "A source" }] }] } };
    const problems = checkWithSchema("_data/day.ts", day, daySchema).problems.map(formatProblem);
    expect(problems).toContain(
      '_data/day.ts: about.facts[0].sources[0].titel: expected a known field (did you mean "title"?), got "titel"',
    );
  });

  it("suggests the nearest key of a locale's group of words", () => {
    const problems = checkWithSchema("_data/locales/xx.ts", { thanks: { tittle: "Merci" } }, localeSchema).problems;
    expect(problems.map(formatProblem)).toContain(
      '_data/locales/xx.ts: thanks.tittle: expected a known field (did you mean "title"?), got "tittle"',
    );
  });
});
