import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveSite } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { loadedScrolledThrough } from "../helpers/loaded-weight.ts";

/**
 * What the pages of pictures load on a phone (390 × 844), read to their end: previews at the size
 * they are shown, the files at full size only when a visitor downloads one. Bytes as they travel
 * (brotli, as a CDN sends them); sizes, not times.
 */
// Everything /toolkit/ shows: four graphics, previews of files of 30 to 100 KB each.
const toolkitPicturesBudget = 100 * 1024;
// A full page of the wall: 24 cards, each a PNG of about 50 KB.
const wallPicturesBudget = 200 * 1024;

let browser: Awaited<ReturnType<typeof launchChromium>>;
// The fixture site, and the one whose wall has the 26 thanks of tests/fixtures/thanks.json (24 on its first page).
let site: Awaited<ReturnType<typeof serveSite>>;
let wallSite: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  [browser, site, wallSite] = await Promise.all([
    launchChromium(),
    serveSite(inject("siteDir"), { compress: true }),
    serveSite(inject("languagesSiteDir"), { compress: true }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await wallSite?.close();
});

describe("pictures on a phone", () => {
  it("/toolkit/ loads at most 100 KB of pictures, every graphic as a preview, none of the files to download", async () => {
    const { files, problems, bytesOf } = await loadedScrolledThrough(browser, site.origin, "/toolkit/");
    const pictures = files.filter((file) => file.type === "image" && file.path !== "/favicon.svg");
    console.log(
      `/toolkit/ at 390×844, read to its end: ${bytesOf("image")} B of pictures in ${pictures.length} files:\n` +
        pictures.map((file) => `  ${file.bytes} B ${file.path}`).join("\n"),
    );
    expect(problems.failedRequests).toEqual([]);
    expect(pictures).toHaveLength(4);
    for (const picture of pictures) expect(picture.path).toMatch(/^\/img\/[\w-]+-400\.avif$/);
    expect(files.filter((file) => file.path.startsWith("/toolkit/") && file.path.endsWith(".png"))).toEqual([]);
    expect(bytesOf("image")).toBeLessThanOrEqual(toolkitPicturesBudget);
  });

  it("a full page of the wall loads at most 200 KB of pictures: each card a WebP at the size it is shown", async () => {
    const { files, problems, bytesOf } = await loadedScrolledThrough(browser, wallSite.origin, "/thank-your-mentor/");
    const cards = files.filter((file) => file.path.startsWith("/cards/thanks/"));
    console.log(
      `/thank-your-mentor/ at 390×844, read to its end: ${bytesOf("image")} B of pictures, ` +
        `${cards.length} cards in ${cards.reduce((total, file) => total + file.bytes, 0)} B`,
    );
    expect(problems.failedRequests).toEqual([]);
    expect(cards).toHaveLength(24);
    for (const card of cards) expect(card.path).toMatch(/^\/cards\/thanks\/[\w-]+-400\.webp$/);
    expect(bytesOf("image")).toBeLessThanOrEqual(wallPicturesBudget);
  });
});
