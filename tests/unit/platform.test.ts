import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/project.ts";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  engines: { node: string };
  devEngines: { runtime: { name: string; version: string; onFail: string } };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("the Node version", () => {
  const lts = read(".nvmrc").trim();

  it("is one LTS major, named alike by .nvmrc, engines, devEngines, Netlify and CI", () => {
    expect(lts).toMatch(/^\d+$/);
    expect(Number(lts) % 2, "an even major is an LTS line").toBe(0);
    expect(packageJson.engines.node).toBe(`>=${lts}`);
    // devEngines makes npm itself refuse an older Node, with a message naming the version.
    expect(packageJson.devEngines.runtime).toEqual({ name: "node", version: `>=${lts}`, onFail: "error" });
    expect(read("netlify.toml")).toMatch(new RegExp(`^\\s*NODE_VERSION = "${lts}"$`, "m"));
    const matrix = /node: \[([^\]]+)\]/.exec(read(".github/workflows/ci.yml"))?.[1]?.split(/,\s*/);
    expect(matrix).toEqual([lts, String(Number(lts) + 2)]);
    expect(read(".github/workflows/ci.yml")).toContain("bash .ci/run");
  });

  it("runs the project's TypeScript itself: no script goes through tsx", () => {
    expect(Object.keys(packageJson.devDependencies)).not.toContain("tsx");
    expect(Object.values(packageJson.scripts).join("\n")).not.toMatch(/\btsx\b/);
  });
});

describe("the documentation", () => {
  for (const file of ["README.md", "CONTRIBUTING.md", ".github/pull_request_template.md"]) {
    it(`${file} names only npm scripts that exist`, () => {
      const named = [...read(file).matchAll(/npm run ([\w:-]*\w)/g)].map(([, script]) => script ?? "");
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((script) => !Object.hasOwn(packageJson.scripts, script))).toEqual([]);
    });
  }

  it("tells contributors to run the content check, which the pull request template lists too", () => {
    expect(packageJson.scripts["check:content"]).toBeDefined();
    expect(read("CONTRIBUTING.md")).toContain("npm run check:content");
    expect(read(".github/pull_request_template.md")).toContain("- [ ] `npm run check:content`");
  });
});
