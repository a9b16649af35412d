import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import { cacheKeyFor, importedSpecifiers, moduleGraph, packageNameOf } from "../../src/lib/build/cache-key-files.ts";
import { socialCardKey } from "../../src/lib/graphics/social-card-files.ts";
import { socialCardColours } from "../../src/lib/graphics/social-cards.ts";
import { thanksCardKey } from "../../src/lib/graphics/thanks-card-files.ts";
import { cardColoursOf } from "../../src/lib/graphics/thanks-cards.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

/** The modules that make each cached artefact: each keys its artefacts by its own imports (cacheKeyFor([import.meta.url])). */
const artefacts = {
  "social cards": "src/lib/graphics/social-card-files.ts",
  "thank-you cards": "src/lib/graphics/thanks-card-files.ts",
  "pictures, toolkit graphics and every PNG of the cache": "src/lib/graphics/image-files.ts",
};

/**
 * What Node itself loads when it imports `entries` in `dir`: the project's files (no package's),
 * as paths relative to `dir`. The truth the graph walk is held to.
 */
async function modulesNodeLoads(dir: string, entries: readonly string[]): Promise<string[]> {
  const probe = `
    import { registerHooks } from "node:module";
    import { pathToFileURL, fileURLToPath } from "node:url";
    const loaded = new Set();
    registerHooks({
      load(url, context, nextLoad) {
        if (url.startsWith("file:") && !url.includes("/node_modules/")) loaded.add(fileURLToPath(url));
        return nextLoad(url, context);
      },
    });
    for (const entry of process.argv.slice(1)) await import(pathToFileURL(entry).href);
    console.log(JSON.stringify([...loaded]));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", probe, ...entries], {
    cwd: dir,
  });
  return (JSON.parse(stdout) as string[]).map((file) => relative(dir, file)).sort();
}

/** Every module of the copy's src/: .ts and .js files. */
async function sourceModules(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, "src"), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("the cache key of what the build caches", () => {
  // A copy of the code (src/, _data/, package.json for "type": "module") whose modules the tests change one by one.
  let dir: string;
  beforeAll(async () => {
    dir = await temporaryDir("imd-cache-key-");
    for (const entry of ["src", "_data", "package.json"])
      await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
    await symlink(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(Object.entries(artefacts))(
    "of %s changes with every module the code that makes them runs, and with no other module",
    async (_, entry) => {
      const key = () => cacheKeyFor([join(dir, entry)])({});
      const before = key();
      const runs = await modulesNodeLoads(dir, [entry]);
      expect(runs).toContain(entry);
      const wrong: string[] = [];
      for (const module of await sourceModules(dir)) {
        const file = join(dir, module);
        const text = await readFile(file, "utf8");
        await writeFile(file, `${text}\n// changed\n`);
        const changed = key() !== before;
        await writeFile(file, text);
        if (changed !== runs.includes(module)) {
          wrong.push(
            `${module}: ${runs.includes(module) ? "runs, and the key stayed the same" : "does not run, and the key changed"}`,
          );
        }
      }
      expect(wrong).toEqual([]);
      expect(key()).toBe(before);
    },
  );

  it("changes with the version of a package the code imports", async () => {
    const entry = join(dir, artefacts["pictures, toolkit graphics and every PNG of the cache"]);
    const before = cacheKeyFor([entry])({});
    // Node would find this sharp first from src/lib/graphics/: so does the key.
    const nearer = join(dir, "src/node_modules/sharp");
    await mkdir(nearer, { recursive: true });
    await writeFile(join(nearer, "package.json"), JSON.stringify({ name: "sharp", version: "0.0.1-test" }));
    try {
      expect(moduleGraph([entry]).packages.get("sharp")).toBe("0.0.1-test");
      expect(cacheKeyFor([entry])({})).not.toBe(before);
    } finally {
      await rm(join(dir, "src/node_modules"), { recursive: true, force: true });
    }
    expect(cacheKeyFor([entry])({})).toBe(before);
  });

  it("is the same for the same code in another folder (a copy of the project, Netlify's build)", () => {
    for (const entry of Object.values(artefacts)) {
      expect(cacheKeyFor([join(dir, entry)])({ a: 1 })).toBe(cacheKeyFor([join(projectRoot, entry)])({ a: 1 }));
    }
  });

  it("says which module imports a module that is not there", async () => {
    const broken = join(dir, "src/broken.ts");
    await writeFile(broken, 'import { a } from "./missing.ts";\n');
    try {
      expect(() => moduleGraph([broken])).toThrow(
        `${broken}: imports ${join(dir, "src/missing.ts")}, which is not there`,
      );
    } finally {
      await rm(broken);
    }
  });

  it("changes with the data it is made of", () => {
    const key = cacheKeyFor([join(projectRoot, artefacts["social cards"])]);
    expect(key({ title: "A" })).not.toBe(key({ title: "B" }));
    expect(key({ title: "A" })).toBe(key({ title: "A" }));
  });
});

describe("a card's key and the design tokens", () => {
  const content = {
    title: "Mentoring in the lab",
    people: ["Dr Ada Lovelace"],
    siteName: "International Mentoring Day",
    dayName: "International Mentoring Day",
    date: "17 January each year",
  };
  const thanks = {
    text: { mentor: "Ms Rivera", message: "Thank you for everything.", name: "Sam" },
    design: "teal" as const,
    words: {
      greeting: "Thank you",
      from: "From {name}",
      footer: "17 January",
      alt: "a",
      altMessage: "b",
      altFrom: "c",
    },
  };
  const withTokens = (change: (tokens: typeof design) => void) => {
    const tokens = structuredClone(design);
    change(tokens);
    return tokens;
  };

  it.each([
    ["the text colour", (tokens: typeof design) => (tokens.palette.light.text = "#000001")],
    ["a colour of the mark", (tokens: typeof design) => (tokens.palette.mark.amber = "#000001")],
  ])("changes with %s the cards are drawn in", (_, change) => {
    const changed = withTokens(change);
    expect(socialCardKey(content, socialCardColours(changed))).not.toBe(
      socialCardKey(content, socialCardColours(design)),
    );
    expect(thanksCardKey(thanks, cardColoursOf(changed))).not.toBe(thanksCardKey(thanks, cardColoursOf(design)));
  });

  it("stays the same for a token no card is drawn in (the dark scheme)", () => {
    const changed = withTokens((tokens) => (tokens.palette.dark.bg = "#000001"));
    expect(socialCardKey(content, socialCardColours(changed))).toBe(socialCardKey(content, socialCardColours(design)));
    expect(thanksCardKey(thanks, cardColoursOf(changed))).toBe(thanksCardKey(thanks, cardColoursOf(design)));
  });
});

describe("importedSpecifiers", () => {
  it("finds every import that runs: static, re-exported, side effect, dynamic and required, over several lines", () => {
    const source = [
      'import a from "./a.ts";',
      "import {",
      "  b,",
      "  type C,",
      '} from "../b.ts";',
      'import * as hb from "harfbuzzjs";',
      'import "./side-effect.js";',
      'export { d } from "./d.ts";',
      'export * from "./e.ts";',
      'const f = await import("./f.ts");',
      'const woff2 = require("wawoff2/build/decompress_binding.js");',
    ].join("\n");
    expect(importedSpecifiers(source)).toEqual([
      "./a.ts",
      "../b.ts",
      "harfbuzzjs",
      "./side-effect.js",
      "./d.ts",
      "./e.ts",
      "./f.ts",
      "wawoff2/build/decompress_binding.js",
    ]);
  });

  it("leaves out what does not run: type-only imports, and imports written in comments or strings", () => {
    const source = [
      'import type { A } from "./types.ts";',
      'export type { B } from "./more-types.ts";',
      '/** @typedef {import("./line-breaks.js").Piece} Piece */',
      ' * `import("../x.js")`',
      '// import x from "./commented.ts";',
      'const text = "import y from \\"./in-a-string.ts\\"";',
      'run(); // import("./after-code.ts")',
    ].join("\n");
    expect(importedSpecifiers(source)).toEqual([]);
  });

  it("names the package of a specifier", () => {
    expect(packageNameOf("sharp")).toBe("sharp");
    expect(packageNameOf("@fontsource-variable/noto-sans/files/a.woff2")).toBe("@fontsource-variable/noto-sans");
    expect(packageNameOf("wawoff2/build/decompress_binding.js")).toBe("wawoff2");
  });
});
