import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commentsFileProblems } from "../../src/lib/site/stored-entry-checks.ts";
import {
  closedAddress,
  commentSubmission,
  fakeNetlifyPerTest,
  runImporter,
  submissionId,
} from "../helpers/netlify-api.ts";
import { temporaryDir } from "../helpers/project.ts";

const article = "surgtime-telemedicine-mentoring";
const netlify = fakeNetlifyPerTest();

/** A project folder with what the importer reads: two articles (one a draft) and the comments files. */
async function project(comments: Record<string, string> = {}): Promise<string> {
  const dir = await temporaryDir("imd-comments-import-");
  await mkdir(join(dir, "articles"));
  await mkdir(join(dir, "_data/comments"), { recursive: true });
  await writeFile(join(dir, `articles/${article}.md`), "---\ntitle: SurgTime\n---\nBody.\n");
  await writeFile(join(dir, "articles/coming-soon.md"), "---\ntitle: Soon\ndraft: true\n---\nBody.\n");
  for (const [name, text] of Object.entries(comments)) await writeFile(join(dir, "_data/comments", name), text);
  return dir;
}

/** Every file the importer may write, path → text. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(join(dir, "_data/comments"))) {
    files[`_data/comments/${name}`] = await readFile(join(dir, "_data/comments", name), "utf8");
  }
  const reviewed = await readFile(join(dir, "tools/comments-import/reviewed.json"), "utf8").catch(() => undefined);
  if (reviewed !== undefined) files["tools/comments-import/reviewed.json"] = reviewed;
  return files;
}

/** `npm run comments:import -- …args` in `dir`, as a maintainer or the workflow runs it, against the test's fake API. */
const runImport = (dir: string, env: Record<string, string | undefined>, ...args: string[]) =>
  runImporter(dir, netlify.current, env, ...args);

const submissions = () => [
  commentSubmission({ n: 1, page: "/", name: "Ama Owusu", comment: "My mentor changed my life." }),
  commentSubmission({ n: 2, page: `/articles/${article}/`, website: "https://kofi.example/" }),
  commentSubmission({
    n: 3,
    page: `/articles/${article}/`,
    replyTo: submissionId(2),
    website: "http://plain.example/",
  }),
  commentSubmission({ n: 4, page: "/", comment: "" }),
  commentSubmission({ n: 5, page: "/articles/coming-soon/" }),
  commentSubmission({ n: 6, page: "/", replyTo: submissionId(77) }),
];

// Each test runs the CLI once or twice as a child process: seconds, when the machine is busy.
describe("npm run comments:import", { timeout: 30_000 }, () => {
  it("writes each new verified comment to its page's file, with no email address, and lists what it skipped", async () => {
    await netlify.start({
      submissions: submissions(),
      spam: [commentSubmission({ n: 50 })],
    });
    const dir = await project();
    const run = await runImport(dir, {});
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      `Imported 4 comments (home: 2, ${article}: 2).`,
      "Skipped 2 submissions, left at Netlify (fix what is said and run again, or delete them there):",
      `- submission ${submissionId(4)} (2027-01-17, page "/"): text: expected the comment, got an empty value`,
      `- submission ${submissionId(5)} (2027-01-17, page "/articles/coming-soon/"): page: expected a published article, got "/articles/coming-soon/": articles/coming-soon.md is a draft`,
      `1 reply to a comment that is not on its page was imported as a comment of its own (submission ${submissionId(6)} answers ${submissionId(77)}).`,
      `1 website left out, not being an https:// address (submission ${submissionId(3)}).`,
    ]);

    const files = await filesOf(dir);
    expect(Object.keys(files).sort()).toEqual([
      "_data/comments/home.json",
      `_data/comments/${article}.json`,
      "tools/comments-import/reviewed.json",
    ]);
    expect(JSON.parse(files["_data/comments/home.json"]!)).toEqual([
      { id: submissionId(1), name: "Ama Owusu", date: "2027-01-17T08:01:00.250Z", text: "My mentor changed my life." },
      { id: submissionId(6), name: "Visitor 6", date: "2027-01-17T08:06:00.250Z", text: "Comment number 6." },
    ]);
    expect(JSON.parse(files[`_data/comments/${article}.json`]!)).toEqual([
      {
        id: submissionId(2),
        name: "Visitor 2",
        date: "2027-01-17T08:02:00.250Z",
        text: "Comment number 2.",
        website: "https://kofi.example/",
      },
      {
        id: submissionId(3),
        name: "Visitor 3",
        date: "2027-01-17T08:03:00.250Z",
        text: "Comment number 3.",
        replyTo: submissionId(2),
      },
    ]);
    for (const text of Object.values(files)) {
      expect(text).not.toContain("@");
      expect(text).not.toContain("Comment number 50");
    }
    expect(netlify.requests.some((request) => request.includes("state=spam"))).toBe(false);
    expect(netlify.deleted).toEqual([]);
  });

  it("adds nothing when run again: the files stay byte for byte the same", async () => {
    await netlify.start({ submissions: submissions() });
    const dir = await project();
    await runImport(dir, {});
    const before = await filesOf(dir);
    const again = await runImport(dir, {});
    expect(again.code).toBe(0);
    expect(again.stdout.split("\n")[0]).toBe("No new comments (4 submissions at Netlify were imported before).");
    expect(await filesOf(dir)).toEqual(before);
  });

  it("does not bring back a comment a moderator deleted from the files", async () => {
    await netlify.start({ submissions: submissions().slice(0, 2) });
    const dir = await project();
    await runImport(dir, {});
    await writeFile(join(dir, `_data/comments/${article}.json`), "[]\n");
    const again = await runImport(dir, {});
    expect(again.stdout.split("\n")[0]).toBe("No new comments (2 submissions at Netlify were imported before).");
    expect(await readFile(join(dir, `_data/comments/${article}.json`), "utf8")).toBe("[]\n");
  });

  it("reads all 250 submissions over three pages, keeping the files' earlier comments as they were", async () => {
    const earlier = '[{ "id": "older", "name": "Kofi", "date": "2027-01-17", "text": "First!" }]\n';
    await netlify.start({
      submissions: Array.from({ length: 250 }, (_, index) => commentSubmission({ n: index + 1 })),
    });
    const dir = await project({ "home.json": earlier });
    const run = await runImport(dir, {});
    expect(run.stdout.split("\n")[0]).toBe("Imported 250 comments (home: 250).");
    const home = JSON.parse(await readFile(join(dir, "_data/comments/home.json"), "utf8"));
    expect(home).toHaveLength(251);
    expect(home[0]).toEqual(JSON.parse(earlier)[0]);
    expect(netlify.requests.filter((request) => request.includes("/submissions"))).toHaveLength(3);
  });

  it("--delete-imported deletes at Netlify exactly the submissions whose comments are in the files", async () => {
    await netlify.start({ submissions: submissions() });
    const dir = await project();
    await runImport(dir, {});
    // A moderator rejects one comment (deletes it from the file) and approves the rest.
    const file = join(dir, "_data/comments/home.json");
    const home = JSON.parse(await readFile(file, "utf8")) as { id: string }[];
    await writeFile(
      file,
      `${JSON.stringify(
        home.filter((comment) => comment.id !== submissionId(6)),
        null,
        2,
      )}\n`,
    );
    const run = await runImport(dir, {}, "--delete-imported");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").at(-1)).toBe(
      "Deleted 3 submissions at Netlify, email addresses and all: their comments are in the comments files.",
    );
    expect(netlify.deleted.sort()).toEqual([submissionId(1), submissionId(2), submissionId(3)]);
    // The skipped ones and the rejected one stay at Netlify.
    expect(
      netlify
        .remaining()
        .map((submission) => submission.id)
        .sort(),
    ).toEqual([submissionId(4), submissionId(5), submissionId(6)]);
  });

  it("--delete-published imports nothing and deletes only what the files already hold", async () => {
    await netlify.start({ submissions: submissions() });
    const published = `[{ "id": "${submissionId(1)}", "name": "Ama", "date": "2027-01-17", "text": "Hi." }]\n`;
    const dir = await project({ "home.json": published });
    const run = await runImport(dir, {}, "--delete-published");
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      "Deleted 1 submission at Netlify, email addresses and all: its comment is in the comments files.",
    );
    expect(netlify.deleted).toEqual([submissionId(1)]);
    expect(await filesOf(dir)).toEqual({ "_data/comments/home.json": published });
  });
});

describe("npm run comments:import when something is wrong: one line, exit 1, no file touched", {
  timeout: 30_000,
}, () => {
  const earlier = '[{ "id": "older", "name": "Kofi", "date": "2027-01-17", "text": "First!" }]\n';

  async function failsLeavingFiles(env: Record<string, string | undefined>, args: string[] = []) {
    const dir = await project({ "home.json": earlier });
    const run = await runImport(dir, env, ...args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(await filesOf(dir)).toEqual({ "_data/comments/home.json": earlier });
    return run.stderr.trim();
  }

  it("names a missing environment variable", async () => {
    expect(await failsLeavingFiles({ NETLIFY_AUTH_TOKEN: undefined })).toMatch(
      /^NETLIFY_AUTH_TOKEN is not set: the importer needs a Netlify personal access token/,
    );
    expect(await failsLeavingFiles({ NETLIFY_AUTH_TOKEN: "", NETLIFY_SITE_ID: undefined })).toMatch(
      /^NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID are not set/,
    );
  });

  it("says the token was refused (401) or the site is unknown (404)", async () => {
    await netlify.start({ submissions: submissions() });
    expect(await failsLeavingFiles({ NETLIFY_AUTH_TOKEN: "expired" })).toMatch(/^Netlify refused the token \(401/);
    expect(await failsLeavingFiles({ NETLIFY_SITE_ID: "another-site" })).toMatch(
      /^Netlify knows no site "another-site" \(404 Not Found\)/,
    );
  });

  it("gives up after five 429s in a row, however often Netlify says to wait no time", async () => {
    await netlify.start({
      submissions: submissions(),
      rateLimit: { times: Infinity, headers: { "Retry-After": "0" } },
    });
    expect(await failsLeavingFiles({})).toBe(
      "Netlify's API refused 5 tries in a row as too many requests (429): try again in a few minutes.",
    );
    expect(netlify.requests).toHaveLength(5);
  });

  it("writes nothing when a later page of submissions fails, after the first came", async () => {
    await netlify.start({
      submissions: Array.from({ length: 250 }, (_, index) => commentSubmission({ n: index + 1 })),
      rateLimit: { after: 2, times: Infinity, headers: { "Retry-After": "0" } },
    });
    expect(await failsLeavingFiles({})).toMatch(/\(429\)/);
    expect(netlify.requests[1]).toContain("page=1");
  });

  it("says Netlify cannot be reached when nothing answers", async () => {
    const url = await closedAddress();
    expect(await failsLeavingFiles({ NETLIFY_API_URL: url })).toBe(
      `Cannot reach Netlify's API at ${url}: the connection was refused (ECONNREFUSED).`,
    );
  });

  it("refuses an option it does not know", async () => {
    expect(await failsLeavingFiles({}, ["--delete-all"])).toMatch(/^Unknown option '--delete-all'/);
  });

  it("says in one line, and writes nothing, when Netlify's answer is not as documented or goes elsewhere", async () => {
    const other = createServer((_request, response) => response.end("[]"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const answers: [string, (response: ServerResponse) => void, RegExp][] = [
      [
        "a null in the list",
        (response) => response.end(JSON.stringify([commentSubmission({ n: 1 }), null])),
        /^Netlify's API sent a list of submissions unlike its documentation for GET \/api\/v1\/forms\/\w+\/submissions\?page=1&per_page=100 \(\[1\]: expected an object, got an empty value\): stopped\.$/,
      ],
      [
        "not JSON",
        (response) => response.end('[{"id": "65a1'),
        /^Netlify's API sent something that is not JSON for GET \/api\/v1\/forms\/\w+\/submissions\?page=1&per_page=100: stopped\.$/,
      ],
      [
        "a redirect to another origin",
        (response) => response.writeHead(302, { Location: `${otherOrigin}/api/v1/forms` }).end(),
        /^Netlify's API redirected GET \/api\/v1\/forms\/\w+\/submissions\?page=1&per_page=100 to another address \(http:\/\/127\.0\.0\.1:\d+\) \(302\): not followed, the token goes to http:\/\/127\.0\.0\.1:\d+ alone\.$/,
      ],
      [
        "an endless answer",
        (response) => {
          response.write("[");
          const chunk = Buffer.alloc(2 ** 20, " ");
          const more = () => {
            while (!response.destroyed && response.write(chunk));
          };
          response.on("drain", more);
          more();
        },
        /^Netlify's API sent more than 32 MB in all \(the most one run reads\), the last for GET \/api\/v1\/forms\/\w+\/submissions\?page=1&per_page=100: stopped\. If the forms hold that much, delete the spam among it at Netlify \(the site's Forms page\), then run again\.$/,
      ],
    ];
    for (const [what, answer, line] of answers) {
      await netlify.start({
        submissions: submissions(),
        misbehave: (_request, response, url) => {
          if (!url.pathname.endsWith("/submissions")) return false;
          answer(response);
          return true;
        },
      });
      expect(await failsLeavingFiles({}), what).toMatch(line);
      await netlify.close();
    }
    other.close();
  });
});

describe("npm run comments:import with files it cannot add to: what does not fit stays at Netlify, in one line", {
  timeout: 120_000,
}, () => {
  it("fills a page up to the 1000 comments it may have from 5,000 submissions to it; the rest stay at Netlify", async () => {
    const flood = Array.from({ length: 5000 }, (_, index) => commentSubmission({ n: index + 1 }));
    await netlify.start({ submissions: flood });
    const dir = await project({
      "home.json": '[{ "id": "older", "name": "Kofi", "date": "2027-01-17", "text": "First!" }]\n',
    });
    const run = await runImport(dir, {});
    expect(run.stderr).toBe("");
    expect(run.stdout.trim().split("\n")).toEqual([
      "Imported 999 comments (home: 999).",
      "Left 4001 submissions to home at Netlify: _data/comments/home.json cannot take them and pass the check (with one more: expected at most 1000 comments on one page, got 1001).",
    ]);
    const home = JSON.parse(await readFile(join(dir, "_data/comments/home.json"), "utf8")) as { id: string }[];
    expect(home).toHaveLength(1000);
    // Oldest first: the first 999 sent are in, the later ones wait.
    expect(home.at(-1)?.id).toBe(submissionId(999));
    expect(commentsFileProblems("_data/comments/home.json", home)).toEqual([]);

    const again = await runImport(dir, {}, "--delete-imported");
    expect(again.stdout.trim().split("\n")).toEqual([
      "No new comments (999 submissions at Netlify were imported before).",
      "Left 4001 submissions to home at Netlify: _data/comments/home.json cannot take them and pass the check (with one more: expected at most 1000 comments on one page, got 1001).",
      "Deleted 999 submissions at Netlify, email addresses and all: their comments are in the comments files.",
    ]);
    expect(netlify.remaining()).toHaveLength(4001);
  });

  it("leaves a comments file that does not pass the check alone, imports the other pages, and says which file and field", async () => {
    await netlify.start({ submissions: submissions() });
    const broken = `[{ "id": "${submissionId(90)}", "name": "", "date": "2027-01-17", "text": "Hi" }]\n`;
    const dir = await project({ "home.json": broken });
    const run = await runImport(dir, {});
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n").slice(0, 2)).toEqual([
      `Imported 2 comments (${article}: 2).`,
      "Left 2 submissions to home at Netlify: _data/comments/home.json does not pass the check as it is ([0].name: expected a name, got an empty value); fix it, as npm run check:content says, and run again.",
    ]);
    expect(await readFile(join(dir, "_data/comments/home.json"), "utf8")).toBe(broken);
    expect(Object.values(JSON.parse((await filesOf(dir))["tools/comments-import/reviewed.json"] ?? "{}"))).toEqual([
      article,
      article,
    ]);

    // Fixed by hand: the next run brings the waiting ones in.
    await writeFile(
      join(dir, "_data/comments/home.json"),
      `[{ "id": "${submissionId(90)}", "name": "Ama", "date": "2027-01-17", "text": "Hi" }]\n`,
    );
    const fixed = await runImport(dir, {});
    expect(fixed.stdout.split("\n")[0]).toBe("Imported 2 comments (home: 2).");
  });

  it("says which field when a moderator deleted a comment but kept its reply, and still deletes what the files hold", async () => {
    await netlify.start({
      submissions: [...submissions(), commentSubmission({ n: 90 })],
    });
    const reply = `[{ "id": "${submissionId(90)}", "name": "Kofi", "date": "2027-01-17", "text": "Yes!", "replyTo": "a" }]\n`;
    const dir = await project({ "home.json": reply });
    const run = await runImport(dir, {}, "--delete-imported");
    expect(run.stdout).toContain(
      'Left 2 submissions to home at Netlify: _data/comments/home.json does not pass the check as it is ([0].replyTo: expected the id of a comment on this page, got "a"); fix it, as npm run check:content says, and run again.',
    );
    expect(await readFile(join(dir, "_data/comments/home.json"), "utf8")).toBe(reply);
    // Its comment is in the repository: the email address need not wait at Netlify.
    expect(netlify.deleted).toContain(submissionId(90));
  });
});
