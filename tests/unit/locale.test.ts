import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import en from "../../_data/locales/en.ts";
import { checkWithSchema, formatProblem } from "../../src/lib/content-check.ts";
import { chooseLocale, compareText, formatNumber, localeCandidates, localeSchema, say } from "../../src/lib/locale.ts";
import { buildSite, copyProject, projectRoot } from "../../tools/fixtures/project.ts";
import es from "../fixtures/locale-es.ts";

describe("choosing the locale for the site's language", () => {
  it("takes the exact tag first, then its base language", () => {
    expect(localeCandidates("en-GB")).toEqual(["en-GB", "en"]);
    expect(localeCandidates("es")).toEqual(["es"]);
    expect(chooseLocale("en-GB", ["en", "es"])).toBe("en");
    expect(chooseLocale("pt-BR", ["pt", "pt-BR"])).toBe("pt-BR");
    expect(chooseLocale("pt-PT", ["pt-BR"])).toBeUndefined();
  });
});

describe("say", () => {
  it("fills the placeholders", () => {
    expect(say("About {name}", { name: "World Kindness Day" }, "en-GB")).toBe("About World Kindness Day");
    expect(say("{a} and {a}", { a: "x" }, "en-GB")).toBe("x and x");
  });

  it("takes the plural form the language has for the count", () => {
    expect(say(en.nextDate.inDays, { count: 1 }, "en-GB")).toBe("(in 1 day)");
    expect(say(en.nextDate.inDays, { count: 52 }, "en-GB")).toBe("(in 52 days)");
    const polish = { one: "{count} dzień", few: "{count} dni (few)", many: "{count} dni", other: "{count} dnia" };
    expect([1, 3, 5, 22, 25].map((count) => say(polish, { count }, "pl"))).toEqual([
      "1 dzień",
      "3 dni (few)",
      "5 dni",
      "22 dni (few)",
      "25 dni",
    ]);
    // A language without a `one` category (Japanese) uses `other`, even for one.
    expect(say({ one: "unused", other: "{count}日後" }, { count: 1 }, "ja")).toBe("1日後");
  });

  it("writes numbers as the language does", () => {
    expect(say("{count} comments", { count: 12345 }, "en-GB")).toBe("12,345 comments");
    expect(say("{count} comentarios", { count: 12345 }, "es-ES")).toBe("12.345 comentarios");
    expect(formatNumber(1234.5, "fr-FR")).toBe("1\u202f234,5");
  });

  it("never leaves a placeholder unfilled, nor a count missing", () => {
    expect(() => say("About {name}", {}, "en-GB")).toThrow('expected a value for {name} in "About {name}", got none');
    expect(() => say(en.comments.count, {}, "en-GB")).toThrow(/expected a count/);
  });
});

describe("compareText", () => {
  it("sorts names as the language does", () => {
    const names = ["Zoë", "Ångström", "Åsa", "Ada", "émile", "Eva"];
    expect([...names].sort(compareText("en-GB"))).toEqual(["Ada", "Ångström", "Åsa", "émile", "Eva", "Zoë"]);
    expect([...names].sort(compareText("sv-SE"))).toEqual(["Ada", "émile", "Eva", "Zoë", "Ångström", "Åsa"]);
  });
});

describe("a locale file", () => {
  const problems = (value: unknown) =>
    checkWithSchema("_data/locales/xx.ts", value, localeSchema).problems.map(formatProblem);

  it("is valid with every key: the English locale and the fixture's Spanish one", () => {
    expect(problems(en)).toEqual([]);
    expect(problems(es)).toEqual([]);
  });

  it("names each missing, empty or unknown key as a contributor reads it", () => {
    const { skipLink: _, ...withoutSkipLink } = en;
    expect(
      problems({ ...withoutSkipLink, related: "", extra: "x", nextDate: { ...en.nextDate, inDays: { one: "x" } } }),
    ).toEqual([
      "_data/locales/xx.ts: skipLink: is required but missing",
      "_data/locales/xx.ts: nextDate.inDays.other: is required but missing",
      "_data/locales/xx.ts: related: expected the words as text, got an empty text",
      "_data/locales/xx.ts: extra: is not a known field",
    ]);
  });
});

describe("the locale files of a project", () => {
  it("fail the content check, naming the file and the field, for a language without one, or one that lacks a word", async () => {
    const site = readFileSync(join(projectRoot, "_data/site.ts"), "utf8");
    const dir = await copyProject({
      "_data/site.ts": site.replace('const language = "en-GB";', 'const language = "fr-FR";'),
      "_data/locales/de.ts": 'export default { skipLink: "Zum Inhalt" };\n',
    });
    try {
      // npm run check:content, as a contributor runs it (the build runs the same check first).
      const run = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], { cwd: dir }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(run.code).toBe(1);
      const lines = run.stderr.split("\n");
      expect(lines).toContain(
        '_data/site.ts: language: expected a language with a locale file (_data/locales/fr-FR.ts or _data/locales/fr.ts), got "fr-FR", which has none (there are: de.ts, en.ts)',
      );
      expect(lines).toContain("_data/locales/de.ts: navigation: is required but missing");
      expect(lines.filter((line) => line.startsWith("_data/locales/en.ts"))).toEqual([]);
      // The build stops on the same line, before it writes anything.
      const build = await buildSite({ projectDir: dir, outputDir: join(dir, "_site") }).then(
        () => ({ stderr: "built" }),
        (error: { stderr: string }) => error,
      );
      expect(build.stderr).toContain("_data/site.ts: language: expected a language with a locale file");
      expect(existsSync(join(dir, "_site"))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
