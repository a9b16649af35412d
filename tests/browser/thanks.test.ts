import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import design from "../../_data/design.ts";
import en from "../../_data/locales/en.ts";
import { cardLayout } from "../../src/assets/js/shared/thanks-card.js";
import { cardColoursOf } from "../../src/lib/graphics/thanks-cards.ts";
import { axeSettings, axeViolations } from "../helpers/axe.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// /thank-your-mentor/ in Chromium: the card drawn as one types, downloaded as PNGs, and the wall
// of tests/fixtures/thanks.json (in the global setup's site with articles in nine scripts).
const chromium = chromiumWithSite(inject("languagesSiteDir"));
const path = "/thank-your-mentor/";
const teal = design.palette.mark.teal;
const longMessage = "Thank you for every question you asked me back instead of answering. ".repeat(5).slice(0, 280);
const longName = `${"Maximiliane Alexandra von Hohenberg-Schwarzenfeld ".repeat(2)}`.slice(0, 100);

/** A page of the maker with every request it makes recorded. */
async function maker(options: { width?: number; height?: number; colorScheme?: "light" | "dark"; axe?: boolean } = {}) {
  const watched = await watchedPage(chromium.browser, {
    // Only to add axe-core to the page: the other tests run under the site's CSP.
    bypassCSP: options.axe === true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
  });
  const requests: { url: string; bytes: number }[] = [];
  watched.page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    requests.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  await watched.page.goto(chromium.site.origin + path);
  await watched.page.locator(".thanks-preview").waitFor({ state: "visible" });
  return { ...watched, requests };
}

async function type(
  page: Page,
  text: { mentor?: string; message?: string; name?: string; design?: string; lang?: string },
) {
  if (text.mentor !== undefined) await page.fill("#maker-mentor", text.mentor);
  if (text.message !== undefined) await page.fill("#maker-message", text.message);
  if (text.name !== undefined) await page.fill("#maker-name", text.name);
  if (text.lang !== undefined) await page.selectOption("#maker-lang", text.lang);
  if (text.design !== undefined) await page.check(`#maker-design-${text.design}`);
  // The maker draws once the card fonts' faces are in: it fetches them when the visitor starts on it.
  await page.waitForSelector('.thanks-preview[aria-busy="false"]', { state: "attached" });
  // The next frame draws; the fonts' slices for new characters load and it draws again.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => document.fonts.ready.then(resolve))));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

const preview = (page: Page) =>
  page.locator(".thanks-preview__canvas").evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

async function download(page: Page, format: "square" | "landscape") {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`button[data-download="${format}"]`)]);
  const bytes = await readFile((await file.path()) as string);
  const image = sharp(bytes);
  const { width, height, format: type } = await image.metadata();
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => {
    const offset = (y * info.width + x) * info.channels;
    return `#${[data[offset], data[offset + 1], data[offset + 2]].map((value) => (value ?? 0).toString(16).padStart(2, "0")).join("")}`;
  };
  return { name: file.suggestedFilename(), width, height, type, data, pixel };
}

/** The text box of a card, where the visitor's words go: it depends on the format alone. */
const textBox = (format: "square" | "landscape") =>
  cardLayout({ mentor: "", message: "" }, "teal", format, en.thanks.card, cardColoursOf(design), () => 0).textBox;

/** The leftmost and rightmost columns, inside the text box's rows, with a pixel not of the background. */
function inkColumns(card: Awaited<ReturnType<typeof download>>, background: string, format: "square" | "landscape") {
  const box = textBox(format);
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = 0; x < (card.width ?? 0); x++) {
      if (card.pixel(x, y) !== background) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right, box };
}

describe("the card maker", () => {
  it("draws the card as one types, and its text alternative follows the words", async () => {
    const { page, problems, close } = await maker();
    const blank = await preview(page);
    await type(page, { mentor: "Dr Amara Okafor", message: "You showed me how to ask a good question." });
    const typed = await preview(page);
    expect(typed).not.toBe(blank);
    const canvas = page.locator(".thanks-preview__canvas");
    expect(await canvas.getAttribute("role")).toBe("img");
    expect(await canvas.getAttribute("aria-label")).toBe(
      "A thank-you card for Dr Amara Okafor. “You showed me how to ask a good question.”",
    );
    await type(page, { name: "Sam" });
    expect(await canvas.getAttribute("aria-label")).toMatch(/From Sam\.$/);
    expect(await preview(page)).not.toBe(typed);
    await type(page, { design: "amber" });
    expect(await page.locator(".thanks-maker__count").textContent()).toBe("239 characters left");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("downloads a 1080×1080 and a 1200×630 PNG whose pixels change with the words", async () => {
    const { page, close } = await maker();
    await type(page, { mentor: "Ama", message: "Thank you." });
    const square = await download(page, "square");
    expect([square.type, square.width, square.height, square.name]).toEqual([
      "png",
      1080,
      1080,
      "thank-you-card-1080x1080.png",
    ]);
    const landscape = await download(page, "landscape");
    expect([landscape.type, landscape.width, landscape.height]).toEqual(["png", 1200, 630]);
    expect(await page.locator(".thanks-preview__status").textContent()).toBe(
      "Card saved as thank-you-card-1200x630.png.",
    );
    await type(page, { message: "Thank you for everything." });
    const other = await download(page, "square");
    expect(other.data.equals(square.data)).toBe(false);
    // The first design is teal; the corners are its background.
    expect(square.pixel(2, 540)).toBe(teal);
    await close();
  });

  it("fits a 280-character message and a 100-character name: nothing reaches the edges", async () => {
    const { page, close } = await maker({ width: 390 });
    await type(page, { mentor: longName, message: longMessage, name: longName });
    expect(Array.from(await page.inputValue("#maker-message"))).toHaveLength(280);
    expect(await page.inputValue("#maker-mentor")).toHaveLength(100);
    for (const format of ["square", "landscape"] as const) {
      const card = await download(page, format);
      const { left, right, box } = inkColumns(card, teal, format);
      // Ink fills the box from side to side, and stays in it.
      expect(left).toBeGreaterThanOrEqual(box.x - 4);
      expect(right).toBeLessThanOrEqual(box.x + box.width + 4);
      expect(right - left).toBeGreaterThan(box.width * 0.8);
    }
    await close();
  });

  it("draws an Arabic name and message right to left, against the right side", async () => {
    const { page, close } = await maker();
    await type(page, { mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي." });
    const arabic = inkColumns(await download(page, "square"), teal, "square");
    expect(arabic.right).toBeGreaterThan(arabic.box.x + arabic.box.width - 16);
    expect(arabic.left).toBeGreaterThan(arabic.box.x + 200);
    await type(page, { mentor: "Layla Husseini", message: "Thank you." });
    const latin = inkColumns(await download(page, "square"), teal, "square");
    expect(latin.left).toBeLessThan(latin.box.x + 16);
    expect(latin.right).toBeLessThan(latin.box.x + latin.box.width - 200);
    await close();
  });

  it("draws the card's own words in the message's language, right to left for Arabic, or in the language chosen", async () => {
    const { page, problems, close } = await maker();
    const text = { mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي.", name: "أحمد" };
    await type(page, text);
    // The rows of the greeting ("Thank you" or the card words' "شكرًا جزيلًا"), and of the footer.
    const layout = cardLayout(text, "teal", "square", en.thanks.card, cardColoursOf(design), () => 0);
    const lines = layout.shapes.filter((shape) => shape.kind === "text");
    // From a little above the letters' height (below the circles that reach down beside the mark) to under their baseline.
    const rows = (line: (typeof lines)[number] | undefined) => ({
      from: (line?.y ?? 0) - Math.round((line?.size ?? 0) * 0.7),
      to: (line?.y ?? 0) + Math.round((line?.size ?? 0) * 0.3),
    });
    const band = (card: Awaited<ReturnType<typeof download>>, { from, to }: { from: number; to: number }) =>
      card.data.subarray(from * 1080 * 3, to * 1080 * 3);
    const greeting = rows(lines[0]);
    const footer = rows(lines.at(-1));
    const asTheMessage = await download(page, "square");
    await type(page, { lang: "ar" });
    const arabic = await download(page, "square");
    await type(page, { lang: "en-GB" });
    const english = await download(page, "square");
    // Guessed from the Arabic letters: the words of Arabic, as choosing Arabic gives, not the site's English.
    expect(band(asTheMessage, greeting).equals(band(arabic, greeting))).toBe(true);
    expect(band(asTheMessage, footer).equals(band(arabic, footer))).toBe(true);
    expect(band(asTheMessage, greeting).equals(band(english, greeting))).toBe(false);
    expect(band(asTheMessage, footer).equals(band(english, footer))).toBe(false);
    // Right to left throughout: the greeting ends at the right margin.
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    for (let y = greeting.from; y < greeting.to; y++) {
      for (let x = 0; x < 1080; x++) {
        if (asTheMessage.pixel(x, y) !== teal) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    expect(right).toBeGreaterThan(1080 - 96 - 8);
    expect(left).toBeGreaterThan(540);
    // The text alternative speaks to the page's reader, in the page's language.
    expect(await page.locator(".thanks-preview__canvas").getAttribute("aria-label")).toBe(
      `A thank-you card for ${text.mentor}. “${text.message}” From ${text.name}.`,
    );
    // A Latin message makes no guess: the site's words, as choosing them gives.
    await type(page, { lang: "", mentor: "Layla", message: "Gracias por todo.", name: "Ahmed" });
    const latin = await download(page, "square");
    await type(page, { lang: "en-GB" });
    expect(band(latin, greeting).equals(band(await download(page, "square"), greeting))).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("sends nothing anywhere: every request stays on the site, and only a few slices of the fonts load", async () => {
    const { page, problems, close, requests } = await maker();
    await type(page, { mentor: "Dr Amara Okafor", message: "You showed me how to ask a good question.", name: "Sam" });
    await download(page, "square");
    const latinFonts = requests.filter(
      (request) => request.url.includes("/fonts/card/") && request.url.endsWith(".woff2"),
    );
    await type(page, { mentor: "王老师", message: "谢谢您多年来的耐心指导，让我学会了独立思考。", name: "李明" });
    await download(page, "square");
    const allFonts = requests.filter(
      (request) => request.url.includes("/fonts/card/") && request.url.endsWith(".woff2"),
    );
    const sum = (list: { bytes: number }[]) => list.reduce((total, request) => total + request.bytes, 0);
    const page1 = sum(requests.filter((request) => !allFonts.includes(request)));
    console.log(
      `thank-your-mentor transfers: page and its files ${page1} bytes; Latin card fonts ${latinFonts.length} files, ${sum(latinFonts)} bytes; the Chinese card's fonts ${allFonts.length - latinFonts.length} more files, ${sum(allFonts) - sum(latinFonts)} bytes`,
    );
    expect(latinFonts.length).toBeLessThanOrEqual(3);
    expect(allFonts.length - latinFonts.length).toBeLessThanOrEqual(12);
    for (const request of requests) expect(new URL(request.url).origin).toBe(chromium.site.origin);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("paints first with the site's stylesheet alone, and fetches the card fonts when the visitor starts on the maker", async () => {
    // On a phone the preview is below the fields, off the screen at first (and more than a quarter
    // of a screen below it, where the maker would start drawing as it comes near).
    const { page, problems, close, requests } = await maker({ width: 390, height: 560 });
    const renderBlocking = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter(
          (entry) =>
            (entry as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus ===
            "blocking",
        )
        .map((entry) => new URL(entry.name).pathname),
    );
    expect(renderBlocking).toEqual([expect.stringMatching(/^\/assets\/css\/site\.[0-9a-f]{10}\.css$/)]);
    const cardFonts = () =>
      requests.map((request) => new URL(request.url).pathname).filter((url) => /card-fonts|\/fonts\/card\//.test(url));
    expect(cardFonts()).toEqual([]);
    expect(await page.locator(".thanks-preview").getAttribute("aria-busy")).toBeNull();
    await type(page, { mentor: "Ama", message: "Thank you." });
    // The fonts' stylesheet and faces are fetched as the maker starts drawing: on a busy machine, a moment later.
    await expect.poll(() => cardFonts().filter((url) => url.startsWith("/assets/css/card-fonts."))).toHaveLength(1);
    await expect.poll(() => cardFonts().filter((url) => url.endsWith(".woff2")).length).toBeGreaterThan(0);
    // The card is drawn in them: the faces its words asked for have loaded, and none blocked the page.
    const loaded = () =>
      page.evaluate(() =>
        Array.from(document.fonts)
          .filter((face) => face.status === "loaded")
          .map((face) => face.family.replace(/"/g, "")),
      );
    await expect.poll(loaded).toContain("Card Atkinson Hyperlegible");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("is usable from the keyboard: the fields, the card's language, the designs and Download in order", async () => {
    const { page, close } = await maker();
    await page.focus("#maker-mentor");
    await page.keyboard.type("Ama");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Thank you.");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("maker-name");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("maker-lang");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("maker-design-teal");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("maker-design-cream");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-download"))).toBe("square");
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(file.suggestedFilename()).toBe("thank-you-card-1080x1080.png");
    await close();
  });

  for (const { colorScheme, width } of axeSettings) {
    it(`has no axe violations in ${colorScheme} at ${width} px`, async () => {
      const { page, close } = await maker({ width, colorScheme, axe: true });
      await type(page, { mentor: "ليلى", message: "Thank you.", name: "Sam" });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await close();
    });
  }

  it("says without scripts what it would do, and links the toolkit's graphics", async () => {
    const { page, close } = await watchedPage(chromium.browser, { javaScriptEnabled: false });
    await page.goto(chromium.site.origin + path);
    const notice = page.locator(".thanks-noscript");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain("draws a card from your words");
    expect(await notice.locator("a").getAttribute("href")).toBe("/toolkit/#graphics-heading");
    expect(await page.locator(".thanks-preview").isVisible()).toBe(false);
    // The form still sends thanks for the wall.
    expect(await page.locator('form[name="thanks"] button[type="submit"]').isVisible()).toBe(true);
    await close();
  });
});

describe("the wall of thanks", () => {
  it("shows the fixture thanks newest first, 24 to a page, each with its card at the size it is shown", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(chromium.site.origin + path);
    const items = page.locator(".thanks-wall__list .thanks-item");
    expect(await items.count()).toBe(24);
    expect(await items.first().locator(".thanks-item__mentor a").textContent()).toBe("Dr Amara Okafor");
    const cards = page.locator(".thanks-item__card");
    await cards.first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>(".thanks-item__card");
      return image?.complete && image.naturalWidth > 0;
    });
    // Two to a row, about 530 px wide: the 800-pixel WebP, in the card's shape. The PNG stays its fallback.
    const [shown, width, height] = await cards
      .first()
      .evaluate((image: HTMLImageElement) => [
        new URL(image.currentSrc).pathname,
        image.naturalWidth,
        image.naturalHeight,
      ]);
    expect(shown).toBe("/cards/thanks/6571f0a1c2d3e4f5a6b7c8d1-800.webp");
    expect(Number(width) / Number(height)).toBeCloseTo(1200 / 630, 2);
    expect(await cards.first().getAttribute("src")).toBe("/cards/thanks/6571f0a1c2d3e4f5a6b7c8d1.png");
    await page.click('a[rel="next"]');
    expect(new URL(page.url()).pathname).toBe("/thank-your-mentor/page/2/");
    expect(await page.locator(".thanks-item").count()).toBe(2);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("gives each thanks a page of its own, set in its own direction, with no axe violations", async () => {
    const { page, problems, close } = await watchedPage(chromium.browser, {
      viewport: { width: 320, height: 800 },
      bypassCSP: true,
    });
    await page.goto(`${chromium.site.origin}/thank-your-mentor/thanks/6571f0a1c2d3e4f5a6b7c8d2/`);
    expect(await page.locator("h1 span").evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    // Shown at the column's size; the link downloads the PNG itself, the page's og:image.
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>(".thanks-page__card")?.complete);
    expect(
      await page
        .locator(".thanks-page__card")
        .evaluate((image: HTMLImageElement) => new URL(image.currentSrc).pathname),
    ).toBe("/cards/thanks/6571f0a1c2d3e4f5a6b7c8d2-400.webp");
    const png = "/cards/thanks/6571f0a1c2d3e4f5a6b7c8d2.png";
    expect(await page.locator(".thanks-page__download a[download]").getAttribute("href")).toBe(png);
    expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toMatch(new RegExp(`${png}$`));
    const download = await page.request.get(chromium.site.origin + png);
    expect((await sharp(await download.body()).metadata()).width).toBe(1200);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });
});
