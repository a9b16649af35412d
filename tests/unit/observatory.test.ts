import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  gradeFor,
  minimumScoreForExtraCredit,
  modifiers,
  type ObservatoryResponse,
  observatoryScore,
  observatoryTests,
  parseCsp,
  type Result,
  structuredFieldToken,
  type TestName,
  testNames,
} from "../helpers/observatory.ts";

// --- Mozilla's own test cases (tests/fixtures/observatory/README.md says where each comes from) ---

interface MozillaInput extends Partial<Omit<ObservatoryResponse, "headers">> {
  headers?: Record<string, string | string[]>;
  /** A page of the fixture's `files`. */
  file?: string;
}
interface MozillaCase {
  source: string;
  it: string;
  n: number;
  test: TestName;
  input: MozillaInput;
  expect: Record<string, unknown> & { notResult?: Result };
}
interface Fixture {
  source: { repository: string; commit: string; license: string };
  base: Required<Pick<ObservatoryResponse, "url" | "body">> & {
    headers: Record<string, string>;
    httpRedirects: NonNullable<ObservatoryResponse["httpRedirects"]>;
  };
  files: Record<string, string>;
  cases: MozillaCase[];
  cspParser: {
    it: string;
    policies: string[];
    directives?: Record<string, string[]>;
    duplicates?: string[];
    throws?: boolean;
  }[];
  scans: { it: string; input: ObservatoryResponse; expect: Record<string, unknown> }[];
  grades: { score: number; grade: string }[];
  scoreTable: Record<string, number>;
  gradeChart: Record<string, string>;
  minimumScoreForExtraCredit: number;
}

const fixture: Fixture = JSON.parse(
  readFileSync(new URL("../fixtures/observatory/mozilla-cases.json", import.meta.url), "utf8"),
);

/** A case's response: Mozilla's emptyRequests() with what the case sets up. */
function responseFor({ file, headers = {}, ...rest }: MozillaInput): ObservatoryResponse {
  const merged: Record<string, string | string[]> = {};
  for (const [name, value] of [...Object.entries(fixture.base.headers), ...Object.entries(headers)]) {
    merged[name.toLowerCase()] = value;
  }
  const body = file === undefined ? fixture.base.body : fixture.files[file];
  if (body === undefined) throw new Error(`no page ${file} in the fixture`);
  return { url: fixture.base.url, httpRedirects: fixture.base.httpRedirects, ...rest, headers: merged, body };
}

/** What the port says, for exactly the things Mozilla's test asserts. */
function observed(outcome: object, expected: MozillaCase["expect"]): Record<string, unknown> {
  const out = outcome as Record<string, unknown> & { data?: Record<string, unknown> | null; result: Result };
  const pick = (from: unknown, keys: object) =>
    Object.fromEntries(Object.keys(keys).map((key) => [key, (from as Record<string, unknown> | null)?.[key]]));
  const seen: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(expected)) {
    if (key === "notResult") continue;
    if (key === "policy" || key === "dataIncludes")
      seen[key] = pick(key === "policy" ? out.policy : out.data, value as object);
    else if (key === "cookieSameSite") {
      const cookies = Object.entries((out.data ?? {}) as Record<string, { samesite?: string }>);
      seen[key] = Object.fromEntries(cookies.map(([name, cookie]) => [name, cookie.samesite ?? null]));
    } else seen[key] = out[key];
  }
  return seen;
}

describe(`Mozilla's analyzer test cases (mdn-http-observatory ${fixture.source.commit.slice(0, 7)})`, () => {
  it("are all there, for all twelve tests", () => {
    expect(fixture.cases).toHaveLength(209);
    expect(new Set(fixture.cases.map((c) => c.test))).toEqual(new Set(testNames));
  });

  for (const c of fixture.cases) {
    it(`${c.source}: ${c.it} #${c.n}`, () => {
      const { notResult, ...expected } = c.expect;
      expect(Object.keys(c.expect).length).toBeGreaterThan(0);
      const outcome = observatoryTests(responseFor(c.input))[c.test];
      expect(outcome.test).toBe(c.test);
      if (notResult !== undefined) expect(outcome.result).not.toBe(notResult);
      expect(observed(outcome, expected)).toEqual(expected);
      expect(outcome.modifier).toBe(modifiers[outcome.result]);
    });
  }
});

describe("Mozilla's CSP parser test cases", () => {
  it("are all there", () => expect(fixture.cspParser).toHaveLength(24));

  for (const [index, c] of fixture.cspParser.entries()) {
    it(`test/csp-parser.test.js: ${c.it} #${index + 1}`, () => {
      if (c.throws) {
        expect(() => parseCsp(c.policies)).toThrow();
        return;
      }
      const parsed = parseCsp(c.policies);
      if (c.directives) {
        expect(Object.fromEntries([...parsed.directives].map(([name, sources]) => [name, [...sources]]))).toEqual(
          c.directives,
        );
      }
      expect([...parsed.duplicates]).toEqual(c.duplicates ?? []);
    });
  }
});

describe("Mozilla's captured scans (test/scanner.test.js)", () => {
  it("are both there", () => expect(fixture.scans).toHaveLength(2));

  for (const scan of fixture.scans) {
    it(scan.it, () => {
      const { score, grade, testsPassed, testsFailed, testsQuantity } = observatoryScore(scan.input);
      expect({ score, grade, testsPassed, testsFailed, testsQuantity }).toEqual(scan.expect);
    });
  }
});

describe("Mozilla's score table and grades (src/grader/charts.js, test/grader.test.js)", () => {
  it("gives every result Mozilla's modifier, and knows no result Mozilla does not", () => {
    expect(modifiers).toEqual(fixture.scoreTable);
  });

  it("counts bonuses from the same score as Mozilla", () => {
    expect(minimumScoreForExtraCredit).toBe(fixture.minimumScoreForExtraCredit);
  });

  it("grades every score as Mozilla's chart does (bands of five, 100 and up A+)", () => {
    const scores = Array.from({ length: 151 }, (_, score) => score);
    const chart = (score: number) => fixture.gradeChart[String(Math.min(score - (score % 5), 100))];
    expect(scores.map(gradeFor)).toEqual(scores.map(chart));
    for (const { score, grade } of fixture.grades) expect(gradeFor(score), String(score)).toBe(grade);
  });
});

// --- This project's own cases ---

/** A response with the strict header set this project ships, from which each test below takes one thing away. */
const strict: Record<string, string> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
const page = '<!doctype html><script type="module" src="/assets/js/a.1234567890.js"></script>';

const score = (changes: Record<string, string | string[] | null> = {}, extra: Partial<ObservatoryResponse> = {}) => {
  const headers: Record<string, string | string[]> = { ...strict };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return observatoryScore({ url: "https://example.org/", headers, body: page, ...extra });
};
const resultOf = (test: TestName, scored: ReturnType<typeof observatoryScore>): Result | undefined =>
  scored.tests.find((outcome) => outcome.test === test)?.result;
const bonuses = (scored: ReturnType<typeof observatoryScore>) =>
  scored.tests
    .filter((outcome) => outcome.modifier !== 0)
    .map(({ test, result, modifier }) => ({ test, result, modifier }));

describe("observatoryScore on a strict header set", () => {
  it("gives A+ (120): +10 default-src 'none', +5 private referrer policy, +5 frame-ancestors", () => {
    const scored = score();
    expect(scored.score).toBe(120);
    expect(scored.grade).toBe("A+");
    expect(bonuses(scored)).toEqual([
      { test: "content-security-policy", result: "csp-implemented-with-no-unsafe-default-src-none", modifier: 10 },
      { test: "referrer-policy", result: "referrer-policy-private", modifier: 5 },
      { test: "x-frame-options", result: "x-frame-options-implemented-via-csp", modifier: 5 },
    ]);
    expect(resultOf("subresource-integrity", scored)).toBe(
      "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
    );
    expect(resultOf("cookies", scored)).toBe("cookies-not-found");
    expect(resultOf("cross-origin-resource-sharing", scored)).toBe("cross-origin-resource-sharing-not-implemented");
    expect(scored.tests.map((outcome) => outcome.test)).toEqual([...testNames]);
    expect([scored.testsPassed, scored.testsFailed, scored.testsQuantity]).toEqual([12, 0, 12]);
  });

  it("adds +10 each for Cross-Origin-Opener-Policy, -Embedder-Policy and -Resource-Policy", () => {
    expect(score({ "Cross-Origin-Opener-Policy": "same-origin" }).score).toBe(130);
    expect(
      score({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" }).score,
    ).toBe(140);
    const all = score({
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "credentialless",
      "Cross-Origin-Resource-Policy": "same-site",
    });
    expect(all.score).toBe(150);
    expect(resultOf("cross-origin-resource-policy", all)).toBe("corp-implemented-with-same-site");
  });

  it("does not count 'wasm-unsafe-eval' as 'unsafe-eval'", () => {
    expect(resultOf("content-security-policy", score())).toBe("csp-implemented-with-no-unsafe-default-src-none");
  });
});

describe("observatoryScore's penalties", () => {
  const csp = (policy: string) => resultOf("content-security-policy", score({ "Content-Security-Policy": policy }));

  it("for each kind of weak Content-Security-Policy", () => {
    expect(resultOf("content-security-policy", score({ "Content-Security-Policy": null }))).toBe("csp-not-implemented");
    // An empty header, or a directive named twice, cannot be read; a misspelt directive name is
    // just a directive nobody knows, so script-src is unrestricted.
    expect(csp("")).toBe("csp-header-invalid");
    expect(csp("default-src 'self'; default-src 'none'")).toBe("csp-header-invalid");
    expect(csp("default-src: 'self'")).toBe("csp-implemented-with-unsafe-inline");
    expect(csp("default-src 'self'; script-src 'self' 'unsafe-inline'")).toBe("csp-implemented-with-unsafe-inline");
    expect(csp("default-src 'self'; script-src 'self' data:")).toBe("csp-implemented-with-unsafe-inline");
    expect(csp("img-src 'self'")).toBe("csp-implemented-with-unsafe-inline");
    expect(csp("default-src 'self'; script-src 'self' 'unsafe-eval'")).toBe("csp-implemented-with-unsafe-eval");
    expect(csp("default-src 'self'; connect-src http://api.example.org")).toBe("csp-implemented-with-insecure-scheme");
    expect(csp("default-src 'self'; img-src http://cdn.example.org")).toBe(
      "csp-implemented-with-insecure-scheme-in-passive-content-only",
    );
    expect(csp("default-src 'self'; style-src 'self' 'unsafe-inline'")).toBe(
      "csp-implemented-with-unsafe-inline-in-style-src-only",
    );
    expect(csp("default-src 'self'")).toBe("csp-implemented-with-no-unsafe");
    expect(csp("default-src 'none' 'self'")).toBe("csp-implemented-with-no-unsafe");
    expect(
      resultOf(
        "content-security-policy",
        score({ "Content-Security-Policy": null, "Content-Security-Policy-Report-Only": "default-src 'none'" }),
      ),
    ).toBe("csp-not-implemented-but-reporting-enabled");
  });

  it("forgives 'unsafe-inline' next to a nonce or hash, as browsers ignore it then", () => {
    expect(csp("default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'")).toBe(
      "csp-implemented-with-no-unsafe-default-src-none",
    );
    expect(csp("default-src 'none'; script-src 'strict-dynamic'")).toBe("csp-header-invalid");
  });

  it("combines sources as Mozilla's parser does: sorted as Intl.Collator sorts them, a source that extends its neighbour dropped", () => {
    // "https://a.org:1" sorts between "https://a.org" and "https://a.org/x", so it is the one dropped.
    const parsed = parseCsp(["script-src https://a.org https://a.org/x https://a.org:1"]);
    expect([...(parsed.directives.get("script-src") ?? [])]).toEqual(["https://a.org", "https://a.org/x"]);
  });

  it("takes the bonus away from a policy with report-uri twice", () => {
    const scored = score({
      "Content-Security-Policy": `${strict["Content-Security-Policy"]}; report-uri /a; report-uri /b`,
    });
    expect(resultOf("content-security-policy", scored)).toBe("csp-implemented-but-duplicate-directives");
    expect(scored.score).toBe(110);
  });

  it("reads a CSP in a <meta http-equiv>, but not its frame-ancestors", () => {
    const meta = (policy: string) =>
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}">${page}`;
    const headers = { "Content-Security-Policy": null, "X-Frame-Options": null };
    const scored = score(headers, { body: meta("default-src 'none'; frame-ancestors 'none'") });
    expect(resultOf("content-security-policy", scored)).toBe("csp-implemented-with-no-unsafe-default-src-none");
    const framing = observatoryTests({
      url: "https://example.org/",
      headers: { "Content-Type": "text/html" },
      body: meta("frame-ancestors 'none'"),
    });
    expect(framing["content-security-policy"].result).toBe("csp-not-implemented");
    expect(framing["x-frame-options"].result).toBe("x-frame-options-not-implemented");
    const both = observatoryTests({
      url: "https://example.org/",
      headers: { "Content-Type": "text/html", "Content-Security-Policy": "default-src 'none'" },
      body: meta("frame-ancestors 'none'"),
    })["content-security-policy"];
    expect(both.policy?.antiClickjacking).toBe(false);
    // Only a page served as HTML has <meta> policies.
    const plain = observatoryTests({
      url: "https://example.org/",
      headers: { "Content-Type": "text/plain" },
      body: meta("default-src 'none'"),
    });
    expect(plain["content-security-policy"].result).toBe("csp-not-implemented");
  });

  it("scores unsafe-inline at −20, and without bonuses when the rest falls below 90", () => {
    const scored = score({ "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'" });
    // 100 − 20 = 80 < 90: neither the +5 referrer bonus nor +5 for X-Frame-Options DENY counts.
    expect(scored.score).toBe(80);
    expect(scored.grade).toBe("B+");
    expect(resultOf("x-frame-options", scored)).toBe("x-frame-options-sameorigin-or-deny");
  });

  it("counts the bonuses from exactly 90 without them", () => {
    // 100 − 10 = 90: the bonuses (+20) count.
    expect(score({ "Strict-Transport-Security": "max-age=86400" }).score).toBe(110);
    // 100 − 10 − 5 = 85: they do not.
    expect(score({ "Strict-Transport-Security": "max-age=86400", "X-Content-Type-Options": null }).score).toBe(85);
  });

  it("for HSTS missing, short, unreadable, over plain http, or with a bad certificate", () => {
    const hsts = (value: string | null, extra: Partial<ObservatoryResponse> = {}) =>
      resultOf("strict-transport-security", score({ "Strict-Transport-Security": value }, extra));
    expect(hsts(null)).toBe("hsts-not-implemented");
    // 100 − 20 = 80: below 90, so the bonuses do not count.
    expect(score({ "Strict-Transport-Security": null }).score).toBe(80);
    expect(hsts("max-age=86400")).toBe("hsts-implemented-max-age-less-than-six-months");
    expect(hsts("max-age=15552000")).toBe("hsts-implemented-max-age-at-least-six-months");
    expect(hsts("includeSubDomains")).toBe("hsts-header-invalid");
    expect(hsts("max-age=1, max-age=2")).toBe("hsts-header-invalid");
    // As Mozilla's code does: a max-age that is not a number is not "less than six months".
    expect(hsts("max-age=soon")).toBe("hsts-implemented-max-age-at-least-six-months");
    expect(hsts("max-age=63072000", { url: "http://example.org/" })).toBe("hsts-not-implemented-no-https");
    expect(hsts("max-age=63072000", { certificateValid: false })).toBe("hsts-invalid-cert");
  });

  it("awards hsts-preloaded only for a host on the preload list it is given", () => {
    const preloadList = { "example.org": { includeSubDomains: true } };
    expect(resultOf("strict-transport-security", score({}, { preloadList }))).toBe("hsts-preloaded");
    expect(score({}, { preloadList }).score).toBe(125);
    const www = { url: "https://www.example.org/", preloadList: { "example.org": { includeSubDomains: false } } };
    expect(resultOf("strict-transport-security", score({}, www))).toBe("hsts-implemented-max-age-at-least-six-months");
  });

  it("for X-Content-Type-Options missing or wrong", () => {
    expect(resultOf("x-content-type-options", score({ "X-Content-Type-Options": null }))).toBe(
      "x-content-type-options-not-implemented",
    );
    expect(score({ "X-Content-Type-Options": null }).score).toBe(115);
    expect(resultOf("x-content-type-options", score({ "X-Content-Type-Options": "sniff" }))).toBe(
      "x-content-type-options-header-invalid",
    );
  });

  it("for framing allowed: no frame-ancestors and no or a bad X-Frame-Options", () => {
    const noAncestors = "default-src 'none'; script-src 'self'";
    const xfo = (value: string | null) =>
      resultOf("x-frame-options", score({ "Content-Security-Policy": noAncestors, "X-Frame-Options": value }));
    expect(xfo(null)).toBe("x-frame-options-not-implemented");
    expect(xfo("ALLOWALL")).toBe("x-frame-options-header-invalid");
    expect(xfo("DENY")).toBe("x-frame-options-sameorigin-or-deny");
    expect(xfo("ALLOW-FROM https://example.net")).toBe("x-frame-options-allow-from-origin");
    expect(score({ "Content-Security-Policy": noAncestors, "X-Frame-Options": null }).score).toBe(80);
    // DENY earns the same +5 as frame-ancestors.
    expect(score({ "Content-Security-Policy": noAncestors }).score).toBe(120);
  });

  it("for a referrer policy that leaks, or that no browser understands", () => {
    const referrer = (value: string | null) => resultOf("referrer-policy", score({ "Referrer-Policy": value }));
    expect(referrer(null)).toBe("referrer-policy-not-implemented");
    expect(referrer("unsafe-url")).toBe("referrer-policy-unsafe");
    expect(referrer("no-referrer-when-downgrade")).toBe("referrer-policy-unsafe");
    expect(referrer("everything")).toBe("referrer-policy-header-invalid");
    expect(referrer("unsafe-url, no-referrer")).toBe("referrer-policy-private");
    // A <meta name="referrer"> comes after the header, so it wins.
    const meta = '<!doctype html><meta name="referrer" content="unsafe-url">';
    expect(resultOf("referrer-policy", score({}, { body: meta }))).toBe("referrer-policy-unsafe");
  });

  it("for cookies without Secure, HttpOnly or a valid SameSite", () => {
    const cookie = (value: string | string[]) => resultOf("cookies", score({ "Set-Cookie": value }));
    expect(cookie("theme=dark; Secure; SameSite=Lax")).toBe("cookies-secure-with-httponly-sessions-and-samesite");
    expect(cookie("theme=dark; Secure")).toBe("cookies-secure-with-httponly-sessions");
    expect(cookie("theme=dark; SameSite=Lax")).toBe("cookies-without-secure-flag-but-protected-by-hsts");
    expect(cookie("sessionid=1; Secure; SameSite=Lax")).toBe("cookies-session-without-httponly-flag");
    expect(cookie(["theme=dark; Secure; SameSite=Lax", "sessionid=1; HttpOnly; SameSite=Lax"])).toBe(
      "cookies-session-without-secure-flag-but-protected-by-hsts",
    );
    expect(cookie("theme=dark; Secure; SameSite=Sometimes")).toBe("cookies-samesite-flag-invalid");
    expect(cookie("csrftoken=1; Secure")).toBe("cookies-anticsrf-without-samesite-flag");
    expect(
      resultOf(
        "cookies",
        score({ "Set-Cookie": "sessionid=1; HttpOnly; SameSite=Lax", "Strict-Transport-Security": null }),
      ),
    ).toBe("cookies-session-without-secure-flag");
    // Cookies a browser would not keep are not counted: another site's Domain, a broken prefix.
    expect(cookie("sessionid=1; Domain=example.net")).toBe("cookies-not-found");
    expect(cookie("__Secure-id=1; HttpOnly")).toBe("cookies-not-found");
    expect(cookie("__Host-id=1; Secure; HttpOnly; Path=/; Domain=example.org")).toBe("cookies-not-found");
    expect(cookie("__Host-id=1; Secure; HttpOnly; Path=/")).toBe("cookies-secure-with-httponly-sessions");
  });

  it("for CORS that lets any origin read with credentials", () => {
    const origin = "https://http-observatory.security.mozilla.org";
    const cors = (headers: Record<string, string>) =>
      resultOf("cross-origin-resource-sharing", score(headers, { requestOrigin: origin }));
    expect(cors({ "Access-Control-Allow-Origin": "*" })).toBe(
      "cross-origin-resource-sharing-implemented-with-public-access",
    );
    expect(cors({ "Access-Control-Allow-Origin": "https://partner.example" })).toBe(
      "cross-origin-resource-sharing-implemented-with-restricted-access",
    );
    const reflected = { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" };
    expect(cors(reflected)).toBe("cross-origin-resource-sharing-implemented-with-universal-access");
    expect(score(reflected, { requestOrigin: origin }).score).toBe(50);
  });

  it("for scripts from other sites without Subresource Integrity", () => {
    const sri = (body: string) => resultOf("subresource-integrity", score({}, { body }));
    expect(sri("<p>No scripts</p>")).toBe("sri-not-implemented-but-no-scripts-loaded");
    expect(sri('<script src="https://cdn.example.net/x.js"></script>')).toBe(
      "sri-not-implemented-but-external-scripts-loaded-securely",
    );
    expect(sri('<script src="http://cdn.example.net/x.js"></script>')).toBe(
      "sri-not-implemented-and-external-scripts-not-loaded-securely",
    );
    expect(sri('<script src="//cdn.example.net/x.js"></script>')).toBe(
      "sri-not-implemented-and-external-scripts-not-loaded-securely",
    );
    expect(sri('<script src="http://cdn.example.net/x.js" integrity="sha384-x"></script>')).toBe(
      "sri-implemented-but-external-scripts-not-loaded-securely",
    );
    expect(sri('<script src="https://cdn.example.net/x.js" integrity="sha384-x"></script>')).toBe(
      "sri-implemented-and-external-scripts-loaded-securely",
    );
    expect(sri('<script src="https://static.example.org/x.js"></script>')).toBe(
      "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
    );
    expect(sri('<script src="/x.js" integrity="sha384-x"></script>')).toBe(
      "sri-implemented-and-all-scripts-loaded-securely",
    );
    // A registrable domain under a two-label suffix: another site, not the same one.
    expect(
      resultOf(
        "subresource-integrity",
        score({}, { url: "https://a.example.co.uk/", body: '<script src="https://b.co.uk/x.js"></script>' }),
      ),
    ).toBe("sri-not-implemented-but-external-scripts-loaded-securely");
    expect(resultOf("subresource-integrity", score({ "Content-Type": "text/css" }, { body: "a{}" }))).toBe(
      "sri-not-implemented-response-not-html",
    );
  });

  it("for redirection, when the caller knows it failed or gives the http:// chain", () => {
    expect(score({}, { redirection: "redirection-missing" }).score).toBe(80);
    expect(score({}, { redirection: "redirection-off-host-from-http" }).score).toBe(115);
    const chain = (...urls: string[]) =>
      urls.map((url, index) => ({ url, status: index < urls.length - 1 ? 301 : 200 }));
    const redirect = (httpRedirects: ObservatoryResponse["httpRedirects"]) =>
      resultOf("redirection", score({}, { httpRedirects }));
    expect(redirect(chain("http://example.org/", "https://example.org/"))).toBe("redirection-to-https");
    expect(redirect(chain("http://example.org/"))).toBe("redirection-missing");
    expect(redirect(chain("http://example.org/", "https://www.example.org/"))).toBe("redirection-off-host-from-http");
    expect(redirect(null)).toBe("redirection-not-needed-no-http");
  });

  it("for a COOP, COEP or CORP nobody understands (−5 each)", () => {
    expect(resultOf("cross-origin-resource-policy", score({ "Cross-Origin-Resource-Policy": "nope" }))).toBe(
      "corp-header-invalid",
    );
    const invalid = score({
      "Cross-Origin-Opener-Policy": "Same-Origin",
      "Cross-Origin-Embedder-Policy": '"require-corp"',
      "Cross-Origin-Resource-Policy": "nope",
    });
    expect(invalid.tests.filter((outcome) => outcome.modifier < 0).map((outcome) => outcome.result)).toEqual([
      "coep-header-invalid",
      "coop-header-invalid",
      "corp-header-invalid",
    ]);
    // 100 − 15 = 85: bonuses do not count.
    expect(invalid.score).toBe(85);
    expect(invalid.testsFailed).toBe(3);
  });

  it("refuses a response Mozilla would not score", () => {
    expect(() => score({}, { status: 500 })).toThrow("unexpected HTTP status code 500");
    expect(score({}, { status: 403 }).score).toBe(120);
  });

  it("never goes below zero", () => {
    const bare = observatoryScore({
      url: "https://example.org/",
      headers: {
        "Content-Type": "text/html",
        "Set-Cookie": "sessionid=1",
        "Access-Control-Allow-Origin": "https://evil.example",
        "Access-Control-Allow-Credentials": "true",
      },
      body: '<script src="http://cdn.example.net/x.js"></script>',
      requestOrigin: "https://evil.example",
      redirection: "redirection-missing",
    });
    expect(bare.score).toBe(0);
    expect(bare.grade).toBe("F");
  });
});

describe("structuredFieldToken (RFC 9651 Items, as COOP and COEP are read)", () => {
  it("gives the token, whatever its parameters", () => {
    expect(structuredFieldToken("same-origin")).toBe("same-origin");
    expect(structuredFieldToken(' require-corp; report-to="a"; b=?1; c=1.5; d=:aGk=:')).toBe("require-corp");
  });

  it("gives null for anything else, or what does not parse", () => {
    for (const value of ['"same-origin"', "1", "?1", "same-origin;", "same-origin x", "same-origin; A=1", "", "@"]) {
      expect(structuredFieldToken(value), value).toBeNull();
    }
  });
});
