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

/**
 * The project's repository as a web address, from Netlify's `REPOSITORY_URL` (or the same variable
 * set elsewhere): `https://github.com/owner/repo`; `git@github.com:owner/repo.git` is read as that
 * too. Undefined when the build is not told, or the address is not https.
 */
export function repositoryFromEnvironment(env: Record<string, string | undefined>): string | undefined {
  const given = env.REPOSITORY_URL?.trim();
  if (!given) return undefined;
  const ssh = /^git@([^:]+):(.+?)(\.git)?$/.exec(given);
  const address = ssh ? `https://${ssh[1]}/${ssh[2]}` : given.replace(/\.git$/, "");
  return URL.canParse(address) && new URL(address).protocol === "https:" ? address.replace(/\/+$/, "") : undefined;
}

/** Whether `value` is an https:// address: the only links a contributor or a commenter may give. */
export function isHttpsUrl(value: unknown): value is string {
  return typeof value === "string" && URL.canParse(value) && new URL(value).protocol === "https:";
}
