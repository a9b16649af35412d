import { appIcons } from "../graphics/mark.ts";

/** The colours a browser paints around the site when it is installed as an app. */
export interface ThemeColours {
  /** The mark's colour (the favicon's background): the title bar, and under the touch icon. */
  theme: string;
  /** The page's, in the light scheme: the splash screen. */
  background: string;
}

/** The theme colours in the design tokens. */
export function themeColours(design: { palette: { mark: { teal: string }; light: { bg: string } } }): ThemeColours {
  return { theme: design.palette.mark.teal, background: design.palette.light.bg };
}

export interface ManifestInput {
  name: string;
  description: string;
  language: string;
}

/**
 * The web app manifest. Its addresses are relative to the manifest itself, so that it works
 * unchanged under a path prefix.
 */
export function webManifest({ name, description, language }: ManifestInput, colours: ThemeColours): string {
  const manifest = {
    name,
    short_name: name.length > 12 ? name.replace(/\b(\w)\w*\s*/g, "$1").toUpperCase() : name,
    description,
    lang: language,
    start_url: "./",
    scope: "./",
    display: "standalone",
    theme_color: colours.theme,
    background_color: colours.background,
    icons: [
      { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
      ...appIcons
        .filter((icon) => !icon.opaque)
        .map((icon) => ({ src: icon.file, sizes: `${icon.size}x${icon.size}`, type: "image/png" })),
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
