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

/** A file of the assets folder: where it is, the address it is published at, and what is published. */
export interface Asset {
  source: string;
  url: string;
  bytes: Uint8Array;
}

/** A module's imports of its neighbours: `from "./line-breaks.js"`, `import "./x.js"`, `import("../x.js")`. */
const relativeImport = /(\bfrom\s*|\bimport\s*\(?\s*)"(\.\.?\/[^"]+\.js)"/g;

/**
 * Every file under `sourceDir`, by its plain address under `urlBase` ("/assets/js/share.js"),
 * with its fingerprinted address. Read once a build: templates ask for the plain address. A
 * script that imports another of the folder imports it by its fingerprinted name (the browser
 * never sees a plain one), so its own name changes whenever what it imports does.
 */
export function assetManifest(sourceDir: string, urlBase: string): Map<string, Asset> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  const sources = new Map(
    files(sourceDir)
      .sort()
      .map((source) => [posix.join(urlBase, relative(sourceDir, source).split(sep).join("/")), source] as const),
  );
  const manifest = new Map<string, Asset>();
  const publish = (path: string, importedBy: readonly string[] = []): Asset => {
    const done = manifest.get(path);
    if (done) return done;
    const source = sources.get(path);
    if (source === undefined) throw new Error(`${importedBy.at(-1)}: imports ${path}, which src/assets/ does not have`);
    if (importedBy.includes(path)) throw new Error(`${path}: imports itself through ${importedBy.join(" → ")}`);
    let bytes: Uint8Array = readFileSync(source);
    if (path.endsWith(".js")) {
      const code = new TextDecoder().decode(bytes).replace(relativeImport, (_, before: string, specifier: string) => {
        const imported = publish(posix.join(posix.dirname(path), specifier), [...importedBy, path]);
        const address = posix.relative(posix.dirname(path), imported.url);
        return `${before}"${address.startsWith("../") ? address : `./${address}`}"`;
      });
      bytes = new TextEncoder().encode(code);
    }
    const asset = { source, url: fingerprintedPath(path, bytes), bytes };
    manifest.set(path, asset);
    return asset;
  };
  for (const path of sources.keys()) publish(path);
  return new Map([...manifest].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Publishes the asset at `path` as `transform` makes it of its text, under the name of what is
 * published: site.css with the design tokens' custom properties in it.
 */
export function publishTransformed(
  manifest: Map<string, Asset>,
  path: string,
  transform: (text: string) => string,
): void {
  const source = manifest.get(path)?.source;
  if (!source) throw new Error(`Assets: src${path} is missing`);
  const bytes = new TextEncoder().encode(transform(readFileSync(source, "utf8")));
  manifest.set(path, { source, url: fingerprintedPath(path, bytes), bytes });
}

/** The fingerprinted address of the asset at `path` ("/assets/js/share.js"); an error naming the assets there are when none is. */
export function fingerprintedUrl(manifest: ReadonlyMap<string, Asset>, path: string): string {
  const asset = manifest.get(path);
  if (!asset) {
    throw new Error(`fingerprint: ${path} is not a file of src/assets/ (it has ${[...manifest.keys()].join(", ")})`);
  }
  return asset.url;
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
  for (const { url, bytes } of assets.values()) {
    const target = join(outputDir, url);
    wanted.add(target);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  const folder = join(outputDir, urlBase);
  const existing = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of existing) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && !wanted.has(file)) await rm(file);
  }
}
