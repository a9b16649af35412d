import { afterEach, describe, expect, it } from "vitest";
import { netlifyApi } from "../../tools/comments-import/netlify-api.ts";
import {
  closedAddress,
  commentFormId,
  commentSubmission,
  type FakeNetlify,
  startNetlifyApi,
} from "../helpers/netlify-api.ts";

const token = "test-token";
const siteId = "3970e0fe-8564-4903-9a55-c5f8de49fb8b";
let netlify: FakeNetlify | undefined;

afterEach(async () => {
  await netlify?.close();
  netlify = undefined;
});

const many = (count: number) => Array.from({ length: count }, (_, index) => commentSubmission({ n: index + 1 }));

describe("the Netlify client, against a local server answering as Netlify's API documents", () => {
  it("finds the form named comment among the site's forms", async () => {
    netlify = await startNetlifyApi({ token, siteId });
    const form = await netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "comment");
    expect(form.id).toBe(commentFormId);
  });

  it("reads every page of submissions, 100 at a time, following the Link header", async () => {
    netlify = await startNetlifyApi({ token, siteId, submissions: many(250), spam: [commentSubmission({ n: 999 })] });
    const submissions = await netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId);
    expect(submissions).toHaveLength(250);
    expect(new Set(submissions.map((submission) => submission.number)).size).toBe(250);
    expect(submissions.some((submission) => submission.number === 999)).toBe(false);
    expect(netlify.requests).toEqual([
      `GET /api/v1/forms/${commentFormId}/submissions?page=1&per_page=100`,
      `GET /api/v1/forms/${commentFormId}/submissions?page=2&per_page=100`,
      `GET /api/v1/forms/${commentFormId}/submissions?page=3&per_page=100`,
    ]);
  });

  it("says in one line that the token was refused, or that the site is unknown", async () => {
    netlify = await startNetlifyApi({ token, siteId });
    await expect(netlifyApi({ baseUrl: netlify.url, token: "wrong" }).form(siteId, "comment")).rejects.toThrow(
      /^Netlify refused the token \(401 Unauthorized\): NETLIFY_AUTH_TOKEN must be a valid personal access token/,
    );
    await expect(netlifyApi({ baseUrl: netlify.url, token }).form("no-such-site", "comment")).rejects.toThrow(
      'Netlify knows no site "no-such-site" (404 Not Found): NETLIFY_SITE_ID must be',
    );
    await expect(netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "guestbook")).rejects.toThrow(
      'The site has no form named "guestbook" (it has "contact", "comment")',
    );
  });

  it("waits as a 429's Retry-After says, then carries on", async () => {
    netlify = await startNetlifyApi({ token, siteId, rateLimit: { times: 2, headers: { "Retry-After": "0" } } });
    const form = await netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "comment");
    expect(form.name).toBe("comment");
    expect(netlify.requests).toHaveLength(3);
  });

  it("gives up after a bounded number of tries when every answer is 429", async () => {
    netlify = await startNetlifyApi({ token, siteId, rateLimit: { times: Infinity, headers: { "Retry-After": "0" } } });
    await expect(netlifyApi({ baseUrl: netlify.url, token, attempts: 4 }).form(siteId, "comment")).rejects.toThrow(
      "Netlify's API refused 4 tries in a row as too many requests (429): try again in a few minutes.",
    );
    expect(netlify.requests).toHaveLength(4);
  });

  it("does not wait longer than it accepts: it says how long Netlify asked for", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    netlify = await startNetlifyApi({
      token,
      siteId,
      rateLimit: { times: 1, headers: { "X-RateLimit-Reset": reset } },
    });
    await expect(netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "comment")).rejects.toThrow(
      /^Netlify's API asks to wait \d+ s before the next request \(429 Too Many Requests\): try again then\.$/,
    );
    expect(netlify.requests).toHaveLength(1);
  });

  it("says so when nothing answers at the address", async () => {
    const url = await closedAddress();
    await expect(netlifyApi({ baseUrl: url, token }).form(siteId, "comment")).rejects.toThrow(
      `Cannot reach Netlify's API at ${url}: the connection was refused (ECONNREFUSED).`,
    );
  });

  it("deletes a submission, and counts one already gone as deleted", async () => {
    const [first, second] = many(2);
    netlify = await startNetlifyApi({ token, siteId, submissions: [first!, second!] });
    const api = netlifyApi({ baseUrl: netlify.url, token });
    await api.deleteSubmission(first!.id);
    await api.deleteSubmission(first!.id);
    expect(netlify.deleted).toEqual([first!.id]);
    expect(netlify.remaining().map((submission) => submission.id)).toEqual([second!.id]);
  });
});
