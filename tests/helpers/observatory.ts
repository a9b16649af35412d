/**
 * Mozilla's HTTP Observatory, as far as one response can show it: the twelve tests of its current
 * algorithm (ALGORITHM_VERSION 6), each with Mozilla's own result names, modifiers and pass/fail,
 * and its score, grade and count of tests passed. Test support only: the site does not use it.
 *
 * Read from the MDN HTTP Observatory, github.com/mdn/mdn-http-observatory, at commit
 * 94042bbfbf9f1af722ad9114ada6d271dcb525b9 (20 August 2026; package.json says 1.6.3):
 * - the tests, src/analyzer/tests/*.js: content-security-policy (csp.js), cookies,
 *   cross-origin-embedder-policy, cross-origin-opener-policy, cross-origin-resource-sharing
 *   (cors.js), redirection, referrer-policy, strict-transport-security, subresource-integrity,
 *   x-content-type-options, x-frame-options, cross-origin-resource-policy, run in the order of
 *   ALL_TESTS in src/constants.js;
 * - how several CSP policies combine, src/analyzer/cspParser.js; COOP and COEP values as RFC 9651
 *   structured-field tokens, src/analyzer/utils.js; what a page's <meta> tags count for,
 *   src/retriever/utils.js;
 * - the modifiers, src/grader/charts.js (SCORE_TABLE, GRADE_CHART, MINIMUM_SCORE_FOR_EXTRA_CREDIT),
 *   and the sum, src/grader/grader.js and src/scanner/index.js.
 * Mozilla's code is MPL-2.0; this file is this project's own implementation of the algorithm it
 * publishes, not a copy. Where that algorithm does something odd, this does the same on purpose
 * (marked "As Mozilla's code does") so that the two agree. tests/unit/observatory.test.ts runs
 * Mozilla's own test cases (tests/fixtures/observatory/) against it.
 *
 * Scoring: every site starts at 100 and each test adds its modifier. The bonuses (positive
 * modifiers) count only if the score without them is 90 or more; below 0 is 0. The grade goes by
 * bands of five: A+ from 100, A from 90, A- from 85 … D- from 25, F below.
 *
 * What one response cannot show, and how it is taken here (each of them can be given):
 * - redirection: Mozilla requests http://host/ and follows the redirects. Unless `httpRedirects`
 *   (that chain) or `redirection` (the result itself) is given, it is `redirection-to-https`:
 *   Netlify sends every http:// request to https:// on the same host.
 * - the HSTS preload list: Mozilla reads Chromium's list (downloaded when it is installed) for
 *   `hsts-preloaded` (+5) and `redirection-all-redirects-preloaded`. Here only the hosts in
 *   `preloadList` are preloaded, so by default neither is ever awarded.
 * - the certificate: taken as valid unless `certificateValid` is false (then `hsts-invalid-cert`
 *   and `redirection-invalid-cert`, as Mozilla gives when it had to turn verification off).
 * - HSTS is read from this response if it came over https (Mozilla reads its https:// response),
 *   and `hsts-not-implemented-no-https` if it did not.
 * - cookies: Mozilla keeps the cookies of every response of its scan (redirects, /robots.txt) in a
 *   cookie jar. Here only this response's Set-Cookie headers, kept or dropped as that jar would
 *   keep or drop them (RFC 6265: a Domain that is not the host's, a __Secure- or __Host- prefix
 *   whose rules are not met).
 * - CORS: Mozilla sends an OPTIONS preflight with an Origin of its own. Here the
 *   Access-Control-Allow-* headers of this response, to a request sent with `requestOrigin`.
 * - registrable domains (is a script's host "the same site"? may a cookie name that Domain?):
 *   Mozilla asks the Public Suffix List (tldts, ICANN section). Here the last two labels of a host
 *   name, or three under a short list of two-label suffixes such as co.uk. It matters only for
 *   scripts and cookies from other hosts, which this site has none of.
 * - HTML is read with node-html-parser (a dependency of this project) instead of htmlparser2.
 */
import { parse as parseHtml } from "node-html-parser";

export type Grade = "A+" | "A" | "A-" | "B+" | "B" | "B-" | "C+" | "C" | "C-" | "D+" | "D" | "D-" | "F";

/** Every result of Mozilla's twelve tests, with its modifier (SCORE_TABLE in src/grader/charts.js). */
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
  "csp-not-implemented-but-reporting-enabled": -25,
  "csp-implemented-but-duplicate-directives": 0,
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
  "hsts-preloaded": 5,
  "hsts-implemented-max-age-at-least-six-months": 0,
  "hsts-implemented-max-age-less-than-six-months": -10,
  "hsts-not-implemented": -20,
  "hsts-header-invalid": -20,
  "hsts-not-implemented-no-https": -20,
  "hsts-invalid-cert": -20,
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
  // X-Frame-Options (DENY and SAMEORIGIN earn +5 now, as frame-ancestors does)
  "x-frame-options-implemented-via-csp": 5,
  "x-frame-options-sameorigin-or-deny": 5,
  "x-frame-options-allow-from-origin": 0,
  "x-frame-options-not-implemented": -20,
  "x-frame-options-header-invalid": -20,
  // Cross-Origin-Resource-Policy
  "corp-header-invalid": -5,
  "corp-implemented-with-cross-origin": 0,
  "corp-implemented-with-same-origin": 10,
  "corp-implemented-with-same-site": 10,
  "corp-not-implemented": 0,
  // Cross-Origin-Embedder-Policy
  "coep-implemented-with-require-corp": 10,
  "coep-implemented-with-credentialless": 10,
  "coep-implemented-with-unsafe-none": 0,
  "coep-not-implemented": 0,
  "coep-header-invalid": -5,
  // Cross-Origin-Opener-Policy
  "coop-implemented-with-same-origin": 10,
  "coop-implemented-with-same-origin-allow-popups": 10,
  "coop-implemented-with-noopener-allow-popups": 10,
  "coop-implemented-with-unsafe-none": 0,
  "coop-not-implemented": 0,
  "coop-header-invalid": -5,
  // Any test that reads the page, when the page cannot be parsed
  "html-not-parseable": -20,
} as const;

export type Result = keyof typeof modifiers;
export type RedirectionResult = Extract<Result, `redirection-${string}`>;

/** Mozilla's tests, in the order its scanner runs them. */
export const testNames = [
  "content-security-policy",
  "cookies",
  "cross-origin-embedder-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-sharing",
  "redirection",
  "referrer-policy",
  "strict-transport-security",
  "subresource-integrity",
  "x-content-type-options",
  "x-frame-options",
  "cross-origin-resource-policy",
] as const;
export type TestName = (typeof testNames)[number];

/** The score without bonuses must reach this for the bonuses to count. */
export const minimumScoreForExtraCredit = 90;

/** One step of the http:// request's way: the address asked for, and the status it answered with. */
export interface RedirectEntry {
  url: string;
  status: number;
}

export interface ObservatoryResponse {
  /** The address that answered. HSTS counts only over https. */
  url: string;
  /** Response headers, names in any case; a header sent more than once as an array. */
  headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body: the scripts an HTML page loads, and its <meta> CSP and referrer policy. */
  body?: string;
  /** The status code: observatoryScore, like Mozilla's scanner, refuses anything but 2xx, 3xx, 401 and 403. */
  status?: number;
  /** The Origin the request was sent with, to tell whether CORS reflects any origin. */
  requestOrigin?: string;
  /** The redirection result, if known outright (it wins over `httpRedirects`). */
  redirection?: RedirectionResult;
  /**
   * The http:// request's way: first the http:// address itself, last the address that answered.
   * null or []: nothing answered over http.
   */
  httpRedirects?: readonly RedirectEntry[] | null;
  /** Hosts on the HSTS preload list (as force-https), and whether their subdomains are too. */
  preloadList?: Readonly<Record<string, { includeSubDomains: boolean }>>;
  /** False if the TLS certificate did not verify. */
  certificateValid?: boolean;
}

interface Outcome<Test extends TestName> {
  test: Test;
  result: Result;
  modifier: number;
  /** Mozilla's pass/fail for this test, which the count of tests passed is made of. */
  pass: boolean;
}
export type TestOutcome = Outcome<TestName>;

/** What Mozilla's CSP test finds in the policy, besides its result. */
export interface CspPolicy {
  antiClickjacking: boolean;
  defaultNone: boolean;
  insecureBaseUri: boolean;
  insecureFormAction: boolean;
  insecureSchemeActive: boolean;
  insecureSchemePassive: boolean;
  strictDynamic: boolean;
  unsafeEval: boolean;
  unsafeInline: boolean;
  unsafeInlineStyle: boolean;
  unsafeObjects: boolean;
}
export interface CspOutcome extends Outcome<"content-security-policy"> {
  /** Whether a policy came in a header, or in a <meta http-equiv>. */
  http: boolean;
  meta: boolean;
  numPolicies: number;
  policy: CspPolicy | null;
  /** The combined policy: each directive and its sources, sorted. */
  data: Record<string, string[]> | null;
}
export interface CookieData {
  domain: string;
  path: string;
  httponly: boolean;
  secure: boolean;
  samesite: "strict" | "lax" | "none" | undefined;
}
export interface CookiesOutcome extends Outcome<"cookies"> {
  /** Whether every cookie has a SameSite attribute. */
  sameSite: boolean;
  data: Record<string, CookieData> | null;
}
export interface HeaderOutcome<Test extends TestName> extends Outcome<Test> {
  /** The header's value as the test read it. */
  data: string | null;
  http: boolean;
}
export interface CorsOutcome extends Outcome<"cross-origin-resource-sharing"> {
  data: string | null;
}
export interface RedirectionOutcome extends Outcome<"redirection"> {
  route: string[];
}
export interface ReferrerOutcome extends Outcome<"referrer-policy"> {
  data: string | null;
  http: boolean;
  meta: boolean;
}
export interface HstsOutcome extends Outcome<"strict-transport-security"> {
  data: string | null;
  maxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  preloaded: boolean;
}
export interface SriOutcome extends Outcome<"subresource-integrity"> {
  /** The scripts from other origins, by address. */
  data: Record<string, { crossorigin: string | null; integrity: string | null }>;
}
export interface ValueOutcome<Test extends TestName> extends Outcome<Test> {
  data: string | null;
}

export interface Outcomes {
  "content-security-policy": CspOutcome;
  cookies: CookiesOutcome;
  "cross-origin-embedder-policy": HeaderOutcome<"cross-origin-embedder-policy">;
  "cross-origin-opener-policy": HeaderOutcome<"cross-origin-opener-policy">;
  "cross-origin-resource-sharing": CorsOutcome;
  redirection: RedirectionOutcome;
  "referrer-policy": ReferrerOutcome;
  "strict-transport-security": HstsOutcome;
  "subresource-integrity": SriOutcome;
  "x-content-type-options": ValueOutcome<"x-content-type-options">;
  "x-frame-options": ValueOutcome<"x-frame-options">;
  "cross-origin-resource-policy": HeaderOutcome<"cross-origin-resource-policy">;
}

export interface ObservatoryScore {
  score: number;
  grade: Grade;
  testsPassed: number;
  testsFailed: number;
  testsQuantity: number;
  /** Every test's outcome, in Mozilla's order. */
  tests: Outcomes[TestName][];
}

function outcome<Test extends TestName>(test: Test, result: Result, passing: readonly Result[]): Outcome<Test> {
  return { test, result, modifier: modifiers[result], pass: passing.includes(result) };
}

/** Of two results of one test, the later one in `order` (which runs from good to bad). */
function worse(current: Result | null, candidate: Result, order: readonly Result[]): Result {
  if (current === null) return candidate;
  return order.indexOf(candidate) > order.indexOf(current) ? candidate : current;
}

// --- The response, as the tests read it ---

/** The response's headers by lower-case name, each value as HTTP delivers it: without spaces or tabs around it. */
class HeaderValues {
  readonly #values = new Map<string, string[]>();

  constructor(headers: ObservatoryResponse["headers"]) {
    for (const [name, value] of Object.entries(headers)) {
      const key = name.toLowerCase();
      const values = (typeof value === "string" ? [value] : value).map((v) => v.replace(/^[ \t]+|[ \t]+$/g, ""));
      this.#values.set(key, [...(this.#values.get(key) ?? []), ...values]);
    }
  }

  /** Every value sent under this name. */
  all(name: string): string[] {
    return this.#values.get(name) ?? [];
  }

  first(name: string): string | undefined {
    return this.all(name)[0];
  }
}

const htmlTypes = new Set(["text/html", "application/xhtml+xml"]);
type Attributes = ReadonlyMap<string, string>;

interface Page {
  /** The content of each <meta http-equiv="Content-Security-Policy">. */
  csp: string[];
  /** The content of the last <meta name="referrer">, if any. */
  referrer: string[];
  scripts: Attributes[] | "unparseable";
}

function readPage(headers: HeaderValues, body: string): Page {
  const page: Page = { csp: [], referrer: [], scripts: [] };
  let metas: Attributes[] = [];
  try {
    // script, style, title and textarea hold text, not tags, as htmlparser2 (Mozilla's parser) reads them.
    const root = parseHtml(body, { blockTextElements: { script: true, style: true, title: true, textarea: true } });
    const attributesOf = (tag: string) =>
      root.querySelectorAll(tag).map((element) => {
        const attributes = new Map<string, string>();
        for (const [name, value] of Object.entries(element.attributes)) {
          // Of an attribute given twice, the first counts.
          if (!attributes.has(name.toLowerCase())) attributes.set(name.toLowerCase(), value);
        }
        return attributes;
      });
    page.scripts = attributesOf("script");
    metas = attributesOf("meta");
  } catch {
    page.scripts = "unparseable";
  }
  // Mozilla reads <meta> only when the Content-Type says HTML, as written (no case folding).
  const mime = headers.first("content-type")?.split(";", 1)[0];
  if (body === "" || mime === undefined || !htmlTypes.has(mime)) return page;
  for (const meta of metas) {
    const content = meta.get("content");
    if (meta.has("http-equiv") && content !== undefined) {
      if (content && meta.get("http-equiv")?.trim().toLowerCase() === "content-security-policy") page.csp.push(content);
    } else if (meta.get("name")?.trim().toLowerCase() === "referrer" && content) {
      page.referrer = [content];
    }
  }
  return page;
}

/** Two-label public suffixes common enough to matter; the Public Suffix List has thousands more. */
const twoLabelSuffixes = new Set(
  [
    "ac.uk co.uk gov.uk ltd.uk me.uk net.uk nhs.uk org.uk plc.uk sch.uk",
    "com.au edu.au gov.au net.au org.au co.nz net.nz org.nz",
    "ac.jp co.jp go.jp ne.jp or.jp co.kr or.kr com.cn net.cn org.cn gov.cn com.hk com.tw com.sg",
    "com.br net.br org.br com.mx com.ar com.co com.tr co.il co.in net.in org.in co.za org.za",
    "co.id com.my com.ph com.vn com.sa com.eg com.ng com.pl com.ua",
  ]
    .join(" ")
    .split(" "),
);
const ipAddress = /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f:.]*:[0-9a-f:.]*\]?)$/i;

/** The registrable domain of a host, roughly (see the top of this file); null for an IP address or a suffix. */
function registrableDomain(host: string): string | null {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (!name || ipAddress.test(name)) return null;
  const labels = name.split(".");
  const suffixLength = twoLabelSuffixes.has(labels.slice(-2).join(".")) ? 2 : 1;
  return labels.length > suffixLength ? labels.slice(-suffixLength - 1).join(".") : null;
}

// --- Content Security Policy ---

/** A combined Content Security Policy: each directive and its sources, lower case. */
export interface ParsedCsp {
  directives: Map<string, Set<string>>;
  /** report-uri and report-to given twice in one policy, which Mozilla tolerates but reports. */
  duplicates: Set<string>;
}

const allowedDuplicates = new Set(["report-uri", "report-to"]);
const byCollation = new Intl.Collator("en").compare;

/**
 * Does source `b` fall within source `a`, path segment by path segment ("https://a.org/x/"
 * covers "https://a.org/x/y")? Segments are compared %-decoded; a bad %-escape throws, which
 * makes the whole policy unreadable, as in Mozilla's parser.
 */
function covers(a: string, b: string): boolean {
  if (a === "" || (a === "/" && b === "")) return true;
  const prefixOnly = a.endsWith("/");
  const segmentsA = a.split("/");
  const segmentsB = b.split("/");
  if (segmentsA.length > segmentsB.length || (!prefixOnly && segmentsA.length !== segmentsB.length)) return false;
  if (prefixOnly) segmentsA.pop();
  return segmentsA.every(
    (segment, index) => decodeURIComponent(segment) === decodeURIComponent(segmentsB[index] ?? ""),
  );
}

/**
 * Several policies as one, the way Mozilla combines them (src/analyzer/cspParser.js): a source
 * of the first policy stays only if a later policy has it too (or a source covering it), and a
 * directive left with no sources is 'none'. A directive named twice in one policy, or a policy
 * shorter than "img-src", makes the whole header unreadable: this throws.
 */
export function parseCsp(policies: readonly string[]): ParsedCsp {
  const cleaned = policies.map((policy) => policy.replaceAll(/[\r\n]/g, "").trim());
  const duplicates = new Set<string>();
  for (const policy of cleaned) {
    if (policy.length < "img-src".length - 1) throw new Error(`Invalid policy: ${policy}`);
  }
  interface Source {
    source: string;
    policy: number;
    keep: boolean;
  }
  const combined = new Map<string, Source[]>();
  cleaned.forEach((policy, index) => {
    const seen = new Set<string>();
    for (const entry of policy.split(";")) {
      const [name = "", ...values] = entry.trim().split(/\s+/);
      if (!name) continue;
      const directive = name.toLowerCase();
      if (seen.has(directive)) {
        if (!allowedDuplicates.has(directive)) throw new Error(`Duplicate directive ${directive} in policy ${index}`);
        duplicates.add(directive);
      }
      seen.add(directive);
      const keep = index === 0;
      const sources = values.map((value) => ({ source: value.trim().toLocaleLowerCase(), policy: index, keep }));
      if (sources.length === 0 && directive.endsWith("-src")) sources.push({ source: "'none'", policy: index, keep });
      const list = index === 0 ? sources : [...(combined.get(directive) ?? []), ...sources];
      list.sort((a, b) => byCollation(a.source, b.source));
      list.forEach((source, position) => {
        const previous = list[position - 1];
        if (!previous) return;
        // Within one policy a source that extends the one before it adds nothing; across
        // policies a source survives if the neighbouring one covers it.
        if (source.policy === previous.policy && source.source.startsWith(previous.source)) source.keep = false;
        if (source.policy !== previous.policy && covers(previous.source, source.source)) source.keep = true;
      });
      const kept = list.filter((source) => source.keep);
      combined.set(directive, kept);
      // From the second policy on, what the first kept must be found again to stay.
      if (index === 0 && cleaned.length > 1) for (const source of kept) source.keep = false;
    }
  });
  const directives = new Map<string, Set<string>>();
  for (const [directive, sources] of combined) {
    directives.set(directive, new Set(sources.length > 0 ? sources.map((source) => source.source) : ["'none'"]));
  }
  return { directives, duplicates };
}

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
const broadOrInline = new Set([...dangerouslyBroad, "'unsafe-inline'", "data:"]);
const passiveDirectives = new Set(["img-src", "media-src"]);
const hasNonceOrHash = (sources: Iterable<string>) =>
  [...sources].some((source) => ["'sha256-", "'sha384-", "'sha512-", "'nonce-"].some((s) => source.startsWith(s)));
const insecureScheme = (source: string) => source.startsWith("http:") || source.startsWith("ftp:");

function contentSecurityPolicy(headers: HeaderValues, page: Page, https: boolean): CspOutcome {
  const passing: Result[] = [
    "csp-implemented-with-no-unsafe",
    "csp-implemented-with-no-unsafe-default-src-none",
    "csp-implemented-with-unsafe-inline-in-style-src-only",
    "csp-implemented-with-insecure-scheme-in-passive-content-only",
  ];
  // One header may carry several policies, separated by commas.
  const split = (values: string[]) => values.flatMap((value) => value.split(",").map((policy) => policy.trim()));
  const headerPolicies = split(headers.all("content-security-policy"));
  const metaPolicies = split(page.csp);
  const numPolicies = headerPolicies.length + metaPolicies.length;
  const done = (result: Result): CspOutcome => ({
    ...outcome("content-security-policy", result, passing),
    http: false,
    meta: false,
    numPolicies,
    policy: null,
    data: null,
  });

  let csp: ParsedCsp;
  try {
    csp = parseCsp([...headerPolicies, ...metaPolicies]);
  } catch {
    return done("csp-header-invalid");
  }
  const readable = (policies: string[], allowedInMeta: boolean): ParsedCsp => {
    try {
      const parsed = parseCsp(policies);
      // frame-ancestors, report-uri and sandbox do nothing in a <meta>.
      const ignored = allowedInMeta ? [] : ["frame-ancestors", "report-uri", "sandbox"];
      for (const directive of ignored) parsed.directives.delete(directive);
      return parsed;
    } catch {
      return { directives: new Map(), duplicates: new Set() };
    }
  };
  const headerOnly = readable(headerPolicies, true);
  const metaOnly = readable(metaPolicies, false);
  // As Mozilla's code does, the report of duplicates counts as one more directive here.
  const size = (parsed: ParsedCsp) => parsed.directives.size + (parsed.duplicates.size > 0 ? 1 : 0);
  if (size(headerOnly) + size(metaOnly) === 0) {
    const reportOnly = headers.all("content-security-policy-report-only");
    return done(
      reportOnly.length > 1 || reportOnly[0] ? "csp-not-implemented-but-reporting-enabled" : "csp-not-implemented",
    );
  }

  const { directives } = csp;
  // As Mozilla's code does, a directive that falls back to default-src gets default-src's very
  // list, so what is taken out of one below is taken out of the others that share it.
  const fallback = (name: string) => directives.get(name) ?? directives.get("default-src") ?? new Set(["*"]);
  const baseUri = directives.get("base-uri") ?? new Set(["*"]);
  // frame-ancestors counts only in a header.
  const frameAncestors = headerOnly.directives.get("frame-ancestors") ?? new Set(["*"]);
  const formAction = directives.get("form-action") ?? new Set(["*"]);
  const objectSrc = fallback("object-src");
  const scriptSrc = fallback("script-src");
  const styleSrc = fallback("style-src");
  const policy: CspPolicy = {
    antiClickjacking: false,
    defaultNone: false,
    insecureBaseUri: false,
    insecureFormAction: false,
    insecureSchemeActive: false,
    insecureSchemePassive: false,
    strictDynamic: false,
    unsafeEval: false,
    unsafeInline: false,
    unsafeInlineStyle: false,
    unsafeObjects: false,
  };
  let result: Result | null = null;
  const set = (candidate: Result) => {
    result ??= candidate;
  };

  // Browsers ignore 'unsafe-inline' next to a nonce or a hash.
  for (const sources of [scriptSrc, styleSrc]) {
    if (hasNonceOrHash(sources)) sources.delete("'unsafe-inline'");
  }
  // With 'strict-dynamic' (and a nonce or hash, without which it is invalid), sources that start
  // with a scheme or '*', 'self' and 'unsafe-inline' are ignored.
  if (scriptSrc.has("'strict-dynamic'")) {
    if (hasNonceOrHash(scriptSrc)) {
      for (const source of scriptSrc) {
        const broad = [...dangerouslyBroad].some((scheme) => source.startsWith(scheme));
        if (broad || source === "'self'" || source === "'unsafe-inline'") scriptSrc.delete(source);
      }
      policy.strictDynamic = true;
    } else {
      set("csp-header-invalid");
    }
  }
  const activeSources = [
    ...[...directives]
      .filter(([name]) => !passiveDirectives.has(name) && name !== "script-src")
      .flatMap(([, s]) => [...s]),
    ...scriptSrc,
  ];
  const passiveSources = [...passiveDirectives].flatMap((name) => [
    ...(directives.get(name) ?? directives.get("default-src") ?? []),
  ]);

  if ([...scriptSrc].some((s) => broadOrInline.has(s)) || [...objectSrc].some((s) => dangerouslyBroad.has(s))) {
    set("csp-implemented-with-unsafe-inline");
    policy.unsafeInline = true;
  }
  if (https && activeSources.some(insecureScheme)) {
    set("csp-implemented-with-insecure-scheme");
    policy.insecureSchemeActive = true;
  }
  // 'wasm-unsafe-eval' is not 'unsafe-eval'.
  if (scriptSrc.has("'unsafe-eval'") || styleSrc.has("'unsafe-eval'")) {
    set("csp-implemented-with-unsafe-eval");
    policy.unsafeEval = true;
  }
  if (https && passiveSources.some(insecureScheme)) {
    set("csp-implemented-with-insecure-scheme-in-passive-content-only");
    policy.insecureSchemePassive = true;
  }
  if ([...styleSrc].some((s) => broadOrInline.has(s))) {
    set("csp-implemented-with-unsafe-inline-in-style-src-only");
    policy.unsafeInlineStyle = true;
  }
  const defaultSrc = directives.get("default-src");
  if (defaultSrc?.has("'none'") && defaultSrc.size === 1) {
    set("csp-implemented-with-no-unsafe-default-src-none");
    policy.defaultNone = true;
  } else {
    set("csp-implemented-with-no-unsafe");
  }
  policy.antiClickjacking = [...frameAncestors].every((s) => !dangerouslyBroad.has(s));
  policy.insecureBaseUri = [...baseUri].some((s) => broadOrInline.has(s));
  policy.insecureFormAction = [...formAction].some((s) => dangerouslyBroad.has(s));
  policy.unsafeObjects = [...objectSrc].some((s) => dangerouslyBroad.has(s));

  let final: Result = result ?? "csp-implemented-with-no-unsafe";
  const pass = passing.includes(final);
  // A passing policy with report-uri or report-to twice loses its bonus.
  if (pass && csp.duplicates.size > 0) final = "csp-implemented-but-duplicate-directives";
  const data = Object.fromEntries([...directives].map(([name, sources]) => [name, [...sources].sort()]));
  return {
    test: "content-security-policy",
    result: final,
    modifier: modifiers[final],
    pass,
    http: headerPolicies.length > 0,
    meta: metaPolicies.length > 0,
    numPolicies,
    policy,
    data,
  };
}

// --- Cookies ---

interface Cookie {
  name: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: "strict" | "lax" | "none" | undefined;
}

/** The directory of a path, as a cookie without a Path attribute is scoped (RFC 6265, 5.1.4). */
function defaultPath(path: string): string {
  if (!path.startsWith("/") || path.lastIndexOf("/") === 0) return "/";
  return path.slice(0, path.lastIndexOf("/"));
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !ipAddress.test(host));
}

/** One Set-Cookie header as a cookie jar would store it (RFC 6265, 5.2 and 5.3), or undefined if it would drop it. */
function storedCookie(line: string, url: URL): Cookie | undefined {
  const [rawPair = "", ...attributes] = line.trim().split(";");
  // The name=value pair ends at a line break or NUL; the name must not be empty, and neither
  // name nor value may hold control characters.
  const pair = rawPair.split(/[\n\r\0]/, 1)[0] ?? "";
  const equals = pair.indexOf("=");
  if (equals <= 0) return undefined;
  const name = pair.slice(0, equals).trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  if (/[\x00-\x1f]/.test(name + pair.slice(equals + 1).trim())) return undefined;
  const cookie: Cookie = {
    name,
    domain: "",
    path: "",
    hostOnly: true,
    secure: false,
    httpOnly: false,
    sameSite: undefined,
  };
  let domain: string | undefined;
  let path: string | undefined;
  // Of an attribute given twice, the last counts.
  for (const attribute of attributes) {
    const [key = "", ...rest] = attribute.trim().split("=");
    const value = rest.join("=").trim();
    switch (key.trim().toLowerCase()) {
      case "secure":
        cookie.secure = true;
        break;
      case "httponly":
        cookie.httpOnly = true;
        break;
      case "samesite": {
        const sameSite = value.toLowerCase();
        cookie.sameSite = sameSite === "strict" || sameSite === "lax" || sameSite === "none" ? sameSite : undefined;
        break;
      }
      case "domain":
        if (value.replace(/^\./, "")) domain = value.replace(/^\./, "").toLowerCase();
        break;
      case "path":
        path = value.startsWith("/") ? value : undefined;
        break;
    }
  }
  const host = url.hostname.toLowerCase();
  if (domain !== undefined) {
    // A Domain that is a public suffix, or not the host's, and the cookie is dropped.
    if (registrableDomain(domain) === null && !domain.includes(":")) return undefined;
    if (!domainMatches(host, domain)) return undefined;
    cookie.hostOnly = false;
  }
  cookie.domain = domain ?? host;
  cookie.path = path ?? defaultPath(url.pathname);
  if (name.startsWith("__Secure-") && !cookie.secure) return undefined;
  if (name.startsWith("__Host-") && !(cookie.secure && cookie.hostOnly && cookie.path === "/")) return undefined;
  return cookie;
}

/** Mozilla's check on the raw header: a SameSite attribute with no value, or one that is not Strict, Lax or None. */
function hasInvalidSameSite(line: string): boolean {
  return line
    .trim()
    .split(";")
    .some((part) => {
      const [key, value] = part.trim().split("=");
      if (key?.trim().toLowerCase() !== "samesite") return false;
      return !value || !["lax", "strict", "none"].includes(value.trim().toLowerCase());
    });
}

function cookies(headers: HeaderValues, url: URL, hstsPasses: boolean): CookiesOutcome {
  const order: Result[] = [
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
  ];
  const passing: Result[] = [
    "cookies-not-found",
    "cookies-secure-with-httponly-sessions-and-samesite",
    "cookies-secure-with-httponly-sessions",
  ];
  const lines = headers.all("set-cookie");
  let result: Result | null = null;
  if (lines.some(hasInvalidSameSite)) result = "cookies-samesite-flag-invalid";

  // A later cookie of the same name, domain and path replaces the earlier one.
  const jar = new Map<string, Cookie>();
  for (const line of lines) {
    const cookie = storedCookie(line, url);
    if (cookie) jar.set(JSON.stringify([cookie.name, cookie.domain, cookie.path]), cookie);
  }
  // Heroku's load-balancing cookie is not held against anyone (mozilla/http-observatory#282).
  const stored = [...jar.values()].filter((cookie) => cookie.name !== "heroku-session-affinity");
  if (stored.length === 0) {
    return { ...outcome("cookies", "cookies-not-found", passing), sameSite: false, data: null };
  }
  let missingSameSite = false;
  for (const cookie of stored) {
    const name = cookie.name.toLowerCase();
    const session = name.includes("login") || name.includes("sess");
    if (!cookie.secure && cookie.sameSite === "none") result = worse(result, "cookies-samesite-flag-invalid", order);
    if (!cookie.secure) {
      const candidate = hstsPasses
        ? "cookies-without-secure-flag-but-protected-by-hsts"
        : "cookies-without-secure-flag";
      result = worse(result, candidate, order);
    }
    if (name.includes("csrf") && !cookie.sameSite)
      result = worse(result, "cookies-anticsrf-without-samesite-flag", order);
    if (session && !cookie.secure) {
      const candidate = hstsPasses
        ? "cookies-session-without-secure-flag-but-protected-by-hsts"
        : "cookies-session-without-secure-flag";
      result = worse(result, candidate, order);
    }
    if (session && !cookie.httpOnly) result = worse(result, "cookies-session-without-httponly-flag", order);
    if (!cookie.sameSite) missingSameSite = true;
  }
  const final =
    result ??
    (missingSameSite ? "cookies-secure-with-httponly-sessions" : "cookies-secure-with-httponly-sessions-and-samesite");
  const data = Object.fromEntries(
    stored.map((cookie): [string, CookieData] => [
      cookie.name,
      {
        domain: cookie.domain,
        path: cookie.path,
        httponly: cookie.httpOnly,
        secure: cookie.secure,
        samesite: cookie.sameSite,
      },
    ]),
  );
  return {
    ...outcome("cookies", final, passing),
    sameSite: final === "cookies-secure-with-httponly-sessions-and-samesite",
    data,
  };
}

// --- Cross-Origin-Opener-Policy, -Embedder-Policy, -Resource-Policy ---

/**
 * The value of a header that is an RFC 9651 structured-field Item, if that Item is a Token
 * (parameters such as `report-to` are read past and ignored); null if it is anything else or does
 * not parse, in which case browsers ignore the header, as Mozilla's COOP and COEP tests do.
 */
export function structuredFieldToken(input: string): string | null {
  let position = 0;
  const peek = () => input[position] ?? "";
  const fail = (): never => {
    throw new SyntaxError(`not a structured field at ${position}: ${input}`);
  };
  const skipSpaces = () => {
    while (peek() === " ") position++;
  };
  const take = (pattern: RegExp) => {
    const start = position;
    while (position < input.length && pattern.test(peek())) position++;
    return input.slice(start, position);
  };
  const number = (integerOnly: boolean) => {
    if (peek() === "-") position++;
    const whole = take(/[0-9]/);
    if (!whole) fail();
    if (peek() !== "." || integerOnly) {
      if (whole.length > 15) fail();
      return;
    }
    position++;
    const fraction = take(/[0-9]/);
    if (whole.length > 12 || fraction.length < 1 || fraction.length > 3) fail();
  };
  /** Parses one bare item; true if it is a token. */
  const bareItem = (): boolean => {
    const char = peek();
    if (/[-0-9]/.test(char)) {
      number(false);
    } else if (char === '"') {
      position++;
      for (;;) {
        const next = input[position++];
        if (next === undefined) fail();
        if (next === '"') break;
        if (next === "\\") {
          if (input[position] !== "\\" && input[position] !== '"') fail();
          position++;
        } else if (!/[\x20-\x7e]/.test(next ?? "")) {
          fail();
        }
      }
    } else if (/[A-Za-z*]/.test(char)) {
      position++;
      take(/[-!#$%&'*+.^_`|~0-9A-Za-z:/]/);
      return true;
    } else if (char === ":") {
      position++;
      take(/[A-Za-z0-9+/=]/);
      if (peek() !== ":") fail();
      position++;
    } else if (char === "?") {
      position++;
      if (peek() !== "0" && peek() !== "1") fail();
      position++;
    } else if (char === "@") {
      position++;
      number(true);
    } else if (char === "%") {
      position++;
      if (peek() !== '"') fail();
      position++;
      const bytes: number[] = [];
      for (;;) {
        const next = input[position++];
        if (next === undefined || !/[\x20-\x7e]/.test(next)) fail();
        if (next === '"') break;
        if (next === "%") {
          const hex = input.slice(position, position + 2);
          if (!/^[0-9a-f]{2}$/.test(hex)) fail();
          bytes.push(Number.parseInt(hex, 16));
          position += 2;
        } else {
          bytes.push(next?.charCodeAt(0) ?? 0);
        }
      }
      new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
    } else {
      fail();
    }
    return false;
  };
  try {
    skipSpaces();
    const start = position;
    const token = bareItem() ? input.slice(start, position) : null;
    while (peek() === ";") {
      position++;
      skipSpaces();
      if (!/[a-z*]/.test(peek())) fail();
      take(/[a-z0-9_\-.*]/);
      if (peek() === "=") {
        position++;
        bareItem();
      }
    }
    skipSpaces();
    if (position !== input.length) fail();
    return token;
  } catch {
    return null;
  }
}

/** COOP and COEP: one header, a token Mozilla knows, else invalid. */
function crossOriginPolicy<Test extends "cross-origin-embedder-policy" | "cross-origin-opener-policy">(
  test: Test,
  headers: HeaderValues,
  prefix: "coep" | "coop",
  known: readonly string[],
): HeaderOutcome<Test> {
  const values = headers.all(test);
  const notImplemented: Result = `${prefix}-not-implemented`;
  const invalid: Result = `${prefix}-header-invalid`;
  const passing = modifiersOf(prefix).filter((result) => result !== invalid);
  let result: Result = notImplemented;
  let data: string | null = null;
  if (values.length > 1) {
    result = invalid;
  } else if (values[0]) {
    data = values[0].slice(0, 1024).trim();
    const token = structuredFieldToken(data);
    const candidate = `${prefix}-implemented-with-${token}`;
    result = token !== null && known.includes(token) && isResult(candidate) ? candidate : invalid;
  }
  return { ...outcome(test, result, passing), data, http: values.length > 0 };
}

const isResult = (name: string): name is Result => Object.hasOwn(modifiers, name);
const modifiersOf = (prefix: string) =>
  Object.keys(modifiers).filter((name): name is Result => name.startsWith(`${prefix}-`) && isResult(name));

function crossOriginResourcePolicy(headers: HeaderValues): HeaderOutcome<"cross-origin-resource-policy"> {
  // Several headers are read as one, joined by commas (and so are invalid).
  const joined = headers.all("cross-origin-resource-policy").join(", ");
  const data = joined ? joined.slice(0, 256).trim().toLowerCase() : null;
  const results: Record<string, Result> = {
    "same-site": "corp-implemented-with-same-site",
    "same-origin": "corp-implemented-with-same-origin",
    "cross-origin": "corp-implemented-with-cross-origin",
  };
  // Mozilla's test also reads a <meta http-equiv> CORP, but its page reader never collects one.
  const result = data ? (results[data] ?? "corp-header-invalid") : "corp-not-implemented";
  const passing = modifiersOf("corp").filter((name) => name !== "corp-header-invalid");
  return { ...outcome("cross-origin-resource-policy", result, passing), data: data || null, http: Boolean(joined) };
}

// --- Cross-origin resource sharing ---

function crossOriginResourceSharing(headers: HeaderValues, requestOrigin: string | undefined): CorsOutcome {
  const passing: Result[] = [
    "cross-origin-resource-sharing-implemented-with-public-access",
    "cross-origin-resource-sharing-implemented-with-restricted-access",
    "cross-origin-resource-sharing-not-implemented",
  ];
  const allowOrigin = headers.first("access-control-allow-origin");
  if (!allowOrigin) {
    return {
      ...outcome("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented", passing),
      data: null,
    };
  }
  const data = allowOrigin.slice(0, 256).trim().toLowerCase();
  const credentials = headers.first("access-control-allow-credentials")?.toLowerCase().trim() === "true";
  let result: Result = "cross-origin-resource-sharing-implemented-with-restricted-access";
  if (data === "*") result = "cross-origin-resource-sharing-implemented-with-public-access";
  // Any origin may read, with the visitor's cookies: the header echoes the Origin it was sent.
  else if (requestOrigin && requestOrigin === allowOrigin && credentials) {
    result = "cross-origin-resource-sharing-implemented-with-universal-access";
  }
  return { ...outcome("cross-origin-resource-sharing", result, passing), data };
}

// --- Redirection and HSTS ---

function preloaded(list: ObservatoryResponse["preloadList"], host: string): { includeSubDomains: boolean } | null {
  if (!list) return null;
  const exact = Object.hasOwn(list, host) ? list[host] : undefined;
  if (exact) return exact;
  const labels = host.split(".");
  for (let start = 1; start < labels.length; start++) {
    const parent = labels.slice(start).join(".");
    const entry = Object.hasOwn(list, parent) ? list[parent] : undefined;
    if (entry?.includeSubDomains) return entry;
  }
  return null;
}

function redirection(response: ObservatoryResponse, certificateValid: boolean): RedirectionOutcome {
  const passing: Result[] = [
    "redirection-not-needed-no-http",
    "redirection-all-redirects-preloaded",
    "redirection-to-https",
  ];
  const given = response.redirection;
  const way = response.httpRedirects;
  if (given !== undefined || way === undefined) {
    return { ...outcome("redirection", given ?? "redirection-to-https", passing), route: [] };
  }
  const route = (way ?? []).map((entry) => new URL(entry.url));
  let result: Result;
  if (route.length === 0) result = "redirection-not-needed-no-http";
  else if (!certificateValid) result = "redirection-invalid-cert";
  else if (route.every((url) => preloaded(response.preloadList, url.hostname))) {
    result = "redirection-all-redirects-preloaded";
  } else if (route.length === 1) result = "redirection-missing";
  else if (route.at(-1)?.protocol !== "https:") result = "redirection-not-to-https";
  else if (route[1]?.protocol === "http:") result = "redirection-not-to-https-on-initial-redirection";
  else if (route[0]?.protocol === "http:" && route[0].hostname !== route[1]?.hostname) {
    // HSTS set on another host does not protect the first one.
    result = "redirection-off-host-from-http";
  } else result = "redirection-to-https";
  return { ...outcome("redirection", result, passing), route: route.map((url) => url.href) };
}

/** 15768000 s is six months; Mozilla accepts the common 15552000 (180 days). */
const sixMonths = 15_552_000;

function strictTransportSecurity(
  headers: HeaderValues,
  url: URL,
  response: ObservatoryResponse,
  certificateValid: boolean,
): HstsOutcome {
  const passing: Result[] = ["hsts-implemented-max-age-at-least-six-months", "hsts-preloaded"];
  const https = url.protocol === "https:";
  const found = {
    data: null as string | null,
    maxAge: null as number | null,
    includeSubDomains: false,
    preload: false,
    preloaded: false,
  };
  let result: Result = "hsts-not-implemented";
  const values = headers.all("strict-transport-security");
  if (!https) result = "hsts-not-implemented-no-https";
  else if (!certificateValid) result = "hsts-invalid-cert";
  else if (values.length > 0) {
    found.data = (values[0] ?? "").slice(0, 1024);
    // A comma means the header was sent twice: invalid, and not read further.
    if (!found.data.includes(",")) {
      for (const directive of found.data.split(";").map((part) => part.trim().toLowerCase())) {
        if (directive.startsWith("max-age=")) found.maxAge = Number.parseInt(directive.slice(8, 128), 10);
        else if (directive === "includesubdomains") found.includeSubDomains = true;
        else if (directive === "preload") found.preload = true;
      }
    }
    // As Mozilla's code does, a max-age that is not a number (NaN) is not "less than six months".
    if (found.maxAge === null) result = "hsts-header-invalid";
    else if (found.maxAge < sixMonths) result = "hsts-implemented-max-age-less-than-six-months";
    else result = "hsts-implemented-max-age-at-least-six-months";
  }
  // On the preload list, whatever the header says.
  const entry = https ? preloaded(response.preloadList, url.hostname) : null;
  if (entry) {
    result = "hsts-preloaded";
    found.includeSubDomains = entry.includeSubDomains;
    found.preloaded = true;
  }
  return { ...outcome("strict-transport-security", result, passing), ...found };
}

// --- Referrer-Policy ---

function referrerPolicy(headers: HeaderValues, page: Page): ReferrerOutcome {
  const passing: Result[] = ["referrer-policy-private", "referrer-policy-not-implemented"];
  const good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
  const bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"];
  const values = headers.all("referrer-policy");
  const http = values.length > 0;
  const meta = page.referrer.length > 0;
  if (!http && !meta) {
    return { ...outcome("referrer-policy", "referrer-policy-not-implemented", passing), data: null, http, meta };
  }
  // The <meta> comes after the header, and the last policy a browser knows is the one it uses.
  const data = [...values, ...page.referrer].join(", ");
  const policy =
    data
      .split(",")
      .map((value) => value.toLowerCase().trim())
      .filter((value) => good.includes(value) || bad.includes(value))
      .at(-1) ?? "";
  let result: Result = "referrer-policy-header-invalid";
  if (good.includes(policy)) result = "referrer-policy-private";
  else if (bad.includes(policy)) result = "referrer-policy-unsafe";
  return { ...outcome("referrer-policy", result, passing), data, http, meta };
}

// --- Subresource Integrity ---

function subresourceIntegrity(headers: HeaderValues, page: Page, url: URL): SriOutcome {
  const order: Result[] = [
    "sri-implemented-and-all-scripts-loaded-securely",
    "sri-implemented-and-external-scripts-loaded-securely",
    "sri-implemented-but-external-scripts-not-loaded-securely",
    "sri-not-implemented-but-external-scripts-loaded-securely",
    "sri-not-implemented-and-external-scripts-not-loaded-securely",
    "sri-not-implemented-response-not-html",
  ];
  const passing: Result[] = [
    "sri-implemented-and-all-scripts-loaded-securely",
    "sri-implemented-and-external-scripts-loaded-securely",
    "sri-not-implemented-response-not-html",
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
    "sri-not-implemented-but-no-scripts-loaded",
  ];
  const data: SriOutcome["data"] = {};
  const done = (result: Result): SriOutcome => ({ ...outcome("subresource-integrity", result, passing), data });
  const mime = (headers.first("content-type") ?? "").split(";", 1)[0];
  if (mime && !htmlTypes.has(mime)) return done("sri-not-implemented-response-not-html");
  if (page.scripts === "unparseable") return done("html-not-parseable");

  const site = registrableDomain(url.hostname);
  let result: Result | null = null;
  let foreignOrigin = false;
  for (const script of page.scripts) {
    const src = script.get("src");
    if (!src) continue;
    const integrity = script.get("integrity") || null;
    // "//host/x.js" takes the page's scheme, "https://host/x.js" is absolute, anything else is on this origin.
    const protocolRelative = /^\/\/[^/]/.test(src);
    const absolute = !protocolRelative && /^https?:\/\//.test(src);
    const relative = !protocolRelative && !absolute;
    // An absolute address that does not parse throws here, as it makes Mozilla's scan fail.
    const address = absolute ? new URL(src) : null;
    const sameSite = address === null || registrableDomain(address.hostname) === site;
    // As Mozilla's code does, a protocol-relative address counts as another origin even on this site.
    const secureOrigin = relative || (sameSite && !protocolRelative);
    const secureScheme = address?.protocol === "https:" || (relative && url.protocol === "https:");
    if (!secureOrigin) {
      foreignOrigin = true;
      data[src] = { crossorigin: script.get("crossorigin") || null, integrity };
      if (integrity && !secureScheme) {
        result = worse(result, "sri-implemented-but-external-scripts-not-loaded-securely", order);
      } else if (!integrity && secureScheme) {
        result = worse(result, "sri-not-implemented-but-external-scripts-loaded-securely", order);
      } else if (!integrity) {
        result = worse(result, "sri-not-implemented-and-external-scripts-not-loaded-securely", order);
      }
    } else if (integrity && secureScheme && result === null) {
      // Integrity on scripts of this origin earns the bonus too.
      result = "sri-implemented-and-all-scripts-loaded-securely";
    }
  }
  if (page.scripts.length === 0) return done("sri-not-implemented-but-no-scripts-loaded");
  return done(
    result ??
      (foreignOrigin
        ? "sri-implemented-and-external-scripts-loaded-securely"
        : "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"),
  );
}

// --- X-Content-Type-Options, X-Frame-Options ---

function xContentTypeOptions(headers: HeaderValues): ValueOutcome<"x-content-type-options"> {
  const header = headers.first("x-content-type-options");
  const data = header ? header.slice(0, 256) : null;
  let result: Result = "x-content-type-options-not-implemented";
  if (data !== null) {
    result =
      data.trim().toLowerCase() === "nosniff"
        ? "x-content-type-options-nosniff"
        : "x-content-type-options-header-invalid";
  }
  return { ...outcome("x-content-type-options", result, ["x-content-type-options-nosniff"]), data };
}

function xFrameOptions(headers: HeaderValues, csp: CspOutcome): ValueOutcome<"x-frame-options"> {
  const passing: Result[] = [
    "x-frame-options-allow-from-origin",
    "x-frame-options-sameorigin-or-deny",
    "x-frame-options-implemented-via-csp",
  ];
  const header = headers.first("x-frame-options");
  const data = header ? header.slice(0, 1024) : null;
  let result: Result = "x-frame-options-not-implemented";
  if (data !== null) {
    const value = data.trim().toLowerCase();
    if (value === "deny" || value === "sameorigin") result = "x-frame-options-sameorigin-or-deny";
    else if (value.startsWith("allow-from")) result = "x-frame-options-allow-from-origin";
    else result = "x-frame-options-header-invalid";
  }
  // frame-ancestors in the CSP makes X-Frame-Options unnecessary, whatever it says. As Mozilla's
  // code does, this reads the combined policy, <meta> included.
  if (csp.data?.["frame-ancestors"]) result = "x-frame-options-implemented-via-csp";
  return { ...outcome("x-frame-options", result, passing), data };
}

// --- The score ---

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

/** Every test's outcome for one response (see the top of this file for what it cannot see). */
export function observatoryTests(response: ObservatoryResponse): Outcomes {
  const headers = new HeaderValues(response.headers);
  const url = new URL(response.url);
  const https = url.protocol === "https:";
  const certificateValid = response.certificateValid ?? true;
  const page = readPage(headers, response.body ?? "");
  const csp = contentSecurityPolicy(headers, page, https);
  const hsts = strictTransportSecurity(headers, url, response, certificateValid);
  return {
    "content-security-policy": csp,
    cookies: cookies(headers, url, hsts.pass),
    "cross-origin-embedder-policy": crossOriginPolicy("cross-origin-embedder-policy", headers, "coep", [
      "require-corp",
      "credentialless",
      "unsafe-none",
    ]),
    "cross-origin-opener-policy": crossOriginPolicy("cross-origin-opener-policy", headers, "coop", [
      "same-origin",
      "same-origin-allow-popups",
      "noopener-allow-popups",
      "unsafe-none",
    ]),
    "cross-origin-resource-sharing": crossOriginResourceSharing(headers, response.requestOrigin),
    redirection: redirection(response, certificateValid),
    "referrer-policy": referrerPolicy(headers, page),
    "strict-transport-security": hsts,
    "subresource-integrity": subresourceIntegrity(headers, page, url),
    "x-content-type-options": xContentTypeOptions(headers),
    "x-frame-options": xFrameOptions(headers, csp),
    "cross-origin-resource-policy": crossOriginResourcePolicy(headers),
  };
}

/** Scores one response as the HTTP Observatory would (see the top of this file for what it cannot see). */
export function observatoryScore(response: ObservatoryResponse): ObservatoryScore {
  // Mozilla's scanner gives up on anything but 2xx, 3xx, 401 and 403 (its tests themselves do not look).
  const { status } = response;
  if (status !== undefined && (status < 200 || (status >= 400 && status !== 401 && status !== 403))) {
    throw new Error(`Site did respond with an unexpected HTTP status code ${status}.`);
  }
  const outcomes = observatoryTests(response);
  const tests = testNames.map((name) => outcomes[name]);
  const withBonuses = 100 + tests.reduce((sum, { modifier }) => sum + modifier, 0);
  const penaltiesOnly = 100 + tests.reduce((sum, { modifier }) => sum + Math.min(modifier, 0), 0);
  const score = Math.max(0, penaltiesOnly >= minimumScoreForExtraCredit ? withBonuses : penaltiesOnly);
  const testsPassed = tests.filter((test) => test.pass).length;
  return {
    score,
    grade: gradeFor(score),
    testsPassed,
    testsFailed: tests.length - testsPassed,
    testsQuantity: tests.length,
    tests,
  };
}
