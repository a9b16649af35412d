import { describe, expect, it } from "vitest";
import type { ProcessedImage, ShownImage } from "../../src/lib/graphics/image-files.ts";
import {
  isSearchImage,
  loadingHints,
  parseAttributes,
  pictureHtml,
  replaceImages,
  withSearchThumbnail,
} from "../../src/lib/graphics/picture.ts";

const image: ProcessedImage = {
  width: 1200,
  height: 675,
  fallback: "jpeg",
  variants: (["avif", "jpeg", "webp"] as const).flatMap((format) =>
    [400, 800, 1200].map((width) => ({
      format,
      width,
      height: (width * 675) / 1200,
      url: `/img/a-0123456789-${width}.${format === "jpeg" ? "jpg" : format}`,
    })),
  ),
  source: { file: "static/images/a.svg", key: "0123456789abcdef", name: "a", width: 1200, height: 675, isVector: true },
};
const same = (path: string) => path;
/** The design tokens' sizes of a picture across the main column. */
const mainColumnSizes = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

describe("parseAttributes", () => {
  it("reads every attribute with its value as written", () => {
    expect(parseAttributes(`<img class="a b" src='/x.png' alt="Tom &amp; Jerry > cat" hidden width=10>`)).toEqual([
      ["class", "a b"],
      ["src", "/x.png"],
      ["alt", "Tom &amp; Jerry > cat"],
      ["hidden", undefined],
      ["width", "10"],
    ]);
  });
});

describe("replaceImages", () => {
  it("replaces the images it is asked to, counts them, and leaves the rest of the page as it was", async () => {
    const html = `<p>a</p><img src="/keep.png" alt="k"><img src="/images/one.svg" alt="1"> <img src="/images/two.svg" alt="2">`;
    const seen: number[] = [];
    const result = await replaceImages(html, async (attributes, index) => {
      const src = attributes.find(([name]) => name === "src")?.[1] ?? "";
      if (!src.startsWith("/images/")) return undefined;
      seen.push(index);
      return `[${src} ${index}]`;
    });
    expect(result).toBe(`<p>a</p><img src="/keep.png" alt="k">[/images/one.svg 0] [/images/two.svg 1]`);
    expect(seen).toEqual([0, 1]);
  });

  it("does not take text that only looks like a tag, escaped in the page, for an image", async () => {
    const html = "<p>&lt;img src=x onerror=alert(1)&gt;</p>";
    expect(await replaceImages(html, async () => "replaced")).toBe(html);
  });
});

describe("the picture search shows", () => {
  const attributes = (meta: string) =>
    parseAttributes(`<img src="/images/a.svg" alt="A" data-pagefind-meta="${meta}">`);

  it("is the one whose src is a result's image in Pagefind's metadata", () => {
    expect(isSearchImage(attributes("image[src], image_alt[alt]"))).toBe(true);
    expect(isSearchImage(attributes("image_alt[alt],image[src]"))).toBe(true);
    expect(isSearchImage(attributes("title"))).toBe(false);
    expect(isSearchImage(attributes("image_alt[alt]"))).toBe(false);
    expect(isSearchImage(parseAttributes('<img src="/images/a.svg" alt="A">'))).toBe(false);
  });

  it("is given to search as its thumbnail, after the other metadata", () => {
    const meta = (given: string) =>
      withSearchThumbnail(attributes(given), "/img/a-0123456789-128x96.webp").find(
        ([name]) => name === "data-pagefind-meta",
      )?.[1];
    // Last: Pagefind reads a value given after a colon to the end of the attribute.
    expect(meta("image[src], image_alt[alt]")).toBe("image_alt[alt], image:/img/a-0123456789-128x96.webp");
    expect(meta("image_alt[alt],image[src]")).toBe("image_alt[alt], image:/img/a-0123456789-128x96.webp");
    expect(meta("title")).toBe("title");
  });
});

describe("loadingHints", () => {
  it("loads the first image first and the others lazily, unless the template says otherwise", () => {
    expect(loadingHints([], 0)).toEqual([["fetchpriority", "high"]]);
    expect(loadingHints([], 2)).toEqual([["loading", "lazy"]]);
    expect(loadingHints([["loading", "eager"]], 2)).toEqual([]);
    expect(loadingHints([["fetchpriority", "high"]], 0)).toEqual([]);
  });
});

describe("pictureHtml", () => {
  it("offers AVIF, then WebP, then an <img> with the fallback, its size and the template's attributes", () => {
    const html = pictureHtml(
      parseAttributes(`<img class="hero" src="/images/a.svg" alt="Two people" width="1" height="1">`),
      image,
      0,
      same,
      mainColumnSizes,
    );
    expect(html).toBe(
      "<picture>" +
        `<source type="image/avif" srcset="/img/a-0123456789-400.avif 400w, /img/a-0123456789-800.avif 800w, /img/a-0123456789-1200.avif 1200w" sizes="${mainColumnSizes}">` +
        `<source type="image/webp" srcset="/img/a-0123456789-400.webp 400w, /img/a-0123456789-800.webp 800w, /img/a-0123456789-1200.webp 1200w" sizes="${mainColumnSizes}">` +
        `<img src="/img/a-0123456789-800.jpg" class="hero" alt="Two people" srcset="/img/a-0123456789-400.jpg 400w, /img/a-0123456789-800.jpg 800w, /img/a-0123456789-1200.jpg 1200w" sizes="${mainColumnSizes}" width="1200" height="675" fetchpriority="high">` +
        "</picture>",
    );
  });

  it("keeps the template's sizes, adds the path prefix, and makes later images lazy", () => {
    const html = pictureHtml(
      parseAttributes(`<img src="/images/a.svg" alt="x" sizes="50vw">`),
      image,
      1,
      (path) => `/prefix${path}`,
      mainColumnSizes,
    );
    expect(html).toContain(`sizes="50vw"`);
    expect(html).not.toContain(mainColumnSizes);
    expect(html).toContain(`src="/prefix/img/a-0123456789-800.jpg"`);
    expect(html).toContain(`loading="lazy" decoding="async"`);
    expect(html).not.toContain("fetchpriority");
  });

  it("offers only the formats it has: a card drawn by the build comes as WebP, its PNG the fallback", () => {
    const card: ShownImage = {
      width: 1200,
      height: 630,
      fallback: "png",
      variants: [
        { format: "png", width: 1200, height: 630, url: "/cards/c.png" },
        { format: "webp", width: 400, height: 210, url: "/cards/c-400.webp" },
      ],
    };
    const html = pictureHtml(parseAttributes(`<img src="/cards/c.png" alt="" loading="lazy">`), card, 0, same, "50vw");
    expect(html).toBe(
      '<picture><source type="image/webp" srcset="/cards/c-400.webp 400w" sizes="50vw">' +
        '<img src="/cards/c.png" alt="" loading="lazy" srcset="/cards/c.png 1200w" sizes="50vw" width="1200" height="630"></picture>',
    );
  });
});
