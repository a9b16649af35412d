/**
 * Mozilla's HTTP Observatory, as far as it can be judged from one response: its ten tests,
 * their results under Mozilla's own names, and its score and grade.
 *
 * Source: the MDN HTTP Observatory (github.com/mdn/mdn-http-observatory), which replaced
 * mozilla/http-observatory in 2024: the tests in src/analyzer/tests/*.js, the modifiers in
 * src/grader/charts.js (SCORE_TABLE), and the sum in src/scanner/index.js. The table of
 * modifiers is also published as httpobs/docs/scoring.md in mozilla/http-observatory and on
 * MDN ("HTTP Observatory: tests and scoring"). Every site starts at 100; each test adds its
 * modifier; bonuses count only if the score without them is 90 or more; A+ is 100 and up.
 *
 * What one response cannot show, and how it is taken here:
 * - redirection (http:// to https://) is Netlify's, not the site's: `redirection-to-https`
 *   unless the caller says otherwise;
 * - `hsts-preloaded` (+5) needs Chromium's preload list: never awarded;
 * - CORS is judged from the response's Access-Control-Allow-* headers to a request sent with
 *   an Origin (crossdomain.xml and clientaccesspolicy.xml are not fetched);
 * - a CSP in a <meta http-equiv> is not read: this project sends its CSP as a header only.
 */

export type Grade = "A+" | "A" | "A-" | "B+" | "B" | "B-" | "C+" | "C" | "C-" | "D+" | "D" | "D-" | "F";

/** Every result this module can give, with Mozilla's modifier for it. */
export const modifiers = {
  // Content Security Policy
  "csp-implemented-with-no-unsafe-default-src-none": 10,
  "csp-implemented-with-no-unsafe": 5,
  "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
  "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
  "csp-implemented-with-unsafe-eval": -10,
  "csp-implemented-with-unsafe-inline": -20,
  "csp-implemented-with-insecure-scheme": -20,
  "csp-header-invalid": -25,
  "csp-not-implemented": -25,
  // Cookies
  "cookies-secure-with-httponly-sessions-and-samesite": 5,
  "cookies-secure-with-httponly-sessions": 0,
  "cookies-not-found": 0,
  "cookies-without-secure-flag-but-protected-by-hsts": -5,
  "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
  "cookies-without-secure-flag": -20,
  "cookies-samesite-flag-invalid": -20,
  "cookies-anticsrf-without-samesite-flag": -20,
  "cookies-session-without-httponly-flag": -30,
  "cookies-session-without-secure-flag": -40,
  // Cross-origin resource sharing
  "cross-origin-resource-sharing-not-implemented": 0,
  "cross-origin-resource-sharing-implemented-with-public-access": 0,
  "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
  "cross-origin-resource-sharing-implemented-with-universal-access": -50,
  // Redirection
  "redirection-all-redirects-preloaded": 0,
  "redirection-to-https": 0,
  "redirection-not-needed-no-http": 0,
  "redirection-off-host-from-http": -5,
  "redirection-not-to-https-on-initial-redirection": -10,
  "redirection-not-to-https": -20,
  "redirection-missing": -20,
  "redirection-invalid-cert": -20,
  // Referrer-Policy
  "referrer-policy-private": 5,
  "referrer-policy-not-implemented": 0,
  "referrer-policy-unsafe": -5,
  "referrer-policy-header-invalid": -5,
  // Strict-Transport-Security
  "hsts-implemented-max-age-at-least-six-months": 0,
  "hsts-implemented-max-age-less-than-six-months": -10,
  "hsts-not-implemented": -20,
  "hsts-header-invalid": -20,
  "hsts-not-implemented-no-https": -20,
  // Subresource Integrity
  "sri-implemented-and-all-scripts-loaded-securely": 5,
  "sri-implemented-and-external-scripts-loaded-securely": 5,
  "sri-not-implemented-response-not-html": 0,
  "sri-not-implemented-but-no-scripts-loaded": 0,
  "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
  "sri-not-implemented-but-external-scripts-loaded-securely": -5,
  "sri-implemented-but-external-scripts-not-loaded-securely": -20,
  "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
  // X-Content-Type-Options
  "x-content-type-options-nosniff": 0,
  "x-content-type-options-not-implemented": -5,
  "x-content-type-options-header-invalid": -5,
  // X-Frame-Options
  "x-frame-options-implemented-via-csp": 5,
  "x-frame-options-sameorigin-or-deny": 0,
  "x-frame-options-allow-from-origin": 0,
  "x-frame-options-not-implemented": -20,
  "x-frame-options-header-invalid": -20,
  // Cross-Origin-Resource-Policy
  "cross-origin-resource-policy-not-implemented": 0,
  "cross-origin-resource-policy-implemented-with-same-origin": 10,
  "cross-origin-resource-policy-implemented-with-same-site": 10,
  "cross-origin-resource-policy-implemented-with-cross-origin": 0,
  "cross-origin-resource-policy-header-invalid": -5,
} as const;

export type Result = keyof typeof modifiers;
export type RedirectionResult = Extract<Result, `redirection-${string}`>;

export interface ObservatoryResponse {
  /** The address that answered; HSTS only counts over https. */
  url: string;
  /** Response headers, names in any case; several Set-Cookie headers as an array. */
  headers: Record<string, string | string[]>;
  /** The body, for Subresource Integrity: the scripts an HTML page loads. */
  body?: string;
  /** The Origin the request was sent with, to tell whether CORS reflects any origin. */
  requestOrigin?: string;
  redirection?: RedirectionResult;
}

export interface TestOutcome {
  test: string;
  result: Result;
  modifier: number;
}

export interface ObservatoryScore {
  score: number;
  grade: Grade;
  tests: TestOutcome[];
}

type HeaderMap = Map<string, string[]>;

function headerMap(headers: ObservatoryResponse["headers"]): HeaderMap {
  const map: HeaderMap = new Map();
  for (const [name, value] of Object.entries(headers)) {
    const values = Array.isArray(value) ? value : [value];
    map.set(name.toLowerCase(), [...(map.get(name.toLowerCase()) ?? []), ...values]);
  }
  return map;
}

const first = (headers: HeaderMap, name: string) => headers.get(name)?.[0];

const dangerouslyBroad = new Set([
  "ftp:",
  "http:",
  "https:",
  "*",
  "http://*",
  "http://*.*",
  "https://*",
  "https://*.*",
]);
const unsafeInline = new Set(["'unsafe-inline'", "data:"]);
const broadOrInline = new Set([...dangerouslyBroad, ...unsafeInline]);
const isNonceOrHash = (source: string) => /^'(sha256-|sha384-|sha512-|nonce-)/.test(source);

/**
 * A CSP header as directives and their sources, lower case. Several policies (comma
 * separated, or several headers) all apply, so a directive in more than one keeps only the
 * sources they share. Undefined if it cannot be read.
 */
export function parseCsp(values: readonly string[]): Map<string, Set<string>> | undefined {
  const csp = new Map<string, Set<string>>();
  const policies = values.flatMap((value) => value.split(",")).map((policy) => policy.trim());
  for (const policy of policies.filter(Boolean)) {
    const seen = new Set<string>();
    for (const directive of policy.split(";").map((part) => part.trim().toLowerCase())) {
      if (!directive) continue;
      const [name = "", ...sources] = directive.split(/\s+/);
      if (!/^[a-z-]+$/.test(name)) return undefined;
      // Within one policy, a repeated directive is ignored after its first appearance.
      if (seen.has(name)) continue;
      seen.add(name);
      const earlier = csp.get(name);
      const list = new Set(sources.length > 0 ? sources : ["'none'"]);
      csp.set(name, earlier ? new Set([...earlier].filter((source) => list.has(source))) : list);
    }
  }
  return csp.size > 0 ? csp : undefined;
}

function contentSecurityPolicy(headers: HeaderMap, https: boolean): { result: Result; csp?: Map<string, Set<string>> } {
  const values = headers.get("content-security-policy");
  if (!values || values.every((value) => !value.trim())) return { result: "csp-not-implemented" };
  const csp = parseCsp(values);
  if (!csp) return { result: "csp-header-invalid" };

  const fallback = (name: string) => new Set(csp.get(name) ?? csp.get("default-src") ?? ["*"]);
  const scriptSrc = fallback("script-src");
  const objectSrc = fallback("object-src");
  const styleSrc = fallback("style-src");
  for (const list of [scriptSrc, styleSrc]) {
    if ([...list].some(isNonceOrHash)) list.delete("'unsafe-inline'");
  }
  let result: Result | undefined;
  const set = (candidate: Result) => {
    result ??= candidate;
  };
  if (scriptSrc.has("'strict-dynamic'")) {
    if (![...scriptSrc].some(isNonceOrHash)) return { result: "csp-header-invalid", csp };
    for (const source of scriptSrc) {
      const broad = [...dangerouslyBroad].some((scheme) => source.startsWith(scheme));
      if (broad || source === "'self'" || source === "'unsafe-inline'") scriptSrc.delete(source);
    }
  }
  const passive = new Set(["img-src", "media-src"]);
  const active = [
    ...[...csp].filter(([name]) => !passive.has(name) && name !== "script-src").flatMap(([, list]) => [...list]),
    ...scriptSrc,
  ];
  const passiveSources = [...passive].flatMap((name) => [...(csp.get(name) ?? csp.get("default-src") ?? [])]);
  const insecure = (source: string) => source.startsWith("http:") || source.startsWith("ftp:");

  if ([...scriptSrc].some((s) => broadOrInline.has(s)) || [...objectSrc].some((s) => dangerouslyBroad.has(s))) {
    set("csp-implemented-with-unsafe-inline");
  }
  if (https && active.some(insecure)) set("csp-implemented-with-insecure-scheme");
  if (scriptSrc.has("'unsafe-eval'") || styleSrc.has("'unsafe-eval'")) set("csp-implemented-with-unsafe-eval");
  if (https && passiveSources.some(insecure)) set("csp-implemented-with-insecure-scheme-in-passive-content-only");
  if ([...styleSrc].some((s) => broadOrInline.has(s))) set("csp-implemented-with-unsafe-inline-in-style-src-only");
  const defaultSrc = csp.get("default-src");
  if (defaultSrc?.size === 1 && defaultSrc.has("'none'")) set("csp-implemented-with-no-unsafe-default-src-none");
  set("csp-implemented-with-no-unsafe");
  return { result: result as Result, csp };
}

/** Of two results of one test, the one later in `order` (worse); `order` lists them from mild to bad. */
function worse(current: Result | undefined, candidate: Result, order: readonly Result[]): Result {
  if (current === undefined || !order.includes(current)) return candidate;
  return order.indexOf(candidate) > order.indexOf(current) ? candidate : current;
}

function cookies(headers: HeaderMap, hstsPasses: boolean): Result {
  const order: Result[] = [
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
  ];
  const raw = headers.get("set-cookie") ?? [];
  if (raw.length === 0) return "cookies-not-found";
  let result: Result | undefined;
  let missingSameSite = false;
  for (const line of raw) {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const name = pair.split("=")[0]?.toLowerCase() ?? "";
    const attribute = (key: string) =>
      attributes.map((part) => part.split("=")).find(([attr]) => attr?.trim().toLowerCase() === key);
    const secure = attribute("secure") !== undefined;
    const httpOnly = attribute("httponly") !== undefined;
    const sameSiteAttribute = attribute("samesite");
    const sameSite = sameSiteAttribute?.[1]?.trim().toLowerCase();
    const session = ["login", "sess"].some((part) => name.includes(part));

    if (sameSiteAttribute && !["lax", "strict", "none"].includes(sameSite ?? "")) {
      result = worse(result, "cookies-samesite-flag-invalid", order);
    }
    if (!secure && sameSite === "none") result = worse(result, "cookies-samesite-flag-invalid", order);
    if (!secure) {
      result = worse(
        result,
        hstsPasses ? "cookies-without-secure-flag-but-protected-by-hsts" : "cookies-without-secure-flag",
        order,
      );
    }
    if (name.includes("csrf") && !sameSite) result = worse(result, "cookies-anticsrf-without-samesite-flag", order);
    if (session && !secure) {
      result = worse(
        result,
        hstsPasses
          ? "cookies-session-without-secure-flag-but-protected-by-hsts"
          : "cookies-session-without-secure-flag",
        order,
      );
    }
    if (session && !httpOnly) result = worse(result, "cookies-session-without-httponly-flag", order);
    if (!sameSite) missingSameSite = true;
  }
  return (
    result ??
    (missingSameSite ? "cookies-secure-with-httponly-sessions" : "cookies-secure-with-httponly-sessions-and-samesite")
  );
}

function crossOriginResourceSharing(headers: HeaderMap, requestOrigin: string | undefined): Result {
  const allowOrigin = first(headers, "access-control-allow-origin")?.trim();
  if (!allowOrigin) return "cross-origin-resource-sharing-not-implemented";
  if (allowOrigin === "*") return "cross-origin-resource-sharing-implemented-with-public-access";
  const credentials = first(headers, "access-control-allow-credentials")?.trim().toLowerCase() === "true";
  if (credentials && requestOrigin && allowOrigin === requestOrigin) {
    return "cross-origin-resource-sharing-implemented-with-universal-access";
  }
  return "cross-origin-resource-sharing-implemented-with-restricted-access";
}

function referrerPolicy(headers: HeaderMap): Result {
  const values = headers.get("referrer-policy");
  if (!values) return "referrer-policy-not-implemented";
  const good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
  const bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"];
  // The last policy a browser understands is the one it uses.
  const policy = values
    .join(",")
    .split(",")
    .map((value) => value.trim().toLowerCase())
    .filter((value) => good.includes(value) || bad.includes(value))
    .at(-1);
  if (policy === undefined) return "referrer-policy-header-invalid";
  return good.includes(policy) ? "referrer-policy-private" : "referrer-policy-unsafe";
}

/** 15768000 s is six months; Mozilla accepts the common 15552000 (180 days). */
const sixMonths = 15_552_000;

function strictTransportSecurity(headers: HeaderMap, https: boolean): Result {
  if (!https) return "hsts-not-implemented-no-https";
  const header = first(headers, "strict-transport-security");
  if (header === undefined) return "hsts-not-implemented";
  if (header.includes(",")) return "hsts-header-invalid";
  const maxAge = header
    .split(";")
    .map((part) => part.trim().toLowerCase())
    .find((part) => part.startsWith("max-age="));
  const seconds = Number.parseInt(maxAge?.slice("max-age=".length) ?? "", 10);
  if (Number.isNaN(seconds)) return "hsts-header-invalid";
  return seconds < sixMonths
    ? "hsts-implemented-max-age-less-than-six-months"
    : "hsts-implemented-max-age-at-least-six-months";
}

/** The registrable domain, roughly: the last two labels of a host name. */
const siteOf = (host: string) => host.split(".").slice(-2).join(".");

function subresourceIntegrity(headers: HeaderMap, body: string | undefined, pageUrl: URL): Result {
  const type = (first(headers, "content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (body === undefined || (type && type !== "text/html" && type !== "application/xhtml+xml")) {
    return "sri-not-implemented-response-not-html";
  }
  const order: Result[] = [
    "sri-implemented-and-all-scripts-loaded-securely",
    "sri-implemented-and-external-scripts-loaded-securely",
    "sri-implemented-but-external-scripts-not-loaded-securely",
    "sri-not-implemented-but-external-scripts-loaded-securely",
    "sri-not-implemented-and-external-scripts-not-loaded-securely",
    "sri-not-implemented-response-not-html",
  ];
  const scripts = [...body.matchAll(/<script\b([^>]*)>/gi)].map((match) => match[1] ?? "");
  if (scripts.length === 0) return "sri-not-implemented-but-no-scripts-loaded";
  const attribute = (attributes: string, name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
      .exec(attributes)
      ?.slice(1)
      .find((value) => value !== undefined);
  let result: Result | undefined;
  let foreign = false;
  for (const attributes of scripts) {
    const src = attribute(attributes, "src");
    if (!src) continue;
    const integrity = attribute(attributes, "integrity");
    const protocolRelative = /^\/\/[^/]/.test(src);
    const absolute = /^https?:\/\//i.test(src);
    const relative = !protocolRelative && !absolute;
    const sameSite = protocolRelative || relative || siteOf(new URL(src).hostname) === siteOf(pageUrl.hostname);
    const secureOrigin = relative || (sameSite && !protocolRelative);
    const secureScheme =
      (absolute && new URL(src).protocol === "https:") || (relative && pageUrl.protocol === "https:");
    if (!secureOrigin) {
      foreign = true;
      if (integrity && !secureScheme) {
        result = worse(result, "sri-implemented-but-external-scripts-not-loaded-securely", order);
      } else if (!integrity && secureScheme) {
        result = worse(result, "sri-not-implemented-but-external-scripts-loaded-securely", order);
      } else if (!integrity) {
        result = worse(result, "sri-not-implemented-and-external-scripts-not-loaded-securely", order);
      }
    } else if (integrity && secureScheme && result === undefined) {
      result = "sri-implemented-and-all-scripts-loaded-securely";
    }
  }
  return (
    result ??
    (foreign
      ? "sri-implemented-and-external-scripts-loaded-securely"
      : "sri-not-implemented-but-all-scripts-loaded-from-secure-origin")
  );
}

function xContentTypeOptions(headers: HeaderMap): Result {
  const header = first(headers, "x-content-type-options");
  if (header === undefined) return "x-content-type-options-not-implemented";
  return header.trim().toLowerCase() === "nosniff"
    ? "x-content-type-options-nosniff"
    : "x-content-type-options-header-invalid";
}

function xFrameOptions(headers: HeaderMap, csp: Map<string, Set<string>> | undefined): Result {
  // frame-ancestors in the CSP header makes X-Frame-Options unnecessary, whatever it says.
  if (csp?.has("frame-ancestors")) return "x-frame-options-implemented-via-csp";
  const header = first(headers, "x-frame-options")?.trim().toLowerCase();
  if (header === undefined) return "x-frame-options-not-implemented";
  if (header === "deny" || header === "sameorigin") return "x-frame-options-sameorigin-or-deny";
  return header.startsWith("allow-from") ? "x-frame-options-allow-from-origin" : "x-frame-options-header-invalid";
}

function crossOriginResourcePolicy(headers: HeaderMap): Result {
  const header = first(headers, "cross-origin-resource-policy")?.trim().toLowerCase();
  if (!header) return "cross-origin-resource-policy-not-implemented";
  const results: Record<string, Result> = {
    "same-site": "cross-origin-resource-policy-implemented-with-same-site",
    "same-origin": "cross-origin-resource-policy-implemented-with-same-origin",
    "cross-origin": "cross-origin-resource-policy-implemented-with-cross-origin",
  };
  return results[header] ?? "cross-origin-resource-policy-header-invalid";
}

/** The grade for a score: A+ from 100, then bands of five (A is 90–99), F below 25. */
export function gradeFor(score: number): Grade {
  const bands: [number, Grade][] = [
    [100, "A+"],
    [90, "A"],
    [85, "A-"],
    [80, "B+"],
    [70, "B"],
    [65, "B-"],
    [60, "C+"],
    [50, "C"],
    [45, "C-"],
    [40, "D+"],
    [30, "D"],
    [25, "D-"],
  ];
  return bands.find(([minimum]) => score >= minimum)?.[1] ?? "F";
}

/** Scores one response as the HTTP Observatory would (see the top of this file for what it cannot see). */
export function observatoryScore(response: ObservatoryResponse): ObservatoryScore {
  const headers = headerMap(response.headers);
  const url = new URL(response.url);
  const https = url.protocol === "https:";
  const csp = contentSecurityPolicy(headers, https);
  const hsts = strictTransportSecurity(headers, https);
  const tests: [string, Result][] = [
    ["content-security-policy", csp.result],
    ["cookies", cookies(headers, hsts === "hsts-implemented-max-age-at-least-six-months")],
    ["cross-origin-resource-sharing", crossOriginResourceSharing(headers, response.requestOrigin)],
    ["redirection", response.redirection ?? "redirection-to-https"],
    ["referrer-policy", referrerPolicy(headers)],
    ["strict-transport-security", hsts],
    ["subresource-integrity", subresourceIntegrity(headers, response.body, url)],
    ["x-content-type-options", xContentTypeOptions(headers)],
    ["x-frame-options", xFrameOptions(headers, csp.csp)],
    ["cross-origin-resource-policy", crossOriginResourcePolicy(headers)],
  ];
  const outcomes = tests.map(([test, result]) => ({ test, result, modifier: modifiers[result] }));
  const withBonuses = 100 + outcomes.reduce((sum, { modifier }) => sum + modifier, 0);
  const penaltiesOnly = 100 + outcomes.reduce((sum, { modifier }) => sum + Math.min(modifier, 0), 0);
  const score = Math.max(0, penaltiesOnly >= 90 ? withBonuses : penaltiesOnly);
  return { score, grade: gradeFor(score), tests: outcomes };
}
