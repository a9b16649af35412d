import { describe, expect, it } from "vitest";
import { gradeFor, type ObservatoryResponse, observatoryScore, type Result } from "../../src/lib/observatory.ts";

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
const resultOf = (test: string, scored: ReturnType<typeof observatoryScore>): Result | undefined =>
  scored.tests.find((outcome) => outcome.test === test)?.result;

describe("observatoryScore on a strict header set", () => {
  it("gives A+ (120): +10 default-src 'none', +5 frame-ancestors, +5 private referrer policy", () => {
    const scored = score();
    expect(scored.score).toBe(120);
    expect(scored.grade).toBe("A+");
    expect(scored.tests.filter((outcome) => outcome.modifier !== 0)).toEqual([
      { test: "content-security-policy", result: "csp-implemented-with-no-unsafe-default-src-none", modifier: 10 },
      { test: "referrer-policy", result: "referrer-policy-private", modifier: 5 },
      { test: "x-frame-options", result: "x-frame-options-implemented-via-csp", modifier: 5 },
    ]);
    expect(resultOf("subresource-integrity", scored)).toBe(
      "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
    );
    expect(resultOf("cookies", scored)).toBe("cookies-not-found");
    expect(resultOf("cross-origin-resource-sharing", scored)).toBe("cross-origin-resource-sharing-not-implemented");
  });

  it("does not count 'wasm-unsafe-eval' as 'unsafe-eval'", () => {
    expect(resultOf("content-security-policy", score())).toBe("csp-implemented-with-no-unsafe-default-src-none");
  });
});

describe("observatoryScore's penalties", () => {
  const csp = (policy: string) => resultOf("content-security-policy", score({ "Content-Security-Policy": policy }));

  it("for each kind of weak Content-Security-Policy", () => {
    expect(resultOf("content-security-policy", score({ "Content-Security-Policy": null }))).toBe("csp-not-implemented");
    expect(csp("default-src: 'self'")).toBe("csp-header-invalid");
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
  });

  it("forgives 'unsafe-inline' next to a nonce or hash, as browsers ignore it then", () => {
    expect(csp("default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'")).toBe(
      "csp-implemented-with-no-unsafe-default-src-none",
    );
    expect(csp("default-src 'none'; script-src 'strict-dynamic'")).toBe("csp-header-invalid");
  });

  it("scores unsafe-inline at −20, and without bonuses when the rest falls below 90", () => {
    const scored = score({ "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'" });
    // 100 − 20 = 80 < 90: the +5 referrer bonus is not counted, nor is frame-ancestors (not in this policy).
    expect(scored.score).toBe(80);
    expect(scored.grade).toBe("B+");
  });

  it("for HSTS missing, short, unreadable, or over plain http", () => {
    const hsts = (value: string | null, url = "https://example.org/") =>
      resultOf("strict-transport-security", score({ "Strict-Transport-Security": value }, { url }));
    expect(hsts(null)).toBe("hsts-not-implemented");
    // 100 − 20 = 80: below 90, so the bonuses do not count.
    expect(score({ "Strict-Transport-Security": null }).score).toBe(80);
    expect(hsts("max-age=86400")).toBe("hsts-implemented-max-age-less-than-six-months");
    expect(hsts("max-age=15552000")).toBe("hsts-implemented-max-age-at-least-six-months");
    expect(hsts("includeSubDomains")).toBe("hsts-header-invalid");
    expect(hsts("max-age=1, max-age=2")).toBe("hsts-header-invalid");
    expect(hsts("max-age=63072000", "http://example.org/")).toBe("hsts-not-implemented-no-https");
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
  });

  it("for a referrer policy that leaks, or that no browser understands", () => {
    const referrer = (value: string | null) => resultOf("referrer-policy", score({ "Referrer-Policy": value }));
    expect(referrer(null)).toBe("referrer-policy-not-implemented");
    expect(referrer("unsafe-url")).toBe("referrer-policy-unsafe");
    expect(referrer("no-referrer-when-downgrade")).toBe("referrer-policy-unsafe");
    expect(referrer("everything")).toBe("referrer-policy-header-invalid");
    expect(referrer("unsafe-url, no-referrer")).toBe("referrer-policy-private");
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
    expect(resultOf("subresource-integrity", score({ "Content-Type": "text/css" }, { body: "a{}" }))).toBe(
      "sri-not-implemented-response-not-html",
    );
  });

  it("for redirection, when the caller knows it failed", () => {
    expect(score({}, { redirection: "redirection-missing" }).score).toBe(80);
    expect(score({}, { redirection: "redirection-off-host-from-http" }).score).toBe(115);
  });

  it("for a Cross-Origin-Resource-Policy nobody understands, and a bonus for a real one", () => {
    expect(resultOf("cross-origin-resource-policy", score({ "Cross-Origin-Resource-Policy": "nope" }))).toBe(
      "cross-origin-resource-policy-header-invalid",
    );
    expect(score({ "Cross-Origin-Resource-Policy": "same-origin" }).score).toBe(130);
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

describe("gradeFor", () => {
  it("follows Mozilla's grading chart", () => {
    const grades = [
      135, 100, 99, 90, 89, 85, 84, 80, 79, 70, 69, 65, 64, 60, 59, 50, 49, 45, 44, 40, 39, 30, 29, 25, 24, 0,
    ];
    expect(grades.map(gradeFor)).toEqual([
      "A+",
      "A+",
      "A",
      "A",
      "A-",
      "A-",
      "B+",
      "B+",
      "B",
      "B",
      "B-",
      "B-",
      "C+",
      "C+",
      "C",
      "C",
      "C-",
      "C-",
      "D+",
      "D+",
      "D",
      "D",
      "D-",
      "D-",
      "F",
      "F",
    ]);
  });
});
