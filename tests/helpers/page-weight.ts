// What a built page weighs as it travels (brotli at its highest quality, as a CDN sends it): its
// HTML, its stylesheets and scripts, split into what the first render waits for and what comes
// after. Sizes, not times: the same on every machine, so the budgets tests and the benchmarks share them.
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import type { HTMLElement } from "node-html-parser";
import { fileForUrl, readPage } from "./site.ts";

/** Bytes (or text) as brotli at quality 11. */
export const brotliSize = (bytes: Buffer | string) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The built file a page's link or script points to, by its address as the page gives it. */
export function builtFile(siteDir: string, url: string): string {
  const file = fileForUrl(siteDir, new URL(url, "https://site.invalid/").pathname);
  if (!file) throw new Error(`${url} is linked from a page but is not in the built site`);
  return file;
}

/** A script that the browser runs as JavaScript (not JSON-LD or another data block). */
const isJavaScript = (script: HTMLElement) => /^(|text\/javascript|module)$/i.test(script.getAttribute("type") ?? "");

/** A classic script without defer or async stops the parser until it has loaded and run. */
export const blocksRendering = (script: HTMLElement) =>
  isJavaScript(script) &&
  script.getAttribute("type")?.toLowerCase() !== "module" &&
  !(script.hasAttribute("src") && (script.hasAttribute("defer") || script.hasAttribute("async")));

/** What a page needs before the browser can draw it, and what it loads after (its scripts), as brotli bytes. */
export function pageWeight(siteDir: string, urlPath: string) {
  const page = readPage(siteDir, urlPath);
  const size = (url: string) => brotliSize(readFileSync(builtFile(siteDir, url)));
  const html = brotliSize(readFileSync(fileForUrl(siteDir, urlPath)!));
  const stylesheets = page.querySelectorAll('link[rel~="stylesheet"]').map((link) => size(link.getAttribute("href")!));
  const scripts = page.querySelectorAll("script[src]").filter(isJavaScript);
  const scriptSize = (script: HTMLElement) => size(script.getAttribute("src")!);
  const sum = (sizes: number[]) => sizes.reduce((total, value) => total + value, 0);
  const firstRender = html + sum(stylesheets) + sum(scripts.filter(blocksRendering).map(scriptSize));
  const later = sum(scripts.filter((script) => !blocksRendering(script)).map(scriptSize));
  return { html, css: sum(stylesheets), firstRender, total: firstRender + later };
}

/** The events' world map on a page: its bytes as they are and with brotli, and its markers. */
export function mapWeight(siteDir: string, urlPath: string) {
  const svg = readPage(siteDir, urlPath).querySelector("svg.world-map");
  if (!svg) throw new Error(`${urlPath} has no map`);
  const markup = svg.toString();
  return {
    bytes: Buffer.byteLength(markup),
    brotli: brotliSize(markup),
    markers: svg.querySelectorAll("a.world-map__marker").length,
  };
}
