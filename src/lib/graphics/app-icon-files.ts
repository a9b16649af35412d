import { join } from "node:path";
import sharp from "sharp";
import { writeAtomically } from "./image-files.ts";
import { appIcons } from "./mark.ts";

/**
 * Writes the app icons (mark.ts's `appIcons`) into `outputDir`, drawn from the mark's SVG at
 * their sizes; `background` fills the one that must be opaque. A few milliseconds: not cached.
 */
export async function writeAppIcons(markSvg: string, background: string, outputDir: string): Promise<void> {
  await Promise.all(
    appIcons.map(async (icon) => {
      const density = (72 * icon.size) / 64;
      let image = sharp(Buffer.from(markSvg), { density }).resize(icon.size, icon.size);
      if (icon.opaque) image = image.flatten({ background });
      await writeAtomically(join(outputDir, icon.file), await image.png({ compressionLevel: 9 }).toBuffer());
    }),
  );
}
