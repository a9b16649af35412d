import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Header, parseAllHeaders } from "@netlify/headers-parser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveSite } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";
import { htmlFiles } from "../helpers/site.ts";

// A picture opened on its own, as a document, runs no script and loads nothing, whatever it holds:
// netlify.toml gives /img/ and /images/ a second Content-Security-Policy with `sandbox`.

const siteDir = inject("siteDir");
const pictureOnly = "default-src 'none'; sandbox";

/** The policies a browser enforces for a response: a joined header holds several, split by commas. */
const policies = (header: string | null | undefined) => (header ?? "").split(",").map((policy) => policy.trim());

let rules: Header[];
let rendition: string;

beforeAll(async () => {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath: join(projectRoot, "netlify.toml"),
    configHeaders: undefined,
    minimal: false,
  });
  expect(errors).toEqual([]);
  rules = headers as Header[];
  const name = (await readdir(join(siteDir, "img"))).find((file) => file.endsWith(".jpg"));
  if (!name) throw new Error("expected a JPEG rendition under /img/ in the build");
  rendition = `/img/${name}`;
});

describe("netlify.toml, as Netlify's own parser reads it", () => {
  /** Every value of `name` that the rules matching `path` set, in their order. */
  const valuesFor = (path: string, name: string) =>
    rules.filter((rule) => rule.forRegExp.test(path)).flatMap((rule) => rule.values[name] ?? []);

  it("gives a rendition under /img/ and any address under /images/ a policy that runs and loads nothing", () => {
    const site = valuesFor("/", "Content-Security-Policy");
    expect(site).toHaveLength(1);
    for (const path of [rendition, "/images/articles/hostile.svg", "/images/x.png"]) {
      expect(valuesFor(path, "Content-Security-Policy"), path).toEqual([...site, pictureOnly]);
    }
  });

  it("keeps every page of the build, and the feeds, to the site's one policy", () => {
    // Netlify reads "/images/*" as any address that begins "/images" (so "/imagesque/" too).
    const paths = [...htmlFiles(siteDir).map((file) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`), "/feed.xml"];
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) expect(valuesFor(path, "Content-Security-Policy"), path).toHaveLength(1);
  });
});

describe("a picture opened on its own, served with netlify.toml's headers", () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  // A picture that would run a script of the site's own origin (which script-src 'self' allows),
  // at /images/ and, to show the script runs where the rule does not apply, at the root.
  const hostile = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><script xlink:href="/run.js"/><rect width="10" height="10"/></svg>`;

  beforeAll(async () => {
    const dir = await temporaryDir("imd-picture-headers-");
    await mkdir(join(dir, "images"), { recursive: true });
    await mkdir(join(dir, "img"), { recursive: true });
    await writeFile(join(dir, "images/hostile.svg"), hostile);
    await writeFile(join(dir, "hostile.svg"), hostile);
    await writeFile(join(dir, "run.js"), "document.documentElement.setAttribute('data-ran', 'yes');");
    await copyFile(join(siteDir, rendition), join(dir, rendition));
    site = await serveSite(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("is sent both policies by the preview server", async () => {
    for (const path of [rendition, "/images/hostile.svg"]) {
      const response = await fetch(site.origin + path);
      expect(response.status, path).toBe(200);
      expect(policies(response.headers.get("content-security-policy")), path).toContain(pictureOnly);
      expect(policies(response.headers.get("content-security-policy")), path).toHaveLength(2);
    }
  });

  it("runs no script from an SVG under /images/ (the same file at the root does)", async () => {
    const page = await browser.newPage();
    const ran = async (path: string) => {
      await page.goto(site.origin + path);
      await page.waitForLoadState("load");
      return page.evaluate(() => document.documentElement.getAttribute("data-ran"));
    };
    expect(await ran("/hostile.svg")).toBe("yes");
    expect(await ran("/images/hostile.svg")).toBeNull();
    await page.close();
  });

  it("still shows a rendition opened on its own", async () => {
    const page = await browser.newPage();
    await page.goto(site.origin + rendition);
    const width = await page.evaluate(() => document.images[0]?.naturalWidth ?? 0);
    expect(width).toBeGreaterThan(0);
    await page.close();
  });
});
