/** The colours the site's mark is drawn in (the design tokens' `palette.mark`). */
export interface MarkColours {
  teal: string;
  amber: string;
  cream: string;
}

/**
 * The site's mark, two people in front of a tile: the favicon, the app icons, and the corner of
 * every social card and graphic. Drawn from the design tokens, so its colours are written once.
 */
export function markSvg({ teal, amber, cream }: MarkColours): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${teal}"/><circle cx="24" cy="22" r="8" fill="${amber}"/><circle cx="42" cy="28" r="6" fill="${cream}"/><path d="M10 54c0-10 6-18 14-18s14 8 14 18z" fill="${amber}"/><path d="M30 54c0-8 5-14 12-14s12 6 12 14z" fill="${cream}"/></svg>\n`;
}

/** The PNG icons drawn from the mark (also /favicon.svg): the web app manifest's two sizes and Apple's touch icon. */
export const appIcons = [
  { file: "icon-192.png", size: 192, opaque: false },
  { file: "icon-512.png", size: 512, opaque: false },
  // iOS draws transparent corners black: the touch icon is filled with the mark's own colour.
  { file: "apple-touch-icon.png", size: 180, opaque: true },
] as const;
