// @ts-check
// The sizes of the pictures the site draws, in pixels, written once: the social cards, the
// toolkit's graphics and the thank-you cards (drawn by the build and downloaded from the browser)
// share them. Landscape is what link previews show (og:image).

export const cardSizes = /** @type {const} */ ({
  square: { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
  landscape: { width: 1200, height: 630 },
  banner: { width: 1584, height: 396 },
});
