import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The key of everything the build caches (pictures, social cards, toolkit graphics, thank-you
// cards): a hash of what the artefact is made of. That is the code that makes it, found by
// following the imports of the modules that draw it (reads files: the modules and the installed
// packages' package.json), and the data it is drawn from, which the caller passes in. Never a
// list kept by hand: a module that a drawing module starts to import is in the key at once.

/** The code an artefact is made by. */
export interface ModuleGraph {
  /** The entries and every module they import by a relative path, transitively, as absolute paths. */
  modules: string[];
  /** Each package one of them imports by name ("sharp", "@fontsource-variable/noto-sans/…"), with its installed version. */
  packages: Map<string, string>;
}

/**
 * `import … from "x"`, `import "x"` and `export … from "x"` at the start of a line (where the
 * formatter puts every one), with `type` captured: `import type` and `export type` are erased
 * before the code runs, so they make nothing. The names between the keyword and `from` are
 * words, commas, braces, `*` and spaces (no quotes), so a string is never taken for one.
 */
const staticImport = /^[ \t]*(?:import|export)\s+(type\s+)?(?:[\w$*{},\s]*?\bfrom\s*)?(["'])([^"'\n]+)\2/gm;
/** `import("x")`, and `require("x")` of a module's own createRequire, of a literal, on a line that is not a comment. */
const importCall = /\b(?:import|require)\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g;
const commentLine = /^\s*(?:\/\/|\/\*|\*)/;

/** The specifiers a module's source imports at run time, in order. */
export function importedSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  for (const [, type, , specifier] of source.matchAll(staticImport)) {
    if (type === undefined && specifier !== undefined) specifiers.push(specifier);
  }
  for (const line of source.split("\n")) {
    if (commentLine.test(line)) continue;
    for (const [, , specifier] of line.matchAll(importCall)) {
      // A comment after code on the line: an import written there is not run.
      if (specifier !== undefined && !line.slice(0, line.indexOf(specifier)).includes("//")) specifiers.push(specifier);
    }
  }
  return specifiers;
}

/** "@scope/name/sub/path.js" → "@scope/name"; "sharp" → "sharp". */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** The version of `name` as Node would find it from `fromDir`: in the nearest node_modules/ that has it. */
function installedVersion(name: string, fromDir: string, importedBy: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    if (dirname(dir) === dir) throw new Error(`${importedBy}: imports the package ${name}, which is not installed`);
  }
}

const asPath = (module: string | URL) =>
  module instanceof URL || module.startsWith("file:") ? fileURLToPath(module) : resolve(module);

/** The modules that `entries` (paths or file: URLs) run, and the packages those import. */
export function moduleGraph(entries: readonly (string | URL)[]): ModuleGraph {
  const modules: string[] = [];
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string, importedBy?: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!existsSync(file)) {
      throw new Error(importedBy ? `${importedBy}: imports ${file}, which is not there` : `${file} is not there`);
    }
    modules.push(file);
    for (const specifier of importedSpecifiers(readFileSync(file, "utf8"))) {
      if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("file:")) {
        visit(specifier.startsWith("file:") ? fileURLToPath(specifier) : resolve(dirname(file), specifier), file);
      } else if (!isBuiltin(specifier)) {
        const name = packageNameOf(specifier);
        if (!packages.has(name)) packages.set(name, installedVersion(name, dirname(file), file));
      }
    }
  };
  for (const entry of entries) visit(asPath(entry));
  return { modules, packages };
}

/**
 * A maker of cache keys for what `entries` draw: read once, now, so that the key says which code
 * is running (a module edited later is not the one in memory). Each key is a hash of every
 * module's bytes, the imported packages' versions and `inputs`: the data the artefact is made
 * of (its words, the design tokens it is drawn in, the fonts' versions), as JSON.
 */
export function cacheKeyFor(entries: readonly (string | URL)[]): (inputs: unknown) => string {
  const { modules, packages } = moduleGraph(entries);
  const code = createHash("sha256");
  // By content, not by path: the same code keys the same in any folder (a copy of the project, Netlify's).
  const digests = modules.map((file) => createHash("sha256").update(readFileSync(file)).digest("hex")).sort();
  for (const digest of digests) code.update(`${digest}\n`);
  for (const [name, version] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) code.update(`${name}@${version}\n`);
  const made = code.digest("hex");
  return (inputs) =>
    createHash("sha256")
      .update(made)
      .update(JSON.stringify(inputs) ?? "")
      .digest("hex");
}
