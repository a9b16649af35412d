import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { type PreviewOptions, previewServer } from "../../tools/preview/server.ts";
import { projectRoot } from "./project.ts";

/** Serves a built site on a free localhost port with the headers of netlify.toml. */
export async function serveSite(
  siteDir: string,
  options: PreviewOptions = {},
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = previewServer(siteDir, readFileSync(join(projectRoot, "netlify.toml"), "utf8"), options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What went wrong while a page loaded: console errors, CSP violations, failed requests. */
export interface PageProblems {
  consoleErrors: string[];
  cspViolations: string[];
  failedRequests: string[];
}

/** A page that records its problems from the first byte on. */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page: Page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], failedRequests: [] };
  await page.exposeFunction("reportCspViolation", (violation: string) => problems.cspViolations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
  page.on("requestfailed", (request) => {
    // Cut short by the page leaving (a test moving on while the favicon loads): not a failure.
    // A file that is really missing still shows, as its 404 response below.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: ${response.status()}`);
  });
  return { page, problems, close: () => context.close() };
}
