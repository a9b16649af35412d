import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultCacheControl,
  headerRules,
  headersFor,
  matchesPattern,
  previewServer,
  redirectFor,
  redirectRules,
  redirectTarget,
} from "../../src/lib/preview-server.ts";
import { temporaryDir } from "../../tools/fixtures/project.ts";

const toml = `
[[headers]]
  for = "/*"
  [headers.values]
    X-Content-Type-Options = "nosniff"
    Content-Security-Policy = "default-src 'none'"

[[headers]]
  for = "/assets/*"
  [headers.values]
    Cache-Control = "public, max-age=31536000, immutable"

[[redirects]]
  from = "/feed"
  to = "/feed.xml"

[[redirects]]
  from = "/old-news/*"
  to = "/articles/:splat"
  status = 302

[[redirects]]
  from = "/people/:name/talks"
  to = "/talks/:name/"
  status = 301

[[redirects]]
  from = "/latest"
  to = "/articles/a/"
  status = 200

[[redirects]]
  from = "/about/"
  to = "/articles/"
  status = 301

[[redirects]]
  from = "/index.html"
  to = "/"
  force = true

[[redirects]]
  from = "/members/*"
  to = "/members-only.html"
  status = 404
`;

describe("header rules", () => {
  const rules = headerRules(toml);

  it("match Netlify's patterns: * for anything, the rest literally", () => {
    expect(matchesPattern("/*", "/")).toBe(true);
    expect(matchesPattern("/assets/*", "/assets/js/a.1234567890.js")).toBe(true);
    expect(matchesPattern("/assets/*", "/assets-old/a.js")).toBe(false);
    expect(matchesPattern("/feed.xml", "/feedxxml")).toBe(false);
  });

  it("send every matching rule's headers, and Netlify's short cache where none sets one", () => {
    expect(headersFor(rules, "/about/")).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Cache-Control": defaultCacheControl,
    });
    expect(headersFor(rules, "/assets/css/site.1234567890.css")["Cache-Control"]).toBe(
      "public, max-age=31536000, immutable",
    );
  });

  it("join a header that two matching rules both set, as the CDN does, whatever the case of its name", () => {
    const overlapping = headerRules(`
[[headers]]
  for = "/*"
  [headers.values]
    Cache-Control = "public, max-age=0, must-revalidate"
[[headers]]
  for = "/assets/*"
  [headers.values]
    cache-control = "public, max-age=31536000, immutable"
`);
    expect(headersFor(overlapping, "/assets/a.js")).toEqual({
      "Cache-Control": "public, max-age=0, must-revalidate, public, max-age=31536000, immutable",
    });
  });
});

describe("redirect rules", () => {
  const rules = redirectRules(toml);

  it("take Netlify's defaults: status 301, not forced", () => {
    expect(rules[0]).toEqual({ from: "/feed", to: "/feed.xml", status: 301, force: false });
  });

  it("match with or without a trailing slash", () => {
    expect(redirectTarget(rules[0]!, "/feed")).toBe("/feed.xml");
    expect(redirectTarget(rules[0]!, "/feed/")).toBe("/feed.xml");
    expect(redirectTarget(rules[0]!, "/feeds")).toBeUndefined();
  });

  it("carry what * matched into :splat, and named segments into their placeholders", () => {
    expect(redirectTarget(rules[1]!, "/old-news/2026/mentors/")).toBe("/articles/2026/mentors");
    expect(redirectTarget(rules[1]!, "/old-news")).toBe("/articles/");
    expect(redirectTarget(rules[1]!, "/old-newsroom")).toBeUndefined();
    expect(redirectTarget(rules[2]!, "/people/ada/talks")).toBe("/talks/ada/");
    expect(redirectTarget(rules[2]!, "/people/ada/lovelace/talks")).toBeUndefined();
  });

  it("give way to a file at the address unless forced, and take the first rule that applies", () => {
    expect(redirectFor(rules, "/about/", true)).toBeUndefined();
    expect(redirectFor(rules, "/about/", false)?.to).toBe("/articles/");
    expect(redirectFor(rules, "/index.html", true)?.to).toBe("/");
    expect(redirectFor(rules, "/nothing/", false)).toBeUndefined();
  });
});

describe("previewServer", () => {
  let origin: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const site = await temporaryDir("imd-preview-");
    const files: Record<string, string> = {
      "index.html": "<h1>Home</h1>",
      "404.html": "<h1>Page not found</h1>",
      "members-only.html": "<h1>Members only</h1>",
      "feed.xml": "<feed/>",
      "about/index.html": "<h1>About</h1>",
      "articles/index.html": "<h1>Articles</h1>",
      "articles/a/index.html": "<h1>Article A</h1>",
      "assets/css/site.1234567890.css": "body{}",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(site, path, ".."), { recursive: true });
      await writeFile(join(site, path), text);
    }
    const server = previewServer(site, toml);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close?.());

  const get = (path: string) => fetch(origin + path, { redirect: "manual" });

  it("serves /dir/ from its index.html with the rules' headers", async () => {
    const response = await get("/about/");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<h1>About</h1>");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe(defaultCacheControl);
  });

  it("sends a year's cache for fingerprinted assets", async () => {
    const response = await get("/assets/css/site.1234567890.css");
    expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("adds the slash to a folder's address", async () => {
    const response = await get("/articles");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/articles/");
  });

  it("redirects with the rule's status and keeps the query", async () => {
    const feed = await get("/feed?utm_source=x");
    expect(feed.status).toBe(301);
    expect(feed.headers.get("location")).toBe("/feed.xml?utm_source=x");
    const news = await get("/old-news/a/");
    expect(news.status).toBe(302);
    expect(news.headers.get("location")).toBe("/articles/a");
  });

  it("rewrites a 200 rule: the other page's content at the address asked for", async () => {
    const response = await get("/latest");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<h1>Article A</h1>");
  });

  it("lets a file shadow an unforced rule", async () => {
    expect((await get("/about/")).status).toBe(200);
    const forced = await get("/index.html");
    expect(forced.status).toBe(301);
    expect(forced.headers.get("location")).toBe("/");
  });

  it("answers a 404 rule with its page, and anything unknown with 404.html, both with status 404", async () => {
    const members = await get("/members/list/");
    expect(members.status).toBe(404);
    expect(await members.text()).toBe("<h1>Members only</h1>");
    const unknown = await get("/no-such-page/");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("<h1>Page not found</h1>");
    expect(unknown.headers.get("content-security-policy")).toBe("default-src 'none'");
  });
});
