// What Chromium loads of a page as a visitor reads it to its end: every file, its kind and its
// bytes as they travelled (brotli where the server compressed it). Sizes, not times: the budgets
// tests assert them.
import type { Browser } from "playwright-core";
import { watchedPage } from "./browser.ts";

export interface LoadedFile {
  path: string;
  /** Chromium's resource type: "image", "stylesheet", "script", "font", "document", … */
  type: string;
  bytes: number;
}

/**
 * Opens `origin + path` at `viewport` and scrolls it a screen at a time to its end, so that every
 * lazy picture a reader passes loads; gives what was loaded and the problems met on the way.
 */
export async function loadedScrolledThrough(
  browser: Browser,
  origin: string,
  path: string,
  viewport = { width: 390, height: 844 },
) {
  const { page, problems, close } = await watchedPage(browser, { viewport });
  const files: LoadedFile[] = [];
  const measured: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    measured.push(
      request.sizes().then(({ responseBodySize }) => {
        files.push({ path: new URL(request.url()).pathname, type: request.resourceType(), bytes: responseBodySize });
      }),
    );
  });
  // Every picture on or near the screen has loaded (a lazy one starts as it comes near).
  const picturesIn = () =>
    page.waitForFunction(() =>
      Array.from(document.images).every((image) => {
        const box = image.getBoundingClientRect();
        return box.bottom < 0 || box.top > window.innerHeight || image.complete;
      }),
    );
  await page.goto(origin + path, { waitUntil: "networkidle" });
  await picturesIn();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = viewport.height; top < height; top += viewport.height) {
    await page.evaluate((y) => window.scrollTo(0, y), top);
    await picturesIn();
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await picturesIn();
  await page.waitForLoadState("networkidle");
  await Promise.all(measured);
  await close();
  const bytesOf = (type: string) =>
    files.filter((file) => file.type === type).reduce((total, file) => total + file.bytes, 0);
  return { files, problems, bytesOf };
}
