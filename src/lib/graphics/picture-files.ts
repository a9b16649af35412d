import { join } from "node:path";
import { decodedImagePath, isContainedImagePath } from "../content/check.ts";
import {
  imageCacheDir,
  largestFallback,
  type ProcessedImage,
  previewWidths,
  processImage,
  type ShownImage,
  smallestRendition,
  thumbnailOf,
} from "./image-files.ts";
import { getAttribute, isSearchImage, pictureHtml, replaceImages, withSearchThumbnail } from "./picture.ts";

// The pictures of one build (writes their renditions into the site's folder, through the image
// cache): each picture of static/images/ that a page, a feed or JSON-LD shows is made once, and
// published only as what was made of it, never as its own file. A file the build drew for download
// (a toolkit graphic, a thank-you card) is shown the same way, as renditions at the size a page
// shows it, while the file itself stays for download and sharing.

/** The pictures of one build, for everything that shows one. */
export interface BuildPictures {
  /** What was made of the picture at a site path such as /images/a.jpg. */
  picture(sitePath: string): Promise<ProcessedImage>;
  /** The site path of its largest JPEG or PNG: the one picture that feeds and JSON-LD name. */
  rendition(sitePath: string): Promise<string>;
  /**
   * `html` with each of its /images/ pictures as the <picture> the build made; `where` names the
   * page in a failure. `srcPrefix` is the path prefix its addresses carry: "/" until Eleventy's
   * HTML transform adds the prefix, as in an article's content shown in a feed.
   */
  withPictures(html: string, where: string, srcPrefix?: string): Promise<string>;
  /**
   * Makes previews of a file this build wrote into the site (`sitePath`, such as /toolkit/a.png):
   * renditions at `previewWidths`, which pages that show it then show.
   */
  preview(sitePath: string): Promise<ProcessedImage>;
  /** Pages that show the file at `sitePath` show `image` instead: renditions whose addresses are known before they are written. */
  show(sitePath: string, image: ShownImage): void;
}

export interface PictureSettings {
  /** The site's path prefix, "/" or "/name/": written before every address of a rendition. */
  prefix: string;
  /** The `sizes` of a picture whose template gives none (the design tokens' `sizes.mainColumn`). */
  defaultSizes: () => string;
  /** The pixels of a search result's thumbnail (the design tokens' `layout.thumbnail`, for screens of 2 pixels a CSS pixel). */
  thumbnail: () => { width: number; height: number };
}

/** The pictures of the builds of one site; `start` begins a build (the project's and the output's folders). */
export function picturesOfBuild({ prefix, defaultSizes, thumbnail }: PictureSettings) {
  let directories = { input: ".", output: "_site" };
  // One picture shown on many pages is made (or read from the cache) once per build.
  const pictures = new Map<string, Promise<ProcessedImage>>();
  const thumbnails = new Map<string, Promise<string>>();
  // What the build drew, by its own site path: shown as these renditions, published as itself.
  const drawn = new Map<string, Promise<ShownImage>>();
  // From the first picture started to the last one finished: they are made while pages render.
  let span = { first: 0, last: 0 };
  const withPrefix = (path: string) => prefix.slice(0, -1) + path;

  const picture = (sitePath: string) => {
    let making = pictures.get(sitePath);
    if (!making) {
      span.first ||= performance.now();
      // Decoded as the content check decodes it, and refused unless it stays in static/images/.
      const file = decodedImagePath(sitePath);
      if (file === undefined || !isContainedImagePath(file)) {
        return Promise.reject(new Error(`${sitePath} is not a picture under static/images/`));
      }
      making = processImage(join(directories.input, "static", file), {
        outputDir: directories.output,
        cacheDir: imageCacheDir(directories.input),
      });
      pictures.set(sitePath, making);
      making.finally(() => (span.last = performance.now())).catch(() => {});
    }
    return making;
  };

  /** The site path of the thumbnail of the picture at `sitePath`, made once a build. */
  const searchThumbnail = (sitePath: string) => {
    let making = thumbnails.get(sitePath);
    if (!making) {
      making = picture(sitePath).then(async (image) => {
        const cacheDir = imageCacheDir(directories.input);
        return (await thumbnailOf(image, thumbnail(), { outputDir: directories.output, cacheDir })).url;
      });
      thumbnails.set(sitePath, making);
    }
    return making;
  };

  const withPictures = (html: string, where: string, srcPrefix = "/") =>
    replaceImages(html, async (attributes, index) => {
      const src = getAttribute(attributes, "src") ?? "";
      if (!src.startsWith(srcPrefix)) return undefined;
      const sitePath = src.slice(srcPrefix.length - 1);
      const drawing = drawn.get(sitePath);
      if (!drawing && !sitePath.startsWith("/images/")) return undefined;
      try {
        const image = drawing ? await drawing : await picture(sitePath);
        // Search shows the picture at a thumbnail's size: a drawn one's smallest rendition is made for
        // it; another is given a thumbnail of that size.
        const shown = isSearchImage(attributes)
          ? withSearchThumbnail(
              attributes,
              withPrefix(drawing ? smallestRendition(image).url : await searchThumbnail(sitePath)),
            )
          : attributes;
        return pictureHtml(shown, image, index, withPrefix, defaultSizes());
      } catch (error) {
        throw new Error(`${where}: image ${sitePath}: could not be made into a picture: ${(error as Error).message}`);
      }
    });

  return {
    /** A new build, into `output`: every picture is made (or taken from the cache) again. */
    start(folders: { input: string; output: string }): void {
      directories = folders;
      pictures.clear();
      thumbnails.clear();
      drawn.clear();
      span = { first: 0, last: 0 };
    },
    /** How many pictures this build made, and in how many seconds. */
    made: () => ({ count: pictures.size, seconds: (span.last - span.first) / 1000 }),
    picture,
    rendition: async (sitePath: string) => largestFallback(await picture(sitePath)).url,
    withPictures,
    preview(sitePath: string): Promise<ProcessedImage> {
      const making = processImage(join(directories.output, sitePath), {
        outputDir: directories.output,
        cacheDir: imageCacheDir(directories.input),
        widths: previewWidths,
      });
      drawn.set(sitePath, making);
      return making;
    },
    show(sitePath: string, image: ShownImage): void {
      drawn.set(sitePath, Promise.resolve(image));
    },
  } satisfies BuildPictures & Record<string, unknown>;
}
