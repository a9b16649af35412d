import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWithSchema, formatProblem } from "../../src/lib/content/check.ts";
import { readFrontMatter } from "../../src/lib/content/front-matter.ts";
import { commentsSchema, describeValue } from "../../src/lib/content/schemas.ts";
import { commentThreads, publicComments } from "../../src/lib/site/comments.ts";
import { commentsFileProblems, thanksFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { wallOfThanks } from "../../src/lib/site/thanks.ts";
import { nameKey, plainText } from "../../src/lib/words/plain-text.ts";
import { planImport } from "../../tools/comments-import/import-plan.ts";
import type { Submission } from "../../tools/comments-import/netlify-api.ts";
import { planThanksImport } from "../../tools/comments-import/thanks-plan.ts";
import { projectRoot } from "../helpers/project.ts";

// Text people send is shown as plain text where no markup can isolate it (<title>, og:title, meta,
// feeds, share texts, data attributes, cards, search): plainText takes out what could spoof a page
// there, and a name that reads as the site's own is refused.

interface Repeated {
  repeat: string;
  count: number;
  then?: Repeated;
}
interface Corpus {
  plainText: [string, string][];
  siteNames: { siteName: string; same: string[]; other: string[] };
  sizes: { accepted: Repeated[]; refused: Repeated[] };
}
const corpus = JSON.parse(readFileSync(join(projectRoot, "tests/fixtures/hostile-values.json"), "utf8")) as Corpus;
const { siteName } = corpus.siteNames;
const rules = { now: new Date("2026-12-01T00:00:00Z"), siteName };
const written = ({ repeat, count, then }: Repeated): string => repeat.repeat(count) + (then ? written(then) : "");

/** No character that reaches beyond itself (embeddings, overrides, isolates) or that no one can see and no script needs. */
const spoofing = /[\u202A-\u202E\u2066-\u2069\u2060-\u2064\u3164\uFFA0\uFEFF\p{Cc}]/u;

describe("plainText", () => {
  for (const [sent, shown] of corpus.plainText) {
    it(`shows ${describeValue(sent)} as ${describeValue(shown)}`, () => {
      expect(plainText(sent)).toBe(shown);
      // Once is enough: what it shows, it shows again as it is.
      expect(plainText(shown)).toBe(shown);
    });
  }

  it("leaves none of the characters that spoof a page, whatever the corpus sends", () => {
    for (const [sent] of corpus.plainText) expect(plainText(sent).replace(/\n|\t/g, ""), sent).not.toMatch(spoofing);
  });
});

describe("a name that reads as the site's own", () => {
  for (const name of corpus.siteNames.same) {
    it(`${describeValue(name)} is the site's name, and no comment or thanks may be signed with it`, () => {
      expect(nameKey(name)).toBe("internationalmentoringday");
      const comment = { id: "a1", name, date: "2026-11-30", text: "Hello" };
      expect(commentsFileProblems("_data/comments/home.json", [comment], rules).map(formatProblem)).toEqual([
        `_data/comments/home.json: [0].name: expected a name other than the site's own ("${siteName}"), got ${describeValue(name)}`,
      ]);
      const thanks = { id: "t1", mentor: name, name, message: "Thank you.", date: "2026-11-30" };
      const signed = thanksFileProblems("_data/thanks.json", [thanks], rules).filter((problem) =>
        problem.message.startsWith("expected a name other than the site's own"),
      );
      expect(signed.map((problem) => problem.field)).toEqual(["[0].mentor", "[0].name"]);
    });
  }

  for (const name of corpus.siteNames.other) {
    it(`${describeValue(name)} is not the site's name`, () => {
      expect(nameKey(name)).not.toBe(nameKey(siteName));
    });
  }

  it("is refused by the importer too, which leaves the submission at Netlify saying why", () => {
    const sent = (n: number, data: Record<string, unknown>) =>
      ({ id: `65d1${String(n).padStart(20, "0")}`, created_at: "2026-11-30T10:00:00Z", data }) as Submission;
    const plan = planImport({
      submissions: [sent(1, { page: "/", name: "Inter\u200Bnational Mentoring Day", comment: "Official." })],
      existing: new Map(),
      reviewed: new Map(),
      articles: new Map(),
      rules,
    });
    expect(plan.imported).toEqual([]);
    expect(plan.skipped.map((skipped) => skipped.problem)).toEqual([
      `name: expected a name other than the site's own ("${siteName}"), got "Inter\\u200Bnational Mentoring Day"`,
    ]);
    const thanksPlan = planThanksImport({
      submissions: [
        sent(2, { mentor: "Ama", name: "ＩＮＴＥＲＮＡＴＩＯＮＡＬ MENTORING DAY", message: "Hi", publish: "yes" }),
      ],
      existing: [],
      reviewed: new Map(),
      rules,
    });
    expect(thanksPlan.skipped.map((skipped) => skipped.problem)).toEqual([
      `name: expected a name other than the site's own ("${siteName}"), got "ＩＮＴＥＲＮＡＴＩＯＮＡＬ MENTORING DAY"`,
    ]);
  });
});

describe("sizes, counted in the characters people see", () => {
  const nameProblems = (name: string) =>
    checkWithSchema("_data/comments/home.json", [{ id: "a1", name, date: "2026-11-30", text: "Hi" }], commentsSchema)
      .problems;

  for (const size of corpus.sizes.accepted) {
    it(`takes a name of ${JSON.stringify(size)}`, () => {
      expect(nameProblems(written(size))).toEqual([]);
    });
  }
  for (const size of corpus.sizes.refused) {
    it(`refuses a name of ${JSON.stringify(size)}`, () => {
      expect(nameProblems(written(size)).map((problem) => problem.field)).toEqual(["[0].name"]);
    });
  }
});

describe("what the build shows of what people sent", () => {
  const hostile = "\u202EAma\u2066 \u3164Owusu\uFEFF";

  it("is plain text in the wall of thanks: mentor, message and name", () => {
    const [shown] = wallOfThanks([
      { id: "t1", mentor: hostile, message: `Thank you\u202E!\r\nReally.`, name: "\u3164", date: "2026-11-30" },
    ]);
    expect(shown).toMatchObject({ mentor: "Ama Owusu", message: "Thank you!\nReally." });
    // A name of invisible characters alone is no name.
    expect(shown).not.toHaveProperty("name");
  });

  it("is plain text in comments, their threads and the names replies answer", () => {
    const stored = [
      { id: "a1", name: hostile, date: "2026-11-30", text: `e\u0301cole\u202E` },
      { id: "b2", name: "Ben", date: "2026-11-30T10:00:00Z", text: "Yes", replyTo: "a1" },
      { id: "c3", name: "Cy", date: "2026-11-30T11:00:00Z", text: "No", replyTo: "b2" },
    ];
    expect(publicComments(stored)[0]).toMatchObject({ name: "Ama Owusu", text: "école" });
    expect(commentThreads(stored)[0]?.comment.name).toBe("Ama Owusu");
    expect(commentThreads(stored)[0]?.replies[1]?.answering).toEqual({ id: "b2", name: "Ben" });
    expect(commentThreads(stored)[0]?.replies[0]?.answering).toBeUndefined();
  });

  it("is plain text in every field of an article's front matter, for the check and the build alike", () => {
    const { data } = readFrontMatter(
      `---\ntitle: "\\u202Ereversed"\npeople:\n  - name: "Ad\\u2060min"\nquote:\n  text: "\\uFEFFWords"\n---\nBody\n`,
    );
    expect(data).toEqual({ title: "reversed", people: [{ name: "Admin" }], quote: { text: "Words" } });
  });
});
