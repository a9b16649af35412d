import type { ShownImage } from "./image-files.ts";

// Turns the plain <img> a template writes into a <picture> of the variants sharp made.
// Attribute values are kept exactly as the template escaped them.

/** An <img> tag's attributes in order, values as written (still HTML-escaped). */
export type Attributes = [name: string, value: string | undefined][];

const imgTag = /<img\b(?:"[^"]*"|'[^']*'|[^'">])*>/gi;
const attribute = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function parseAttributes(tag: string): Attributes {
  const inner = tag.replace(/^<img\b/i, "").replace(/\/?>$/, "");
  return Array.from(inner.matchAll(attribute), (match): [string, string | undefined] => [
    (match[1] ?? "").toLowerCase(),
    match[2] ?? match[3] ?? match[4],
  ]);
}

export function getAttribute(attributes: Attributes, name: string): string | undefined {
  return attributes.find(([key]) => key === name)?.[1];
}

/**
 * Replaces each <img> of `html` with what `replace` makes of it (undefined: leave it). `index`
 * counts the images replaced before it, so the first large image of a page can load first.
 */
export async function replaceImages(
  html: string,
  replace: (attributes: Attributes, index: number) => Promise<string | undefined>,
): Promise<string> {
  const tags = Array.from(html.matchAll(imgTag));
  let index = 0;
  const replacements: (string | undefined)[] = [];
  for (const match of tags) {
    const replacement = await replace(parseAttributes(match[0]), index);
    if (replacement !== undefined) index++;
    replacements.push(replacement);
  }
  let result = "";
  let last = 0;
  tags.forEach((match, position) => {
    const start = match.index ?? 0;
    result += html.slice(last, start) + (replacements[position] ?? match[0]);
    last = start + match[0].length;
  });
  return result + html.slice(last);
}

/**
 * How an image loads: the first image of a page is likely the large one at the top, so it is
 * fetched first (`fetchpriority="high"`); the others wait until they are near the screen
 * (`loading="lazy"`). A template that says otherwise is followed.
 */
export function loadingHints(attributes: Attributes, index: number): Attributes {
  const given = (name: string) => getAttribute(attributes, name) !== undefined;
  if (given("loading") || given("fetchpriority")) return [];
  return index === 0 ? [["fetchpriority", "high"]] : [["loading", "lazy"]];
}

/** `image[src]` in a `data-pagefind-meta`: the picture of the page's search result is this one. */
const searchImage = /(^|,)\s*image\[src\]\s*(?=,|$)/;

/**
 * Whether search shows this <img> as its page's result (`data-pagefind-meta="image[src], …"`):
 * Pagefind would read its `src`, a rendition for the page's column, where the result shows a
 * thumbnail.
 */
export function isSearchImage(attributes: Attributes): boolean {
  return searchImage.test(getAttribute(attributes, "data-pagefind-meta") ?? "");
}

/**
 * The attributes with the search result's picture (`image[src]`) given as `url`, the thumbnail
 * made for it: `image:url`, last, as Pagefind reads a value given so to the end of the attribute.
 */
export function withSearchThumbnail(attributes: Attributes, url: string): Attributes {
  return attributes.map(([name, value]): [string, string | undefined] => {
    if (name !== "data-pagefind-meta" || value === undefined || !searchImage.test(value)) return [name, value];
    const others = value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "" && item !== "image[src]");
    return [name, [...others, `image:${url}`].join(", ")];
  });
}

const mimeTypes = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" } as const;

/**
 * The <picture>: AVIF and WebP sources (those it has), then the <img> with the JPEG or PNG fallback, its
 * intrinsic width and height (so the page does not move as it loads) and every attribute
 * the template gave it. `url` turns a site path into the address to write (the path prefix).
 * `defaultSizes` is the `sizes` of a picture whose template gives none: one that spans the main
 * column (the design tokens' `sizes.mainColumn`).
 */
export function pictureHtml(
  attributes: Attributes,
  image: ShownImage,
  index: number,
  url: (path: string) => string,
  defaultSizes: string,
) {
  const srcset = (format: string) =>
    image.variants
      .filter((variant) => variant.format === format)
      .map((variant) => `${url(variant.url)} ${variant.width}w`)
      .join(", ");
  const sizes = getAttribute(attributes, "sizes") ?? defaultSizes;
  const fallbacks = image.variants.filter((variant) => variant.format === image.fallback);
  // The middle width for browsers that know no srcset: sharp enough for most screens.
  const src = fallbacks[Math.floor((fallbacks.length - 1) / 2)] ?? fallbacks[0];
  if (!src) throw new Error("pictureHtml: expected at least one fallback image");
  const replaced = new Set(["src", "srcset", "sizes", "width", "height"]);
  const kept = attributes.filter(([name]) => !replaced.has(name));
  const img: Attributes = [
    ["src", url(src.url)],
    ...kept,
    ["srcset", srcset(image.fallback)],
    ["sizes", sizes],
    ["width", String(image.width)],
    ["height", String(image.height)],
    ...loadingHints(attributes, index),
    ...(index > 0 && getAttribute(attributes, "decoding") === undefined
      ? [["decoding", "async"] as [string, string]]
      : []),
  ];
  // A picture the build drew may come in one of the two (a thank-you card: WebP beside its PNG).
  const sources = (["avif", "webp"] as const)
    .filter((format) => image.variants.some((variant) => variant.format === format))
    .map((format) => `<source type="${mimeTypes[format]}" srcset="${srcset(format)}" sizes="${sizes}">`)
    .join("");
  return `<picture>${sources}<img ${img.map(([name, value]) => (value === undefined ? name : `${name}="${value.replace(/"/g, "&quot;")}"`)).join(" ")}></picture>`;
}
