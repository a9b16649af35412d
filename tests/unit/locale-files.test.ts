import { execFile } from "node:child_process";
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../../_data/locales/en.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

/** A project of its own: `_data/site.ts` in `language`, the real English locale, and `locales` written as given. */
async function project(language: string, locales: Record<string, string> = {}): Promise<string> {
  const dir = await temporaryDir("imd-locale-files-");
  await mkdir(join(dir, "_data/locales"), { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(join(dir, "_data/site.ts"), `export default { language: ${JSON.stringify(language)} };\n`);
  await cp(join(projectRoot, "_data/locales/en.ts"), join(dir, "_data/locales/en.ts"));
  for (const [tag, text] of Object.entries(locales)) await writeFile(join(dir, `_data/locales/${tag}.ts`), text);
  return dir;
}

/**
 * What a function of locale-files.ts gives for `dir`, run by Node itself as the build runs it (the
 * locale files are TypeScript read again on every build, which Vitest's own loader does not do):
 * its value, or the problems of the ContentError it throws, one `file: field: message` line each.
 */
async function inNode(
  call: "loadSiteLocale" | "localeProblems" | "localeTags",
  dir: string,
  language?: string,
): Promise<{ value?: unknown; problems?: string[] }> {
  const module = pathToFileURL(join(projectRoot, "src/lib/words/locale-files.ts")).href;
  const script = `
    import { ${call} } from ${JSON.stringify(module)};
    const line = ({ file, field, message }) => file + ": " + field + ": " + message;
    try {
      const value = await ${call}(${JSON.stringify(dir)}, ${JSON.stringify(language)});
      console.log(JSON.stringify({ value: Array.isArray(value) && value[0]?.file ? value.map(line) : value }));
    } catch (error) {
      if (!error.problems) throw error;
      console.log(JSON.stringify({ problems: error.problems.map(line) }));
    }
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

describe("the locale files", () => {
  let english: string;
  beforeAll(async () => {
    english = await project("en-GB");
  });

  it("are named by their tags", async () => {
    expect(await inNode("localeTags", english)).toEqual({ value: ["en"] });
    const three = await project("en", { "pt-BR": "export default {};\n", es: "export default {};\n" });
    expect(await inNode("localeTags", three)).toEqual({ value: ["en", "es", "pt-BR"] });
    expect(await inNode("localeTags", join(english, "no-such-project"))).toEqual({ value: [] });
  });

  it("give the site's language its words: the exact tag's file first, then its base language's", async () => {
    expect(await inNode("loadSiteLocale", english)).toEqual({ value: { language: "en-GB", words: en } });
    const british = await project("en-GB", {
      "en-GB": `export default ${JSON.stringify({ ...en, skipLink: "Skip it" })};\n`,
    });
    expect(await inNode("loadSiteLocale", british)).toEqual({
      value: { language: "en-GB", words: { ...en, skipLink: "Skip it" } },
    });
  });

  it("stop the build when no file serves the site's language, naming the files that would", async () => {
    expect(await inNode("loadSiteLocale", await project("fr-FR"))).toEqual({
      problems: [
        '_data/site.ts: language: expected a language with a locale file (_data/locales/fr-FR.ts or _data/locales/fr.ts), got "fr-FR", which has none (there are: en.ts)',
      ],
    });
  });

  it("stop the build when the chosen file lacks a word, naming the file and the word", async () => {
    const { skipLink: _, ...withoutSkip } = en;
    const spanish = await project("es", { es: `export default ${JSON.stringify(withoutSkip)};\n` });
    expect(await inNode("loadSiteLocale", spanish)).toEqual({
      problems: ["_data/locales/es.ts: skipLink: expected the words as text, got nothing"],
    });
  });

  it("are all checked, not only the chosen one, and one that cannot be loaded says so", async () => {
    const dir = await project("en-GB", { es: "export default {};\n", fr: "export default {\n" });
    const { value } = await inNode("localeProblems", dir, "en-GB");
    const problems = value as string[];
    expect(problems.some((line) => line.startsWith("_data/locales/es.ts: "))).toBe(true);
    expect(problems).toContainEqual(expect.stringMatching(/^_data\/locales\/fr\.ts: : could not be loaded: /));
    expect(problems.some((line) => line.startsWith("_data/locales/en.ts"))).toBe(false);
    expect(await inNode("localeProblems", english, "en-GB")).toEqual({ value: [] });
  });
});
