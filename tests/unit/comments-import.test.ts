import { describe, expect, it } from "vitest";
import { type ArticleIndex, importSummary, pageFor, planImport } from "../../tools/comments-import/import-plan.ts";
import { nextPageUrl, retryDelaySeconds } from "../../tools/comments-import/netlify-api.ts";
import { commentSubmission, submissionId } from "../helpers/netlify-api.ts";

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
