import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { fileForUrl, htmlFiles } from "./site.ts";

/** Attributes that point at another file of the site. */
const linkAttributes = ["href", "src", "action", "poster", "data"];

/** The internal links of every page that point at no file, or at an id the page lacks. */
export function brokenLinks(siteDir: string, pathPrefix = "/"): string[] {
  const base = "http://site.test";
  const broken: string[] = [];
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idsOf.has(file)) {
      const root = parse(readFileSync(file, "utf8"));
      idsOf.set(file, new Set(root.querySelectorAll("[id]").map((el) => el.id)));
    }
    return idsOf.get(file)!;
  };

  for (const page of htmlFiles(siteDir)) {
    const pageUrl = new URL(`${pathPrefix}${page.replace(/(^|\/)index\.html$/, "$1")}`.replace(/\/+/g, "/"), base);
    const root = parse(readFileSync(join(siteDir, page), "utf8"));
    const references = root.querySelectorAll("*").flatMap((el) => [
      ...linkAttributes.map((name) => el.getAttribute(name)).filter((value): value is string => value !== undefined),
      ...(el.getAttribute("srcset") ?? "")
        .split(",")
        .map((part) => part.trim().split(/\s+/)[0] ?? "")
        .filter(Boolean),
    ]);
    for (const reference of references) {
      const target = new URL(reference, pageUrl);
      if (target.origin !== base) continue;
      if (!target.pathname.startsWith(pathPrefix)) {
        broken.push(`${page}: ${reference} is outside the path prefix ${pathPrefix}`);
        continue;
      }
      const file = fileForUrl(siteDir, `/${target.pathname.slice(pathPrefix.length)}`);
      if (!file) {
        broken.push(`${page}: ${reference} points at no file`);
      } else if (target.hash && file.endsWith(".html") && !ids(file).has(decodeURIComponent(target.hash.slice(1)))) {
        broken.push(`${page}: ${reference} points at an id that is not there`);
      }
    }
  }
  return broken;
}
