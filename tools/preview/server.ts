// A built site served as Netlify serves it, for `npm run preview` (cli.ts), the tests and the
// benchmarks: netlify.toml's headers and redirects as Netlify's parsers read them (rules.ts),
// `/dir/` from `/dir/index.html`, the site's 404.html with status 404. Files are sent by
// serve-static (ETag and 304, Range, HEAD) and text is brotli-compressed by compression, as
// Netlify's CDN does. Every address comes from whoever can reach the port: only a regular file
// inside the site folder, reached through no symlink, is ever sent, and only to a request that
// names the server by an address or `localhost` (src/lib/build/local-server.ts): a page elsewhere
// cannot read it through a name of its own pointed at this machine.
import { realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, relative, resolve, sep } from "node:path";
import { constants } from "node:zlib";
import compression from "compression";
import serveStatic from "serve-static";
import { isOwnHost, loopback, notOwnHostMessage } from "../../src/lib/build/local-server.ts";
import { headersFor, netlifyRules, redirectFor } from "./rules.ts";

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

/** What a CDN compresses on the way. */
const compressibleType = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg)/;

export interface PreviewOptions {
  /** Compress text as a CDN does (brotli where the browser takes it), for measuring what travels. */
  compress?: boolean;
  /** The address it listens on, when not loopback: a name given there is one it answers to. */
  host?: string;
}

/** What `file` is, when no symlink leads to it (`file` is under a folder without symlinks). */
function kindOf(file: string): "file" | "directory" | undefined {
  try {
    if (realpathSync(file) !== file) return undefined;
    const stats = statSync(file);
    return stats.isFile() ? "file" : stats.isDirectory() ? "directory" : undefined;
  } catch {
    // Missing, unreadable, or no path at all (a NUL byte): there is no such file.
    return undefined;
  }
}

/**
 * The file a static host answers `path` (decoded) with: `/dir/` is `/dir/index.html`, and `/dir`
 * is a folder that wants its slash. `root` is the site folder with its symlinks resolved.
 */
export function siteFile(root: string, path: string): { file?: string; directory?: boolean } {
  // normalize() of an absolute path drops every `..`: nothing outside `root` is named.
  const target = resolve(root, `.${normalize(`/${path}`)}`);
  const kind = kindOf(target);
  if (kind === "file") return { file: target };
  if (kind !== "directory") return {};
  if (!path.endsWith("/")) return { directory: true };
  const index = join(target, "index.html");
  return kindOf(index) === "file" ? { file: index } : {};
}

/** The decoded path of an address, or undefined if it cannot be decoded. */
function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Serves `siteDir` as Netlify would, with the headers and redirects of `netlifyToml` (its text)
 * and of the site's own `_headers` and `_redirects`. If Netlify's parsers reject them, every
 * request is answered 500 with the problems.
 */
export function previewServer(siteDir: string, netlifyToml: string, options: PreviewOptions = {}): Server {
  const root = realpathSync(siteDir);
  const rules = netlifyRules(netlifyToml, root);
  // Rejected rules are reported to each request; they must not end the process before one comes.
  rules.catch(() => undefined);

  const fileOptions = {
    index: false,
    redirect: false,
    dotfiles: "allow",
    // netlify.toml's headers, or Netlify's default, set Cache-Control.
    cacheControl: false,
    setHeaders: (response: ServerResponse, file: string) => response.setHeader("Content-Type", contentTypeFor(file)),
  };
  const files = serveStatic(root, fileOptions);
  // A page sent with another status (404) is whole: a Range request must not turn it into a 206.
  const pages = serveStatic(root, { ...fileOptions, acceptRanges: false });
  // Typed for Express, but compression needs only node's request and response.
  const compress = compression({
    // Text only: mime-db marks application/octet-stream compressible, and Pagefind's index files
    // (sent as that) are compressed already.
    filter: (_request, response) => compressibleType.test(String(response.getHeader("Content-Type") ?? "")),
    // Every text body, however small (by default it skips those under 1 KB), at brotli's best,
    // so that what the benchmarks count is what the smallest transfer of each file would be.
    threshold: 0,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } },
  }) as unknown as Middleware;

  const plain = (response: ServerResponse, status: number, text: string) =>
    response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(text);

  /** Sends `file` of the site with `status`, through serve-static (which names it by address). */
  const send = (request: IncomingMessage, response: ServerResponse, status: number, file: string) => {
    request.url = `/${relative(root, file).split(sep).map(encodeURIComponent).join("/")}`;
    response.statusCode = status;
    (status === 200 ? files : pages)(request, response, (error) => {
      // Gone since it was found, or a request serve-static refuses (a Range beyond the file).
      const refused = (error as { statusCode?: number } | undefined)?.statusCode;
      plain(response, refused ?? 404, refused ? "Request refused" : "Not found");
    });
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const host = options.host ?? loopback;
    if (!isOwnHost(request.headers.host, host)) return plain(response, 403, notOwnHostMessage(host));
    const url = URL.parse(request.url ?? "/", "http://localhost");
    const path = url ? decodedPath(url) : undefined;
    if (!url || path === undefined) return plain(response, 400, "Bad request: the address cannot be decoded");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      return plain(response, 405, "A static site answers GET and HEAD only");
    }
    const { headers, redirects } = await rules;
    // Netlify matches header rules against the path asked for, not the file that answers it.
    for (const [name, value] of Object.entries(headersFor(headers, path))) response.setHeader(name, value);
    const found = siteFile(root, path);
    const notFound = () => {
      const page = siteFile(root, "/404.html").file;
      return page ? send(request, response, 404, page) : plain(response, 404, "Not found");
    };
    const location = (status: number, to: string) => {
      const target = url.search && !to.includes("?") ? `${to}${url.search}` : to;
      response.writeHead(status, { Location: target }).end();
    };

    const redirect = redirectFor(redirects, path, found.file !== undefined);
    if (redirect) {
      const { rule, to } = redirect;
      if (rule.status >= 300 && rule.status < 400) return location(rule.status, to);
      // 200 rewrites and custom 404s answer with another file of the site, keeping the address;
      // a proxy to another site is not followed.
      const targetUrl = /^https?:/.test(to) ? undefined : URL.parse(to, url);
      const targetPath = targetUrl ? decodedPath(targetUrl) : undefined;
      const target = targetPath === undefined ? undefined : siteFile(root, targetPath).file;
      return target ? send(request, response, rule.status, target) : notFound();
    }
    if (found.directory) return location(301, `${url.pathname}/`);
    if (found.file) return send(request, response, 200, found.file);
    return notFound();
  };

  return createServer((request, response) => {
    const respond = () =>
      answer(request, response).catch((error: unknown) => {
        if (response.headersSent) return response.destroy();
        plain(response, 500, error instanceof Error ? error.message : String(error));
      });
    if (options.compress) compress(request, response, respond);
    else respond();
  });
}
