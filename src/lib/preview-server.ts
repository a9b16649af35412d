import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { parse } from "smol-toml";

/** The `[[headers]]` rules of a netlify.toml: a path pattern and the headers sent for it. */
export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

export function headerRules(netlifyToml: string): HeaderRule[] {
  const config = parse(netlifyToml) as { headers?: HeaderRule[] };
  return config.headers ?? [];
}

/** Netlify's path patterns: `*` matches anything, the rest literally. */
export function matchesPattern(pattern: string, path: string): boolean {
  const expression = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${expression}$`).test(path);
}

/** The headers Netlify would send for a path: every matching rule, later rules winning. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => matchesPattern(rule.for, path)).map((rule) => rule.values));
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

/** Text that a CDN compresses on the way (Pagefind's index files are compressed already). */
const compressible = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

export interface PreviewOptions {
  /** Brotli-compress text as a CDN does, for measuring what travels (off: bytes as on disk). */
  compress?: boolean;
}

/**
 * Serves a built site as Netlify would: the headers of netlify.toml (read from the file),
 * `/dir/` from `/dir/index.html`, and the site's own 404.html with status 404.
 */
export function previewServer(siteDir: string, netlifyToml: string, options: PreviewOptions = {}): Server {
  const rules = headerRules(netlifyToml);
  const compressed = new Map<string, Buffer>();
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const safePath = normalize(path).replace(/^(\.\.[/\\])+/, "");
    let file = join(siteDir, safePath);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, "index.html");
    }
    const found = existsSync(file) && statSync(file).isFile();
    const served = found ? file : join(siteDir, "404.html");
    // Netlify matches header rules against the path asked for, not the file that answers it.
    const headers = {
      ...headersFor(rules, path),
      "Content-Type": contentTypes[extname(served)] ?? "application/octet-stream",
    };
    let body: Buffer = readFileSync(served);
    if (
      options.compress &&
      compressible.test(headers["Content-Type"]) &&
      /\bbr\b/.test(String(request.headers["accept-encoding"]))
    ) {
      body = compressed.get(served) ?? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      compressed.set(served, body);
      Object.assign(headers, { "Content-Encoding": "br", Vary: "Accept-Encoding" });
    }
    response.writeHead(found ? 200 : 404, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  });
}
