import { type Design, type Layout, pictureSizes } from "../src/lib/publishing/design-tokens.ts";

// The look, written once: the stylesheet's custom properties and breakpoints, the cards and
// toolkit graphics, the web manifest and the pictures' `sizes` are all made from this file.

/** The mark's colours (static/favicon.svg draws itself in them). */
const mark = { teal: "#0f4c5c", amber: "#e9a23b", cream: "#fdf6ec" };

const shadow = "rgb(0 0 0 / 0.25)";

const layout: Layout = {
  measure: 42,
  wide: 72,
  space: { min: 1, fluid: "3vw", max: 2 },
  radius: 0.75,
  breakpoints: { twoColumns: 48, wideHeader: 64 },
  hero: { text: 1, image: 1.2 },
  storyHeight: 32,
  // 64 by 48 pixels, the size Pagefind shows a result's picture at.
  thumbnail: { width: 4, height: 3 },
};

const design: Design = {
  palette: {
    mark,
    light: {
      bg: "#fdf9f3",
      surface: "#ffffff",
      text: "#1d2433",
      muted: "#4a5468",
      accent: mark.teal,
      accentText: "#ffffff",
      highlight: "#9c3a1f",
      border: "#e1d6c3",
      quoteBar: mark.amber,
      focus: "#9c3a1f",
      shadow,
    },
    dark: {
      bg: "#11161d",
      surface: "#1a212b",
      text: "#eef1f5",
      muted: "#b6bfcc",
      accent: "#86d0c5",
      accentText: "#0b1a1e",
      highlight: "#f3b562",
      border: "#2f3a49",
      quoteBar: mark.amber,
      focus: "#f3b562",
      shadow,
    },
    print: { bg: "#ffffff", surface: "#ffffff", text: "#000000", muted: "#333333", accent: "#000000" },
  },
  type: {
    family: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    lineHeight: { body: 1.6, heading: 1.2 },
    scale: {
      "2xs": "0.85rem",
      xs: "0.9rem",
      s: "0.95rem",
      l: "1.1rem",
      xl: "1.15rem",
      "2xl": "1.2rem",
      "3xl": "1.3rem",
      "4xl": "clamp(1.4rem, 3.5vw, 1.9rem)",
      "5xl": "clamp(1.9rem, 4.5vw, 2.6rem)",
      "6xl": "clamp(2rem, 6vw, 3.25rem)",
    },
  },
  layout,
  sizes: pictureSizes(layout),
};

export default design;
