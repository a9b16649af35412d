import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type HTMLElement, parse } from "node-html-parser";

/** Every HTML file of a built site, as paths relative to it ("articles/index.html"). */
export function htmlFiles(siteDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith(".html") ? [relative(siteDir, path)] : [];
    });
  return walk(siteDir).sort();
}

/** The file a site URL is served from, as a static host resolves it; undefined when there is none. */
export function fileForUrl(siteDir: string, urlPath: string): string | undefined {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? "/");
  const candidates = path.endsWith("/") ? [join(path, "index.html")] : [path, join(path, "index.html")];
  return candidates
    .map((candidate) => join(siteDir, candidate))
    .find((file) => existsSync(file) && statSync(file).isFile());
}

export function readPage(siteDir: string, urlPath: string): HTMLElement {
  const file = fileForUrl(siteDir, urlPath);
  if (!file) throw new Error(`No page at ${urlPath} in ${siteDir}`);
  return parse(readFileSync(file, "utf8"));
}

/** The words a visitor reads, with runs of white space made single spaces. */
export function visibleText(element: HTMLElement): string {
  return element.textContent.replace(/\s+/g, " ").trim();
}
