import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isFingerprinted } from "../../src/lib/publishing/fingerprint-files.ts";
import { headerRules, redirectRules } from "../../tools/preview/rules.ts";
import { serveSite } from "../helpers/browser.ts";
import { observatoryScore } from "../helpers/observatory.ts";
import { projectRoot } from "../helpers/project.ts";
import { fileForUrl, htmlFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const netlifyToml = readFileSync(join(projectRoot, "netlify.toml"), "utf8");
const everyPath = (await headerRules(netlifyToml)).find((rule) => rule.for === "/*")?.values ?? {};
const redirects = await redirectRules(netlifyToml);
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  site = await serveSite(siteDir);
});
afterAll(() => site?.close());

const yearCache = "public, max-age=31536000, immutable";
const pageUrl = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

describe("netlify.toml's headers for every address", () => {
  const csp = new Map(
    (everyPath["Content-Security-Policy"] ?? "")
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name = "", ...sources]) => [name, sources]),
  );

  it("hold a strict Content-Security-Policy", () => {
    const sources = [...csp.values()].flat();
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    for (const directive of ["base-uri", "form-action"]) {
      expect(["'none'", "'self'"], directive).toContain(csp.get(directive)?.join(" "));
    }
  });

  it("keep HTTPS for at least a year, and set the other hardening headers", () => {
    const maxAge = Number(/max-age=(\d+)/.exec(everyPath["Strict-Transport-Security"] ?? "")?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
    expect(everyPath["X-Content-Type-Options"]).toBe("nosniff");
    expect(everyPath["Referrer-Policy"]).toMatch(/^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/);
    expect(everyPath["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });
});

describe("Mozilla HTTP Observatory's score for what the preview server sends", () => {
  for (const path of ["/", "/articles/surgtime-telemedicine-mentoring/"]) {
    it(`is A+ (100 or more) for ${path}`, async () => {
      const probe = "https://http-observatory.security.mozilla.org";
      const response = await fetch(site.origin + path, { headers: { Origin: probe } });
      expect(response.status).toBe(200);
      const scored = observatoryScore({
        // As Netlify serves it: over https (HSTS counts only there).
        url: `https://international-mentoring-day.netlify.app${path}`,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
        requestOrigin: probe,
      });
      const modifiers = scored.tests
        .filter((test) => test.modifier !== 0)
        .map((test) => `${test.result} ${test.modifier > 0 ? "+" : ""}${test.modifier}`);
      console.log(`[observatory] ${path}: ${scored.score} (${scored.grade}): ${modifiers.join(", ")}`);
      expect(scored.tests.filter((test) => test.modifier < 0)).toEqual([]);
      expect(scored.score).toBeGreaterThanOrEqual(100);
      expect(scored.grade).toBe("A+");
    });
  }
});

describe("caching", () => {
  const assetUrls = () => {
    const urls = new Set<string>();
    for (const file of htmlFiles(siteDir)) {
      const page = parse(readFileSync(join(siteDir, file), "utf8"));
      for (const link of page.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]')) {
        urls.add(link.getAttribute("href") ?? "");
      }
      for (const script of page.querySelectorAll("script[src]")) urls.add(script.getAttribute("src") ?? "");
    }
    return [...urls].filter((url) => !url.startsWith("/pagefind/"));
  };

  it("every stylesheet and script the pages load (but Pagefind's own) is fingerprinted, there, and kept a year", async () => {
    const urls = assetUrls();
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      expect(url, url).toMatch(/^\/assets\//);
      expect(isFingerprinted(url), url).toBe(true);
      expect(fileForUrl(siteDir, url), url).toBeDefined();
      const response = await fetch(site.origin + url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get("cache-control"), url).toBe(yearCache);
    }
  });

  it("ships nothing under /assets/ that is not fingerprinted", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(siteDir, join(dir, entry.name))],
      );
    const files = walk(join(siteDir, "assets"));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !isFingerprinted(`/${file}`))).toEqual([]);
  });

  it("gives pages, Pagefind's files, cards and icons a short cache that checks back every time", async () => {
    const card = readdirSync(join(siteDir, "cards"))[0];
    const paths = [
      ...htmlFiles(siteDir).map(pageUrl),
      "/pagefind/pagefind.js",
      "/pagefind/pagefind-component-ui.js",
      `/cards/${card}`,
      "/icon-192.png",
      "/feed.xml",
    ];
    for (const path of paths) {
      const response = await fetch(site.origin + path);
      expect(response.headers.get("cache-control"), path).toMatch(/(^|,\s*)max-age=0(,|$)/);
      expect(response.headers.get("cache-control"), path).not.toContain("immutable");
    }
  });
});

describe("netlify.toml's redirects", () => {
  it("exist, and each leads to a file of the build", () => {
    expect(redirects.length).toBeGreaterThan(0);
    for (const rule of redirects) expect(fileForUrl(siteDir, rule.to), `${rule.from} → ${rule.to}`).toBeDefined();
    for (const rule of redirects) expect(existsSync(join(siteDir, rule.from)), rule.from).toBe(false);
  });

  it("send /feed to the Atom feed, in the preview server", async () => {
    const response = await fetch(`${site.origin}/feed`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/feed.xml");
    const feed = await fetch(`${site.origin}/feed`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("application/xml");
    expect(await feed.text()).toContain("<feed");
  });
});
