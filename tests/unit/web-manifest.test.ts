import { describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import { appIcons } from "../../src/lib/graphics/mark.ts";
import { themeColours, webManifest } from "../../src/lib/publishing/web-manifest.ts";

const site = { name: "International Mentoring Day", description: "17 January each year.", language: "en-GB" };

describe("webManifest", () => {
  const manifest = JSON.parse(webManifest(site, themeColours(design)));

  it("names the site, in its language, with a short name of its initials when the name is long", () => {
    expect(manifest).toMatchObject({
      name: site.name,
      short_name: "IMD",
      description: site.description,
      lang: "en-GB",
    });
    expect(JSON.parse(webManifest({ ...site, name: "Mentor Day" }, themeColours(design))).short_name).toBe(
      "Mentor Day",
    );
  });

  it("is painted in the tokens' colours: the mark's teal, the light page", () => {
    expect(themeColours(design)).toEqual({ theme: design.palette.mark.teal, background: design.palette.light.bg });
    expect(manifest).toMatchObject({
      theme_color: design.palette.mark.teal,
      background_color: design.palette.light.bg,
    });
  });

  it("names the favicon and the transparent app icons, by addresses that work under a path prefix", () => {
    expect(manifest.start_url).toBe("./");
    expect(manifest.scope).toBe("./");
    expect(manifest.icons).toEqual([
      { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
      ...appIcons
        .filter((icon) => !icon.opaque)
        .map((icon) => ({ src: icon.file, sizes: `${icon.size}x${icon.size}`, type: "image/png" })),
    ]);
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toEqual([
      "favicon.svg",
      "icon-192.png",
      "icon-512.png",
    ]);
  });
});
