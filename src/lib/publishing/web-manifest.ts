import design from "../../../_data/design.ts";

/** The PNG icons made from the mark (src/lib/graphics/mark.ts, also /favicon.svg): the manifest's two sizes and Apple's touch icon. */
export const appIcons = [
  { file: "icon-192.png", size: 192, opaque: false },
  { file: "icon-512.png", size: 512, opaque: false },
  // iOS draws transparent corners black: the touch icon is filled with the mark's own colour.
  { file: "apple-touch-icon.png", size: 180, opaque: true },
] as const;

/** The mark's colour (the favicon's background) and the page's, in the light scheme. */
export const themeColours = { theme: design.palette.mark.teal, background: design.palette.light.bg } as const;

export interface ManifestInput {
  name: string;
  description: string;
  language: string;
}

/**
 * The web app manifest. Its addresses are relative to the manifest itself, so that it works
 * unchanged under a path prefix.
 */
export function webManifest({ name, description, language }: ManifestInput): string {
  const manifest = {
    name,
    short_name: name.length > 12 ? name.replace(/\b(\w)\w*\s*/g, "$1").toUpperCase() : name,
    description,
    lang: language,
    start_url: "./",
    scope: "./",
    display: "standalone",
    theme_color: themeColours.theme,
    background_color: themeColours.background,
    icons: [
      { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
      ...appIcons
        .filter((icon) => !icon.opaque)
        .map((icon) => ({ src: icon.file, sizes: `${icon.size}x${icon.size}`, type: "image/png" })),
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
