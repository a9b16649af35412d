import { type ContentError, formatProblem } from "../content/check.ts";
import { escapeHtml } from "../publishing/html.ts";
import { type Locale, say } from "../words/locale.ts";

/** The words the page says, and the language they are in (the site's, or English when its locale could not be read). */
export interface DevErrorWords {
  language: string;
  words: Locale["devErrors"];
}

const isContentError = (error: unknown): error is ContentError =>
  Array.isArray((error as ContentError | undefined)?.problems);

/** The messages of an error and of the errors it wraps (Eleventy's `originalError`, `cause`), without stacks. */
function messages(error: unknown): string[] {
  const found: string[] = [];
  for (let current = error; current instanceof Error; ) {
    found.push(current.message);
    const inner = current as Error & { originalError?: unknown };
    current = inner.originalError ?? inner.cause;
  }
  return found.length > 0 ? found : [String(error)];
}

/**
 * The page `npm start` serves in place of every page while the build fails: what failed, each
 * problem on a line (`file: field: expected …, got …`), and how to bring the site back.
 */
export function devErrorPage(error: unknown, { language, words }: DevErrorWords): string {
  const [heading, list] = isContentError(error)
    ? [say(words.content, { count: error.problems.length }, language), error.problems.map(formatProblem)]
    : [words.failed, messages(error)];
  const items = list.map((line) => `<li>${escapeHtml(line)}</li>`).join("\n");
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<ul>
${items}
</ul>
<p>${escapeHtml(words.fix)}</p>
</main>
</body>
</html>
`;
}

/** Whether the error page stands in at `pathname`: a page's address, not a stylesheet's, a script's or a picture's (served as they are). */
export function isPageAddress(pathname: string): boolean {
  return pathname.endsWith("/") || pathname.endsWith(".html") || !/\.[^/]*$/.test(pathname);
}
