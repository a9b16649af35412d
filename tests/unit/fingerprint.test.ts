import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assetManifest,
  contentHash,
  fingerprintedPath,
  isFingerprinted,
  writeFingerprintedAssets,
} from "../../src/lib/publishing/fingerprint-files.ts";
import { temporaryDir } from "../helpers/project.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("fingerprintedPath", () => {
  it("puts a hash of the bytes between the name and the extension", () => {
    expect(fingerprintedPath("/assets/js/share.js", bytes("let a = 1;"))).toMatch(
      /^\/assets\/js\/share\.[0-9a-f]{10}\.js$/,
    );
    expect(fingerprintedPath("/assets/css/site.css", bytes("a{}"))).toMatch(/^\/assets\/css\/site\.[0-9a-f]{10}\.css$/);
  });

  it("changes when one byte changes, and only then", () => {
    const a = fingerprintedPath("/assets/js/share.js", bytes("let a = 1;"));
    expect(fingerprintedPath("/assets/js/share.js", bytes("let a = 1;"))).toBe(a);
    expect(fingerprintedPath("/assets/js/share.js", bytes("let a = 2;"))).not.toBe(a);
    expect(contentHash(bytes("x"))).not.toBe(contentHash(bytes("y")));
  });

  it("is what isFingerprinted recognises", () => {
    expect(isFingerprinted(fingerprintedPath("/assets/js/share.js", bytes("")))).toBe(true);
    expect(isFingerprinted("/mentoring-day/assets/css/site.0123456789.css?v=1")).toBe(true);
    expect(isFingerprinted("/assets/js/share.js")).toBe(false);
    expect(isFingerprinted("/pagefind/pagefind-component-ui.js")).toBe(false);
  });
});

describe("assetManifest and writeFingerprintedAssets", () => {
  it("publish every asset under its hashed name only, and clear out what an earlier build left", async () => {
    const source = await temporaryDir("imd-assets-");
    await mkdir(join(source, "js"), { recursive: true });
    await mkdir(join(source, "css"), { recursive: true });
    await writeFile(join(source, "js/share.js"), "share();");
    await writeFile(join(source, "css/site.css"), "body{}");
    const output = await temporaryDir("imd-output-");
    await mkdir(join(output, "assets/js"), { recursive: true });
    await writeFile(join(output, "assets/js/share.js"), "stale");
    await writeFile(join(output, "assets/js/share.0000000000.js"), "stale");

    const manifest = assetManifest(source, "/assets");
    expect([...manifest.keys()]).toEqual(["/assets/css/site.css", "/assets/js/share.js"]);
    await writeFingerprintedAssets(manifest, output, "/assets");

    const shareUrl = manifest.get("/assets/js/share.js")!.url;
    expect(readFileSync(join(output, shareUrl), "utf8")).toBe("share();");
    expect(existsSync(join(output, manifest.get("/assets/css/site.css")!.url))).toBe(true);
    expect(readdirSync(join(output, "assets/js"))).toEqual([shareUrl.split("/").at(-1)]);
  });
});

describe("a script that imports another", () => {
  it("imports it by its fingerprinted name, and is renamed whenever what it imports changes", async () => {
    const source = await temporaryDir("imd-assets-");
    await mkdir(join(source, "js"), { recursive: true });
    await writeFile(join(source, "js/rules.js"), "export const rule = 1;");
    await writeFile(
      join(source, "js/card.js"),
      'import { rule } from "./rules.js";\nimport "./rules.js";\nexport const later = () => import("./rules.js");',
    );
    const before = assetManifest(source, "/assets");
    const rules = before.get("/assets/js/rules.js")!.url.split("/").at(-1);
    expect(new TextDecoder().decode(before.get("/assets/js/card.js")!.bytes)).toBe(
      `import { rule } from "./${rules}";\nimport "./${rules}";\nexport const later = () => import("./${rules}");`,
    );

    await writeFile(join(source, "js/rules.js"), "export const rule = 2;");
    const after = assetManifest(source, "/assets");
    expect(after.get("/assets/js/card.js")!.url).not.toBe(before.get("/assets/js/card.js")!.url);
  });

  it("names the file an import asks for that the folder does not have", async () => {
    const source = await temporaryDir("imd-assets-");
    await writeFile(join(source, "card.js"), 'import "./missing.js";');
    expect(() => assetManifest(source, "/assets")).toThrow("/assets/card.js: imports /assets/missing.js");
  });
});
