import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/check.ts";
import { describeValue } from "../../src/lib/content/schemas.ts";
import { httpsUrlProblem, isHttpsUrl } from "../../src/lib/publishing/urls.ts";
import { publicComments } from "../../src/lib/site/comments.ts";
import { sentAt } from "../../src/lib/site/stored-entries.ts";
import { commentsFileProblems, thanksFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { wallOfThanks } from "../../src/lib/site/thanks.ts";
import { latestDate, parseDay, parseDayOrMoment, parseOffset } from "../../src/lib/words/dates.ts";
import { plainText } from "../../src/lib/words/plain-text.ts";
import { readEntryRules } from "../../tools/comments-import/comment-files.ts";
import { planImport } from "../../tools/comments-import/import-plan.ts";
import type { Submission } from "../../tools/comments-import/netlify-api.ts";
import { planThanksImport } from "../../tools/comments-import/thanks-plan.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

// One reader for each kind of value a contributor or a form sends (dates, offsets, web addresses,
// ids): the content check, the importer and the build read each the same way, so that no value the
// check accepts stops the build, and no value the importer writes is refused by the check.

interface Corpus {
  dates: { accepted: string[]; refused: string[]; future: string[] };
  urls: { accepted: string[]; refused: string[] };
  ids: { accepted: string[]; refused: string[] };
}
const corpus = JSON.parse(readFileSync(join(projectRoot, "tests/fixtures/hostile-values.json"), "utf8")) as Corpus;

/** The tests' clock, as their SOURCE_DATE_EPOCH: 1 December 2026. */
const now = new Date("2026-12-01T00:00:00Z");
const rules = { now, siteName: "International Mentoring Day" };
const comments = "_data/comments/home.json";
const thanks = "_data/thanks.json";

const aComment = (fields: Record<string, unknown>) => ({
  id: "a1",
  name: "Ama",
  date: "2026-11-30",
  text: "Thank you.",
  ...fields,
});
const aThanks = (fields: Record<string, unknown>) => ({
  id: "t1",
  mentor: "Kofi",
  message: "Thank you.",
  date: "2026-11-30",
  ...fields,
});

/** A submission of the comment form (or, with `form: "thanks"`, of the thanks form) as Netlify's API sends it. */
function submission(n: number, createdAt: string, data: Record<string, unknown>): Submission {
  return { id: `65c1${n.toString(16).padStart(20, "0")}`, created_at: createdAt, data } as Submission;
}

/** What each of the three makes of a comment with `fields`: the check's lines, whether the importer takes it, and the page's comment. */
function readByAll(fields: Record<string, unknown>) {
  const checked = commentsFileProblems(comments, [aComment(fields)], rules).map(formatProblem);
  const date = typeof fields.date === "string" ? fields.date : "2026-11-30T10:00:00Z";
  const plan = planImport({
    submissions: [
      submission(1, date, {
        page: "/",
        name: "Ama",
        comment: "Thank you.",
        ...(typeof fields.website === "string" ? { website: fields.website } : {}),
      }),
    ],
    existing: new Map(),
    reviewed: new Map(),
    articles: new Map(),
    rules,
  });
  const thanksPlan = planThanksImport({
    submissions: [submission(2, date, { mentor: "Kofi", message: "Thank you.", publish: "yes" })],
    existing: [],
    reviewed: new Map(),
    rules,
  });
  return { checked, plan, thanksPlan };
}

describe("dates: one reader (parseDayOrMoment) for the check, the importer and the build", () => {
  for (const date of corpus.dates.accepted) {
    it(`reads ${describeValue(date)} alike everywhere: the check and the importer take it, the build shows it`, () => {
      const { checked, plan, thanksPlan } = readByAll({ date });
      expect(checked).toEqual([]);
      expect(plan.imported).toHaveLength(1);
      expect(thanksPlan.imported).toHaveLength(1);
      const read = parseDayOrMoment(date) as Date;
      expect(Number.isNaN(read.getTime())).toBe(false);
      // What the build makes of it: <time datetime> and its sort, never "Invalid time value".
      const shown = sentAt(date);
      expect(shown.date).toEqual(read);
      expect(shown.dateTime).toBe(parseDay(date) ? date : read.toISOString());
      expect(publicComments([aComment({ date })])[0]?.dateTime).toBe(shown.dateTime);
      expect(wallOfThanks([aThanks({ date })])[0]?.dateTime).toBe(shown.dateTime);
    });
  }

  for (const date of corpus.dates.refused) {
    it(`refuses ${describeValue(date)} everywhere, in one line: the check, the importer, and the build's reader`, () => {
      const { checked, plan, thanksPlan } = readByAll({ date });
      expect(checked).toHaveLength(1);
      expect(checked[0]).toMatch(
        /^_data\/comments\/home\.json: \[0\]\.date: expected (a date like|an offset from UTC)/,
      );
      expect(plan.imported).toEqual([]);
      expect(plan.skipped.map((skipped) => skipped.problem)).toEqual([checked[0]?.split("[0].")[1]]);
      expect(thanksPlan.imported).toEqual([]);
      expect(parseDayOrMoment(date)).toBeUndefined();
      expect(() => sentAt(date)).toThrow(/^expected a date like/);
    });
  }

  for (const date of corpus.dates.future) {
    it(`refuses ${describeValue(date)}, after the day after the build's, in the check and the importer`, () => {
      const { checked, plan, thanksPlan } = readByAll({ date });
      const line = `${comments}: [0].date: expected a date no later than a day after the build's clock (2026-12-02T00:00:00Z), got ${describeValue(date)}`;
      expect(checked).toEqual([line]);
      expect(plan.skipped.map((skipped) => skipped.problem)).toEqual([line.split("[0].")[1]]);
      expect(thanksPlan.skipped).toHaveLength(1);
      expect(thanksFileProblems(thanks, [aThanks({ date })], rules).map(formatProblem)).toEqual([
        line.replace(comments, thanks),
      ]);
    });
  }

  it("says what is wrong with an offset no place on Earth keeps", () => {
    expect(commentsFileProblems(comments, [aComment({ date: "2027-01-18T10:00:00+24:00" })])).toEqual([
      {
        file: comments,
        field: "[0].date",
        message: 'expected an offset from UTC between -12:00 and +14:00 (or Z), got "2027-01-18T10:00:00+24:00"',
      },
    ]);
  });

  it("reads offsets from -12:00 to +14:00, in minutes", () => {
    expect([parseOffset("Z"), parseOffset("+05:45"), parseOffset("-03:30"), parseOffset("+14:00")]).toEqual([
      0, 345, -210, 840,
    ]);
    expect(parseOffset("-12:00")).toBe(-720);
    for (const refused of ["+24:00", "+14:01", "-12:01", "+05:60", "+0530", "+05", "z", "", "UTC", "+5:30"]) {
      expect(parseOffset(refused), refused).toBeUndefined();
    }
  });

  it("dates content no later than the day after the build's: somewhere on Earth it is that day already", () => {
    expect(latestDate(now)).toEqual(new Date("2026-12-02T00:00:00Z"));
  });
});

describe("web addresses: one check (httpsUrlProblem) for the check, the importer and the build", () => {
  for (const url of corpus.urls.accepted) {
    it(`takes ${describeValue(url)} as a website everywhere`, () => {
      const { checked, plan } = readByAll({ website: url });
      expect(checked).toEqual([]);
      expect(plan.websitesLeftOut).toEqual([]);
      expect(plan.files.get("home")?.[0]?.website).toBe(url);
      expect(publicComments([aComment({ website: url })])[0]?.website).toBe(url);
    });
  }

  for (const url of corpus.urls.refused) {
    it(`refuses ${describeValue(url)} everywhere: the check says why, the importer leaves it out, no page links to it`, () => {
      expect(isHttpsUrl(url)).toBe(false);
      const { checked, plan } = readByAll({ website: url });
      expect(checked).toEqual([`${comments}: [0].website: ${httpsUrlProblem(url)}, got ${describeValue(url)}`]);
      // The importer reads the form's field as plain text first (no space at its ends, no control or
      // bidi character): it keeps the comment, with what is left of the address only if the check takes that.
      expect(plan.imported).toHaveLength(1);
      const kept = plan.files.get("home")?.[0]?.website;
      if (kept !== undefined) expect([kept, isHttpsUrl(kept)]).toEqual([plainText(url), true]);
      expect(publicComments([aComment({ website: url })])[0]).not.toHaveProperty("website");
    });
  }

  it("names the trick of an address with a user name: the browser goes to the host after the @", () => {
    expect(httpsUrlProblem("https://the-site@evil.example/")).toBe(
      "expected an https:// address with no name@ before its host (the browser would go to the host after the @)",
    );
    expect(httpsUrlProblem(`https://${"a".repeat(2000)}.example/`)).toBe(
      "expected an address of at most 2000 characters",
    );
  });
});

describe("ids: one definition for comments, replies and thanks", () => {
  for (const id of corpus.ids.accepted) {
    it(`takes ${describeValue(id)} as the id of a comment, of a reply's comment and of a thanks`, () => {
      expect(
        commentsFileProblems(comments, [aComment({ id }), aComment({ id: `${id}x`, replyTo: id })], rules),
      ).toEqual([]);
      expect(thanksFileProblems(thanks, [aThanks({ id })], rules)).toEqual([]);
    });
  }

  for (const id of corpus.ids.refused) {
    it(`refuses ${describeValue(id)} as the id of a comment, of a reply's comment and of a thanks`, () => {
      const message = /^expected an id of letters, digits, - or _, got /;
      expect(commentsFileProblems(comments, [aComment({ id })], rules).map((problem) => problem.message)).toEqual([
        expect.stringMatching(message),
      ]);
      expect(
        commentsFileProblems(comments, [aComment({}), aComment({ id: "b2", replyTo: id })], rules).map(
          (problem) => `${problem.field}: ${problem.message}`,
        ),
      ).toContainEqual(expect.stringMatching(/^\[1\]\.replyTo: expected an id of letters/));
      expect(thanksFileProblems(thanks, [aThanks({ id })], rules).map((problem) => problem.message)).toEqual([
        expect.stringMatching(message),
      ]);
    });
  }

  it("refuses two thanks whose ids differ only in letter case: their pages would be one folder on Windows and macOS", () => {
    expect(
      thanksFileProblems(thanks, [aThanks({ id: "Ab" }), aThanks({ id: "ab" })], rules).map(formatProblem),
    ).toEqual([
      `${thanks}: [1].id: expected an id no other thanks has, got "ab", the id of [0] in other letter case ("Ab")`,
    ]);
  });
});

describe("the importer's rules", () => {
  it("are the check's: the build's clock, and the site's name from the project's _data/site.ts", async () => {
    const project = await temporaryDir("imd-site-name-");
    await mkdir(join(project, "_data"));
    await writeFile(join(project, "_data/site.ts"), 'export default { name: "Ad\\u200Bmin", language: "en" };\n');
    const before = Date.now();
    const { now: clock, siteName } = await readEntryRules(project);
    expect(siteName).toBe("Ad\u200Bmin");
    expect(clock?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // A folder without _data/site.ts (the importer's tests') has no name to refuse.
    expect((await readEntryRules(await temporaryDir("imd-no-site-"))).siteName).toBeUndefined();
  });
});
