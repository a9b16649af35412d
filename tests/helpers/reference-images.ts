// Pictures compared with committed reference images: the social cards drawn in every script.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import sharp from "sharp";
import { expect } from "vitest";
import { projectRoot } from "./project.ts";

/**
 * The committed reference image `file`. UPDATE_REFERENCE=1 draws it again with `draw` first, after
 * a deliberate change (look at it before committing it). A missing reference is a failure, never
 * drawn on the spot: a test that wrote what it compares with would pass whatever it drew.
 */
export async function referenceImage(file: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  if (process.env.UPDATE_REFERENCE === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await draw());
  }
  if (!existsSync(file)) {
    throw new Error(
      `${relative(projectRoot, file)}: no reference image. Draw it with UPDATE_REFERENCE=1 npx vitest run <this test file>, look at it, and commit it.`,
    );
  }
  return readFileSync(file);
}

/** An SVG drawn as a PNG, as the reference images are. */
export const svgAsPng = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

const rgb = (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });

/** The mean absolute difference of the RGB values of an SVG, drawn, and a PNG of the same size: 0 (the same) to 255. */
export async function pictureDifference(svg: string, png: Buffer): Promise<number> {
  const [a, b] = await Promise.all([svgAsPng(svg).then(rgb), rgb(png)]);
  expect([a.info.width, a.info.height]).toEqual([b.info.width, b.info.height]);
  let total = 0;
  for (let i = 0; i < a.data.length; i++) total += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  if (process.env.DEBUG_DIFF) console.log("difference", total / a.data.length);
  return total / a.data.length;
}
