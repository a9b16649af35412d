import { execFile } from "node:child_process";
import { utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

/**
 * What `script` prints, run by Node itself with importFresh as `importFresh`: data files are
 * TypeScript that Node runs by stripping their types, as the build does (Vitest's own loader reads
 * a file with a query in its address as something else).
 */
async function inNode(script: string): Promise<string> {
  const module = pathToFileURL(join(projectRoot, "src/lib/build/import-fresh-files.ts")).href;
  const { stdout } = await promisify(execFile)(process.execPath, [
    "--input-type=module",
    "-e",
    `import { importFresh } from ${JSON.stringify(module)};\n${script}`,
  ]);
  return stdout.trim();
}

describe("importFresh", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await temporaryDir("imd-import-fresh-");
    await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  });

  it("gives a TypeScript data file's default export", async () => {
    const file = join(dir, "site.ts");
    await writeFile(file, 'const site: { name: string } = { name: "First" };\nexport default site;\n');
    expect(await inNode(`console.log(JSON.stringify(await importFresh(${JSON.stringify(file)})));`)).toBe(
      '{"name":"First"}',
    );
  });

  it("reads the file again once it has changed, as `npm start` needs after an edit, and keeps it while it has not", async () => {
    const file = join(dir, "day.ts");
    await writeFile(file, "export default { month: 1, made: Math.random() };\n");
    await utimes(file, new Date("2027-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    const printed = await inNode(`
      const file = ${JSON.stringify(file)};
      const first = await importFresh(file);
      const again = await importFresh(file);
      const { writeFile, utimes } = await import("node:fs/promises");
      await writeFile(file, "export default { month: 11 };\\n");
      await utimes(file, new Date("2027-01-02T00:00:00Z"), new Date("2027-01-02T00:00:00Z"));
      const edited = await importFresh(file);
      console.log(JSON.stringify({ same: first === again, first: first.month, edited: edited.month }));
    `);
    expect(JSON.parse(printed)).toEqual({ same: true, first: 1, edited: 11 });
  });

  it("says so when a data file has no default export", async () => {
    const file = join(dir, "named.ts");
    await writeFile(file, "export const site = {};\n");
    expect(
      await inNode(`await importFresh(${JSON.stringify(file)}).catch((error) => console.log(error.message));`),
    ).toBe(`${file}: expected a default export with the data`);
  });
});
