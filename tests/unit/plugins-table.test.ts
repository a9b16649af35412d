import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import { importedSpecifiers, packageNameOf } from "../../src/lib/build/cache-key-files.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

// src/plugins/README.md lists what every plugin registers. This registers the real plugins, as
// eleventy.config.ts does, into Eleventy's own configuration object, and holds the list to it.

/** What Eleventy's configuration holds, by kind: the names templates and Eleventy call. */
// biome-ignore lint/suspicious/noExplicitAny: Eleventy's configuration object has no types (see src/types/eleventy.d.ts).
type UserConfig = any;
const registered = (config: UserConfig): Map<string, Set<string>> =>
  new Map([
    [
      "filter",
      new Set([
        ...Object.keys(config.universal.filters),
        ...Object.keys(config.nunjucks.filters),
        ...Object.keys(config.nunjucks.asyncFilters),
      ]),
    ],
    [
      "shortcode",
      new Set([
        ...Object.keys(config.universal.shortcodes),
        ...Object.keys(config.universal.pairedShortcodes),
        ...Object.keys(config.nunjucks.shortcodes),
        ...Object.keys(config.nunjucks.asyncShortcodes),
      ]),
    ],
    ["collection", new Set(Object.keys(config.collections))],
    ["global data", new Set(Object.keys(config.globalData))],
    ["transform", new Set(Object.keys(config.transforms))],
    ["preprocessor", new Set(Object.keys(config.preprocessors))],
  ]);
const events = ["eleventy.before", "eleventy.contentMap", "eleventy.after"];

/** A plugin as the table names it: its file in src/plugins/ (`socialCards` is social-cards.ts), or eleventy.config.ts for Eleventy's own. */
function pluginFile(name: string): string {
  const file = `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.ts`;
  return existsSync(join(projectRoot, "src/plugins", file)) ? file : "eleventy.config.ts";
}

/** The names of the plugins eleventy.config.ts registers, read by calling it with a configuration that only listens. */
async function pluginsOfTheConfig(): Promise<Set<string>> {
  const { default: configure } = (await import(pathToFileURL(join(projectRoot, "eleventy.config.ts")).href)) as {
    default: (config: unknown) => void;
  };
  const names = new Set<string>();
  const listening: unknown = new Proxy(
    {},
    {
      get: (_, property) =>
        property === "addPlugin"
          ? (plugin: { name: string }) => names.add(plugin.name)
          : property === "ignores"
            ? { add: () => {} }
            : () => {},
    },
  );
  configure(listening);
  return names;
}

/** Each row of the table: `name|kind|plugin`, and what it says is behind it. */
function tableRows(): Map<string, string> {
  const table = readFileSync(join(projectRoot, "src/plugins/README.md"), "utf8");
  const rows = new Map<string, string>();
  for (const [, name, kind, plugin, behind = ""] of table.matchAll(
    /^\| `([^`]+)` \| ([a-z ]+) \| `([^`]+)` \| (.*) \|$/gm,
  )) {
    const key = `${name}|${kind}|${plugin}`;
    expect(rows.has(key), `src/plugins/README.md lists ${key} twice`).toBe(false);
    rows.set(key, behind);
  }
  return rows;
}

describe("src/plugins/README.md", () => {
  /** `name|kind|plugin` of everything the project's plugins register in Eleventy's configuration. */
  const registrations = new Set<string>();

  beforeAll(async () => {
    const ours = await pluginsOfTheConfig();
    const eleventy = new Eleventy(projectRoot, await temporaryDir("imd-plugins-table-"), {
      configPath: join(projectRoot, "eleventy.config.ts"),
      quietMode: true,
      config(config: UserConfig) {
        // Eleventy runs each plugin of the configuration through _executePlugin: what it registers
        // while one runs (a plugin it adds in turn included) is that plugin's.
        const execute = config._executePlugin.bind(config);
        let running: string | undefined;
        config._executePlugin = (plugin: { name?: string }, options: unknown) => {
          const name = plugin.name ?? "";
          if (running !== undefined || !ours.has(name)) return execute(plugin, options);
          running = name;
          const before = registered(config);
          const listeners = events.map((event) => config.events.listenerCount(event) as number);
          const done = () => {
            for (const [kind, names] of registered(config)) {
              for (const added of names) {
                if (!before.get(kind)?.has(added)) registrations.add(`${added}|${kind}|${pluginFile(name)}`);
              }
            }
            events.forEach((event, index) => {
              if (config.events.listenerCount(event) > (listeners[index] ?? 0)) {
                registrations.add(`${event}|event|${pluginFile(name)}`);
              }
            });
            running = undefined;
          };
          const result = execute(plugin, options);
          if (result instanceof Promise) return result.finally(done);
          done();
          return result;
        };
      },
    });
    await eleventy.init();
    expect(registrations.size).toBeGreaterThan(40);
  });

  it("lists every filter, collection, global, transform, preprocessor and event the plugins register", () => {
    const listed = new Set(tableRows().keys());
    expect([...registrations].filter((registration) => !listed.has(registration)).sort()).toEqual([]);
  });

  it("lists nothing that no plugin registers", () => {
    expect([...tableRows().keys()].filter((row) => !registrations.has(row)).sort()).toEqual([]);
  });

  it("names, for each, modules of src/lib (or packages) that its plugin imports", () => {
    const wrong: string[] = [];
    for (const [row, behind] of tableRows()) {
      const plugin = row.split("|")[2] ?? "";
      const file =
        plugin === "eleventy.config.ts" ? join(projectRoot, plugin) : join(projectRoot, "src/plugins", plugin);
      const imports = importedSpecifiers(readFileSync(file, "utf8"));
      const modules = new Set(
        imports.filter((specifier) => specifier.startsWith(".")).map((specifier) => resolve(dirname(file), specifier)),
      );
      const packages = new Set(imports.filter((specifier) => !specifier.startsWith(".")).map(packageNameOf));
      const named = [...behind.matchAll(/`(src\/lib\/[\w/.-]+\.ts)`|(@11ty\/[\w-]+)/g)];
      if (named.length === 0 && !behind.startsWith("(")) wrong.push(`${row}: names no module`);
      for (const [, module, packageName] of named) {
        if (module && !modules.has(join(projectRoot, module)))
          wrong.push(`${row}: ${plugin} does not import ${module}`);
        if (packageName && !packages.has(packageName)) wrong.push(`${row}: ${plugin} does not import ${packageName}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
