import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { netlifyApi } from "../../tools/comments-import/netlify-api.ts";
import {
  closedAddress,
  commentFormId,
  commentSubmission,
  fakeAccount,
  fakeNetlifyPerTest,
} from "../helpers/netlify-api.ts";

const { token, siteId } = fakeAccount;
const netlify = fakeNetlifyPerTest();

const many = (count: number) => Array.from({ length: count }, (_, index) => commentSubmission({ n: index + 1 }));

describe("the Netlify client, against a local server answering as Netlify's API documents", () => {
  it("finds the form named comment among the site's forms", async () => {
    await netlify.start();
    const form = await netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "comment");
    expect(form.id).toBe(commentFormId);
  });

  it("reads every page of submissions, 100 at a time, following the Link header", async () => {
    await netlify.start({ submissions: many(250), spam: [commentSubmission({ n: 999 })] });
    const submissions = await netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId);
    expect(submissions).toHaveLength(250);
    expect(new Set(submissions.map((submission) => submission.id)).size).toBe(250);
    expect(submissions.some((submission) => submission.id === commentSubmission({ n: 999 }).id)).toBe(false);
    expect(netlify.requests).toEqual([
      `GET /api/v1/forms/${commentFormId}/submissions?page=1&per_page=100`,
      `GET /api/v1/forms/${commentFormId}/submissions?page=2&per_page=100`,
      `GET /api/v1/forms/${commentFormId}/submissions?page=3&per_page=100`,
    ]);
  });

  it("says in one line that the token was refused, or that the site is unknown", async () => {
    await netlify.start();
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
    await netlify.start({ rateLimit: { times: 2, headers: { "Retry-After": "0" } } });
    const form = await netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "comment");
    expect(form.name).toBe("comment");
    expect(netlify.requests).toHaveLength(3);
  });

  it("gives up after a bounded number of tries when every answer is 429", async () => {
    await netlify.start({ rateLimit: { times: Infinity, headers: { "Retry-After": "0" } } });
    await expect(netlifyApi({ baseUrl: netlify.url, token, attempts: 4 }).form(siteId, "comment")).rejects.toThrow(
      "Netlify's API refused 4 tries in a row as too many requests (429): try again in a few minutes.",
    );
    expect(netlify.requests).toHaveLength(4);
  });

  it("does not wait longer than it accepts: it says how long Netlify asked for", async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    await netlify.start({
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
    await netlify.start({ submissions: [first!, second!] });
    const api = netlifyApi({ baseUrl: netlify.url, token });
    await api.deleteSubmission(first!.id);
    await api.deleteSubmission(first!.id);
    expect(netlify.deleted).toEqual([first!.id]);
    expect(netlify.remaining().map((submission) => submission.id)).toEqual([second!.id]);
  });
});

/** A server of its own at another origin, recording what reaches it. */
async function elsewhere(): Promise<{ origin: string; requests: string[]; close: () => void }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${request.headers.authorization}`);
    response
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify([commentSubmission({ n: 666 })]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => server.close(),
  };
}

const submissionsPath = `/api/v1/forms/${commentFormId}/submissions`;
const firstPage = `GET ${submissionsPath}?page=1&per_page=100`;

/** A fake Netlify whose submission pages are answered by `answer` instead. */
const answeringSubmissions = (answer: (response: ServerResponse, url: URL) => void) =>
  netlify.start({
    submissions: many(3),
    misbehave: (_request, response, url) => {
      if (url.pathname !== submissionsPath) return false;
      answer(response, url);
      return true;
    },
  });

const json = (response: ServerResponse, body: unknown, headers: Record<string, string> = {}) =>
  response.writeHead(200, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));

describe("the Netlify client, against an API that misbehaves: one line, nothing of it used", () => {
  it("follows no redirect to another origin: the token never reaches it", async () => {
    const other = await elsewhere();
    await answeringSubmissions((response) =>
      response.writeHead(302, { Location: `${other.origin}/api/v1/steal` }).end(),
    );
    await expect(netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId)).rejects.toThrow(
      `Netlify's API redirected ${firstPage} to another address (${other.origin}) (302): not followed, the token goes to ${new URL(netlify.url).origin} alone.`,
    );
    expect(other.requests).toEqual([]);
    other.close();
  });

  it("follows a redirect within Netlify's own address, a few times at most", async () => {
    await netlify.start({
      submissions: many(3),
      misbehave: (_request, response, url) => {
        if (url.pathname !== submissionsPath || url.searchParams.has("moved")) return false;
        response.writeHead(307, { Location: `${url.pathname}${url.search}&moved=1` }).end();
        return true;
      },
    });
    const submissions = await netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId);
    expect(submissions.map((submission) => submission.id).sort()).toEqual(many(3).map((submission) => submission.id));

    await netlify.close();
    await answeringSubmissions((response, url) =>
      response.writeHead(301, { Location: `${url.pathname}?page=1&again=${Math.random()}` }).end(),
    );
    await expect(netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId)).rejects.toThrow(
      `Netlify's API redirected ${firstPage} more than 5 times: stopped.`,
    );
    expect(netlify.requests).toHaveLength(6);
  });

  it("says what is wrong with a list that is not as documented: a null, wrong types, not JSON", async () => {
    const [first] = many(1);
    const answers: [unknown, string][] = [
      [[first, null], "[1]: expected an object, got an empty value"],
      [[{ ...first, id: 42 }], "[0].id: expected text, got 42"],
      [[{ ...first, id: "" }], '[0].id: expected text, got ""'],
      [[{ ...first, created_at: null }], "[0].created_at: expected text, got an empty value"],
      [[{ ...first, data: "page=/" }], '[0].data: expected an object of fields, got "page=/"'],
      [[{ ...first, data: [] }], "[0].data: expected an object of fields, got a list"],
      [{ submissions: [first] }, "expected a list, got a group of fields"],
    ];
    for (const [body, problem] of answers) {
      await answeringSubmissions((response) => json(response, body));
      await expect(netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId)).rejects.toThrow(
        `Netlify's API sent a list of submissions unlike its documentation for ${firstPage} (${problem}): stopped.`,
      );
      await netlify.close();
    }
    await answeringSubmissions((response) => response.writeHead(200).end("<html>Bad gateway</html>"));
    await expect(netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId)).rejects.toThrow(
      `Netlify's API sent something that is not JSON for ${firstPage}: stopped.`,
    );
    await netlify.close();
    await netlify.start({
      misbehave: (_request, response, url) => {
        if (!url.pathname.endsWith("/forms")) return false;
        json(response, [null]);
        return true;
      },
    });
    await expect(netlifyApi({ baseUrl: netlify.url, token }).form(siteId, "comment")).rejects.toThrow(
      `Netlify's API sent a list of forms unlike its documentation for GET /api/v1/sites/${siteId}/forms ([0]: expected an object, got an empty value): stopped.`,
    );
  });

  it("cuts off an endless answer at the bytes a run may read, and hangs up at once", async () => {
    let sent = 0;
    let hungUp = false;
    await answeringSubmissions((response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write("[");
      const chunk = `${JSON.stringify(commentSubmission({ n: 1 }))},`.repeat(12);
      const timer = setInterval(() => {
        sent += Buffer.byteLength(chunk);
        response.write(chunk);
      }, 5);
      response.on("close", () => {
        hungUp = true;
        clearInterval(timer);
      });
    });
    const mostBytes = 2 ** 20;
    await expect(
      netlifyApi({ baseUrl: netlify.url, token, mostBytes, timeout: 600_000 }).submissions(commentFormId),
    ).rejects.toThrow(
      `Netlify's API sent more than 1 MB in all (the most one run reads), the last for ${firstPage}: stopped.`,
    );
    await expect.poll(() => hungUp).toBe(true);
    // What was read is at most the limit; what was sent, that and what was on its way.
    expect(sent).toBeLessThan(2 * mostBytes);
  });

  it("gives up on an answer that never ends within one request's time, or a run past its time", async () => {
    await answeringSubmissions((response) => {
      response.writeHead(200, { "Content-Type": "application/json" }).write("[");
    });
    await expect(netlifyApi({ baseUrl: netlify.url, token, timeout: 300 }).submissions(commentFormId)).rejects.toThrow(
      `Netlify's API stopped answering ${firstPage}: no whole answer in 0.3 s.`,
    );
    await netlify.close();
    await netlify.start({
      rateLimit: { times: Infinity, headers: { "Retry-After": "30" } },
    });
    await expect(netlifyApi({ baseUrl: netlify.url, token, runTime: 300 }).forms(siteId)).rejects.toThrow(
      "Netlify's API took more than 0.3 s in all: stopped, to try again on the next run.",
    );
  });

  it("says at the first page that a form has more pages than a run reads, and stops an endless chain of pages", async () => {
    await answeringSubmissions((response, url) =>
      json(response, many(100), {
        Link: `<${url.origin}${url.pathname}?page=2&per_page=100>; rel="next", <${url.origin}${url.pathname}?page=10000000&per_page=100>; rel="last"`,
      }),
    );
    await expect(netlifyApi({ baseUrl: netlify.url, token }).submissions(commentFormId)).rejects.toThrow(
      `Netlify holds more than 10000 submissions of form ${commentFormId} (100 pages of 100, the most one run reads): stopped. Delete the spam among them at Netlify (the site's Forms page), then run again.`,
    );
    expect(netlify.requests).toEqual([firstPage]);
    await netlify.close();

    // No last page said, and every page fresh submissions and a next one.
    await answeringSubmissions((response, url) => {
      const page = Number(url.searchParams.get("page"));
      const fresh = Array.from({ length: 100 }, (_, index) => commentSubmission({ n: page * 100 + index }));
      json(response, fresh, { Link: `<${url.pathname}?page=${page + 1}&per_page=100>; rel="next"` });
    });
    await expect(netlifyApi({ baseUrl: netlify.url, token, mostPages: 3 }).submissions(commentFormId)).rejects.toThrow(
      `Netlify holds more than 300 submissions of form ${commentFormId} (3 pages of 100, the most one run reads)`,
    );
    expect(netlify.requests).toHaveLength(3);
  });
});
