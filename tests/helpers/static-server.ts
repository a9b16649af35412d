import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { contentTypeFor } from "../../tools/preview/server.ts";

/**
 * The plainest static host: files with their Content-Type and `/dir/` from `/dir/index.html`,
 * mounted at `mount` ("/" or "/sub-path/"). No other header, no redirect, no custom 404 page:
 * what a site gets from `python -m http.server`, GitHub Pages without configuration, or S3.
 */
export async function servePlainFiles(
  siteDir: string,
  mount = "/",
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const notFound = () => response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    if (!path.startsWith(mount)) return notFound();
    let file = join(siteDir, normalize(`/${path.slice(mount.length)}`));
    if (path.endsWith("/")) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    response.writeHead(200, { "Content-Type": contentTypeFor(file) }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
