import type { DevServer, DevServerOptions, EleventyConfig } from "@11ty/eleventy";
import { type ContentError, formatProblem } from "../lib/content-check.ts";

/**
 * Under `npm start`, a build that failed shows why in the browser, in place of every page, until a
 * build succeeds: a contributor looks at the page, not at the terminal. Eleventy's dev server only
 * logs a failed build in the browser's console, so this page is served instead (no script of its
 * own: the dev server's live-reload client brings the site back once the file is fixed).
 *
 * `npm start` (src/cli/start.ts) registers `plugin` and hands each failure to `show`.
 */
export function buildFailures() {
  let failurePage: string | undefined;
  let server: DevServer | undefined;
  // Made once: Eleventy restarts its server whenever these options are not the same as before.
  const serverOptions: DevServerOptions = {
    ready: (devServer) => {
      server = devServer;
    },
    onRequest: {
      "/*": ({ url }) =>
        failurePage !== undefined && isPageAddress(url.pathname)
          ? { status: 500, headers: { "Content-Type": "text/html; charset=utf-8" }, body: failurePage }
          : undefined,
    },
  };
  return {
    plugin(eleventyConfig: EleventyConfig): void {
      eleventyConfig.setServerOptions(serverOptions);
      eleventyConfig.on("eleventy.after", () => {
        failurePage = undefined;
      });
    },
    /** The build failed: every open page reloads and shows why. */
    show(error: unknown): void {
      failurePage = pageFor(error);
      server?.reload({});
    },
    /** For a build that succeeded and that Eleventy does not reload the pages after (its first). */
    reloadPages(): void {
      server?.reload({});
    },
  };
}

/** A page's address, not a stylesheet's, a script's or a picture's: those are served as they are. */
function isPageAddress(pathname: string): boolean {
  return pathname.endsWith("/") || pathname.endsWith(".html") || !/\.[^/]*$/.test(pathname);
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

function pageFor(error: unknown): string {
  const [heading, list] = isContentError(error)
    ? [error.message.split("\n")[0] ?? "", error.problems.map(formatProblem)]
    : ["The build failed.", messages(error)];
  const items = list.map((line) => `<li>${escapeHtml(line)}</li>`).join("\n");
  return `<!doctype html>
<html lang="en">
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
<p>Fix the file and save it: the page comes back by itself.</p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);
}
