// Screenshots of a page served by `npm run preview`, to look at a layout without a desktop:
//   node tools/screenshot.ts <path> <width> <light|dark> <out>
// e.g. `node tools/screenshot.ts /about/ 390 dark /tmp/about` writes /tmp/about-0.png,
// /tmp/about-1.png …: the full page cut into pieces short enough to read one at a time.
// Prints the page's console messages and its scrollWidth (wider than the viewport: it scrolls
// sideways). PORT is the preview's port, as for `npm run preview` (8081 unless set).
import sharp from "sharp";
import { launchChromium } from "../tests/helpers/chromium.ts";

const [path = "/", widthArgument = "390", scheme = "light", out = "/tmp/shot"] = process.argv.slice(2);
const width = Number(widthArgument);
if (!Number.isInteger(width) || width <= 0 || (scheme !== "light" && scheme !== "dark")) {
  console.error("Usage: node tools/screenshot.ts <path> <width> <light|dark> <out>");
  process.exit(1);
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  page.on("console", (message) => console.log("console:", message.type(), message.text()));
  await page.goto(new URL(path, `http://localhost:${process.env.PORT ?? 8081}`).href);
  // Web fonts and the progressive-enhancement scripts settle after the load event.
  await page.waitForTimeout(1500);
  console.log("scrollWidth", await page.evaluate(() => document.documentElement.scrollWidth));
  const screenshot = await page.screenshot({ fullPage: true });
  const { width: shotWidth, height: shotHeight } = await sharp(screenshot).metadata();
  // Phone-width pieces can be taller and still be legible.
  const pieceHeight = width < 600 ? 1400 : 1000;
  for (let top = 0, index = 0; top < shotHeight; top += pieceHeight, index++) {
    const file = `${out}-${index}.png`;
    await sharp(screenshot)
      .extract({ left: 0, top, width: shotWidth, height: Math.min(pieceHeight, shotHeight - top) })
      .toFile(file);
    console.log(file);
  }
} finally {
  await browser.close();
}
