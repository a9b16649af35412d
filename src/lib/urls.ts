/**
 * The absolute address of a site path, for canonical links and sharing.
 * `path` is as Eleventy gives it (starting with "/", before the path prefix).
 */
export function absoluteUrl(path: string, siteUrl: string, pathPrefix = "/"): string {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const base = new URL(siteUrl);
  return new URL(prefix.slice(0, -1) + path, base.origin).href;
}
