import { stat } from "node:fs/promises";
import { join } from "node:path";
import { slugify } from "../content/slug.ts";
import { svgToPng, writeAtomically } from "./image-files.ts";
import { markSvg } from "./mark.ts";
import {
  campaignGraphicSvg,
  type GraphicContent,
  type GraphicFormat,
  graphicAlt,
  type SocialCardColours,
} from "./social-cards.ts";
import { cardTypeFaces } from "./text/fonts.ts";

// The campaign toolkit's graphics as PNG files in the site's folder (writes them; the PNG of an
// SVG drawn before comes from the image cache, keyed by the SVG itself).

/** A graphic as the toolkit page shows it: what the toolkit's data says of it, and the file made. */
export type WrittenGraphic<Graphic> = Graphic & {
  url: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
};

/**
 * Draws each graphic of the toolkit in its format, with the day's words, into `outputDir` under
 * /toolkit/: `/toolkit/<the day's name>-square-1080x1080.png`.
 */
export function writeCampaignGraphics<Graphic extends { format: GraphicFormat }>(
  graphics: readonly Graphic[],
  content: GraphicContent,
  colours: SocialCardColours,
  { cacheDir, outputDir }: { cacheDir: string; outputDir: string },
): Promise<WrittenGraphic<Graphic>[]> {
  const mark = markSvg(colours);
  return Promise.all(
    graphics.map(async (graphic) => {
      const { svg, width, height } = campaignGraphicSvg(graphic.format, content, cardTypeFaces(), colours, mark);
      const url = `/toolkit/${slugify(content.dayName)}-${graphic.format}-${width}x${height}.png`;
      const file = join(outputDir, url);
      await writeAtomically(file, await svgToPng(svg, cacheDir));
      return { ...graphic, url, width, height, bytes: (await stat(file)).size, alt: graphicAlt(content) };
    }),
  );
}
