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

/**
 * What a navigation link is to the page it is on, as its `aria-current`: "page" on the page it
 * leads to; "true" on a page of its section (an article under /articles/); "" elsewhere. The home
 * page is no section: every page would be in it. Both paths as Eleventy gives them (before the path prefix).
 */
export function currentLink(linkPath: string, pagePath: string): "page" | "true" | "" {
  if (linkPath === pagePath) return "page";
  if (linkPath !== "/" && linkPath.endsWith("/") && pagePath.startsWith(linkPath)) return "true";
  return "";
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

/** The longest web address a contributor or a commenter may give: longer ones are not addresses people type. */
export const httpsUrlMaxLength = 2000;

/**
 * What is wrong with `value` as a web address a contributor or a commenter gives, said as
 * "expected …"; undefined for a good one: https://, at most 2000 characters, written with no space,
 * control, invisible character or backslash (which browsers read as other characters), with no
 * user name or password before its host (`https://the-site@evil.example/` goes to evil.example),
 * and a host with a dot in its name. The one check of addresses: the content check, the importer
 * and the build agree on every address.
 */
export function httpsUrlProblem(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^https:\/\//i.test(value)) return "expected an https:// address";
  if (value.length > httpsUrlMaxLength) return `expected an address of at most ${httpsUrlMaxLength} characters`;
  if (/[\s\\\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(value))
    return "expected an https:// address with no space, backslash or invisible character in it";
  const url = URL.parse(value);
  if (url === null || url.protocol !== "https:") return "expected an https:// address";
  // The part before the host's path: `name@` or `name:password@` in it is a user name, whatever it says.
  const authority = value.slice("https://".length).split(/[/?#]/, 1)[0] ?? "";
  if (authority.includes("@") || url.username !== "" || url.password !== "")
    return "expected an https:// address with no name@ before its host (the browser would go to the host after the @)";
  if (!url.hostname.replace(/\.$/, "").includes("."))
    return "expected an https:// address of a host with a dot in its name, like example.org";
  return undefined;
}

/** Whether `value` is an https:// address a contributor or a commenter may give (httpsUrlProblem finds nothing wrong). */
export function isHttpsUrl(value: unknown): value is string {
  return httpsUrlProblem(value) === undefined;
}
