import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { buildSite, copyProject, fixtureArticle, projectRoot, temporaryDir } from "../helpers/project.ts";
import { htmlFiles } from "../helpers/site.ts";

// No content makes a page wider than a 320-pixel screen. A site is built with every field a
// contributor, a commenter or a thanker writes at the longest the schemas allow, each one word
// with nowhere to break it (an address, a German compound, a name typed without spaces), and
// every page of it, and the search page's results and the card maker with such words typed in,
// are opened at 320 pixels: none scrolls sideways.

const WIDTH = 320;
/** `length` characters with no space and no hyphen: nowhere a line may break. */
const unbroken = (length: number, word = "Mentorschaftsprogrammleiterin") =>
  word.repeat(Math.ceil(length / word.length)).slice(0, length);
const arabic = (length: number) => unbroken(length, "الإرشادوالتوجيه");

/** An article's body with every kind of Markdown a contributor may write, each holding one long word. */
const body = `${unbroken(1000)} and https://example.org/${unbroken(400, "x")} and \`${unbroken(200, "code")}\`.

## ${unbroken(200, "Überschrift")}

> ${unbroken(400, "Zitat")}

- ${unbroken(300, "Punkt")}
1. ${unbroken(300, "Schritt")}

| ${unbroken(100, "Spalte")} | ${unbroken(100, "Wert")} |
| --- | --- |
| ${unbroken(300, "Zelle")} | ${unbroken(300, "Inhalt")} |

\`\`\`
${unbroken(300, "const_long_name_")}
\`\`\`

    ${unbroken(300, "indented_code_")}

[${unbroken(300, "Linktext")}](https://example.org/)
`;
const article = fixtureArticle("scholarship-mentoring-stem.md");
const longTopic = unbroken(60, "longtopic");
const person = (index: number) => `  - name: ${unbroken(100, `Name${index}`)}
    honorific: ${unbroken(40, "Professorin")}
    role: ${unbroken(100, "Forschungsgruppenleiterin")}
    institution: ${unbroken(150, "Universitätsklinikum")}
    country: ${unbroken(60, "Vereinigtes")}`;
const longest = article
  .replace(/^title: .*$/m, `title: "${unbroken(120)}"`)
  .replace(/^summary: .*$/m, `summary: "Zanzibar ${unbroken(291)}"`)
  .replace(/^people:\n(?: {2}- name: .*\n(?: {4}.*\n)*)+/m, `people:\n${[1, 2, 3].map(person).join("\n")}\n`)
  .replace(/^tags: .*$/m, `tags: [${longTopic}, stem]`)
  .replace(
    /^featured: .*$/m,
    `featured: true\nlink: "https://example.org/${unbroken(300, "path")}"\nquote:\n  text: "${unbroken(400, "Zitat")}"\n  by: "${unbroken(120, "Sprecherin")}"`,
  )
  .replace(/\n---\n[\s\S]*$/, `\n---\n${body}`);

const comment = (id: number, extra: Record<string, string> = {}) => ({
  id: `6790a1b2c3d4e5f60123${String(id).padStart(4, "0")}`,
  name: unbroken(100, "Kommentatorin"),
  date: "2026-11-20",
  text: `${unbroken(2000)} ${unbroken(2999, "Antwort")}`,
  website: `https://example.org/${unbroken(500, "site")}`,
  ...extra,
});
const thanks = Array.from({ length: 26 }, (_, index) => ({
  id: `narrow-thanks-${index}`,
  mentor: index % 2 ? arabic(100) : unbroken(100, "Mentorin"),
  message: index % 2 ? arabic(280) : unbroken(280, "Dankeschön"),
  name: unbroken(100, "Absenderin"),
  date: `2026-11-${String(1 + (index % 28)).padStart(2, "0")}T10:00:00Z`,
}));

let siteDir: string;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  const projectDir = await copyProject({
    "articles/longest.md": longest,
    // One more tag, with the longest name, label and description.
    "_data/topics.ts": readFileSync(join(projectRoot, "_data/topics.ts"), "utf8").replace(
      /\n};\n/,
      `\n  "${longTopic}": { label: "${unbroken(40, "Themenlabel")}", description: "${unbroken(200, "Beschreibung")}" },\n};\n`,
    ),
    "_data/comments/longest.json": JSON.stringify([comment(1), comment(2, { replyTo: comment(1).id })]),
    "_data/comments/home.json": JSON.stringify([comment(3)]),
    "_data/thanks.json": JSON.stringify(thanks),
  });
  siteDir = await temporaryDir("imd-narrow-");
  await buildSite({ projectDir, outputDir: siteDir, env: { SOURCE_DATE_EPOCH: "1796083200" } });
  [browser, site] = await Promise.all([launchChromium(), serveSite(siteDir)]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** How wide the page is at 320 pixels, and the widest element that sticks out (for the message when it fails). */
async function widthOf(page: Page): Promise<{ width: number; widest: string }> {
  return page.evaluate(() => {
    let widest = "";
    let right = 0;
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 0.5) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(box.right)} px)`;
      }
    }
    return { width: document.documentElement.scrollWidth, widest };
  });
}

describe("a 320-pixel screen", () => {
  it("shows every page of the site with the longest values without scrolling sideways", async () => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 640 } });
    const files = htmlFiles(siteDir);
    // Every kind of page is there: the content did not fail to build into any of them.
    for (const kind of [
      "index.html",
      "articles/index.html",
      "articles/longest/index.html",
      "about/index.html",
      "toolkit/index.html",
      "search/index.html",
      "thank-you/index.html",
      "thank-your-mentor/index.html",
      "thank-your-mentor/page/2/index.html",
      "thank-your-mentor/thanks/narrow-thanks-1/index.html",
      "thank-your-mentor/sent/index.html",
      "404.html",
    ]) {
      expect(files).toContain(kind);
    }
    const wide: string[] = [];
    for (const file of files) {
      await page.goto(`${site.origin}/${file.replace(/(^|\/)index\.html$/, "$1")}`);
      const { width, widest } = await widthOf(page);
      if (width > WIDTH) wide.push(`${file}: ${width} px, ${widest}`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });

  it("shows search results of the longest title and summary without scrolling sideways", async () => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 640 } });
    await page.goto(`${site.origin}/search/?q=Zanzibar`);
    await page.locator(".pf-result").first().waitFor();
    expect(await widthOf(page)).toMatchObject({ width: WIDTH });
    await page.close();
  });

  it("shows the card maker with the longest words typed in without scrolling sideways", async () => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 640 } });
    await page.goto(`${site.origin}/thank-your-mentor/`);
    await page.locator(".thanks-preview").waitFor({ state: "visible" });
    await page.fill('form[data-thanks-maker] [name="mentor"]', unbroken(100, "Mentorin"));
    await page.fill('form[data-thanks-maker] [name="message"]', unbroken(280, "Dankeschön"));
    await page.fill('form[data-thanks-maker] [name="name"]', unbroken(100, "Absenderin"));
    await page.click('button[data-download="square"]');
    expect(await widthOf(page)).toMatchObject({ width: WIDTH });
    await page.close();
  });
});
