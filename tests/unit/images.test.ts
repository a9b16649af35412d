import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import {
  inspectSource,
  largestFallback,
  processImage,
  thumbnailOf,
  widthsFor,
  writeRenditions,
} from "../../src/lib/graphics/image-files.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

let dir: string;
const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#6a8caf" } })
    // Some detail, so that the encoders have something to do.
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#e9a23b"/></svg>`,
        ),
      },
    ]);

beforeAll(async () => {
  dir = await temporaryDir("imd-images-");
  await photo(1600, 1200).jpeg().toFile(join(dir, "photo.jpg"));
  await photo(640, 480).webp().toFile(join(dir, "small.webp"));
  await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .png()
    .toFile(join(dir, "transparent.png"));
  const png = await photo(800, 600).png().toBuffer();
  writeFileSync(join(dir, "truncated.png"), png.subarray(0, Math.floor(png.length / 2)));
  writeFileSync(join(dir, "not-a-picture.png"), "<html>an error page saved as a picture</html>");
  await photo(40, 40).gif().toFile(join(dir, "animated.png"));
});

describe("inspectSource", () => {
  it("accepts JPEG, WebP, PNG and SVG", async () => {
    for (const name of ["photo.jpg", "small.webp", "transparent.png"]) {
      const report = await inspectSource(join(dir, name), name);
      expect(report.problem, name).toBeUndefined();
      expect(report.warning, name).toBeUndefined();
    }
    expect(await inspectSource(join(projectRoot, "static/images/hero.svg"), "hero.svg")).toEqual({
      width: 1200,
      height: 675,
    });
  });

  it("names a missing, damaged or unsupported file", async () => {
    expect((await inspectSource(join(dir, "gone.png"), "static/images/gone.png")).problem).toBe(
      "expected a file at static/images/gone.png, got nothing",
    );
    expect((await inspectSource(join(dir, "truncated.png"), "static/images/truncated.png")).problem).toBe(
      "expected static/images/truncated.png to be a picture that reads to its end, got a damaged file",
    );
    expect((await inspectSource(join(dir, "not-a-picture.png"), "static/images/not-a-picture.png")).problem).toMatch(
      /^expected static\/images\/not-a-picture\.png to be an SVG, PNG, JPEG, WebP or AVIF picture, got a file that cannot be read as a picture \(.*\)$/,
    );
    expect((await inspectSource(join(dir, "animated.png"), "static/images/animated.png")).problem).toBe(
      "expected static/images/animated.png to be an SVG, PNG, JPEG, WebP or AVIF picture, got a gif file",
    );
  });

  it("warns about a very large picture, with its size, and still accepts it", async () => {
    const huge = join(dir, "huge.png");
    await sharp({ create: { width: 8000, height: 8000, channels: 3, background: "#ffffff" } })
      .png()
      .toFile(huge);
    const report = await inspectSource(huge, "static/images/huge.png");
    expect(report.problem).toBeUndefined();
    expect(report.warning).toMatch(/^static\/images\/huge\.png is 8000×8000 pixels; it is scaled down/);
  });
});

describe("widthsFor", () => {
  it("never makes a photo wider than it is, and draws an SVG at every layout width", () => {
    expect(widthsFor(1600, false)).toEqual([400, 800, 1200]);
    expect(widthsFor(640, false)).toEqual([400, 640]);
    expect(widthsFor(300, false)).toEqual([300]);
    expect(widthsFor(64, true)).toEqual([400, 800, 1200]);
  });
});

describe("processImage", () => {
  it("makes AVIF, WebP and JPEG at each width, with names that change with the picture", async () => {
    const outputDir = await temporaryDir("imd-images-out-");
    const image = await processImage(join(dir, "photo.jpg"), { outputDir, cacheDir: join(dir, "cache") });
    expect(image).toMatchObject({ width: 1200, height: 900, fallback: "jpeg" });
    expect(image.variants.map((variant) => `${variant.format} ${variant.width}×${variant.height}`)).toEqual([
      "avif 400×300",
      "avif 800×600",
      "avif 1200×900",
      "jpeg 400×300",
      "jpeg 800×600",
      "jpeg 1200×900",
      "webp 400×300",
      "webp 800×600",
      "webp 1200×900",
    ]);
    for (const variant of image.variants) {
      const metadata = await sharp(join(outputDir, variant.url)).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        variant.format === "avif" ? "heif" : variant.format,
        variant.width,
        variant.height,
      ]);
      expect(variant.url).toMatch(/^\/img\/photo-[0-9a-f]{10}-\d+\.(avif|webp|jpg)$/);
    }
  });

  it("keeps transparency with a PNG fallback", async () => {
    const image = await processImage(join(dir, "transparent.png"), {
      outputDir: await temporaryDir("imd-images-out-"),
      cacheDir: join(dir, "cache"),
    });
    expect(image.fallback).toBe("png");
    expect(image.variants.map((variant) => variant.url.split(".").pop())).toEqual(["avif", "png", "webp"]);
  });

  it("does not encode an unchanged picture again: the second build takes every file from the cache", async () => {
    const cacheDir = join(dir, "cache-reuse");
    const source = join(dir, "small.webp");
    await processImage(source, { outputDir: await temporaryDir("imd-images-out-"), cacheDir });
    const cached = () =>
      Object.fromEntries(readdirSync(cacheDir).map((name) => [name, statSync(join(cacheDir, name)).mtimeMs]));
    const before = cached();
    expect(Object.keys(before).length).toBe(1 + 2 * 3); // the manifest, and 2 widths × 3 formats
    const outputDir = await temporaryDir("imd-images-out-");
    const again = await processImage(source, { outputDir, cacheDir });
    expect(cached()).toEqual(before);
    for (const variant of again.variants) expect(statSync(join(outputDir, variant.url)).size).toBeGreaterThan(0);
  });

  it("makes the widths asked for, never wider than the source", async () => {
    const image = await processImage(join(dir, "small.webp"), {
      outputDir: await temporaryDir("imd-images-out-"),
      cacheDir: join(dir, "cache"),
      widths: [400, 800],
    });
    expect([...new Set(image.variants.map((variant) => variant.width))]).toEqual([400, 640]);
    expect(image).toMatchObject({ width: 640, height: 480 });
  });

  it("writes a drawn picture's renditions at the addresses given, as the pipeline makes them, from its cache", async () => {
    const cacheDir = join(dir, "cache-renditions");
    const source = join(dir, "photo.jpg");
    const pipelineDir = await temporaryDir("imd-images-out-");
    const made = await processImage(source, { outputDir: pipelineDir, cacheDir, widths: [400] });
    const cachedFiles = readdirSync(cacheDir).sort();
    const outputDir = await temporaryDir("imd-images-out-");
    await writeRenditions(source, [{ format: "webp", width: 400, url: "/cards/photo-400.webp" }], {
      outputDir,
      cacheDir,
    });
    const written = readFileSync(join(outputDir, "cards/photo-400.webp"));
    expect((await sharp(written).metadata()) as object).toMatchObject({ format: "webp", width: 400, height: 300 });
    const webp = made.variants.find((variant) => variant.format === "webp")!;
    expect(written.equals(readFileSync(join(pipelineDir, webp.url)))).toBe(true);
    // Nothing was encoded again.
    expect(readdirSync(cacheDir).sort()).toEqual(cachedFiles);
  });

  it("makes a thumbnail of a photo and of a drawing: a small WebP cropped to the size, from the cache the second time", async () => {
    const cacheDir = join(dir, "cache");
    const size = { width: 128, height: 96 };
    const outputDir = await temporaryDir("imd-images-out-");
    // The photo's variants are in the cache (the first test made them); the drawing is 16:9, drawn small.
    const photoImage = await processImage(join(dir, "photo.jpg"), { outputDir, cacheDir });
    const drawing = join(dir, "drawing.svg");
    writeFileSync(
      drawing,
      '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="18"><circle cx="16" cy="9" r="6" fill="#e9a23b"/></svg>',
    );
    const drawingImage = {
      ...photoImage,
      source: { file: drawing, key: "0123456789drawing", name: "drawing", width: 32, height: 18, isVector: true },
    };
    for (const image of [photoImage, drawingImage]) {
      const thumbnail = await thumbnailOf(image, size, { outputDir, cacheDir });
      expect(thumbnail).toEqual({
        format: "webp",
        ...size,
        url: `/img/${image.source.name}-${image.source.key.slice(0, 10)}-128x96.webp`,
      });
      const file = join(outputDir, thumbnail.url);
      const { format, width, height } = await sharp(file).metadata();
      expect({ format, width, height }, image.source.name).toEqual({ format: "webp", ...size });
      // At the size it is shown, a thumbnail is a few kilobytes, not a column's picture.
      expect(statSync(file).size, image.source.name).toBeLessThan(8 * 1024);
      const cached = () => statSync(join(cacheDir, `${image.source.key}-128x96.webp`)).mtimeMs;
      const before = cached();
      await thumbnailOf(image, size, { outputDir: await temporaryDir("imd-images-out-"), cacheDir });
      expect(cached()).toBe(before);
    }
  });

  it("makes byte-identical files on every run, so that builds are reproducible", async () => {
    const runs = await Promise.all(
      ["a", "b"].map(async (run) => {
        const outputDir = await temporaryDir("imd-images-out-");
        const image = await processImage(join(dir, "photo.jpg"), { outputDir, cacheDir: join(dir, `cache-${run}`) });
        return image.variants.map((variant) => readFileSync(join(outputDir, variant.url)).toString("base64"));
      }),
    );
    expect(runs[0]).toEqual(runs[1]);
  });
});

describe("what is published of a contributor's picture", () => {
  const owner = "EXIF-OWNER-MARKER";
  const place = "GPS-DATUM-MARKER";
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${owner}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

  it("keeps no EXIF, GPS or XMP data in any variant, nor the original in the cache, and stands a sideways photo upright", async () => {
    const source = join(dir, "sideways.jpg");
    // As a phone saves a portrait photo: 1600×900 pixels, shown turned (EXIF orientation 6).
    await photo(1600, 900)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Artist: owner },
        IFD3: { GPSMapDatum: place, GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
      })
      .withXmp(xmp)
      .toFile(source);
    const original = readFileSync(source);
    expect(await sharp(original).metadata()).toMatchObject({
      orientation: 6,
      exif: expect.any(Buffer),
      xmp: expect.any(Buffer),
    });

    const outputDir = await temporaryDir("imd-images-out-");
    const cacheDir = join(dir, "cache-metadata");
    const image = await processImage(source, { outputDir, cacheDir });
    expect([image.width, image.height]).toEqual([900, 1600]);
    for (const variant of image.variants) {
      const bytes = readFileSync(join(outputDir, variant.url));
      const metadata = await sharp(bytes).metadata();
      expect([metadata.width, metadata.height], variant.url).toEqual([variant.width, variant.height]);
      expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.orientation], variant.url).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      for (const marker of [owner, place, "Exif\0\0", "adobe:ns:meta"])
        expect(bytes.includes(marker), variant.url).toBe(false);
    }
    for (const name of readdirSync(cacheDir)) {
      const bytes = readFileSync(join(cacheDir, name));
      expect(bytes.equals(original), name).toBe(false);
      expect(bytes.includes(owner) || bytes.includes(place), name).toBe(false);
    }
  });

  it("draws an SVG from its bytes alone: a file beside it that it names is not drawn", async () => {
    const folder = await temporaryDir("imd-images-svg-");
    await sharp({ create: { width: 10, height: 10, channels: 3, background: "#ff0000" } })
      .png()
      .toFile(join(folder, "red.png"));
    writeFileSync(
      join(folder, "names-a-file.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><image href="red.png" width="100" height="100"/></svg>',
    );
    // librsvg would draw red.png if it were given the SVG's path (it reads files in the SVG's folder).
    const drawnFromPath = await sharp(join(folder, "names-a-file.svg")).stats();
    expect(drawnFromPath.channels[0]?.mean).toBeGreaterThan(200);
    const outputDir = await temporaryDir("imd-images-out-");
    const image = await processImage(join(folder, "names-a-file.svg"), { outputDir, cacheDir: join(folder, "cache") });
    expect(image.fallback).toBe("png");
    const made = await sharp(join(outputDir, largestFallback(image).url)).stats();
    expect(made.channels[0]?.mean).toBe(0);
    expect(made.isOpaque).toBe(false);
  });

  it("names one picture for feeds and JSON-LD: the largest JPEG or PNG", async () => {
    const image = await processImage(join(dir, "small.webp"), {
      outputDir: await temporaryDir("imd-images-out-"),
      cacheDir: join(dir, "cache"),
    });
    expect(largestFallback(image)).toMatchObject({ format: "jpeg", width: 640, height: 480 });
    expect(() => largestFallback({ ...image, variants: [] })).toThrow(/expected at least one JPEG or PNG/);
  });
});
