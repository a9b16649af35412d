import type { DevServer, DevServerOptions, EleventyConfig } from "@11ty/eleventy";
import en from "../../_data/locales/en.ts";
import { type DevErrorWords, devErrorPage, isPageAddress } from "../lib/build/dev-error-page.ts";
import { loadSiteLocale } from "../lib/words/locale-files.ts";

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
  let input = ".";
  /** The words last read: the page is there at once, and in the site's language once its locale is read again. */
  let lastWords: DevErrorWords = { language: "en", words: en.devErrors };
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
      eleventyConfig.on("eleventy.before", ({ directories }) => {
        input = directories.input;
      });
      eleventyConfig.on("eleventy.after", () => {
        failurePage = undefined;
      });
    },
    /** The build failed: every open page reloads and shows why. */
    show(error: unknown): void {
      failurePage = devErrorPage(error, lastWords);
      void errorWords(input).then((words) => {
        lastWords = words;
        failurePage = devErrorPage(error, words);
        server?.reload({});
      });
    },
    /** For a build that succeeded and that Eleventy does not reload the pages after (its first). */
    reloadPages(): void {
      server?.reload({});
    },
  };
}

/** The words of the error page in the site's language; in English when the site's locale is what failed. */
async function errorWords(root: string): Promise<DevErrorWords> {
  try {
    const { language, words } = await loadSiteLocale(root);
    return { language, words: words.devErrors };
  } catch {
    return { language: "en", words: en.devErrors };
  }
}
