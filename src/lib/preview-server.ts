import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { parse } from "smol-toml";

/** The `[[headers]]` rules of a netlify.toml: a path pattern and the headers sent for it. */
export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** The `[[redirects]]` rules of a netlify.toml. Netlify's defaults: status 301, force false. */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

interface NetlifyConfig {
  headers?: HeaderRule[];
  redirects?: { from: string; to: string; status?: number; force?: boolean }[];
}

export function headerRules(netlifyToml: string): HeaderRule[] {
  return (parse(netlifyToml) as NetlifyConfig).headers ?? [];
}

export function redirectRules(netlifyToml: string): RedirectRule[] {
  return ((parse(netlifyToml) as NetlifyConfig).redirects ?? []).map((rule) => ({
    from: rule.from,
    to: rule.to,
    status: rule.status ?? 301,
    force: rule.force ?? false,
  }));
}

/** Netlify's path patterns: `*` matches anything, the rest literally. */
export function matchesPattern(pattern: string, path: string): boolean {
  const expression = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${expression}$`).test(path);
}

/**
 * Netlify's cache header when no rule sets one: browsers check with the CDN on every visit,
 * which answers 304 while the file is unchanged.
 */
export const defaultCacheControl = "public, max-age=0, must-revalidate";

/**
 * The headers Netlify would send for a path: those of every matching rule. A header that two
 * matching rules both set is sent once with both values joined by a comma (as Netlify and
 * Cloudflare do), which for Cache-Control or a CSP means both apply: so netlify.toml sets
 * each header in only one rule that a path can match, and this shows it when it does not.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const rule of rules.filter((candidate) => matchesPattern(candidate.for, path))) {
    for (const [name, value] of Object.entries(rule.values)) {
      const key = names.get(name.toLowerCase()) ?? name;
      names.set(name.toLowerCase(), key);
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  if (!names.has("cache-control")) headers["Cache-Control"] = defaultCacheControl;
  return headers;
}

/** `/feed/` and `/feed` are one address to Netlify's redirects. */
const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, "") : path);

/**
 * Where a redirect rule sends `path`, or undefined if it does not match: `*` at the end of
 * `from` is `:splat` in `to`, and a `:name` segment of `from` is `:name` in `to`.
 */
export function redirectTarget(rule: RedirectRule, path: string): string | undefined {
  const names: string[] = [];
  const expression = withoutTrailingSlash(rule.from)
    .split("/")
    .map((segment) => {
      if (segment === "*") {
        names.push("splat");
        return "(.*)";
      }
      if (segment.startsWith(":")) {
        names.push(segment.slice(1));
        return "([^/]+)";
      }
      return segment.replace(/[.+?^${}()|[\]\\*]/g, "\\$&");
    })
    .join("/")
    // `/news/*` also matches `/news` itself, with an empty splat.
    .replace(/\/\(\.\*\)$/, "(?:/(.*))?");
  const match = new RegExp(`^${expression}$`).exec(withoutTrailingSlash(path));
  if (!match) return undefined;
  return names.reduce((to, name, index) => to.replaceAll(`:${name}`, match[index + 1] ?? ""), rule.to);
}

/**
 * The first redirect rule that applies to a request for `path`, and where it goes. As on
 * Netlify, a file at that address shadows a rule unless the rule has `force = true`.
 */
export function redirectFor(
  rules: readonly RedirectRule[],
  path: string,
  fileExists: boolean,
): { rule: RedirectRule; to: string } | undefined {
  for (const rule of rules) {
    if (fileExists && !rule.force) continue;
    const to = redirectTarget(rule, path);
    if (to !== undefined) return { rule, to };
  }
  return undefined;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

/** The Content-Type a static host sends for a file, by its extension. */
export function contentTypeFor(file: string): string {
  return contentTypes[extname(file)] ?? "application/octet-stream";
}

/** Text that a CDN compresses on the way (Pagefind's index files are compressed already). */
const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

export interface PreviewOptions {
  /** Brotli-compress text as a CDN does, for measuring what travels (off: bytes as on disk). */
  compress?: boolean;
}

/** The file a static host answers `path` with, if there is one: `/dir/` is `/dir/index.html`. */
export function fileFor(siteDir: string, path: string): { file?: string; directory?: boolean } {
  const safePath = normalize(path).replace(/^(\.\.[/\\])+/, "");
  const file = join(siteDir, safePath);
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, "index.html");
    if (!path.endsWith("/")) return { directory: true };
    return existsSync(index) ? { file: index } : {};
  }
  return existsSync(file) && statSync(file).isFile() ? { file } : {};
}

/**
 * Serves a built site as Netlify would: the headers and redirects of netlify.toml (read from
 * the file), `/dir/` from `/dir/index.html`, and the site's own 404.html with status 404.
 */
export function previewServer(siteDir: string, netlifyToml: string, options: PreviewOptions = {}): Server {
  const rules = headerRules(netlifyToml);
  const redirects = redirectRules(netlifyToml);
  const compressed = new Map<string, Buffer>();

  return createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = decodeURIComponent(url.pathname);
    // Netlify matches header rules against the path asked for, not the file that answers it.
    const headers = headersFor(rules, path);
    const found = fileFor(siteDir, path);
    const redirect = redirectFor(redirects, path, found.file !== undefined);

    const send = (status: number, served: string) => {
      const type = contentTypeFor(served);
      let body: Buffer = readFileSync(served);
      const sent: Record<string, string> = { ...headers, "Content-Type": type };
      if (options.compress && compressible.test(type) && /\bbr\b/.test(String(request.headers["accept-encoding"]))) {
        body = compressed.get(served) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        compressed.set(served, body);
        Object.assign(sent, { "Content-Encoding": "br", Vary: "Accept-Encoding" });
      }
      response.writeHead(status, sent);
      response.end(request.method === "HEAD" ? undefined : body);
    };
    const notFound = () => send(404, join(siteDir, "404.html"));
    const location = (res: ServerResponse, status: number, to: string) => {
      const target = url.search && !to.includes("?") ? `${to}${url.search}` : to;
      res.writeHead(status, { ...headers, Location: target }).end();
    };

    if (redirect) {
      const { rule, to } = redirect;
      if (rule.status >= 300 && rule.status < 400) return location(response, rule.status, to);
      // 200 rewrites and custom 404s answer with another file of the site, keeping the address.
      const target = /^https?:/.test(to) ? undefined : fileFor(siteDir, new URL(to, url).pathname).file;
      if (!target) return notFound();
      return send(rule.status, target);
    }
    if (found.directory) return location(response, 301, `${url.pathname}/`);
    if (found.file) return send(200, found.file);
    return notFound();
  });
}
