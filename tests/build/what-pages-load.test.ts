import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import sharp from "sharp";
import { describe, expect, inject, it } from "vitest";
import design from "../../_data/design.ts";
import { thumbnailPixels } from "../../src/lib/publishing/design-tokens.ts";
import { htmlFiles, readPage } from "../helpers/site.ts";

// Each page carries only what it shows: the scripts of the elements it has, search's thumbnails
// at the size search shows them, and of Pagefind only the files a page or a search loads.
// Judged on the shared fixture sites: the four articles, with comments, in nine scripts, with events.

const sites = {
  fixture: inject("siteDir"),
  comments: inject("commentsSiteDir"),
  languages: inject("languagesSiteDir"),
  events: inject("eventsSiteDir"),
};

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name)).map((file) => `${entry.name}/${file}`)
      : [relative(dir, join(dir, entry.name))],
  );

const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** The site's own scripts a page loads, by name without the fingerprint: "share.js". */
const scriptsOf = (siteDir: string, file: string) =>
  readPage(siteDir, urlOf(file))
    .querySelectorAll("script[src]")
    .map((script) => script.getAttribute("src") ?? "")
    .filter((src) => src.startsWith("/assets/js/"))
    .map((src) => src.replace(/^\/assets\/js\//, "").replace(/\.[0-9a-f]{10}\.js$/, ".js"));

describe("the scripts a page loads", () => {
  // What each script enhances, as the page shows it.
  const needs: Record<string, string> = {
    "share.js": "section.share",
    "reply.js": "section.comments button.comment__reply",
    "countdown.js": "[data-countdown]",
    "search-launcher.js": "form.site-search",
  };

  it.each(Object.entries(sites))(
    "%s site: each of share, reply, countdown and search where its element is, and only there",
    (_, siteDir) => {
      const pages = htmlFiles(siteDir);
      expect(pages.length).toBeGreaterThan(5);
      for (const file of pages) {
        const page = readPage(siteDir, urlOf(file));
        const loaded = scriptsOf(siteDir, file);
        for (const [script, selector] of Object.entries(needs)) {
          expect(loaded.includes(script), `${file}: ${script}`).toBe(page.querySelector(selector) !== null);
        }
        // A module is run once, however often it is named: named twice would be a template's mistake.
        expect(new Set(loaded).size, file).toBe(loaded.length);
      }
    },
  );

  it("the 404 page loads no share or reply script; an article without comments loads share.js and no reply.js", () => {
    expect(scriptsOf(sites.comments, "404.html")).not.toContain("share.js");
    expect(scriptsOf(sites.comments, "404.html")).not.toContain("reply.js");
    const article = "articles/scholarship-mentoring-stem/index.html";
    expect(scriptsOf(sites.comments, article)).toContain("share.js");
    expect(scriptsOf(sites.comments, article)).not.toContain("reply.js");
    expect(scriptsOf(sites.comments, "articles/storytelling-humanism-mentoring/index.html")).toContain("reply.js");
  });
});

describe("search's thumbnails", () => {
  // Shown at the tokens' size (the stylesheet gives it to Pagefind), made for screens of two pixels a CSS pixel.
  const size = thumbnailPixels(design.layout);

  it.each(Object.entries(sites))(
    "%s site: every picture of static/images/ a result shows is a WebP of the thumbnail's size, a few KB",
    async (_, siteDir) => {
      let shown = 0;
      for (const file of htmlFiles(siteDir)) {
        const body = readPage(siteDir, urlOf(file)).querySelector("[data-pagefind-body]");
        // A picture the build made of static/images/ (under /img/). A thanks card (/cards/thanks/)
        // is drawn by the build at its own size, and has no thumbnail yet.
        if (!body?.querySelector('img[src^="/img/"]')) continue;
        // Pagefind takes a page's first picture when the page names none: each page with one names its thumbnail.
        const metas = body
          .querySelectorAll("[data-pagefind-meta]")
          .map((element) => element.getAttribute("data-pagefind-meta") ?? "");
        const images = metas.flatMap((meta) =>
          [...meta.matchAll(/(?:^|,)\s*image(?::(.*)|\[)/g)].map((match) => match[1]),
        );
        expect(images, file).toEqual([expect.stringMatching(/^\/img\/[\w-]+\.webp$/)]);
        const thumbnail = join(siteDir, images[0] ?? "");
        const { format, width, height } = await sharp(thumbnail).metadata();
        expect({ format, width, height }, file).toEqual({ format: "webp", ...size });
        expect(statSync(thumbnail).size, file).toBeLessThanOrEqual(4 * 1024);
        shown += 1;
      }
      expect(shown).toBeGreaterThan(0);
    },
  );
});

describe("Pagefind's files", () => {
  /**
   * What a page or a search can load of pagefind/: what pages name (a script, a stylesheet, the
   * bundle of a <pagefind-config>), what the site's scripts name (the header's dialog), and what
   * Pagefind itself fetches from its folder: its worker, its entry, and by the entry each
   * language's metadata and WebAssembly ("unknown" for a language it has no stemmer for), and the
   * index's chunks, filters and fragments, which it names by hash.
   */
  const loadable = (siteDir: string) => {
    const named = new Set<string>();
    for (const file of htmlFiles(siteDir)) {
      const page = readPage(siteDir, urlOf(file));
      for (const element of page.querySelectorAll("[src], [href]")) {
        const url = element.getAttribute("src") ?? element.getAttribute("href") ?? "";
        if (url.startsWith("/pagefind/")) named.add(url.slice(1));
      }
      for (const config of page.querySelectorAll("pagefind-config[bundle-path]"))
        named.add(`${(config.getAttribute("bundle-path") ?? "").slice(1)}pagefind.js`);
    }
    for (const script of filesUnder(join(siteDir, "assets/js"))) {
      const text = readFileSync(join(siteDir, "assets/js", script), "utf8");
      for (const [, path = ""] of text.matchAll(/\$\{pagefindBase\}([\w./-]+)/g))
        named.add(`pagefind/${path}${path.endsWith("/") ? "pagefind.js" : ""}`);
    }
    const entry = JSON.parse(readFileSync(join(siteDir, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { hash: string; wasm: string | null }>;
    };
    for (const file of ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]) named.add(`pagefind/${file}`);
    for (const { hash, wasm } of Object.values(entry.languages)) {
      named.add(`pagefind/pagefind.${hash}.pf_meta`);
      named.add(`pagefind/wasm.${wasm ?? "unknown"}.pagefind`);
    }
    return {
      named,
      byHash: /^pagefind\/(index\/[\w-]+\.pf_index|filter\/[\w-]+\.pf_filter|fragment\/[\w-]+\.pf_fragment)$/,
    };
  };

  it.each(Object.entries(sites))(
    "%s site: every file published in pagefind/ is one a page or a search loads, and each of those is there",
    (_, siteDir) => {
      const { named, byHash } = loadable(siteDir);
      const published = filesUnder(join(siteDir, "pagefind")).map((file) => `pagefind/${file}`);
      expect(published.filter((file) => !named.has(file) && !byHash.test(file))).toEqual([]);
      expect([...named].filter((file) => !published.includes(file))).toEqual([]);
      // The interface both the search page and the header's dialog load is among them.
      expect(named).toContain("pagefind/pagefind-component-ui.js");
      expect(named).toContain("pagefind/dialog/pagefind.js");
    },
  );

  it("a language without a stemmer keeps the WebAssembly Pagefind loads for it", () => {
    const entry = JSON.parse(readFileSync(join(sites.languages, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { wasm: string | null }>;
    };
    expect(Object.values(entry.languages).some(({ wasm }) => wasm === null)).toBe(true);
    expect(statSync(join(sites.languages, "pagefind/wasm.unknown.pagefind")).size).toBeGreaterThan(0);
    expect(() => statSync(join(sites.fixture, "pagefind/wasm.unknown.pagefind"))).toThrow();
  });
});
