// A small client of Netlify's API for the forms the importer reads: the site's forms, every page
// of a form's verified submissions (spam is `?state=spam`, which this never asks for), and the
// deletion of a submission. Every failure is a NetlifyApiError whose message is one line for a
// maintainer, never a stack trace; the token is in no message.
import { setTimeout as sleep } from "node:timers/promises";

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
  /** How long one request may take, in milliseconds. */
  timeout?: number;
}

/** Netlify's largest page of a list. */
const perPage = 100;
/** A bound on pages followed, against a `Link` header that never ends (100,000 submissions). */
const mostPages = 1000;

/**
 * The URL of the next page in a `Link` header (`<…>; rel="next", <…>; rel="last"`), resolved
 * against the page it came with, or undefined on the last page.
 */
export function nextPageUrl(link: string | null, current: string): string | undefined {
  for (const [, target, parameters] of (link ?? "").matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(parameters ?? "");
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (relations.includes("next") && target !== undefined) return new URL(target, current).href;
  }
  return undefined;
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

export function netlifyApi({ baseUrl, token, attempts = 5, longestWait = 60, timeout = 30_000 }: NetlifyApiOptions) {
  const base = baseUrl.replace(/\/+$/, "");
  const origin = new URL(base).origin;

  /** One request, sent again while Netlify answers 429, as long as it asks for a wait we accept. */
  async function send(method: "GET" | "DELETE", url: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
          signal: AbortSignal.timeout(timeout),
        });
      } catch (error) {
        throw new NetlifyApiError(`Cannot reach Netlify's API at ${base}: ${unreachableReason(error)}.`);
      }
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
      await sleep(wait * 1000);
    }
  }

  /** The one-line error for an answer that is not a success. */
  async function failure(method: string, url: string, response: Response, notFound: string): Promise<NetlifyApiError> {
    const body = await response.text().catch(() => "");
    let said = "";
    try {
      const message = (JSON.parse(body) as { message?: unknown }).message;
      if (typeof message === "string" && message.trim()) said = `: ${message.trim().split("\n")[0]}`;
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

  async function json(url: string, response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new NetlifyApiError(`Netlify's API sent something that is not JSON for GET ${new URL(url).pathname}.`);
    }
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
      const forms = await json(url, response);
      if (!Array.isArray(forms)) throw new NetlifyApiError("Netlify's API sent no list of forms.");
      return forms as NetlifyForm[];
    },

    /** The site's form named `name`. */
    async form(siteId: string, name: string): Promise<NetlifyForm> {
      return formNamed(await this.forms(siteId), name);
    },

    /** Every verified submission of a form, following each page's `Link: <…>; rel="next"`. */
    async submissions(formId: string): Promise<NetlifySubmission[]> {
      const byId = new Map<string, NetlifySubmission>();
      let url: string | undefined =
        `${base}/forms/${encodeURIComponent(formId)}/submissions?page=1&per_page=${perPage}`;
      for (let page = 1; url; page++) {
        if (page > mostPages) throw new NetlifyApiError(`Netlify's API kept sending pages past ${mostPages}: stopped.`);
        // The token goes only where it was meant to: a next page elsewhere is refused.
        if (new URL(url).origin !== origin) {
          throw new NetlifyApiError(
            `Netlify's API sent a next page at another address (${new URL(url).origin}): stopped.`,
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
        const items = await json(url, response);
        if (!Array.isArray(items)) throw new NetlifyApiError("Netlify's API sent no list of submissions.");
        // A page that moved while it was read (a new submission comes first) repeats one: kept once.
        for (const item of items as NetlifySubmission[]) byId.set(String(item?.id), item);
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
