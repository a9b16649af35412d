// A local stand-in for the part of Netlify's API that the comments importer uses, answering as
// Netlify documents it: `GET /api/v1/sites/{site_id}/forms`, `GET /api/v1/forms/{form_id}/submissions`
// (verified ones; `?state=spam` for spam; `page`, `per_page` up to 100, newest first, a `Link`
// header with first, prev, next and last), `DELETE /api/v1/submissions/{id}` (204), all behind
// `Authorization: Bearer <token>` (401 otherwise), unknown things 404, errors as `{ code, message }`,
// and the `X-RateLimit-*` headers. It can also answer 429 to the first requests, or to all, and
// answer any request as a broken or hostile API would (`misbehave`).
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach } from "vitest";
import type { NetlifyForm, NetlifySubmission } from "../../tools/comments-import/netlify-api.ts";
import { projectRoot } from "./project.ts";

export interface CommentFields {
  /** The number of the submission: its id, date and default words come from it. */
  n: number;
  page?: string;
  name?: string;
  comment?: string;
  email?: string;
  website?: string;
  replyTo?: string;
  /** Fields the form does not have, as a robot might send them. */
  extra?: Record<string, string>;
}

/** A submission's id as Netlify makes them: 24 hex digits. */
export function submissionId(n: number): string {
  return `65a1${n.toString(16).padStart(20, "0")}`;
}

export const commentFormId = "6143ec357114bb0007eaaa3e";
export const thanksFormId = "6143ec357114bb0007eaaa4f";

export interface ThanksFields {
  /** The number of the submission: its id and date come from it (ids apart from comments': 65b1…). */
  n: number;
  mentor?: string;
  message?: string;
  name?: string;
  /** The box agreeing to publication: Netlify sends a ticked checkbox's value, and no field for one left empty. */
  publish?: boolean;
  extra?: Record<string, string>;
}

/** A submission of the site's `thanks` form, every field as Netlify's API returns it. */
export function thanksSubmission({
  n,
  mentor = `Mentor ${n}`,
  message = `Thank you, number ${n}.`,
  name = "",
  publish = true,
  extra = {},
}: ThanksFields): NetlifySubmission {
  const fields: [string, string, string][] = [
    ["mentor", "Mentor", mentor],
    ["message", "Message", message],
    ["name", "Name", name],
    ["design", "Design", "teal"],
    ...(publish ? [["publish", "Publish", "yes"] as [string, string, string]] : []),
    ...Object.entries(extra).map(([key, value]) => [key, key, value] as [string, string, string]),
  ];
  return {
    number: n,
    title: null,
    name,
    summary: `<strong>${mentor}</strong> ${message}`,
    body: message,
    data: {
      ...Object.fromEntries(fields.map(([key, , value]) => [key, value])),
      ip: "203.0.113.7",
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
      referrer: `${siteUrl}/thank-your-mentor/`,
    },
    created_at: new Date(Date.UTC(2027, 0, 17, 9, 0, 0, 250) + n * 60_000).toISOString(),
    human_fields: Object.fromEntries(fields.map(([, title, value]) => [title, value])),
    ordered_human_fields: fields.map(([key, title, value]) => ({ title, name: key, value })),
    id: `65b1${n.toString(16).padStart(20, "0")}`,
    form_id: thanksFormId,
    site_url: siteUrl,
    form_name: "thanks",
  };
}
const siteUrl = "https://international-mentoring-day.netlify.app";

/** The id of the `event` or `programme` form. */
export const listingFormId = (name: string) =>
  name === "event" ? "6143ec357114bb0007eaab01" : "6143ec357114bb0007eaab02";

/**
 * A submission of the `event` or `programme` form (`n` numbers it: ids and times follow it), with
 * the fields the form sends; `fields` replaces or adds to them.
 */
export function listingSubmission(
  form: "event" | "programme",
  n: number,
  fields: Record<string, string | string[]>,
): NetlifySubmission {
  const entries = Object.entries(fields);
  return {
    number: n,
    title: null,
    name: "",
    summary: "",
    body: String(fields.description ?? ""),
    data: {
      ...fields,
      ip: "203.0.113.7",
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
      referrer: `${siteUrl}/${form === "event" ? "events" : "programmes"}/add/`,
    },
    created_at: new Date(Date.UTC(2026, 10, 20, 9, 0, 0, 250) + n * 60_000).toISOString(),
    human_fields: Object.fromEntries(entries.map(([key, value]) => [key, String(value)])),
    ordered_human_fields: entries.map(([key, value]) => ({ title: key, name: key, value: String(value) })),
    id: `65c${form === "event" ? "1" : "2"}${n.toString(16).padStart(20, "0")}`,
    form_id: listingFormId(form),
    site_url: siteUrl,
    form_name: form,
  };
}

/** A submission of the site's `comment` form, every field as Netlify's API returns it. */
export function commentSubmission({
  n,
  page = "/",
  name = `Visitor ${n}`,
  comment = `Comment number ${n}.`,
  email = `visitor${n}@example.org`,
  website = "",
  replyTo,
  extra = {},
}: CommentFields): NetlifySubmission {
  const fields: [string, string, string][] = [
    ["page", "Page", page],
    ["page-title", "Page Title", "International Mentoring Day"],
    ["comment", "Comment", comment],
    ["name", "Name", name],
    ["email", "Email", email],
    ["website", "Website", website],
    ...(replyTo === undefined ? [] : [["reply-to", "Reply To", replyTo] as [string, string, string]]),
    ...Object.entries(extra).map(([key, value]) => [key, key, value] as [string, string, string]),
  ];
  const [firstName, ...lastNames] = name.split(" ");
  return {
    number: n,
    title: null,
    email,
    name,
    first_name: firstName ?? "",
    last_name: lastNames.join(" ") || null,
    company: null,
    summary: `<strong>${name}</strong> ${comment}`,
    body: comment,
    data: {
      ...Object.fromEntries(fields.map(([key, , value]) => [key, value])),
      ip: "203.0.113.7",
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
      referrer: `${siteUrl}${page}`,
    },
    created_at: new Date(Date.UTC(2027, 0, 17, 8, 0, 0, 250) + n * 60_000).toISOString(),
    human_fields: Object.fromEntries(fields.map(([, title, value]) => [title, value])),
    ordered_human_fields: fields.map(([key, title, value]) => ({ title, name: key, value })),
    id: submissionId(n),
    form_id: commentFormId,
    site_url: siteUrl,
    form_name: "comment",
  };
}

export interface FakeNetlifyOptions {
  token: string;
  siteId: string;
  /** The comment form's verified submissions. */
  submissions?: NetlifySubmission[];
  /** What Netlify's spam filter kept apart. */
  spam?: NetlifySubmission[];
  /** The thanks form's verified submissions; without them the site has no thanks form (deployed before it had one). */
  thanks?: NetlifySubmission[];
  /** The `event` and `programme` forms' verified submissions; the site has only the forms given. */
  listings?: { event?: NetlifySubmission[]; programme?: NetlifySubmission[] };
  /**
   * Answers 429 Too Many Requests to this many requests (Infinity: to all), with these headers,
   * once it has answered the first `after` (0 by default).
   */
  rateLimit?: { after?: number; times: number; headers: Record<string, string> };
  /**
   * Answers a request its own way, as a broken or hostile API would (once the token is checked):
   * returns true when it has answered, false to let the request be answered as Netlify documents.
   */
  misbehave?: (request: IncomingMessage, response: ServerResponse, url: URL) => boolean;
}

export interface FakeNetlify {
  /** The API's base, as NETLIFY_API_URL: `http://127.0.0.1:<port>/api/v1`. */
  url: string;
  /** Every request, as `METHOD /path?query`. */
  requests: string[];
  /** The ids of the submissions deleted, in order. */
  deleted: string[];
  /** The verified submissions Netlify still has. */
  remaining: () => NetlifySubmission[];
  close: () => Promise<void>;
}

export async function startNetlifyApi({
  token,
  siteId,
  submissions = [],
  spam = [],
  thanks,
  listings = {},
  rateLimit,
  misbehave,
}: FakeNetlifyOptions): Promise<FakeNetlify> {
  const listingLists = new Map(Object.entries(listings).map(([name, list]) => [name, [...(list ?? [])]]));
  const verified = [...submissions];
  const thanksList = [...(thanks ?? [])];
  const spamList = [...spam];
  const forms: NetlifyForm[] = [
    {
      id: "5c3a051bdbfb660008114ddb",
      site_id: siteId,
      name: "contact",
      paths: null,
      submission_count: 0,
      fields: [{ name: "message", type: "textarea" }],
      created_at: "2026-11-01T10:00:00.000Z",
    },
    {
      id: commentFormId,
      site_id: siteId,
      name: "comment",
      paths: null,
      submission_count: verified.length,
      fields: ["page", "page-title", "comment", "name", "email", "website", "reply-to"].map((name) => ({
        name,
        type: name === "comment" ? "textarea" : name === "email" ? "email" : "text",
      })),
      created_at: "2026-11-01T10:00:00.000Z",
    },
    ...(thanks === undefined
      ? []
      : [
          {
            id: thanksFormId,
            site_id: siteId,
            name: "thanks",
            paths: null,
            submission_count: thanksList.length,
            fields: ["mentor", "message", "name", "design", "publish"].map((name) => ({
              name,
              type: name === "message" ? "textarea" : name === "publish" ? "checkbox" : "text",
            })),
            created_at: "2026-12-01T10:00:00.000Z",
          },
        ]),
    ...[...listingLists].map(([name, list]) => ({
      id: listingFormId(name),
      site_id: siteId,
      name,
      paths: null,
      submission_count: list.length,
      fields: [{ name: "title", type: "text" }],
      created_at: "2026-12-02T10:00:00.000Z",
    })),
  ];
  const requests: string[] = [];
  const deleted: string[] = [];
  let limited = 0;
  let answered = 0;

  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      const rateHeaders = {
        "X-RateLimit-Limit": "500",
        "X-RateLimit-Remaining": "499",
        "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 60),
      };
      respond(response, status, body, { ...rateHeaders, ...headers });
    };
    const error = (status: number, message: string, headers?: Record<string, string>) =>
      send(status, { code: status, message }, headers);

    if (rateLimit && answered++ >= (rateLimit.after ?? 0) && limited < rateLimit.times) {
      limited++;
      return error(429, "Too Many Requests", rateLimit.headers);
    }
    if (request.headers.authorization !== `Bearer ${token}`) return error(401, "Access Denied: Invalid token");
    if (misbehave?.(request, response, url)) return;

    const forSite = /^\/api\/v1\/sites\/([^/]+)\/forms$/.exec(url.pathname);
    const forForm = /^\/api\/v1\/forms\/([^/]+)\/submissions$/.exec(url.pathname);
    const oneSubmission = /^\/api\/v1\/submissions\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && forSite) {
      if (decodeURIComponent(forSite[1] ?? "") !== siteId) return error(404, "Not Found");
      return send(200, forms);
    }
    if (request.method === "GET" && forForm) {
      const form = forms.find((candidate) => candidate.id === forForm[1]);
      if (!form) return error(404, "Not Found");
      const all = listingLists.has(form.name)
        ? url.searchParams.get("state") === "spam"
          ? []
          : (listingLists.get(form.name) ?? [])
        : form.name === "thanks"
          ? url.searchParams.get("state") === "spam"
            ? []
            : thanksList
          : form.name !== "comment"
            ? []
            : url.searchParams.get("state") === "spam"
              ? spamList
              : verified;
      const newestFirst = [...all].sort((a, b) => b.created_at.localeCompare(a.created_at));
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page")) || 100));
      const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
      const last = Math.max(1, Math.ceil(newestFirst.length / perPage));
      const pageUrl = (number: number) => {
        const target = new URL(url);
        target.searchParams.set("page", String(number));
        target.searchParams.set("per_page", String(perPage));
        return target.href;
      };
      const links = [
        ...(page > 1 ? [`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`] : []),
        ...(page < last ? [`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`] : []),
      ];
      return send(
        200,
        newestFirst.slice((page - 1) * perPage, page * perPage),
        links.length ? { Link: links.join(", ") } : {},
      );
    }
    if (request.method === "DELETE" && oneSubmission) {
      const id = decodeURIComponent(oneSubmission[1] ?? "");
      for (const list of [verified, spamList, thanksList, ...listingLists.values()]) {
        const index = list.findIndex((submission) => submission.id === id);
        if (index >= 0) {
          list.splice(index, 1);
          deleted.push(id);
          return send(204);
        }
      }
      return error(404, "Not Found");
    }
    return error(404, "Not Found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
    requests,
    deleted,
    remaining: () => [...verified, ...thanksList, ...[...listingLists.values()].flat()],
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function respond(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  response
    .writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers })
    .end(JSON.stringify(body));
}

/** An address where nothing listens any more: what a network failure looks like from here. */
export async function closedAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/v1`;
}

/** The personal access token and site the fake API answers to (another token gets 401, another site 404). */
export const fakeAccount = { token: "nfp_test_token", siteId: "3970e0fe-8564-4903-9a55-c5f8de49fb8b" };

/**
 * The fake API for each test of a file, the one way the tests set it up: call this at the top of
 * the file, `start` it in a test (with `fakeAccount` unless `options` say otherwise), read its
 * requests and deletions as those of the API started last, and it is closed after the test, passed
 * or failed.
 */
export function fakeNetlifyPerTest() {
  let started: FakeNetlify | undefined;
  const close = async () => {
    await started?.close();
    started = undefined;
  };
  afterEach(close);
  const api = () => {
    if (!started) throw new Error("No fake Netlify API is running: start() it in the test first");
    return started;
  };
  return {
    async start(options: Partial<FakeNetlifyOptions> = {}): Promise<FakeNetlify> {
      await close();
      started = await startNetlifyApi({ ...fakeAccount, ...options });
      return started;
    },
    /** The API the running test started, if it started one. */
    get current(): FakeNetlify | undefined {
      return started;
    },
    get url() {
      return api().url;
    },
    get requests() {
      return api().requests;
    },
    get deleted() {
      return api().deleted;
    },
    remaining: () => api().remaining(),
    close,
  };
}

/**
 * `npm run comments:import -- …args` in `dir`, as a maintainer or the workflow runs it, against
 * `api` with `fakeAccount`: never with the machine's own Netlify variables, and `env` over all
 * (a variable set to undefined is left out). Its clock is 24 January 2027, after every fake
 * submission was sent (from 17 January on): the importer takes none dated more than a day after its clock.
 */
export async function runImporter(
  dir: string,
  api: FakeNetlify | undefined,
  env: Record<string, string | undefined> = {},
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { NETLIFY_AUTH_TOKEN, NETLIFY_SITE_ID, NETLIFY_API_URL, ...rest } = process.env;
  return promisify(execFile)(process.execPath, [join(projectRoot, "tools/comments-import/cli.ts"), ...args], {
    cwd: dir,
    env: {
      ...rest,
      NETLIFY_AUTH_TOKEN: fakeAccount.token,
      NETLIFY_SITE_ID: fakeAccount.siteId,
      NETLIFY_API_URL: api?.url,
      SOURCE_DATE_EPOCH: String(Date.UTC(2027, 0, 24) / 1000),
      ...env,
    },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}
