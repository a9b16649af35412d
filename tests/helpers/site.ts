import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { HtmlValidate } from "html-validate";
import { type HTMLElement, parse } from "node-html-parser";
import { projectRoot } from "./project.ts";

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

/**
 * What html-validate finds in `files` of a built site, a line each ("file:line: rule: message").
 * The project's own rules are read from the file: the pages live in a temporary folder the
 * validator would otherwise search for a configuration in.
 */
export async function htmlProblems(siteDir: string, files: readonly string[]): Promise<string[]> {
  const validator = new HtmlValidate(JSON.parse(readFileSync(join(projectRoot, ".htmlvalidate.json"), "utf8")));
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(siteDir, file));
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push(`${file}:${message.line}: ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}
