// What one Pagefind search transfers, file by file and by kind, for Pagefind's API alone, for
// the header's dialog (Pagefind's Component UI) and for the search page (/search/?q=…, which
// also shows each result's thumbnail).
//
// The bytes are counted where they leave the server (the response bodies, brotli-compressed
// as a CDN sends text; headers excluded). Chromium's own count (request.sizes()) gives 0 for
// the script of Pagefind's web worker, which it fetches outside the page: counted at the
// server, the worker's ~11 KB are not lost.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../tests/helpers/chromium.ts";
import { projectRoot } from "../tests/helpers/project.ts";
import { previewServer } from "../tools/preview/server.ts";

interface PagefindApi {
  search(term: string): Promise<{ results: { data: () => Promise<unknown> }[] }>;
}

/** What Pagefind's files are, by address, for the breakdown of a search's bytes. */
const categories: [name: string, pattern: RegExp][] = [
  ["pagefind.js", /\/(pagefind\/((dialog|search-page)\/)?pagefind|assets\/js\/search-languages\.[0-9a-f]+)\.js$/],
  ["worker", /\/pagefind\/pagefind-worker\.js$/],
  ["WebAssembly", /\/pagefind\/wasm\.[^/]+\.pagefind$/],
  ["entry", /\/pagefind\/pagefind-entry\.json$/],
  ["metadata", /\/pagefind\/[^/]+\.pf_meta$/],
  ["word index", /\/pagefind\/index\/[^/]+\.pf_index$/],
  ["filters", /\/pagefind\/filter\/[^/]+\.pf_filter$/],
  ["fragments", /\/pagefind\/fragment\/[^/]+\.pf_fragment$/],
  ["Component UI", /\/pagefind\/pagefind-component-ui\.(js|css)$/],
  ["thumbnails", /^\/img\/[^/]+$/],
  ["page", /^\/search\/$|^\/assets\//],
];
export const categoryNames = [...categories.map(([name]) => name), "other"];

/** One search's transfer: its total, each kind's bytes and request count, and each request. */
export interface Transfer {
  total: number;
  byCategory: Map<string, { bytes: number; requests: number }>;
  requests: { path: string; bytes: number }[];
}

function transferOf(requests: { path: string; bytes: number }[]): Transfer {
  const byCategory = new Map(categoryNames.map((name) => [name, { bytes: 0, requests: 0 }]));
  for (const { path, bytes } of requests) {
    const name = categories.find(([, pattern]) => pattern.test(path))?.[0] ?? "other";
    const entry = byCategory.get(name) as { bytes: number; requests: number };
    entry.bytes += bytes;
    entry.requests += 1;
  }
  return { total: requests.reduce((sum, { bytes }) => sum + bytes, 0), byCategory, requests };
}

/** The site served as Netlify would, compressing text, with a record of every body it sends. */
async function countingServer(siteDir: string) {
  const server = previewServer(siteDir, readFileSync(join(projectRoot, "netlify.toml"), "utf8"), { compress: true });
  let sent: { path: string; bytes: number }[] = [];
  server.prependListener("request", (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    // Files are streamed (and compressed on the way): count every chunk written, then the last.
    const size = (chunk: unknown) =>
      Buffer.isBuffer(chunk) || typeof chunk === "string" ? Buffer.byteLength(chunk) : 0;
    let bytes = 0;
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    response.write = ((...args: unknown[]) => {
      bytes += size(args[0]);
      return write(...args);
    }) as typeof response.write;
    const end = response.end.bind(response) as (...args: unknown[]) => typeof response;
    response.end = ((...args: unknown[]) => {
      sent.push({ path, bytes: bytes + size(args[0]) });
      return end(...args);
    }) as typeof response.end;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The bodies sent since the last call. */
    take: () => {
      const taken = sent;
      sent = [];
      return taken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The bytes of one search for `query` from /about/ in a fresh browser context (nothing cached):
 * through Pagefind's API, through the header's dialog, on the search page as a phone shows it
 * (`/search/?q=…` at 390×844: the page, Pagefind, the results in view and their thumbnails), and,
 * for what a search costs once Pagefind is loaded, the API's next search in the same page, for `nextQuery`.
 */
export async function searchTransfer(
  siteDir: string,
  query: string,
  nextQuery: string,
): Promise<{ api: Transfer; dialog: Transfer; page: Transfer; next: Transfer }> {
  const site = await countingServer(siteDir);
  const browser = await launchChromium();
  /** Runs `steps` in a fresh page of /about/, each step's bytes apart. */
  const measure = async (
    options: { viewport?: { width: number; height: number } },
    ...steps: ((page: Page) => Promise<void>)[]
  ): Promise<Transfer[]> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // Bytes, not times, are measured: on a busy machine, waiting longer changes none of them.
    page.setDefaultTimeout(120_000);
    await page.goto(`${site.origin}/about/`, { waitUntil: "networkidle" });
    site.take();
    const transfers: Transfer[] = [];
    for (const step of steps) {
      await step(page);
      await page.waitForLoadState("networkidle");
      transfers.push(transferOf(site.take()));
    }
    await context.close();
    return transfers;
  };
  // Pagefind's API alone: a search and the data of its top five results.
  const apiSearch = (word: string) => (page: Page) =>
    page.evaluate(async (word) => {
      const entry: string = "/pagefind/pagefind.js";
      const pagefind = (await import(entry)) as PagefindApi;
      const { results } = await pagefind.search(word);
      await Promise.all(results.slice(0, 5).map((result) => result.data()));
    }, word);
  try {
    const [api, next] = (await measure({}, apiSearch(query), apiSearch(nextQuery))) as [Transfer, Transfer];
    // The header's dialog (Pagefind's Component UI), as a visitor uses it.
    const [dialog] = (await measure({}, async (page) => {
      await page.keyboard.press("/");
      await page.locator("pagefind-modal input:focus").waitFor();
      await page.keyboard.type(query);
      await page.locator("pagefind-modal .pf-result-link").first().waitFor();
    })) as [Transfer];
    // The search page on a phone, as the header's form opens it: everything the visit fetches
    // once /about/ is loaded (its stylesheet is cached), the results in view and their pictures.
    const [searchPage] = (await measure({ viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent(query)}`);
      await page.locator(".search-page .pf-result-link").first().waitFor();
    })) as [Transfer];
    return { api, dialog, page: searchPage, next };
  } finally {
    await browser.close();
    await site.close();
  }
}
