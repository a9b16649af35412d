// netlify.toml's [[headers]] and [[redirects]] as Netlify reads them, and what they mean for one
// request. The reading is Netlify's own: @netlify/headers-parser and @netlify/redirect-parser,
// given the parsed netlify.toml and the `_headers` and `_redirects` files of the published folder,
// as Netlify's build gives them. Netlify's redirector is not published, so redirects are matched
// here, by the rules Netlify documents.
import { join } from "node:path";
import { type Header, type MinimalHeader, parseAllHeaders } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { parse } from "smol-toml";

/** A `[[headers]]` rule: its `for` pattern, Netlify's regular expression for it, the headers it sets. */
export type HeaderRule = Header;

/** A `[[redirects]]` rule, with Netlify's defaults filled in: status 301, not forced. */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  force: boolean;
  /**
   * What else the rule asks of a request (another domain, a query parameter, a country, a
   * language, a role): the preview cannot judge these, so it never follows such a rule.
   */
  conditions: string[];
}

/** A redirect as @netlify/redirect-parser normalizes it (its types say only `unknown`). */
interface NetlifyRedirect {
  from: string;
  to: string;
  status?: number;
  force: boolean;
  query: Record<string, string>;
  conditions: Record<string, unknown>;
  host?: string;
}

/**
 * The TOML as Netlify's parsers read it (with the TOML parser they use themselves); their
 * `configHeaders`/`configRedirects` is how Netlify's own build hands them netlify.toml.
 */
function netlifyConfig(netlifyToml: string): { headers?: unknown; redirects?: unknown } {
  try {
    return parse(netlifyToml);
  } catch (error) {
    throw new Error(`netlify.toml is not valid TOML: ${(error as Error).message}`);
  }
}

/** Every problem Netlify's parsers found, as one error, or nothing. */
function failOn(errors: readonly Error[]): void {
  if (errors.length === 0) return;
  const problems = errors.map((error) => `- ${error.message}`).join("\n");
  throw new Error(`Netlify's parsers reject netlify.toml (or _headers, _redirects):\n${problems}`);
}

async function readHeaderRules(config: { headers?: unknown }, siteDir: string | undefined) {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: siteDir === undefined ? [] : [join(siteDir, "_headers")],
    configHeaders: config.headers as MinimalHeader[] | undefined,
    minimal: false,
  });
  return { rules: headers as HeaderRule[], errors };
}

async function readRedirectRules(config: { redirects?: unknown }, siteDir: string | undefined) {
  const { redirects, errors } = await parseAllRedirects({
    redirectsFiles: siteDir === undefined ? [] : [join(siteDir, "_redirects")],
    configRedirects: (config.redirects ?? []) as string[],
    minimal: false,
  });
  const rules = (redirects as NetlifyRedirect[]).map(
    (rule): RedirectRule => ({
      from: rule.from,
      to: rule.to,
      status: rule.status ?? 301,
      force: rule.force,
      conditions: [
        ...(rule.host ? [`host ${rule.host}`] : []),
        ...Object.keys(rule.query).map((name) => `query ${name}`),
        ...Object.keys(rule.conditions),
      ],
    }),
  );
  return { rules, errors: errors as Error[] };
}

/** The header rules of netlify.toml, and of `siteDir`'s `_headers` file if it has one. */
export async function headerRules(netlifyToml: string, siteDir?: string): Promise<HeaderRule[]> {
  const { rules, errors } = await readHeaderRules(netlifyConfig(netlifyToml), siteDir);
  failOn(errors);
  return rules;
}

/** The redirect rules of `siteDir`'s `_redirects` file if it has one (first, as on Netlify), then netlify.toml's. */
export async function redirectRules(netlifyToml: string, siteDir?: string): Promise<RedirectRule[]> {
  const { rules, errors } = await readRedirectRules(netlifyConfig(netlifyToml), siteDir);
  failOn(errors);
  return rules;
}

/** Both kinds of rules, with every problem in either reported at once. */
export async function netlifyRules(
  netlifyToml: string,
  siteDir?: string,
): Promise<{ headers: HeaderRule[]; redirects: RedirectRule[] }> {
  const config = netlifyConfig(netlifyToml);
  const [headers, redirects] = await Promise.all([
    readHeaderRules(config, siteDir),
    readRedirectRules(config, siteDir),
  ]);
  failOn([...headers.errors, ...redirects.errors]);
  return { headers: headers.rules, redirects: redirects.rules };
}

/**
 * Netlify's cache header when no rule sets one: browsers check with the CDN on every visit,
 * which answers 304 while the file is unchanged.
 */
export const defaultCacheControl = "public, max-age=0, must-revalidate";

/**
 * The headers Netlify would send for a path: those of every rule whose pattern matches it (by
 * Netlify's own regular expression). A header that two matching rules both set is sent once
 * with both values joined by a comma (as Netlify and Cloudflare do), which for Cache-Control or
 * a CSP means both apply. So netlify.toml sets Cache-Control in only one rule a path can match,
 * and adds a second CSP only where both policies are meant to hold (pictures run no script).
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const rule of rules.filter((candidate) => candidate.forRegExp.test(path))) {
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
    if ((fileExists && !rule.force) || rule.conditions.length > 0) continue;
    const to = redirectTarget(rule, path);
    if (to !== undefined) return { rule, to };
  }
  return undefined;
}
