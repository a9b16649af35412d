import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, posix, relative, sep } from "node:path";

/** Ten hex digits of the SHA-256 of a file's bytes: a new name whenever one byte changes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 10);
}

/** `/assets/js/share.js` with these bytes is `/assets/js/share.<hash>.js`. */
export function fingerprintedPath(path: string, bytes: Uint8Array): string {
  const { dir, name, ext } = posix.parse(path);
  return posix.join(dir, `${name}.${contentHash(bytes)}${ext}`);
}

/** Whether the last part of a URL's path is named as fingerprintedPath names it. */
export function isFingerprinted(path: string): boolean {
  return /\.[0-9a-f]{10}\.[a-z0-9]+$/.test(new URL(path, "http://site.test").pathname);
}

/** A file of the assets folder: where it is, and the address it is published at. */
export interface Asset {
  source: string;
  url: string;
}

/**
 * Every file under `sourceDir`, by its plain address under `urlBase` ("/assets/js/share.js"),
 * with its fingerprinted address. Read once a build: templates ask for the plain address.
 */
export function assetManifest(sourceDir: string, urlBase: string): Map<string, Asset> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return new Map(
    files(sourceDir)
      .sort()
      .map((source) => {
        const path = posix.join(urlBase, relative(sourceDir, source).split(sep).join("/"));
        return [path, { source, url: fingerprintedPath(path, readFileSync(source)) }];
      }),
  );
}

/**
 * Writes each asset at its fingerprinted address under `outputDir` (the site's root), then
 * deletes whatever else is in the assets' folder there: files of earlier builds, and never a
 * copy under a plain name, which a year's cache would keep stale.
 */
export async function writeFingerprintedAssets(
  assets: ReadonlyMap<string, Asset>,
  outputDir: string,
  urlBase: string,
): Promise<void> {
  const wanted = new Set<string>();
  for (const { source, url } of assets.values()) {
    const target = join(outputDir, url);
    wanted.add(target);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, readFileSync(source));
  }
  const folder = join(outputDir, urlBase);
  const existing = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of existing) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && !wanted.has(file)) await rm(file);
  }
}
