// A small client of Netlify's API for the forms the importer reads: the site's forms, every page
// of a form's verified submissions (spam is `?state=spam`, which this never asks for), and the
// deletion of a submission. Every failure is a NetlifyApiError whose message is one line for a
// maintainer, never a stack trace; the token is in no message and goes to Netlify's address alone
// (a redirect or a next page elsewhere is not followed). Everything is bounded: each request's
// time, the run's time, the bytes of all answers together, the pages of a form; and every answer
// is checked to be what the documentation says before anything of it is used.
import { setTimeout as sleep } from "node:timers/promises";
import { describeValue } from "../../src/lib/content/schemas.ts";

/** A form as `GET /sites/{site_id}/forms` lists it. */
export interface NetlifyForm {
  id: string;
  site_id: string;
  name: string;
  paths: string[] | null;
  submission_count: number;
  fields: { name: string; type: string }[];
  created_at: string;
}

/** A submission as `GET /forms/{form_id}/submissions` lists it: `data` holds the form's own fields. */
export interface NetlifySubmission {
  id: string;
  number: number;
  title?: string | null;
  email?: string;
  name?: string;
  first_name?: string;
  last_name?: string | null;
  company?: string | null;
  summary?: string;
  body?: string;
  data: Record<string, unknown>;
  created_at: string;
  human_fields?: Record<string, string>;
  ordered_human_fields?: { title: string; name: string; value: string }[];
  form_id?: string;
  site_url?: string;
  form_name?: string;
}

/** What the importer keeps of a submission, once the answer is checked to have it. */
export type Submission = Pick<NetlifySubmission, "id" | "created_at" | "data">;

export class NetlifyApiError extends Error {
  override name = "NetlifyApiError";
}

export interface NetlifyApiOptions {
  /** `https://api.netlify.com/api/v1`, or a local server's address in tests. */
  baseUrl: string;
  token: string;
  /** How many times one request is sent while Netlify answers 429 Too Many Requests. */
  attempts?: number;
  /** The longest wait, in seconds, that a 429 may ask for; a longer one ends the run at once. */
  longestWait?: number;
  /** How long one request may take, its whole answer read, in milliseconds. */
  timeout?: number;
  /** How long all the requests of this client may take together, waits included, in milliseconds. */
  runTime?: number;
  /** How many bytes all the answers of this client may hold together. */
  mostBytes?: number;
  /** How many pages of one form's submissions it reads. */
  mostPages?: number;
}

/** Netlify's largest page of a list. */
const perPage = 100;
/** Redirects followed for one request, within Netlify's own address. */
const mostRedirects = 5;
/** What is read of an answer that reports a failure: its message is on its first line. */
const mostFailureBytes = 64 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
const minutes = (milliseconds: number) =>
  milliseconds >= 60_000 ? `${Math.round(milliseconds / 6_000) / 10} minutes` : `${milliseconds / 1000} s`;

/**
 * What is wrong with a list the API sent, as its documentation describes the list (`[3]: expected
 * an object, got an empty value`), or undefined when each item has each field of `fields` with a
 * value of its kind: non-empty text, or an object (the fields a visitor sent).
 */
export function listProblem(items: unknown, fields: Record<string, "text" | "object">): string | undefined {
  if (!Array.isArray(items)) return `expected a list, got ${describeValue(items)}`;
  for (const [index, item] of items.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return `[${index}]: expected an object, got ${describeValue(item)}`;
    }
    for (const [field, kind] of Object.entries(fields)) {
      const value = Object.hasOwn(item, field) ? (item as Record<string, unknown>)[field] : undefined;
      const fits =
        kind === "text"
          ? typeof value === "string" && value !== ""
          : typeof value === "object" && value !== null && !Array.isArray(value);
      if (!fits) {
        return `[${index}].${field}: expected ${kind === "text" ? "text" : "an object of fields"}, got ${describeValue(value)}`;
      }
    }
  }
  return undefined;
}

/** The page number of a `Link` header's `rel="last"` (`…?page=250&per_page=100`), if it names one. */
export function lastPageNumber(link: string | null, current: string): number | undefined {
  const last = linkTarget(link, current, "last");
  const page = last === undefined ? null : new URL(last).searchParams.get("page");
  return page !== null && /^\d+$/.test(page) ? Number(page) : undefined;
}

/** The URL of a `Link` header's target with relation `relation`, resolved against the page it came with. */
function linkTarget(link: string | null, current: string, relation: string): string | undefined {
  for (const [, target, parameters] of (link ?? "").matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(parameters ?? "");
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (relations.includes(relation) && target !== undefined) return URL.parse(target, current)?.href;
  }
  return undefined;
}

/**
 * The URL of the next page in a `Link` header (`<…>; rel="next", <…>; rel="last"`), resolved
 * against the page it came with, or undefined on the last page.
 */
export function nextPageUrl(link: string | null, current: string): string | undefined {
  return linkTarget(link, current, "next");
}

/**
 * How many seconds a 429 asks to wait: `Retry-After` (seconds, or an HTTP date), else
 * Netlify's `X-RateLimit-Reset` (the Unix time its window starts again), else a second per try so far.
 */
export function retryDelaySeconds(headers: Headers, now: number, attempt: number): number {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) - Math.floor(now / 1000));
  return attempt;
}

/** Why a request never got an answer, in words (fetch says only "fetch failed"). */
function unreachableReason(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "no answer in time";
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const known: Record<string, string> = {
    ECONNREFUSED: "the connection was refused",
    ECONNRESET: "the connection was cut",
    ENOTFOUND: "no such host",
    EAI_AGAIN: "the host name could not be looked up",
    ETIMEDOUT: "no answer in time",
  };
  const code = cause?.code;
  if (code && Object.hasOwn(known, code)) return `${known[code]} (${code})`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The form named `name` among a site's forms, or an error saying how Netlify comes to know it. */
export function formNamed(forms: readonly NetlifyForm[], name: string): NetlifyForm {
  const form = forms.find((candidate) => candidate?.name === name);
  if (!form) {
    const others = forms.map((candidate) => JSON.stringify(candidate?.name)).join(", ");
    throw new NetlifyApiError(
      `The site has no form named ${JSON.stringify(name)} (it has ${others || "none"}): Netlify registers it when it deploys the site with form detection on (Forms > Enable form detection).`,
    );
  }
  return form;
}

export function netlifyApi({
  baseUrl,
  token,
  attempts = 5,
  longestWait = 60,
  timeout = 30_000,
  runTime = 10 * 60_000,
  mostBytes = 32 * 2 ** 20,
  mostPages = 100,
}: NetlifyApiOptions) {
  const base = baseUrl.replace(/\/+$/, "");
  const origin = new URL(base).origin;
  /** Ends every request, and every wait, once the run has taken its time. */
  const deadline = AbortSignal.timeout(runTime);
  /** What the answers so far held, in bytes. */
  let bytesRead = 0;

  const outOfTime = () =>
    new NetlifyApiError(
      `Netlify's API took more than ${minutes(runTime)} in all: stopped, to try again on the next run.`,
    );
  const where = (method: string, url: string) => `${method} ${new URL(url).pathname}${new URL(url).search}`;

  /** Why a request got no whole answer, as the error to throw. */
  function cutOff(error: unknown, method: string, url: string, answered: boolean): NetlifyApiError {
    if (error instanceof NetlifyApiError) return error;
    if (deadline.aborted) return outOfTime();
    if (!answered) return new NetlifyApiError(`Cannot reach Netlify's API at ${base}: ${unreachableReason(error)}.`);
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no whole answer in ${minutes(timeout)}`
        : unreachableReason(error);
    return new NetlifyApiError(`Netlify's API stopped answering ${where(method, url)}: ${reason}.`);
  }

  /** One request, following redirects within Netlify's own address only: the token goes nowhere else. */
  async function request(method: "GET" | "DELETE", url: string): Promise<Response> {
    let target = url;
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      try {
        response = await fetch(target, {
          method,
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
          redirect: "manual",
          signal: AbortSignal.any([deadline, AbortSignal.timeout(timeout)]),
        });
      } catch (error) {
        throw cutOff(error, method, target, false);
      }
      if (response.status < 300 || response.status > 399 || response.status === 304) return response;
      await response.body?.cancel();
      const location = URL.parse(response.headers.get("location") ?? "", target);
      if (!location || location.origin !== origin) {
        throw new NetlifyApiError(
          `Netlify's API redirected ${where(method, url)} to ${location ? `another address (${location.origin})` : "no address"} (${response.status}): not followed, the token goes to ${origin} alone.`,
        );
      }
      if (redirects >= mostRedirects) {
        throw new NetlifyApiError(
          `Netlify's API redirected ${where(method, url)} more than ${mostRedirects} times: stopped.`,
        );
      }
      target = location.href;
    }
  }

  /** One request, sent again while Netlify answers 429, as long as it asks for a wait we accept. */
  async function send(method: "GET" | "DELETE", url: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const response = await request(method, url);
      if (response.status !== 429) return response;
      await response.body?.cancel();
      const wait = retryDelaySeconds(response.headers, Date.now(), attempt);
      if (attempt >= attempts) {
        throw new NetlifyApiError(
          `Netlify's API refused ${attempts} tries in a row as too many requests (429): try again in a few minutes.`,
        );
      }
      if (wait > longestWait) {
        throw new NetlifyApiError(
          `Netlify's API asks to wait ${wait} s before the next request (429 Too Many Requests): try again then.`,
        );
      }
      await sleep(wait * 1000, undefined, { signal: deadline }).catch(() => {
        throw outOfTime();
      });
    }
  }

  /**
   * An answer's body as text, read as it comes and cut off once the run's answers hold
   * `mostBytes`: an endless answer neither grows the process nor holds it past the time allowed.
   */
  async function bodyText(method: string, url: string, response: Response, most = mostBytes - bytesRead) {
    const tooLarge = () =>
      new NetlifyApiError(
        `Netlify's API sent more than ${megabytes(mostBytes)} in all (the most one run reads), the last for ${where(method, url)}: stopped. If the forms hold that much, delete the spam among it at Netlify (the site's Forms page), then run again.`,
      );
    if (Number(response.headers.get("content-length")) > most) {
      await response.body?.cancel();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    const reader = response.body?.getReader();
    try {
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
        length += read.value.byteLength;
        if (length > most) {
          await reader?.cancel();
          throw tooLarge();
        }
        chunks.push(read.value);
      }
    } catch (error) {
      throw cutOff(error, method, url, true);
    }
    bytesRead += length;
    return Buffer.concat(chunks).toString("utf8");
  }

  /** The one-line error for an answer that is not a success. */
  async function failure(method: string, url: string, response: Response, notFound: string): Promise<NetlifyApiError> {
    const body = await bodyText(method, url, response, mostFailureBytes).catch(() => "");
    let said = "";
    try {
      const message = (JSON.parse(body) as { message?: unknown }).message;
      if (typeof message === "string" && message.trim()) said = `: ${message.trim().split("\n")[0]?.slice(0, 200)}`;
    } catch {}
    if (response.status === 401) {
      return new NetlifyApiError(
        "Netlify refused the token (401 Unauthorized): NETLIFY_AUTH_TOKEN must be a valid personal access token (Netlify: User settings > Applications > Personal access tokens).",
      );
    }
    if (response.status === 403) {
      return new NetlifyApiError(
        `Netlify refused ${method} ${new URL(url).pathname} (403 Forbidden${said}): the token's account has no access to it.`,
      );
    }
    if (response.status === 404) return new NetlifyApiError(notFound);
    return new NetlifyApiError(
      `Netlify's API answered ${response.status} ${response.statusText}${said} to ${method} ${new URL(url).pathname}.`,
    );
  }

  /** A list the API sent, each item checked to have `fields` as its documentation says. */
  async function list(
    url: string,
    response: Response,
    what: string,
    fields: Record<string, "text" | "object">,
  ): Promise<Record<string, unknown>[]> {
    const text = await bodyText("GET", url, response);
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch {
      throw new NetlifyApiError(`Netlify's API sent something that is not JSON for ${where("GET", url)}: stopped.`);
    }
    const problem = listProblem(items, fields);
    if (problem) {
      throw new NetlifyApiError(
        `Netlify's API sent a list of ${what} unlike its documentation for ${where("GET", url)} (${problem}): stopped.`,
      );
    }
    return items as Record<string, unknown>[];
  }

  return {
    /** The site's forms (Netlify registers a form when it deploys a page that has it). */
    async forms(siteId: string): Promise<NetlifyForm[]> {
      const url = `${base}/sites/${encodeURIComponent(siteId)}/forms`;
      const response = await send("GET", url);
      if (!response.ok) {
        throw await failure(
          "GET",
          url,
          response,
          `Netlify knows no site ${JSON.stringify(siteId)} (404 Not Found): NETLIFY_SITE_ID must be the site's ID (Netlify: Project configuration > General > Project details > Project ID, once called Site ID).`,
        );
      }
      return (await list(url, response, "forms", { id: "text", name: "text" })) as unknown as NetlifyForm[];
    },

    /** The site's form named `name`. */
    async form(siteId: string, name: string): Promise<NetlifyForm> {
      return formNamed(await this.forms(siteId), name);
    },

    /**
     * Every verified submission of a form, following each page's `Link: <…>; rel="next"`, up to
     * `mostPages` pages; of each, what the importer reads (id, date, the fields sent).
     */
    async submissions(formId: string): Promise<Submission[]> {
      const byId = new Map<string, Submission>();
      const tooMany = () =>
        new NetlifyApiError(
          `Netlify holds more than ${mostPages * perPage} submissions of form ${formId} (${mostPages} pages of ${perPage}, the most one run reads): stopped. Delete the spam among them at Netlify (the site's Forms page), then run again.`,
        );
      let url: string | undefined =
        `${base}/forms/${encodeURIComponent(formId)}/submissions?page=1&per_page=${perPage}`;
      for (let page = 1; url; page++) {
        if (page > mostPages) throw tooMany();
        // The token goes only where it was meant to: a next page elsewhere is refused.
        if (new URL(url).origin !== origin) {
          throw new NetlifyApiError(
            `Netlify's API sent a next page at another address (${new URL(url).origin}): not followed, the token goes to ${origin} alone.`,
          );
        }
        const response = await send("GET", url);
        if (!response.ok) {
          throw await failure(
            "GET",
            url,
            response,
            `Netlify knows no form ${JSON.stringify(formId)} (404 Not Found): was the form just removed?`,
          );
        }
        // A last page past the bound is said at once, not after reading up to it.
        if ((lastPageNumber(response.headers.get("link"), url) ?? 0) > mostPages) {
          await response.body?.cancel();
          throw tooMany();
        }
        const items = await list(url, response, "submissions", { id: "text", created_at: "text", data: "object" });
        // A page that moved while it was read (a new submission comes first) repeats one: kept once.
        for (const { id, created_at, data } of items as unknown as Submission[]) byId.set(id, { id, created_at, data });
        url = items.length > 0 ? nextPageUrl(response.headers.get("link"), url) : undefined;
      }
      return [...byId.values()];
    },

    /** Deletes a submission, email address and all; one that is already gone counts as deleted. */
    async deleteSubmission(id: string): Promise<void> {
      const url = `${base}/submissions/${encodeURIComponent(id)}`;
      const response = await send("DELETE", url);
      if (response.ok || response.status === 404) {
        await response.body?.cancel();
        return;
      }
      throw await failure("DELETE", url, response, "");
    },
  };
}

export type NetlifyApi = ReturnType<typeof netlifyApi>;
