import { mkdir, symlink, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultCacheControl,
  headerRules,
  headersFor,
  redirectFor,
  redirectRules,
  redirectTarget,
} from "../../tools/preview/rules.ts";
import { contentTypeFor, previewServer } from "../../tools/preview/server.ts";
import { temporaryDir } from "../helpers/project.ts";

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

[[redirects]]
  from = "/deutsch"
  to = "/de/"
  conditions = { Language = ["de"] }
`;

/** Writes `files` (path → text) into a fresh temporary folder, removed after the test file. */
async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await temporaryDir("imd-preview-");
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe("header rules, as Netlify's parser reads them", () => {
  let rules: Awaited<ReturnType<typeof headerRules>>;
  beforeAll(async () => {
    rules = await headerRules(toml);
  });

  it("match by Netlify's patterns: /* everything, /assets/* the folder and all below it", () => {
    expect(headersFor(rules, "/")["X-Content-Type-Options"]).toBe("nosniff");
    const immutable = "public, max-age=31536000, immutable";
    expect(headersFor(rules, "/assets/js/a.1234567890.js")["Cache-Control"]).toBe(immutable);
    expect(headersFor(rules, "/assets")["Cache-Control"]).toBe(immutable);
    expect(headersFor(rules, "/about/assets/a.js")["Cache-Control"]).toBe(defaultCacheControl);
  });

  it("send every matching rule's headers, and Netlify's short cache where none sets one", () => {
    expect(headersFor(rules, "/about/")).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Cache-Control": defaultCacheControl,
    });
  });

  it("join a header that two matching rules both set, as the CDN does, whatever the case of its name", async () => {
    const overlapping = await headerRules(`
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

  it("include the site's own _headers file, as Netlify's build does", async () => {
    const site = await folderWith({ _headers: "/articles/*\n  X-Robots-Tag: noindex\n" });
    const withFile = await headerRules(toml, site);
    expect(headersFor(withFile, "/articles/a/")["X-Robots-Tag"]).toBe("noindex");
    expect(headersFor(withFile, "/articles/a/")["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("fail with every problem Netlify's parsers find, not with some rules quietly left out", async () => {
    const broken = `
[[headers]]
  [headers.values]
    X-Frame-Options = "DENY"
[[redirects]]
  to = "/nowhere/"
`;
    await expect(headerRules(broken)).rejects.toThrow(/Missing "for" field/);
    await expect(redirectRules(broken)).rejects.toThrow(/Missing "from" field/);
    await expect(headerRules("[[headers]\n")).rejects.toThrow(/not valid TOML/);
  });
});

describe("redirect rules, as Netlify's parser reads them", () => {
  let rules: Awaited<ReturnType<typeof redirectRules>>;
  beforeAll(async () => {
    rules = await redirectRules(toml);
  });

  it("take Netlify's defaults: status 301, not forced", () => {
    expect(rules[0]).toEqual({ from: "/feed", to: "/feed.xml", status: 301, force: false, conditions: [] });
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

  it("leave alone a rule for some visitors only, which a preview cannot tell apart", () => {
    expect(rules.at(-1)?.conditions).toEqual(["Language"]);
    expect(redirectFor(rules, "/deutsch", false)).toBeUndefined();
  });

  it("put the site's own _redirects file first, as Netlify does", async () => {
    const site = await folderWith({ _redirects: "/feed /atom.xml 302\n" });
    expect(redirectFor(await redirectRules(toml, site), "/feed", false)?.to).toBe("/atom.xml");
  });
});

/** A GET (or `method`) with the bytes as sent: no redirect followed, nothing decompressed. */
function rawRequest(origin: string, path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      // `path` goes out exactly as written, even where it is not a valid address.
      const request = httpRequest(`${origin}/`, { path, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      request.on("error", reject);
      request.end();
    },
  );
}

describe("previewServer", () => {
  let parent: string;
  const servers: { close: () => void }[] = [];
  let origin: string;
  let compressingOrigin: string;
  const about = `<h1>About</h1>${"<p>Mentoring, again and again.</p>".repeat(40)}`;

  const serve = async (site: string, netlifyToml: string, compress = false) => {
    const server = previewServer(site, netlifyToml, { compress });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    parent = await folderWith({
      "outside/secret.txt": "a file of this machine, not of the site",
      "outside/folder/index.html": "<h1>Not the site's</h1>",
      "site/index.html": "<h1>Home</h1>",
      "site/404.html": "<h1>Page not found</h1>",
      "site/members-only.html": "<h1>Members only</h1>",
      "site/feed.xml": "<feed/>",
      "site/about/index.html": about,
      "site/articles/index.html": "<h1>Articles</h1>",
      "site/articles/a/index.html": "<h1>Article A</h1>",
      "site/assets/css/site.1234567890.css": "body{}",
      "site/pagefind/pagefind-entry.json": '{"version":"1"}',
      "site/pagefind/index/en_1.pf_index": "compressed already",
    });
    const site = join(parent, "site");
    await symlink(join(parent, "outside/secret.txt"), join(site, "secret.txt"));
    await symlink(join(parent, "outside/folder"), join(site, "folder"), "dir");
    await symlink(join(site, "index.html"), join(site, "home.html"));
    origin = await serve(site, toml);
    compressingOrigin = await serve(site, toml, true);
  });
  afterAll(async () => {
    for (const server of servers) server.close();
  });

  const get = (path: string, init: RequestInit = {}) => fetch(origin + path, { redirect: "manual", ...init });

  it("serves /dir/ from its index.html with the rules' headers", async () => {
    const response = await get("/about/");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(about);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe(defaultCacheControl);
  });

  it("sends a year's cache for fingerprinted assets", async () => {
    const response = await get("/assets/css/site.1234567890.css");
    expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("names each file's type by its extension", async () => {
    expect((await get("/feed.xml")).headers.get("content-type")).toBe("application/xml");
    expect((await get("/pagefind/pagefind-entry.json")).headers.get("content-type")).toBe("application/json");
    expect((await get("/pagefind/index/en_1.pf_index")).headers.get("content-type")).toBe("application/octet-stream");
    expect(contentTypeFor("site.webmanifest")).toBe("application/manifest+json");
  });

  it("answers an unchanged file 304 when the browser checks back with its ETag", async () => {
    // Not fetch(): it adds `Cache-Control: no-cache` to a conditional request.
    const etag = String((await rawRequest(origin, "/about/")).headers.etag ?? "");
    expect(etag).not.toBe("");
    const again = await rawRequest(origin, "/about/", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("answers only a request that names it by an address or localhost: another name may be another site's", async () => {
    const port = new URL(origin).port;
    expect((await rawRequest(origin, "/about/", { Host: `localhost:${port}` })).status).toBe(200);
    expect((await rawRequest(origin, "/about/", { Host: `[::1]:${port}` })).status).toBe(200);
    // A page elsewhere that points a name of its own at this machine (DNS rebinding) reads nothing.
    for (const host of [`evil.example:${port}`, `localhost.evil.example:${port}`]) {
      const answer = await rawRequest(origin, "/about/", { Host: host });
      expect(answer.status, host).toBe(403);
      expect(answer.body.toString()).not.toContain("About");
    }
    // A name given to listen on (--host=laptop.local) is one of its own.
    const named = previewServer(join(parent, "site"), toml, { host: "laptop.local" });
    await new Promise<void>((resolve) => named.listen(0, "127.0.0.1", resolve));
    servers.push(named);
    const namedOrigin = `http://127.0.0.1:${(named.address() as AddressInfo).port}`;
    expect((await rawRequest(namedOrigin, "/about/", { Host: "laptop.local:8081" })).status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const head = await rawRequest(origin, "/about/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(about)));
    expect(head.body.length).toBe(0);
  });

  it("adds the slash to a folder's address", async () => {
    const response = await get("/articles?page=2");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/articles/?page=2");
  });

  it("redirects with the rule's status and keeps the query", async () => {
    const feed = await get("/feed?utm_source=x");
    expect(feed.status).toBe(301);
    expect(feed.headers.get("location")).toBe("/feed.xml?utm_source=x");
    const news = await get("/old-news/a/");
    expect(news.status).toBe(302);
    expect(news.headers.get("location")).toBe("/articles/a");
    const talks = await get("/people/ada/talks");
    expect(talks.status).toBe(301);
    expect(talks.headers.get("location")).toBe("/talks/ada/");
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
    const unknown = await get("/no-such-page/", { headers: { Range: "bytes=0-3" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("<h1>Page not found</h1>");
    expect(unknown.headers.get("content-security-policy")).toBe("default-src 'none'");
  });

  it("compresses text with brotli where the browser takes it, and says that it varies", async () => {
    const response = await rawRequest(compressingOrigin, "/about/", { "Accept-Encoding": "gzip, deflate, br" });
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers.vary).toBe("Accept-Encoding");
    expect(response.body.length).toBeLessThan(Buffer.byteLength(about) / 4);
    expect(brotliDecompressSync(response.body).toString()).toBe(about);
    const plainly = await rawRequest(compressingOrigin, "/about/");
    expect(plainly.headers["content-encoding"]).toBeUndefined();
    expect(plainly.body.toString()).toBe(about);
  });

  it("sends Pagefind's index files, compressed already, as they are", async () => {
    const response = await rawRequest(compressingOrigin, "/pagefind/index/en_1.pf_index", { "Accept-Encoding": "br" });
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body.toString()).toBe("compressed already");
  });

  it("never sends a file through a symlink, wherever it points: 404", async () => {
    for (const path of ["/secret.txt", "/folder/", "/folder/index.html", "/home.html"]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe("<h1>Page not found</h1>");
    }
  });

  it("stays inside the site folder, however the address climbs out of it", async () => {
    for (const path of ["/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/a/..%2F..%2Foutside%2Fsecret.txt"]) {
      const response = await rawRequest(origin, path);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).toBe("<h1>Page not found</h1>");
    }
  });

  it("answers 400 to an address it cannot decode, and keeps answering afterwards", async () => {
    for (const path of ["/%E0%A4%A", "/%", "/about/%FF"]) {
      const response = await rawRequest(origin, path);
      expect(response.status, path).toBe(400);
    }
    expect((await get("/%00")).status).toBe(404);
    expect((await get("/about/", { method: "POST" })).status).toBe(405);
    expect((await rawRequest(compressingOrigin, "/%E0%A4%A", { "Accept-Encoding": "br" })).status).toBe(400);
    const after = await get("/about/");
    expect(after.status).toBe(200);
    expect(await after.text()).toBe(about);
  });

  it("answers every request 500 with the problems when Netlify's parsers reject netlify.toml", async () => {
    const broken = await serve(join(parent, "site"), '[[headers]]\n  [headers.values]\n    X-Frame-Options = "DENY"\n');
    const response = await fetch(`${broken}/`);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/Missing "for" field/);
  });
});
