import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { picturesOfBuild } from "../../src/lib/graphics/picture-files.ts";
import { temporaryDir } from "../helpers/project.ts";

const sizes = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

describe("picturesOfBuild", () => {
  // A project of its own: one photo in static/images/, its renditions written to a fresh output.
  let input: string;
  let output: string;
  beforeAll(async () => {
    input = await temporaryDir("imd-pictures-in-");
    output = await temporaryDir("imd-pictures-out-");
    await mkdir(join(input, "static/images"), { recursive: true });
    await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#6a8caf" } })
      .jpeg()
      .toFile(join(input, "static/images/photo.jpg"));
  });

  const build = (prefix = "/") => {
    const pictures = picturesOfBuild({
      prefix,
      defaultSizes: () => sizes,
      thumbnail: () => ({ width: 128, height: 96 }),
    });
    pictures.start({ input, output });
    return pictures;
  };

  it("makes a page's picture of static/images/ a <picture> of what was made, in the layout's sizes", async () => {
    const html = await build().withPictures('<p><img src="/images/photo.jpg" alt="A photo"></p>', "articles/a.md");
    expect(html).toMatch(/^<p><picture><source type="image\/avif" srcset="\/img\/photo-[0-9a-f]{10}-400\.avif 400w, /);
    expect(html).toContain(`sizes="${sizes}"`);
    expect(html).toContain('alt="A photo"');
    expect(html).toContain('width="1000" height="500"');
    for (const [, url] of html.matchAll(/(\/img\/[\w-]+\.\w+)/g))
      expect(existsSync(join(output, url ?? ""))).toBe(true);
  });

  it("writes the path prefix into the addresses it makes, and leaves every other <img> as it is", async () => {
    const html = await build("/day/").withPictures(
      '<img src="/day/images/photo.jpg" alt="x"><img src="/day/icon.svg" alt="y">',
      "about.njk",
      "/day/",
    );
    expect(html).toMatch(/srcset="\/day\/img\/photo-[0-9a-f]{10}-400\.avif 400w/);
    expect(html).toContain('<img src="/day/icon.svg" alt="y">');
  });

  it("makes a picture shown on many pages once a build", async () => {
    const pictures = build();
    await pictures.withPictures('<img src="/images/photo.jpg" alt="">', "a.md");
    await pictures.withPictures('<img src="/images/photo.jpg" alt="">', "b.md");
    expect(pictures.made().count).toBe(1);
    pictures.start({ input, output });
    expect(pictures.made().count).toBe(0);
  });

  it("gives search a thumbnail of the picture it shows, at the thumbnail's size, with the path prefix", async () => {
    const html = await build("/day/").withPictures(
      '<img src="/day/images/photo.jpg" alt="x" data-pagefind-meta="image[src], image_alt[alt]"><img src="/day/images/photo.jpg" alt="y">',
      "articles/a.md",
      "/day/",
    );
    const metas = [...html.matchAll(/data-pagefind-meta="([^"]*)"/g)].map((match) => match[1]);
    expect(metas).toEqual([
      expect.stringMatching(/^image_alt\[alt\], image:\/day\/img\/photo-[0-9a-f]{10}-128x96\.webp$/),
    ]);
    const thumbnail = join(output, (metas[0] ?? "").replace(/^.*image:\/day/, ""));
    const { format, width, height } = await sharp(thumbnail).metadata();
    expect({ format, width, height }).toEqual({ format: "webp", width: 128, height: 96 });
  });

  it("names the one picture feeds and JSON-LD give: the largest JPEG", async () => {
    expect(await build().rendition("/images/photo.jpg")).toMatch(/^\/img\/photo-[0-9a-f]{10}-1000\.jpg$/);
  });

  it("shows a file the build drew as previews of it, and leaves the file itself for download", async () => {
    const pictures = build();
    await mkdir(join(output, "toolkit"), { recursive: true });
    await sharp({ create: { width: 1080, height: 1920, channels: 3, background: "#0f4c5c" } })
      .png()
      .toFile(join(output, "toolkit/story.png"));
    const preview = await pictures.preview("/toolkit/story.png");
    expect([...new Set(preview.variants.map((variant) => `${variant.width}×${variant.height}`))]).toEqual([
      "400×711",
      "800×1422",
    ]);
    const html = await pictures.withPictures(
      '<img src="/toolkit/story.png" alt="A story"><a href="/toolkit/story.png" download>Download</a>',
      "toolkit.njk",
    );
    expect(html).toMatch(/^<picture><source type="image\/avif" srcset="\/img\/story-[0-9a-f]{10}-400\.avif 400w, /);
    expect(html).toContain('<a href="/toolkit/story.png" download>');
    expect(html).not.toContain('src="/toolkit/story.png"');
    for (const [, url] of html.matchAll(/(\/img\/[\w-]+\.\w+)/g))
      expect(existsSync(join(output, url ?? ""))).toBe(true);
    // A file the build draws later is shown as renditions whose addresses are known now.
    pictures.show("/cards/c.png", {
      width: 1200,
      height: 630,
      fallback: "png",
      variants: [
        { format: "png", width: 1200, height: 630, url: "/cards/c.png" },
        { format: "webp", width: 400, height: 210, url: "/cards/c-400.webp" },
      ],
    });
    expect(await pictures.withPictures('<img src="/cards/c.png" alt="" loading="lazy">', "wall")).toBe(
      `<picture><source type="image/webp" srcset="/cards/c-400.webp 400w" sizes="${sizes}"><img src="/cards/c.png" alt="" loading="lazy" srcset="/cards/c.png 1200w" sizes="${sizes}" width="1200" height="630"></picture>`,
    );
    // A new build forgets them.
    pictures.start({ input, output });
    expect(await pictures.withPictures('<img src="/cards/c.png" alt="">', "wall")).toBe(
      '<img src="/cards/c.png" alt="">',
    );
  });

  it("refuses a picture that is not in static/images/, naming the page", async () => {
    await expect(build().withPictures('<img src="/images/%2e%2e/secret.jpg" alt="">', "articles/a.md")).rejects.toThrow(
      "articles/a.md: image /images/%2e%2e/secret.jpg: could not be made into a picture: /images/%2e%2e/secret.jpg is not a picture under static/images/",
    );
    await expect(build().withPictures('<img src="/images/missing.jpg" alt="">', "articles/b.md")).rejects.toThrow(
      /^articles\/b\.md: image \/images\/missing\.jpg: could not be made into a picture: /,
    );
  });
});
