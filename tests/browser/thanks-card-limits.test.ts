import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import design from "../../_data/design.ts";
import en from "../../_data/locales/en.ts";
import { cardAlt, cardLayout, cardShows } from "../../src/assets/js/shared/thanks-card.js";
import { cardColoursOf, cardWordsFor, harfBuzzMeasure } from "../../src/lib/graphics/thanks-cards.ts";
import { watchedPage } from "../helpers/browser.ts";
import { chromiumWithSite } from "../helpers/browser-suite.ts";

// The card maker at the edges of what a visitor may type: more lines than the card has room for,
// a letter with a hundred marks, nothing at all, a message in Arabic. It draws what the build
// draws for the wall (the same layout, src/assets/js/shared/thanks-card.js).

const chromium = chromiumWithSite(inject("siteDir"));
const words = cardWordsFor(en.thanks.card, { name: "International Mentoring Day", date: "17 January" });
const teal = design.palette.mark.teal;
const field = (name: string) => `form[data-thanks-maker] [name="${name}"]`;

async function maker() {
  const watched = await watchedPage(chromium.browser, {
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  await watched.page.goto(`${chromium.site.origin}/thank-your-mentor/`);
  await watched.page.locator(".thanks-preview").waitFor({ state: "visible" });
  return watched;
}

async function type(page: Page, text: { mentor?: string; message?: string; name?: string }) {
  for (const [name, value] of Object.entries(text)) await page.fill(field(name), value);
  // The next frame draws; the fonts' slices for new characters load and it draws again.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => document.fonts.ready.then(resolve))));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

async function download(page: Page, format: "square" | "landscape") {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`button[data-download="${format}"]`)]);
  const { data, info } = await sharp(await readFile((await file.path()) as string))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => {
    const offset = (y * info.width + x) * info.channels;
    return `#${[data[offset], data[offset + 1], data[offset + 2]].map((value) => (value ?? 0).toString(16).padStart(2, "0")).join("")}`;
  };
  /** The leftmost and rightmost columns of `rows` with a pixel not of the background. */
  const ink = (rows: { from: number; to: number }, columns = { from: 0, to: info.width }, background = teal) => {
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    for (let y = rows.from; y < rows.to; y++) {
      for (let x = columns.from; x < columns.to; x++) {
        if (pixel(x, y) !== background) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    return { left, right };
  };
  return { data, info, ink };
}

const status = (page: Page) => page.locator(".thanks-preview__status").textContent();
const label = (page: Page) => page.locator(".thanks-preview__canvas").getAttribute("aria-label");

describe("the card maker at the edges", () => {
  it("shortens a thanks of 26 short lines with …, says so, and its text alternative says what the build's would", async () => {
    const { page, problems, close } = await maker();
    const text = {
      mentor: "Dr Amara Okafor",
      message: Array.from({ length: 26 }, (_, index) => `Line ${index + 1}`).join("\n"),
      name: "Sam",
    };
    await type(page, text);
    expect(await status(page)).toBe(en.thanks.status.shortened);
    const alt = await label(page);
    expect(alt).toMatch(/^A thank-you card for Dr Amara Okafor\. “Line 1\nLine 2\n.*…” From Sam\.$/s);
    // The preview is square: the build shortens a square card at the same line.
    expect(alt).toBe(cardAlt(cardShows(text, "square", words, harfBuzzMeasure()), words));
    // The words are on the card: ink in the upper and the lower half of the text box.
    const box = cardLayout(text, "teal", "landscape", words, cardColoursOf(design), () => 0).textBox;
    const card = await download(page, "landscape");
    const middle = box.y + box.height / 2;
    expect(card.ink({ from: box.y, to: middle }).left).toBeLessThan(box.x + 8);
    expect(card.ink({ from: middle, to: box.y + box.height }).left).toBeLessThan(box.x + 8);
    // Fewer lines: the whole message fits, and the note goes.
    await type(page, { message: "Line 1\nLine 2\nLine 3" });
    expect(await status(page)).not.toBe(en.thanks.status.shortened);
    expect(await label(page)).toBe("A thank-you card for Dr Amara Okafor. “Line 1\nLine 2\nLine 3” From Sam.");
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("draws a letter with a hundred marks without reaching the mark, the greeting or the footer", async () => {
    const { page, close } = await maker();
    const lines = (letter: string) => Array.from({ length: 30 }, () => letter).join("\n");
    const tower = `ب${"\u0651\u064E\u064F\u0652".repeat(25)}`;
    await type(page, { mentor: tower, message: lines(tower) });
    const towering = await download(page, "landscape");
    await type(page, { mentor: "ب", message: lines("ب") });
    const plain = await download(page, "landscape");
    const { clip } = cardLayout(
      { mentor: "ب", message: "ب" },
      "teal",
      "landscape",
      words,
      cardColoursOf(design),
      () => 0,
    );
    const row = towering.info.width * towering.info.channels;
    const outside = (data: Buffer) =>
      Buffer.concat([data.subarray(0, clip.y * row), data.subarray((clip.y + clip.height) * row)]);
    expect(outside(towering.data).equals(outside(plain.data))).toBe(true);
    await close();
  });

  it("gives no card of nothing: it says what to type and goes there", async () => {
    const { page, close } = await maker();
    const downloads: string[] = [];
    page.on("download", (file) => downloads.push(file.suggestedFilename()));
    for (const text of [
      { mentor: "", message: "", focus: "mentor" },
      { mentor: "Ama", message: "  \n  ", focus: "message" },
    ]) {
      await type(page, { mentor: text.mentor, message: text.message });
      // The preview is named as the page names it, not "A thank-you card for ."
      expect(await label(page)).toBe(en.thanks.previewHeading);
      await page.click('button[data-download="square"]');
      expect(await status(page)).toBe(en.thanks.status.needWords);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe(text.focus);
    }
    await type(page, { message: "Thank you." });
    await download(page, "square");
    expect(downloads).toEqual(["thank-you-card-1080x1080.png"]);
    await close();
  });

  it("lays an Arabic card out right to left: the mark, the greeting and the footer on the right", async () => {
    const { page, close } = await maker();
    await type(page, { mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي.", name: "Sam" });
    const layout = cardLayout(
      { mentor: "ليلى الحسيني", message: "شكرًا لأنك آمنت بي.", name: "Sam" },
      "teal",
      "square",
      words,
      cardColoursOf(design),
      () => 0,
    );
    const mark = layout.shapes.find((shape) => shape.kind === "mark");
    expect(mark?.x).toBe(1080 - 96 - 112);
    const card = await download(page, "square");
    await type(page, { mentor: "Layla Husseini", message: "Thank you for believing in me." });
    const latin = await download(page, "square");
    // The mark on the right, just as a left-to-right card has it on the left (the same pixels, to anti-aliasing).
    const difference = (a: typeof card, aLeft: number, b: typeof card, bLeft: number) => {
      let total = 0;
      for (let y = 72; y < 184; y++) {
        for (let x = 0; x < 112 * 3; x++) {
          total += Math.abs((a.data[(y * 1080 + aLeft) * 3 + x] ?? 0) - (b.data[(y * 1080 + bLeft) * 3 + x] ?? 0));
        }
      }
      return total / (112 * 112 * 3);
    };
    expect(difference(card, 872, latin, 96)).toBeLessThan(0.05);
    expect(difference(card, 872, latin, 872)).toBeGreaterThan(5);
    const rows = (from: number, to: number) => ({ from, to });
    // The greeting (Arabic, as the message is), the visitor's words and the sender's line end at the right margin; so does the footer.
    const greeting = card.ink(rows(220, 270));
    expect(greeting.right).toBeGreaterThan(984 - 6);
    expect(greeting.left).toBeGreaterThan(540);
    const visitorWords = card.ink(rows(layout.textBox.y, layout.textBox.y + layout.textBox.height));
    expect(visitorWords.right).toBeGreaterThan(984 - 6);
    expect(visitorWords.right).toBeLessThanOrEqual(984 + 4);
    const footer = card.ink(rows(995, 1040), undefined, design.palette.mark.amber);
    expect(footer.right).toBeGreaterThan(984 - 6);
    expect(footer.left).toBeGreaterThan(200);
    await close();
  });
});
