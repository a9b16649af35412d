import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import design from "../../_data/design.ts";
import en from "../../_data/locales/en.ts";
import { cardLayout, designForId } from "../../src/assets/js/shared/thanks-card.js";
import { markSvg } from "../../src/lib/graphics/mark.ts";
import { publishedFontFiles } from "../../src/lib/graphics/text/card-web-fonts.ts";
import { type CardWords, cardColoursOf, thanksCardSvg } from "../../src/lib/graphics/thanks-cards.ts";
import { thumbnailPixels } from "../../src/lib/publishing/design-tokens.ts";
import { cardLanguagesFor, thanksCardWords } from "../../src/lib/words/card-languages.ts";
import { htmlProblems, readPage, visibleText } from "../helpers/site.ts";

// The wall of thanks in the global setup's site with tests/fixtures/thanks.json, and the site as
// it is (no thanks yet).
const siteDir = inject("languagesSiteDir");
// The narrowest rendition of a card covers a search result's thumbnail box, as tall as it (cards are 1200 × 630).
const thumbnailWidth = Math.ceil((thumbnailPixels(design.layout).height * 1200) / 630);
const plainSiteDir = inject("siteDir");
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/thanks.json"), "utf8")) as {
  id: string;
  mentor: string;
  message: string;
  name?: string;
  date: string;
}[];

/** Every file under a folder, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((path) => statSync(join(dir, path)).isFile());

describe("the wall of thanks, built", () => {
  it("shows the thanks newest first, 24 to a page, each with its card, its permalink and its words in their own direction", () => {
    const first = readPage(siteDir, "/thank-your-mentor/");
    const second = readPage(siteDir, "/thank-your-mentor/page/2/");
    const ids = [...first.querySelectorAll(".thanks-item"), ...second.querySelectorAll(".thanks-item")].map((item) =>
      item.getAttribute("id"),
    );
    const newestFirst = [...fixture].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
    expect(ids).toEqual(newestFirst.map((thanks) => `thanks-${thanks.id}`));
    expect(first.querySelectorAll(".thanks-item")).toHaveLength(24);
    const arabic = first.querySelector("#thanks-6571f0a1c2d3e4f5a6b7c8d2");
    expect(arabic?.querySelector(".thanks-item__mentor a")?.getAttribute("dir")).toBe("auto");
    expect(arabic?.querySelector(".thanks-item__message")?.getAttribute("dir")).toBe("auto");
    expect(arabic?.querySelector(".thanks-item__name")?.getAttribute("dir")).toBe("auto");
    expect(arabic?.querySelector(".thanks-item__mentor a")?.getAttribute("href")).toBe(
      "/thank-your-mentor/thanks/6571f0a1c2d3e4f5a6b7c8d2/",
    );
    expect(visibleText(second.querySelector(".pager") ?? first)).toContain("Page 2 of 2");
  });

  it("draws a 1200×630 card for every thanks, named by its id, and WebP renditions of it that the wall shows", async () => {
    for (const thanks of fixture) {
      const file = join(siteDir, `cards/thanks/${thanks.id}.png`);
      expect(existsSync(file)).toBe(true);
      const { width, height, format } = await sharp(file).metadata();
      expect([format, width, height]).toEqual(["png", 1200, 630]);
      for (const [rendition, size] of [
        [thumbnailWidth, Math.round((thumbnailWidth * 630) / 1200)],
        [400, 210],
        [800, 420],
      ]) {
        const small = join(siteDir, `cards/thanks/${thanks.id}-${rendition}.webp`);
        expect((await sharp(small).metadata()) as object).toMatchObject({
          format: "webp",
          width: rendition,
          height: size,
        });
        expect(statSync(small).size).toBeLessThan(statSync(file).size / 2);
      }
    }
    expect(readdirSync(join(siteDir, "cards/thanks"))).toHaveLength(4 * fixture.length);
    // The wall shows each card as those renditions, the PNG its fallback; lazily, for the wall is below the maker.
    for (const card of readPage(siteDir, "/thank-your-mentor/").querySelectorAll(".thanks-item picture")) {
      const img = card.querySelector("img.thanks-item__card")!;
      const png = img.getAttribute("src") ?? "";
      expect(png).toMatch(/^\/cards\/thanks\/[\w-]+\.png$/);
      expect(
        card.querySelectorAll("source").map((source) => [source.getAttribute("type"), source.getAttribute("srcset")]),
      ).toEqual([
        [
          "image/webp",
          [thumbnailWidth, 400, 800].map((width) => `${png.replace(".png", `-${width}.webp`)} ${width}w`).join(", "),
        ],
      ]);
      expect(img.getAttribute("sizes")).toBe(design.sizes.preview);
      expect(img.getAttribute("loading")).toBe("lazy");
    }
    expect(readPage(siteDir, "/thank-your-mentor/").querySelectorAll(".thanks-item picture")).toHaveLength(24);
  });

  it("draws each thanks' card in its language's words: an Arabic one in the card words' Arabic, right to left", async () => {
    // The data the build read: the copy's site, day and card words (tests/fixtures/card-words.ts).
    const projectDir = inject("projectDirs").languagesSiteDir;
    const data = async (name: string) => (await import(pathToFileURL(join(projectDir, "_data", name)).href)).default;
    const [site, day, others] = await Promise.all([data("site.ts"), data("day.ts"), data("cardWords.ts")]);
    const languages = cardLanguagesFor(en.thanks.card, site.language, day, others);
    const colours = cardColoursOf(design);
    const pixels = (png: string | Buffer) => sharp(png).ensureAlpha().raw().toBuffer();
    const drawnIn = async (thanks: (typeof fixture)[number], words: CardWords) =>
      pixels(
        Buffer.from(thanksCardSvg(thanks, designForId(thanks.id), "landscape", words, colours, markSvg(colours)).svg),
      );
    const built = async (thanks: (typeof fixture)[number]) => pixels(join(siteDir, `cards/thanks/${thanks.id}.png`));
    const arabic = fixture.find((thanks) => thanks.mentor === "ليلى الحسيني")!;
    const arabicWords = thanksCardWords(arabic, languages);
    expect(arabicWords.greeting).toBe(others.ar.greeting);
    expect(cardLayout(arabic, "teal", "landscape", arabicWords, colours, () => 10).direction).toBe("rtl");
    const card = await built(arabic);
    expect(card.equals(await drawnIn(arabic, arabicWords))).toBe(true);
    expect(card.equals(await drawnIn(arabic, languages.words[site.language]!))).toBe(false);
    // A Latin thanks is in the site's words; Cyrillic makes no guess either.
    for (const mentor of ["Dr Amara Okafor", "Анна Петрова"]) {
      const thanks = fixture.find((item) => item.mentor === mentor)!;
      expect((await built(thanks)).equals(await drawnIn(thanks, languages.words[site.language]!))).toBe(true);
    }
    // Its page's og:image is that card, and says in the page's language what the card shows.
    const page = readPage(siteDir, `/thank-your-mentor/thanks/${arabic.id}/`);
    expect(page.querySelector('meta[property="og:image:alt"]')?.getAttribute("content")).toBe(
      `A thank-you card for ${arabic.mentor}. “${arabic.message}” From ${arabic.name}.`,
    );
  });

  it("offers the card's languages in the maker, each named in itself, after the message's own", () => {
    const form = readPage(siteDir, "/thank-your-mentor/").querySelector('form[name="thanks"]')!;
    const options = form.querySelectorAll('select[name="lang"] option');
    expect(
      options.map((option) => [option.getAttribute("value"), option.getAttribute("lang") ?? null, option.textContent]),
    ).toEqual([
      ["", null, en.thanks.languageAsMessage],
      ["en-GB", "en-GB", "English"],
      ["ar", "ar", "العربية"],
      ["he", "he", "עברית"],
      ["zh", "zh", "中文"],
    ]);
    const label = form.querySelector(`label[for="${form.querySelector('select[name="lang"]')?.getAttribute("id")}"]`);
    expect(label?.textContent).toBe(en.thanks.languageLabel);
    const languages = JSON.parse(form.getAttribute("data-card-languages") ?? "{}");
    expect(languages.site).toBe("en-GB");
    expect(languages.words.he).toMatchObject({ greeting: "תודה רבה", from: "באהבה, {name}", alt: en.thanks.card.alt });
  });

  it("gives each thanks a page to share: its card as og:image, share links, and a place in search", () => {
    const thanks = fixture[2]!;
    const page = readPage(siteDir, `/thank-your-mentor/thanks/${thanks.id}/`);
    expect(visibleText(page.querySelector("h1")!)).toBe(`To ${thanks.mentor}`);
    expect(page.querySelector("title")?.textContent).toContain(`Thanks to ${thanks.mentor}`);
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute("content")).toMatch(
      new RegExp(`/cards/thanks/${thanks.id}\\.png$`),
    );
    // Shown as the renditions, first of the page; the link downloads the PNG, as og:image gives it.
    const card = page.querySelector("picture img.thanks-page__card");
    expect(card?.getAttribute("fetchpriority")).toBe("high");
    expect(page.querySelector("picture source")?.getAttribute("srcset")).toContain(
      `/cards/thanks/${thanks.id}-400.webp 400w`,
    );
    const download = page.querySelector(".thanks-page__download a[download]");
    expect(download?.getAttribute("href")).toBe(`/cards/thanks/${thanks.id}.png`);
    expect(download?.textContent).toBe(en.thanks.downloadCard);
    expect(page.querySelector('meta[property="og:image:alt"]')?.getAttribute("content")).toBe(
      `A thank-you card for ${thanks.mentor}. “${thanks.message}” From ${thanks.name}.`,
    );
    expect(page.querySelector("main")?.hasAttribute("data-pagefind-body")).toBe(true);
    // Search shows the card as a thumbnail made at its size, not as the PNG (about 50 KB).
    const thumbnail = `/cards/thanks/${thanks.id}-${thumbnailWidth}.webp`;
    expect(card?.getAttribute("data-pagefind-meta")).toBe(`image_alt[alt], image:${thumbnail}`);
    expect(statSync(join(siteDir, thumbnail)).size).toBeLessThanOrEqual(4 * 1024);
    expect(page.querySelector(".thanks-page__message p")?.getAttribute("dir")).toBe("auto");
    const share = page.querySelectorAll(".share__links a").map((link) => link.getAttribute("href") ?? "");
    expect(share.some((href) => href.includes(encodeURIComponent(`/thank-your-mentor/thanks/${thanks.id}/`)))).toBe(
      true,
    );
    // The wall's own pages repeat the thanks: only the maker's words are indexed there.
    const wall = readPage(siteDir, "/thank-your-mentor/");
    expect(wall.querySelector(".thanks-wall")?.hasAttribute("data-pagefind-ignore")).toBe(true);
  });

  it("finds the thanks in the search index", () => {
    const entries = readdirSync(join(siteDir, "pagefind"));
    expect(entries.length).toBeGreaterThan(0);
    // Pagefind names each page it indexed in its fragments: one per thanks page, compressed; their count is enough here.
    const fragments = readdirSync(join(siteDir, "pagefind/fragment"));
    const pages = readdirSync(join(plainSiteDir, "pagefind/fragment"));
    expect(fragments.length).toBeGreaterThanOrEqual(pages.length + fixture.length);
  });

  it("has the Netlify form thanks: a honeypot, mentor, message, name and the box agreeing to publication, and no email", () => {
    const form = readPage(plainSiteDir, "/thank-your-mentor/").querySelector('form[name="thanks"]')!;
    expect(form.getAttribute("data-netlify")).toBe("true");
    expect(form.getAttribute("data-netlify-honeypot")).toBe("bot-field");
    expect(form.getAttribute("method")).toBe("POST");
    expect(form.getAttribute("action")).toBe("/thank-your-mentor/sent/");
    const names = form.querySelectorAll("input, textarea").map((field) => field.getAttribute("name"));
    expect(names).toEqual([
      "form-name",
      "bot-field",
      "mentor",
      "message",
      "name",
      "design",
      "design",
      "design",
      "publish",
    ]);
    expect(form.querySelector('textarea[name="message"]')?.getAttribute("maxlength")).toBe("280");
    expect(form.querySelector('input[name="publish"]')?.getAttribute("type")).toBe("checkbox");
    expect(form.querySelector('input[name="publish"]')?.hasAttribute("required")).toBe(true);
    for (const label of [en.thanks.mentorLabel, en.thanks.messageLabel, en.thanks.nameLabel]) {
      expect(form.querySelectorAll("label").map((element) => element.textContent)).toContain(label);
    }
    expect(readPage(plainSiteDir, "/thank-your-mentor/sent/").querySelector("h1")?.textContent).toBe(
      en.thanks.sentTitle,
    );
  });

  it("says so when no thanks are published yet, and is linked from the header, / and the toolkit", () => {
    const page = readPage(plainSiteDir, "/thank-your-mentor/");
    expect(page.querySelector(".thanks-wall__empty")?.textContent).toBe(en.thanks.wallEmpty);
    for (const path of ["/", "/toolkit/", "/about/"]) {
      expect(
        readPage(plainSiteDir, path)
          .querySelectorAll("a")
          .some((link) => link.getAttribute("href") === "/thank-your-mentor/"),
      ).toBe(true);
    }
    expect(readPage(plainSiteDir, "/").querySelector('main a[href="/thank-your-mentor/"]')).not.toBeNull();
    expect(readPage(plainSiteDir, "/toolkit/").querySelector('main a[href="/thank-your-mentor/"]')).not.toBeNull();
  });

  it("publishes the card fonts only as their fingerprinted stylesheet lists them, and names it from this page alone, for its script", () => {
    const folder = join(plainSiteDir, "fonts/card");
    const page = readPage(plainSiteDir, "/thank-your-mentor/");
    // Inert in a template until the maker draws: the page's head links the site's stylesheet alone.
    expect(
      page.querySelectorAll('head link[rel="stylesheet"]').map((link) => link.getAttribute("href")?.split(".")[0]),
    ).toEqual(["/assets/css/site"]);
    const href = page.querySelector('template[data-card-fonts] link[rel="stylesheet"]')?.getAttribute("href");
    expect(href).toMatch(/^\/assets\/css\/card-fonts\.[0-9a-f]{10}\.css$/);
    const css = readFileSync(join(plainSiteDir, href!), "utf8");
    const named = publishedFontFiles(css).map((font) => `${font.folder}/${font.file}`);
    expect(new Set(filesUnder(folder))).toEqual(new Set(named));
    const bytes = filesUnder(folder).reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
    console.log(
      `Card fonts: ${named.length} WOFF2 files, ${bytes} bytes in _site/fonts/card/; their stylesheet ${css.length} bytes`,
    );
    for (const path of ["/", "/toolkit/", "/articles/"]) {
      expect(readPage(plainSiteDir, path).toString()).not.toContain("card-fonts.");
    }
    // The wall's later pages have no maker.
    expect(readPage(siteDir, "/thank-your-mentor/page/2/").toString()).not.toContain("card-fonts.");
  });

  it("passes html-validate", async () => {
    expect(
      await htmlProblems(siteDir, [
        "thank-your-mentor/index.html",
        "thank-your-mentor/page/2/index.html",
        "thank-your-mentor/sent/index.html",
        `thank-your-mentor/thanks/${fixture[1]!.id}/index.html`,
      ]),
    ).toEqual([]);
  });
});
