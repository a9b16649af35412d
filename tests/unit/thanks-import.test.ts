import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { thanksSchema } from "../../src/lib/content/schemas.ts";
import { thanksFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { planThanksImport, thanksImportSummary } from "../../tools/comments-import/thanks-plan.ts";
import {
  commentSubmission,
  fakeNetlifyPerTest,
  runImporter,
  submissionId,
  thanksSubmission,
} from "../helpers/netlify-api.ts";
import { temporaryDir } from "../helpers/project.ts";

const netlify = fakeNetlifyPerTest();

const thanksId = (n: number) => thanksSubmission({ n }).id;

describe("planThanksImport", () => {
  it("imports, oldest first, only the thanks whose sender agreed to publication, with no email and no design", () => {
    const plan = planThanksImport({
      submissions: [
        thanksSubmission({ n: 2, mentor: "ليلى", message: "شكرًا لك.", name: "أحمد" }),
        thanksSubmission({ n: 1, mentor: "Dr Amara Okafor", message: "Thank you\r\nfor everything." }),
        thanksSubmission({ n: 3, publish: false }),
        thanksSubmission({ n: 4, extra: { "bot-field": "http://spam.example/" } }),
        thanksSubmission({ n: 5, message: "Thank you ❤️" }),
        thanksSubmission({ n: 6, message: "x".repeat(281) }),
      ],
      existing: [],
      reviewed: new Map(),
    });
    expect(plan.thanks).toEqual([
      {
        id: thanksId(1),
        mentor: "Dr Amara Okafor",
        message: "Thank you\nfor everything.",
        date: thanksSubmission({ n: 1 }).created_at,
      },
      {
        id: thanksId(2),
        mentor: "ليلى",
        message: "شكرًا لك.",
        name: "أحمد",
        date: thanksSubmission({ n: 2 }).created_at,
      },
    ]);
    expect(thanksSchema.safeParse(plan.thanks).success).toBe(true);
    expect(JSON.stringify(plan.thanks)).not.toMatch(/@|design|teal/);
    expect(plan.skipped.map(({ id, problem }) => [id, problem])).toEqual([
      [thanksId(3), "publish: expected the box agreeing to publication ticked, got nothing"],
      [thanksId(4), "bot-field: the hidden field people leave empty was filled in, as robots do"],
      [thanksId(5), expect.stringMatching(/^message: expected characters the social card's typefaces .* got "❤/)],
      [thanksId(6), "message: expected at most 280 characters, got 281"],
    ]);
    expect(plan.reviewed).toEqual(
      new Map([
        [thanksId(1), "thank-your-mentor"],
        [thanksId(2), "thank-your-mentor"],
      ]),
    );
    expect(thanksImportSummary(plan)[0]).toBe("Imported 2 thanks for the wall (_data/thanks.json).");
  });

  it("carries the language a sender chose for the card; the check decides what a language is", () => {
    const plan = planThanksImport({
      submissions: [
        thanksSubmission({ n: 1, message: "Merci.", extra: { lang: "fr" } }),
        thanksSubmission({ n: 2, message: "شكرًا.", extra: { lang: "" } }),
        thanksSubmission({ n: 3, extra: { lang: "zh-Hant-TW" } }),
        thanksSubmission({ n: 4, extra: { lang: "<script>" } }),
        thanksSubmission({ n: 5, extra: { lang: "klingon!" } }),
      ],
      existing: [],
      reviewed: new Map(),
    });
    expect(plan.thanks?.map((thanks) => [thanks.id, thanks.lang])).toEqual([
      [thanksId(1), "fr"],
      // "As the message": no language of its own.
      [thanksId(2), undefined],
      [thanksId(3), "zh-Hant-TW"],
    ]);
    expect(plan.thanks?.[1]).not.toHaveProperty("lang");
    expect(thanksSchema.safeParse(plan.thanks).success).toBe(true);
    expect(plan.skipped.map(({ id, problem }) => [id, problem])).toEqual([
      [thanksId(4), 'lang: expected a language tag like ar, zh-Hans or pt-BR, got "<script>"'],
      [thanksId(5), 'lang: expected a language tag like ar, zh-Hans or pt-BR, got "klingon!"'],
    ]);
  });

  it("fills the wall up to the 10000 thanks it may have; the rest stay at Netlify, in one line", () => {
    const existing = Array.from({ length: 9998 }, (_, index) => ({
      id: `t${index}`,
      mentor: "Ama",
      message: "Thank you.",
      date: "2027-01-17",
    }));
    const plan = planThanksImport({
      submissions: [1, 2, 3, 4].map((n) => thanksSubmission({ n })),
      existing,
      reviewed: new Map(),
    });
    expect(plan.imported).toEqual([thanksId(1), thanksId(2)]);
    expect(plan.thanks).toHaveLength(10_000);
    expect(thanksFileProblems("_data/thanks.json", plan.thanks)).toEqual([]);
    expect(thanksImportSummary(plan)).toEqual([
      "Imported 2 thanks for the wall (_data/thanks.json).",
      "Left 2 thanks at Netlify: _data/thanks.json cannot take them and pass the check (with one more: expected at most 10000 thanks, got 10001).",
    ]);
  });

  it("never imports again a thanks on the wall or one a moderator deleted (reviewed.json)", () => {
    const existing = [{ id: thanksId(1), mentor: "Ama", message: "Thanks.", date: "2027-01-17" }];
    const plan = planThanksImport({
      submissions: [thanksSubmission({ n: 1 }), thanksSubmission({ n: 2 })],
      existing,
      reviewed: new Map([[thanksId(2), "thank-your-mentor"]]),
    });
    expect(plan.thanks).toBeUndefined();
    expect(plan.reviewed).toBeUndefined();
    expect(thanksImportSummary(plan)).toEqual([
      "No new thanks (2 submissions of the thanks form were imported before).",
    ]);
  });
});

/** A project folder with what the importer reads. */
async function project(thanks?: string): Promise<string> {
  const dir = await temporaryDir("imd-thanks-import-");
  await mkdir(join(dir, "articles"));
  await mkdir(join(dir, "_data/comments"), { recursive: true });
  if (thanks !== undefined) await writeFile(join(dir, "_data/thanks.json"), thanks);
  return dir;
}

/** `npm run comments:import -- …args` in `dir`, against the test's fake API. */
const runImport = (dir: string, ...args: string[]) => runImporter(dir, netlify.current, {}, ...args);

describe("npm run comments:import with the thanks form", { timeout: 30_000 }, () => {
  it("imports both forms in one run, into the comments files and _data/thanks.json, and reviewed.json for both", async () => {
    await netlify.start({
      submissions: [commentSubmission({ n: 1, page: "/" })],
      thanks: [
        thanksSubmission({ n: 1, mentor: "王老师", message: "谢谢您的耐心指导。", name: "李明" }),
        thanksSubmission({ n: 2, publish: false }),
      ],
    });
    const dir = await project();
    const run = await runImport(dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "Imported 1 comment (home: 1).",
      "Imported 1 thanks for the wall (_data/thanks.json).",
      "Skipped 1 thanks, left at Netlify (fix what is said and run again, or delete it there):",
      `- submission ${thanksId(2)} (2027-01-17): publish: expected the box agreeing to publication ticked, got nothing`,
    ]);
    const thanks = JSON.parse(await readFile(join(dir, "_data/thanks.json"), "utf8"));
    expect(thanks).toEqual([
      {
        id: thanksId(1),
        mentor: "王老师",
        message: "谢谢您的耐心指导。",
        name: "李明",
        date: thanksSubmission({ n: 1 }).created_at,
      },
    ]);
    const reviewed = JSON.parse(await readFile(join(dir, "tools/comments-import/reviewed.json"), "utf8"));
    expect(reviewed).toEqual({ [submissionId(1)]: "home", [thanksId(1)]: "thank-your-mentor" });

    // Merged: the thanks on the wall is deleted at Netlify with the comment; the one without consent stays.
    const deleting = await runImport(dir, "--delete-published");
    expect(deleting.code).toBe(0);
    expect(netlify.deleted.sort()).toEqual([submissionId(1), thanksId(1)].sort());
    expect(netlify.remaining().map((submission) => submission.id)).toEqual([thanksId(2)]);
  });

  it("leaves _data/thanks.json alone while it does not pass the check, says which field, and imports the comments", async () => {
    await netlify.start({
      submissions: [commentSubmission({ n: 1, page: "/" })],
      thanks: [thanksSubmission({ n: 1 }), thanksSubmission({ n: 2 })],
    });
    const broken = '[{ "id": "a", "mentor": "", "message": "Hi", "date": "2027-01-17" }]\n';
    const dir = await project(broken);
    const run = await runImport(dir);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      "Imported 1 comment (home: 1).",
      "No new thanks.",
      "Left 2 thanks at Netlify: _data/thanks.json does not pass the check as it is ([0].mentor: expected the mentor's name, got an empty value); fix it, as npm run check:content says, and run again.",
    ]);
    expect(await readFile(join(dir, "_data/thanks.json"), "utf8")).toBe(broken);
  });
});
