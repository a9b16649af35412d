import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commentsFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import { writeAll } from "../../tools/comments-import/comment-files.ts";
import { type ArticleIndex, importSummary, pageFor, planImport } from "../../tools/comments-import/import-plan.ts";
import { nextPageUrl, retryDelaySeconds } from "../../tools/comments-import/netlify-api.ts";
import { fitting } from "../../tools/comments-import/submissions.ts";
import { commentSubmission, submissionId } from "../helpers/netlify-api.ts";
import { temporaryDir } from "../helpers/project.ts";

const articles: ArticleIndex = new Map([
  ["surgtime-telemedicine-mentoring", { draft: false }],
  ["scholarship-mentoring-stem", { draft: false }],
  ["work-in-progress", { draft: true }],
]);

const nothingYet = { existing: new Map(), reviewed: new Map(), articles };

describe("pageFor: the comments file a form's page field names", () => {
  it("is home for / and the article's file name for its address", () => {
    expect(pageFor("/", articles)).toEqual({ page: "home" });
    expect(pageFor("/articles/surgtime-telemedicine-mentoring/", articles)).toEqual({
      page: "surgtime-telemedicine-mentoring",
    });
  });

  it("takes the path prefix off when the site is built under one", () => {
    expect(pageFor("/mentoring-day/", articles, "/mentoring-day/")).toEqual({ page: "home" });
    expect(pageFor("/mentoring-day/articles/scholarship-mentoring-stem/", articles, "mentoring-day")).toEqual({
      page: "scholarship-mentoring-stem",
    });
    expect(pageFor("/articles/scholarship-mentoring-stem/", articles, "/mentoring-day/")).toEqual({
      page: "scholarship-mentoring-stem",
    });
  });

  it("names what is wrong with a page that has no comments file", () => {
    expect(pageFor("/articles/gone/", articles).problem).toBe(
      'page: expected a published article, got "/articles/gone/": there is no articles/gone.md',
    );
    expect(pageFor("/articles/work-in-progress/", articles).problem).toBe(
      'page: expected a published article, got "/articles/work-in-progress/": articles/work-in-progress.md is a draft',
    );
    expect(pageFor("/about/", articles).problem).toBe(
      'page: expected / or /articles/<name>/, the pages with comments, got "/about/"',
    );
    expect(pageFor(undefined, articles).problem).toBe(
      "page: expected the address of the page commented on, got nothing",
    );
    for (const path of ["/articles/../", "/articles/constructor/", "/articles/a/b/", "https://evil.example/"]) {
      expect(pageFor(path, articles).problem, path).toBeDefined();
    }
  });
});

describe("planImport", () => {
  it("makes each submission a comment of its page with id, name, date and text, and never the email address", () => {
    const submission = commentSubmission({ n: 1, page: "/articles/surgtime-telemedicine-mentoring/", name: " Ama " });
    const plan = planImport({ ...nothingYet, submissions: [submission] });
    expect([...plan.files]).toEqual([
      [
        "surgtime-telemedicine-mentoring",
        [{ id: submission.id, name: "Ama", date: submission.created_at, text: "Comment number 1." }],
      ],
    ]);
    expect(JSON.stringify([...plan.files])).not.toContain("@");
    expect(plan.reviewed).toEqual(new Map([[submission.id, "surgtime-telemedicine-mentoring"]]));
  });

  it("keeps a website only if it is an https:// address, and says which it left out", () => {
    const plan = planImport({
      ...nothingYet,
      submissions: [
        commentSubmission({ n: 1, website: "https://ama.example/" }),
        commentSubmission({ n: 2, website: "http://plain.example/" }),
        commentSubmission({ n: 3, website: "javascript:alert(1)" }),
      ],
    });
    expect(plan.files.get("home")?.map((comment) => comment.website)).toEqual([
      "https://ama.example/",
      undefined,
      undefined,
    ]);
    expect(importSummary(plan)).toContain(
      `2 websites left out, not being an https:// address (submission ${submissionId(2)}, submission ${submissionId(3)}).`,
    );
  });

  it("threads a reply to a comment of its page, and makes a reply to an unknown one a comment of its own", () => {
    const parent = commentSubmission({ n: 1 });
    const plan = planImport({
      ...nothingYet,
      existing: new Map([["home", [{ id: "older", name: "Kofi", date: "2027-01-17", text: "First!" }]]]),
      submissions: [
        commentSubmission({ n: 4, replyTo: "not-a-comment" }),
        commentSubmission({ n: 3, replyTo: "older" }),
        commentSubmission({ n: 2, replyTo: parent.id }),
        parent,
        commentSubmission({ n: 5, page: "/articles/scholarship-mentoring-stem/", replyTo: parent.id }),
      ],
    });
    expect(plan.files.get("home")?.map(({ id, replyTo }) => ({ id, replyTo }))).toEqual([
      { id: "older", replyTo: undefined },
      { id: parent.id, replyTo: undefined },
      { id: submissionId(2), replyTo: parent.id },
      { id: submissionId(3), replyTo: "older" },
      { id: submissionId(4), replyTo: undefined },
    ]);
    expect(plan.files.get("scholarship-mentoring-stem")?.[0]?.replyTo).toBeUndefined();
    expect(importSummary(plan)).toContain(
      `2 replies to a comment that is not on their page were imported as comments of their own (submission ${submissionId(4)} answers not-a-comment; submission ${submissionId(5)} answers ${parent.id}).`,
    );
  });

  it("skips, and lists, each submission the comments schema refuses or whose page has no comments", () => {
    const plan = planImport({
      ...nothingYet,
      submissions: [
        commentSubmission({ n: 1, comment: "   " }),
        commentSubmission({ n: 2, comment: "x".repeat(5001) }),
        commentSubmission({ n: 3, page: "/articles/gone/" }),
        commentSubmission({ n: 4, name: "" }),
        commentSubmission({ n: 5, extra: { "bot-field": "https://spam.example/" } }),
        commentSubmission({ n: 6 }),
      ],
    });
    expect(plan.imported).toEqual([{ id: submissionId(6), page: "home" }]);
    expect(plan.reviewed && [...plan.reviewed.keys()]).toEqual([submissionId(6)]);
    expect(importSummary(plan)).toEqual([
      "Imported 1 comment (home: 1).",
      "Skipped 5 submissions, left at Netlify (fix what is said and run again, or delete them there):",
      `- submission ${submissionId(1)} (2027-01-17, page "/"): text: expected the comment, got an empty value`,
      `- submission ${submissionId(2)} (2027-01-17, page "/"): text: expected at most 5000 characters, got 5001`,
      `- submission ${submissionId(3)} (2027-01-17, page "/articles/gone/"): page: expected a published article, got "/articles/gone/": there is no articles/gone.md`,
      `- submission ${submissionId(4)} (2027-01-17, page "/"): name: expected a name, got an empty value`,
      `- submission ${submissionId(5)} (2027-01-17, page "/"): bot-field: the hidden field people leave empty was filled in, as robots do`,
    ]);
  });

  it("adds nothing for a submission already in a file or reviewed before (deleted from the pull request)", () => {
    const inFile = commentSubmission({ n: 1 });
    const rejected = commentSubmission({ n: 2 });
    const existing = new Map([
      ["home", [{ id: inFile.id, name: "Edited by a moderator", date: inFile.created_at, text: "Kept as edited." }]],
    ]);
    const plan = planImport({
      existing,
      reviewed: new Map([
        [inFile.id, "home"],
        [rejected.id, "home"],
      ]),
      articles,
      submissions: [inFile, rejected],
    });
    expect(plan.files.size).toBe(0);
    expect(plan.reviewed).toBeUndefined();
    expect(importSummary(plan)).toEqual(["No new comments (2 submissions at Netlify were imported before)."]);
  });

  it("appends to a page's file, keeping its comments as they were", () => {
    const existing = new Map([["home", [{ id: "older", name: "Kofi", date: "2027-01-17", text: "First!" }]]]);
    const plan = planImport({ ...nothingYet, existing, submissions: [commentSubmission({ n: 1 })] });
    expect(plan.files.get("home")?.[0]).toBe(existing.get("home")?.[0]);
    expect(plan.files.get("home")).toHaveLength(2);
  });
});

describe("planImport, with files that cannot take everything", () => {
  const comment = (id: string) => ({ id, name: "Kofi", date: "2027-01-17", text: "Thank you." });

  it("fills a page up to the 1000 comments it may have, oldest first, and leaves the rest at Netlify in one line", () => {
    const existing = new Map([["home", Array.from({ length: 998 }, (_, index) => comment(`c${index}`))]]);
    const first = commentSubmission({ n: 1 });
    const plan = planImport({
      ...nothingYet,
      existing,
      submissions: [
        commentSubmission({ n: 5 }),
        commentSubmission({ n: 4, replyTo: first.id }),
        commentSubmission({ n: 3, website: "http://plain.example/" }),
        commentSubmission({ n: 2, replyTo: "gone" }),
        first,
        commentSubmission({ n: 6, page: "/articles/scholarship-mentoring-stem/" }),
      ],
    });
    expect(
      plan.files
        .get("home")
        ?.slice(998)
        .map(({ id }) => id),
    ).toEqual([first.id, submissionId(2)]);
    expect(commentsFileProblems("_data/comments/home.json", plan.files.get("home"))).toEqual([]);
    expect(plan.imported.map(({ id }) => id)).toEqual([first.id, submissionId(2), submissionId(6)]);
    expect([...(plan.reviewed?.keys() ?? [])]).toEqual([first.id, submissionId(2), submissionId(6)]);
    // Only what was imported is said to be: the website left out was on a comment that stays at Netlify.
    expect(importSummary(plan)).toEqual([
      "Imported 3 comments (home: 2, scholarship-mentoring-stem: 1).",
      `Left 3 submissions to home at Netlify: _data/comments/home.json cannot take them and pass the check (with one more: expected at most 1000 comments on one page, got 1001).`,
      `1 reply to a comment that is not on its page was imported as a comment of its own (submission ${submissionId(2)} answers gone).`,
    ]);
  });

  it("changes no file when a full page can take none", () => {
    const existing = new Map([["home", Array.from({ length: 1000 }, (_, index) => comment(`c${index}`))]]);
    const plan = planImport({ ...nothingYet, existing, submissions: [commentSubmission({ n: 1 })] });
    expect(plan.files.size).toBe(0);
    expect(plan.reviewed).toBeUndefined();
    expect(plan.leftOver.map(({ ids }) => ids)).toEqual([[submissionId(1)]]);
  });

  it("adds nothing to a file that does not pass the check, and takes its ids as seen", () => {
    const held = new Map([
      [
        "home",
        {
          file: "_data/comments/home.json",
          problems: [
            {
              file: "_data/comments/home.json",
              field: "[0].date",
              message: "expected a date, got 2027-01-18T10:00:00+24:00",
            },
            { file: "_data/comments/home.json", field: "[4].name", message: "expected a name, got an empty value" },
          ],
          ids: [submissionId(1)],
        },
      ],
    ]);
    const plan = planImport({
      ...nothingYet,
      held,
      submissions: [1, 2, 3].map((n) => commentSubmission({ n })),
    });
    expect(plan.files.size).toBe(0);
    expect(plan.known).toBe(1);
    expect(importSummary(plan)).toEqual([
      "No new comments (1 submission at Netlify was imported before).",
      "Left 2 submissions to home at Netlify: _data/comments/home.json does not pass the check as it is ([0].date: expected a date, got 2027-01-18T10:00:00+24:00, and 1 more problem); fix it, as npm run check:content says, and run again.",
    ]);
  });

  it("lists the first 20 submissions it skipped, and how many more", () => {
    const plan = planImport({
      ...nothingYet,
      submissions: Array.from({ length: 500 }, (_, index) => commentSubmission({ n: index + 1, comment: "" })),
    });
    const summary = importSummary(plan);
    expect(summary).toHaveLength(23);
    expect(summary.at(-1)).toBe("- and 480 more");
  });

  it("finds how many entries a file can take by halving, whatever the rule over the whole file", () => {
    const most = (limit: number) => (entries: number[]) =>
      entries.length > limit ? [{ file: "f.json", field: "", message: `at most ${limit}` }] : [];
    expect(fitting([1, 2], [3, 4, 5], most(10))).toEqual({ count: 3 });
    expect(fitting([1, 2], [3, 4, 5, 6, 7], most(4))).toEqual({
      count: 2,
      problem: { file: "f.json", field: "", message: "at most 4" },
    });
    expect(fitting([1, 2], [3], most(2)).count).toBe(0);
    for (let limit = 2; limit <= 40; limit++)
      expect(fitting([1, 2], Array(37).fill(0), most(limit)).count).toBe(Math.min(37, limit - 2));
  });
});

describe("writeAll", () => {
  it("writes nothing when a file would not pass the content check", async () => {
    const dir = await temporaryDir("imd-write-all-");
    const good = JSON.stringify([{ id: "a", name: "Ama", date: "2027-01-17", text: "Hi" }]);
    const bad = JSON.stringify([{ id: "b", name: "Kofi", date: "2027-01-17", text: "Hi", replyTo: "nobody" }]);
    await expect(
      writeAll(
        dir,
        new Map([
          ["_data/comments/home.json", good],
          ["_data/comments/other.json", bad],
        ]),
      ),
    ).rejects.toThrow(
      'Nothing was written: the import would have made a file the content check refuses (_data/comments/other.json: [0].replyTo: expected the id of a comment on this page, got "nobody").',
    );
    expect(existsSync(join(dir, "_data"))).toBe(false);
    await rm(dir, { recursive: true });
  });
});

describe("the Netlify client's rules", () => {
  it("follows rel=next in a Link header, and stops on the last page", () => {
    const current = "https://api.netlify.com/api/v1/forms/f/submissions?page=2&per_page=100";
    expect(
      nextPageUrl(
        '<https://api.netlify.com/api/v1/forms/f/submissions?page=1&per_page=100>; rel="first", <https://api.netlify.com/api/v1/forms/f/submissions?page=3&per_page=100>; rel="next", <https://api.netlify.com/api/v1/forms/f/submissions?page=5&per_page=100>; rel="last"',
        current,
      ),
    ).toBe("https://api.netlify.com/api/v1/forms/f/submissions?page=3&per_page=100");
    expect(nextPageUrl("</api/v1/forms/f/submissions?page=3>; rel=next", current)).toBe(
      "https://api.netlify.com/api/v1/forms/f/submissions?page=3",
    );
    expect(nextPageUrl('<https://api.netlify.com/x?page=1>; rel="prev"', current)).toBeUndefined();
    expect(nextPageUrl(null, current)).toBeUndefined();
  });

  it("waits as a 429 says: Retry-After in seconds or as a date, else until X-RateLimit-Reset", () => {
    const now = Date.UTC(2027, 0, 17, 9, 0, 0);
    expect(retryDelaySeconds(new Headers({ "Retry-After": "7" }), now, 1)).toBe(7);
    expect(retryDelaySeconds(new Headers({ "Retry-After": new Date(now + 3000).toUTCString() }), now, 1)).toBe(3);
    expect(retryDelaySeconds(new Headers({ "X-RateLimit-Reset": String(now / 1000 + 42) }), now, 1)).toBe(42);
    expect(retryDelaySeconds(new Headers({ "X-RateLimit-Reset": String(now / 1000 - 5) }), now, 1)).toBe(0);
    expect(retryDelaySeconds(new Headers(), now, 3)).toBe(3);
  });
});
