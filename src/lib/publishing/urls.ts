/**
 * The site's address for this build. On Netlify, `URL` is the main address and
 * `DEPLOY_PRIME_URL` the address of a deploy preview or branch deploy, whose links must
 * point at the preview itself rather than at the live site.
 */
export function siteUrlFromEnvironment(env: Record<string, string | undefined>, fallback: string): string {
  if (env.CONTEXT && env.CONTEXT !== "production" && env.DEPLOY_PRIME_URL) return env.DEPLOY_PRIME_URL;
  return env.URL || fallback;
}

/**
 * The absolute address of a site path, for canonical links and sharing.
 * `path` is as Eleventy gives it (starting with "/", before the path prefix).
 */
export function absoluteUrl(path: string, siteUrl: string, pathPrefix = "/"): string {
  const prefix = normalisedPrefix(pathPrefix);
  const base = new URL(siteUrl);
  return new URL(prefix.slice(0, -1) + path, base.origin).href;
}

/** A path prefix as "/" or "/name/", however it was written ("name", "/name", "name/"). */
export function normalisedPrefix(pathPrefix: string): string {
  return `/${pathPrefix.replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
}

/** Whether `value` is an https:// address: the only links a contributor or a commenter may give. */
export function isHttpsUrl(value: unknown): value is string {
  return typeof value === "string" && URL.canParse(value) && new URL(value).protocol === "https:";
}
