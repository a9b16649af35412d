import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import sharp, { type Metadata } from "sharp";
import { cacheKeyFor } from "../build/cache-key-files.ts";

// Every picture the site shows goes through here: sharp makes AVIF, WebP and a JPEG (or PNG,
// when the picture has transparent parts) at a few widths. What sharp makes is kept in a disk
// cache keyed by a hash of the source's bytes and of the code that makes it, so an unchanged
// picture is not encoded again on the next build (see README: the cache survives Netlify builds).
//
// A contributor's picture is published only as these renditions, never as its own file. Each is
// decoded and encoded again, which drops EXIF, XMP and IPTC (owner, camera, GPS): sharp writes
// no metadata unless asked to (keepMetadata, withExif), and nothing here asks. A photo is first
// turned upright by its EXIF orientation, which would otherwise be lost with the rest. Sources
// are read from their bytes, never from a path: librsvg then has no folder to load other files
// from, so an SVG's references to files or addresses draw nothing.

/** Widths that fit the layout: a phone's column at 1×, 2× and 3× (or a wide column at 1× and 2×). */
export const layoutWidths = [400, 800, 1200] as const;

export type RasterFormat = "avif" | "webp" | "jpeg" | "png";

/** Encoder settings. Written here, they are in every cache key (see encodedBy): change one and the images are made again. */
export const encoderOptions = {
  avif: { quality: 50, effort: 4 },
  webp: { quality: 72, effort: 4 },
  jpeg: { quality: 76, mozjpeg: true },
  // Measured on the social cards: level 7 without adaptive filtering makes smaller files than
  // level 9 with it (52 KB against 69 KB), five times faster (18 ms a card against 102 ms).
  png: { compressionLevel: 7, adaptiveFiltering: false },
} as const;

/**
 * What every picture and PNG made here is made by, besides its source: this module and what it
 * imports (sharp, at its version), and the libvips that sharp runs. Part of every cache key here,
 * so that a change to how pictures are made makes them again.
 */
const encodedBy = cacheKeyFor([import.meta.url]);

/** A picture much larger than this is scaled down fine, but is noted as a warning. */
export const LARGE_SOURCE_PIXELS = 4000 * 4000;

/** The formats a contributor may give, by what sharp finds in the file (not by its name). */
const sourceFormats = new Set(["svg", "png", "jpeg", "webp", "heif"]);

/** Options for reading a source: SVGs are drawn at their own size and huge files read in one pass. */
const readOptions = { sequentialRead: true, limitInputPixels: 16384 * 16384 } as const;

export interface ImageVariant {
  format: RasterFormat;
  width: number;
  height: number;
  /** Its site path, like /img/hero-1a2b3c4d-800.avif. */
  url: string;
}

/** What a page shows of a picture: its renditions, and the one for a browser that takes neither AVIF nor WebP. */
export interface ShownImage {
  /** The aspect ratio of the source, at the largest width made. */
  width: number;
  height: number;
  fallback: "jpeg" | "png";
  variants: ImageVariant[];
}

export interface ProcessedImage extends ShownImage {
  /** What the variants were made from, for another rendition of it (`thumbnailOf`). */
  source: SourcePicture;
}

/** A source picture as the cache knows it. */
export interface SourcePicture {
  file: string;
  /** The cache key of its renditions: its bytes and the code that makes them. */
  key: string;
  /** Its file name, as its renditions' names begin. */
  name: string;
  /** Its size as shown (upright) and whether it is drawn (SVG): the density to draw it at. */
  width: number;
  height: number;
  isVector: boolean;
}

/** What is wrong with a source picture, if anything, as a sentence that names the file. */
export interface SourceReport {
  problem?: string;
  warning?: string;
  width?: number;
  height?: number;
}

/**
 * Reads a source picture the way the build will: it must be there, be a format the site
 * takes and decode to the end (a truncated or corrupt file fails here, not half-way through
 * a build). `label` is how the message names the file, such as static/images/a.jpg.
 */
export async function inspectSource(file: string, label: string): Promise<SourceReport> {
  if (!existsSync(file)) return { problem: `expected a file at ${label}, got nothing` };
  const bytes = await readFile(file);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, readOptions).metadata();
  } catch (error) {
    return {
      problem: `expected ${label} to be an SVG, PNG, JPEG, WebP or AVIF picture, got a file that cannot be read as a picture (${reason(error)})`,
    };
  }
  if (!sourceFormats.has(metadata.format ?? "")) {
    return {
      problem: `expected ${label} to be an SVG, PNG, JPEG, WebP or AVIF picture, got a ${metadata.format} file`,
    };
  }
  const { width, height } = metadata.autoOrient;
  try {
    // Decoding to a thumbnail reads the whole file (shrink-on-load keeps big JPEGs cheap).
    await sharp(bytes, { ...readOptions, failOn: "truncated" })
      .resize(64)
      .raw()
      .toBuffer();
  } catch {
    // libvips's reason is left out: it comes from an error buffer that threads share, and reads
    // "Unknown error" as often as "libpng read error", so the check and the build would say it differently.
    return {
      problem: `expected ${label} to be a picture that reads to its end, got a damaged file`,
      width,
      height,
    };
  }
  if (width * height > LARGE_SOURCE_PIXELS) {
    return {
      warning: `${label} is ${width}×${height} pixels; it is scaled down to ${Math.max(...layoutWidths)} pixels wide, and a picture of about 2400 pixels wide would do as well and build faster`,
      width,
      height,
    };
  }
  return { width, height };
}

function reason(error: unknown): string {
  return (error as Error).message.split("\n")[0]?.replace(/\s+$/, "") ?? String(error);
}

/** The widths to make of a picture `sourceWidth` wide: no upscaling of photos; an SVG draws at any width. */
export function widthsFor(sourceWidth: number, isVector: boolean, widths: readonly number[] = layoutWidths): number[] {
  if (isVector) return [...widths];
  const largest = Math.min(sourceWidth, Math.max(...widths));
  return [...widths.filter((width) => width < largest), largest];
}

export interface PipelineOptions {
  /** Where the built site is written. */
  outputDir: string;
  /** The disk cache; kept between builds. */
  cacheDir: string;
  /** The widths to make (never wider than the source, unless it is an SVG); the layout's unless given. */
  widths?: readonly number[];
}

/**
 * Widths of a preview of a file offered for download at its full size (the toolkit's graphics,
 * the wall's thank-you cards): shown at most half the wide page across, about 32rem, so its
 * column at 1× and 2× on a phone, and at 1× to 1.5× on a wide screen.
 */
export const previewWidths = [400, 800] as const;

const inFlight = new Map<string, Promise<ProcessedImage>>();

/** Makes (or takes from the cache) every variant of one source picture and writes them under `<outputDir>/img/`. */
export function processImage(sourceFile: string, options: PipelineOptions): Promise<ProcessedImage> {
  const key = `${sourceFile}\0${options.outputDir}\0${options.cacheDir}\0${options.widths ?? ""}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = makeVariants(sourceFile, options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** What the cache knows of a source, by the hash of its bytes and of the code that reads it. */
interface SourceManifest {
  width: number;
  height: number;
  isVector: boolean;
  opaque: boolean;
}

/** A source's bytes, the hash its renditions are cached (and named) by, and its manifest. */
async function readSource(sourceFile: string, cacheDir: string) {
  const bytes = await readFile(sourceFile);
  const source = createHash("sha256").update(bytes).digest("hex");
  const hash = encodedBy({ source, vips: sharp.versions.vips });
  const manifestFile = join(cacheDir, `${hash}.json`);
  let manifest: SourceManifest;
  if (existsSync(manifestFile)) {
    manifest = JSON.parse(await readFile(manifestFile, "utf8"));
  } else {
    const metadata = await sharp(bytes, readOptions).metadata();
    const small = sharp(bytes, readOptions).resize(256);
    manifest = {
      // As the picture is shown: a photo taken sideways is stored sideways, with an EXIF orientation.
      width: metadata.autoOrient.width,
      height: metadata.autoOrient.height,
      isVector: metadata.format === "svg",
      opaque: (await small.stats()).isOpaque,
    };
    await writeAtomically(manifestFile, JSON.stringify(manifest));
  }
  return { bytes, hash, manifest };
}

const extensionOf = (format: RasterFormat) => (format === "jpeg" ? "jpg" : format);

/** One rendition's file in the cache: encoded once, then taken from there by every build. */
async function cachedRendition(
  source: { bytes: Buffer; hash: string; manifest: SourceManifest },
  width: number,
  format: RasterFormat,
  cacheDir: string,
): Promise<string> {
  const cached = join(cacheDir, `${source.hash}-${width}.${extensionOf(format)}`);
  if (!existsSync(cached))
    await writeAtomically(cached, await encode(source.bytes, source.manifest, { width }, format));
  return cached;
}

async function makeVariants(
  sourceFile: string,
  { outputDir, cacheDir, widths: wanted = layoutWidths }: PipelineOptions,
): Promise<ProcessedImage> {
  const source = await readSource(sourceFile, cacheDir);
  const { hash, manifest } = source;
  const fallback = manifest.opaque ? "jpeg" : "png";
  const widths = widthsFor(manifest.width, manifest.isVector, wanted);
  const name = basename(sourceFile, extname(sourceFile)).replace(/[^\w-]+/g, "-");
  const variants: ImageVariant[] = [];
  await Promise.all(
    widths.flatMap((width) =>
      (["avif", "webp", fallback] as const).map(async (format) => {
        const cached = await cachedRendition(source, width, format, cacheDir);
        const url = `/img/${name}-${hash.slice(0, 10)}-${width}.${extensionOf(format)}`;
        await linkOrCopy(cached, join(outputDir, url));
        variants.push({ format, width, height: Math.round((width * manifest.height) / manifest.width), url });
      }),
    ),
  );
  // Promise.all finishes in any order: sort, so that the HTML is the same on every build.
  variants.sort((a, b) => a.format.localeCompare(b.format) || a.width - b.width);
  const largest = Math.max(...widths);
  const { width, height, isVector } = manifest;
  return {
    width: largest,
    height: Math.round((largest * manifest.height) / manifest.width),
    fallback,
    variants,
    source: { file: sourceFile, key: hash, name, width, height, isVector },
  };
}

/**
 * A small WebP of a picture, `size` pixels, cropped to fill them as `object-fit: cover` shows it
 * (the middle kept): a search result's thumbnail, at its display size rather than a column's.
 * Taken from the cache like the variants; its source is read only to encode it.
 */
export async function thumbnailOf(
  image: ProcessedImage,
  size: { width: number; height: number },
  { outputDir, cacheDir }: PipelineOptions,
): Promise<ImageVariant> {
  const { file, key, name } = image.source;
  const suffix = `${size.width}x${size.height}`;
  const cached = join(cacheDir, `${key}-${suffix}.webp`);
  if (!existsSync(cached))
    await writeAtomically(cached, await encode(await readFile(file), image.source, size, "webp"));
  const url = `/img/${name}-${key.slice(0, 10)}-${suffix}.webp`;
  await linkOrCopy(cached, join(outputDir, url));
  return { format: "webp", width: size.width, height: size.height, url };
}

/**
 * Writes the renditions of a picture the build drew (a thank-you card) at the site paths given:
 * encoded as every picture is (from the cache when made before), for pages that name them before
 * the picture is drawn, so their addresses cannot carry a hash of its bytes.
 */
export async function writeRenditions(
  sourceFile: string,
  renditions: readonly { format: RasterFormat; width: number; url: string }[],
  { outputDir, cacheDir }: Omit<PipelineOptions, "widths">,
): Promise<void> {
  const source = await readSource(sourceFile, cacheDir);
  await Promise.all(
    renditions.map(async ({ format, width, url }) => {
      await linkOrCopy(await cachedRendition(source, width, format, cacheDir), join(outputDir, url));
    }),
  );
}

/**
 * The largest JPEG or PNG made of a picture: the one address that feeds and JSON-LD give, for
 * readers that take a single picture (and may not know AVIF or WebP).
 */
export function largestFallback(image: ProcessedImage): ImageVariant {
  const [largest] = image.variants
    .filter((variant) => variant.format === image.fallback)
    .sort((a, b) => b.width - a.width);
  if (!largest) throw new Error("largestFallback: expected at least one JPEG or PNG variant");
  return largest;
}

/** The narrowest AVIF or WebP rendition of a picture (not its fallback): a drawn picture's search thumbnail. */
export function smallestRendition(image: ShownImage): ImageVariant {
  const [smallest] = image.variants
    .filter((variant) => variant.format !== image.fallback)
    .sort((a, b) => a.width - b.width);
  if (!smallest) throw new Error("smallestRendition: expected at least one AVIF or WebP variant");
  return smallest;
}

/** `bytes` as `format`, `box.width` wide; cropped to `box.height` too when given (the middle kept, as `object-fit: cover`). */
function encode(
  bytes: Buffer,
  source: { width: number; height: number; isVector: boolean },
  box: { width: number; height?: number },
  format: RasterFormat,
): Promise<Buffer> {
  // An SVG is drawn at the density that gives the size wanted, never drawn small and scaled up.
  const scale = Math.max(box.width / source.width, box.height === undefined ? 0 : box.height / source.height);
  const density = source.isVector ? Math.max(72, 72 * scale) : undefined;
  const image = sharp(bytes, { ...readOptions, ...(density ? { density } : {}) })
    .autoOrient()
    .resize(box.height === undefined ? { width: box.width } : { ...box, fit: "cover", position: "centre" });
  switch (format) {
    case "avif":
      return image.avif(encoderOptions.avif).toBuffer();
    case "webp":
      return image.webp(encoderOptions.webp).toBuffer();
    case "jpeg":
      return image.flatten({ background: "#ffffff" }).jpeg(encoderOptions.jpeg).toBuffer();
    case "png":
      return image.png(encoderOptions.png).toBuffer();
  }
}

/** A PNG of an SVG drawn with sharp, from the cache when the same SVG was drawn before. */
export function svgToPng(svg: string, cacheDir: string): Promise<Buffer> {
  return cachedPng(svg, () => svg, cacheDir);
}

/**
 * A PNG of the SVG that `drawSvg` makes, from the cache when the same `key` was drawn before.
 * The key must change whenever the drawing would (its content and the code that draws it: make
 * it with cacheKeyFor, build/cache-key-files.ts): then a warm build skips laying out the text as
 * well as drawing the picture.
 */
export async function cachedPng(key: string, drawSvg: () => string, cacheDir: string): Promise<Buffer> {
  return readFile(await cachedPngFile(key, drawSvg, cacheDir));
}

/** As `cachedPng`, but gives the cached file's path: copying it is cheaper than reading and writing it. */
export async function cachedPngFile(key: string, drawSvg: () => string, cacheDir: string): Promise<string> {
  const hash = encodedBy({ drawing: key, vips: sharp.versions.vips });
  const cached = join(cacheDir, `svg-${hash}.png`);
  if (!existsSync(cached)) {
    await writeAtomically(cached, await sharp(Buffer.from(drawSvg())).png(encoderOptions.png).toBuffer());
  }
  return cached;
}

/** Writes through a temporary file and a rename, so that two builds sharing a cache never read half a file. */
export async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/**
 * Puts the cached file `source` at `target`, making its folder: as a hard link when both are
 * on one disk (a cached file never changes once written, and 4,000 links take a tenth of the
 * time of 4,000 copies), else as a copy.
 */
export async function linkOrCopy(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await rm(target, { force: true });
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}

/** The cache folder: IMAGE_CACHE_DIR if set (netlify.toml sets it), else .cache/images in the project. */
export function imageCacheDir(projectDir: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env.IMAGE_CACHE_DIR;
  return resolve(projectDir, configured || ".cache/images");
}
