import { chromium } from "playwright-core";
import sharp from "sharp";

const [, , path = "/", width = "390", scheme = "light", out = "/tmp/shot"] = process.argv;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
await page.goto("http://localhost:8081" + path);
await page.waitForTimeout(1500);
console.log("scrollWidth", await page.evaluate(() => document.documentElement.scrollWidth));
const buf = await page.screenshot({ fullPage: true });
const meta = await sharp(buf).metadata();
const chunk = Number(width) < 600 ? 1400 : 1000;
for (let top = 0, i = 0; top < meta.height; top += chunk, i++) {
  await sharp(buf)
    .extract({ left: 0, top, width: meta.width, height: Math.min(chunk, meta.height - top) })
    .toFile(`${out}-${i}.png`);
  console.log(`${out}-${i}.png`);
}
await browser.close();
