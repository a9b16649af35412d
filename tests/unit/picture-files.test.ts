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

  it("refuses a picture that is not in static/images/, naming the page", async () => {
    await expect(build().withPictures('<img src="/images/%2e%2e/secret.jpg" alt="">', "articles/a.md")).rejects.toThrow(
      "articles/a.md: image /images/%2e%2e/secret.jpg: could not be made into a picture: /images/%2e%2e/secret.jpg is not a picture under static/images/",
    );
    await expect(build().withPictures('<img src="/images/missing.jpg" alt="">', "articles/b.md")).rejects.toThrow(
      /^articles\/b\.md: image \/images\/missing\.jpg: could not be made into a picture: /,
    );
  });
});
