import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  FrontMatterError,
  frontMatterEngines,
  parseYamlData,
  readFrontMatter,
} from "../../src/lib/content/front-matter.ts";

// Eleventy's own copy of gray-matter, given the project's engines exactly as eleventy.config.ts gives them.
const eleventyRequire = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const matter = eleventyRequire("gray-matter") as (
  source: string,
  options: { language: string; engines: ReturnType<typeof frontMatterEngines> },
) => { data: Record<string, unknown> };
const eleventyParse = (source: string) => matter(source, { language: "yaml", engines: frontMatterEngines() }).data;

const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
};

describe("readFrontMatter", () => {
  it("splits a file into its fields and its body, and says where the body starts", () => {
    const parsed = readFrontMatter("---\ntitle: A\ntags: [x, y]\n---\nThe body.\n");
    expect(parsed).toEqual({ data: { title: "A", tags: ["x", "y"] }, body: "The body.\n", bodyLine: 5 });
  });

  it("refuses every opener that names an engine", () => {
    for (const opener of ["---js", "---javascript", "---json", "---yaml", "--- coffee"]) {
      expect(() => readFrontMatter(`${opener}\n{}\n---\nText`), opener).toThrow(FrontMatterError);
    }
  });

  it("reads a date the same quoted or not, and leaves an impossible one as the text written", () => {
    expect(parseYamlData("date: 2027-01-17")).toEqual(parseYamlData('date: "2027-01-17"'));
    expect(parseYamlData("date: 2027-01-17").date).toEqual(new Date("2027-01-17T00:00:00Z"));
    expect(parseYamlData("date: 2025-02-30").date).toBe("2025-02-30");
  });

  it("builds no object from a YAML tag and refuses aliases, which can make text that expands without end", () => {
    expect(messageOf(() => parseYamlData("a: !!js/function 'function () {}'"))).toBe(
      "line 2: YAML tags (!!…) are not allowed: write plain text, numbers, lists and fields",
    );
    expect(messageOf(() => parseYamlData("a: &x [1, 2]\nb: [*x, *x]"))).toBe(
      "YAML aliases (*name) are not allowed: write each value out",
    );
  });

  it("says what is wrong in plain words, on the file's own line", () => {
    expect(messageOf(() => parseYamlData("title: ok\nsummary: Mentoring: a story"))).toBe(
      'line 3: a value with a colon in it must be in quotes, like title: "Mentoring: a story"',
    );
    expect(messageOf(() => parseYamlData('title: "open\nsummary: x\npeople: []'))).toBe(
      'line 2: a quotation mark (") is opened and never closed',
    );
    expect(messageOf(() => parseYamlData("title: x\ntitle: y"))).toBe('line 3: the field "title" is written twice');
    // A " inside single quotes is no unclosed quotation mark: the problem is where YAML says.
    expect(messageOf(() => parseYamlData("quote: 'He said \"hi'\ntitle: x\n\tsummary: y"))).toMatch(/^line 4: /);
    expect(messageOf(() => parseYamlData("tags: [a, b\nx: 1"))).toMatch(/^line \d: a list in \[ \] is not closed/);
  });
});

describe("Eleventy's front matter, with the project's engines", () => {
  it("reads YAML with the check's own parser", () => {
    expect(eleventyParse('---\ntitle: A\ndate: "2027-01-17"\n---\nText')).toEqual({
      title: "A",
      date: new Date("2027-01-17T00:00:00Z"),
    });
  });

  it("runs no JavaScript front matter, and names why", () => {
    let ran = false;
    (globalThis as { markFrontMatterRan?: () => void }).markFrontMatterRan = () => {
      ran = true;
    };
    for (const engine of ["js", "javascript", "node", "json", "coffee", "toml"]) {
      const source = `---${engine}\n{ title: globalThis.markFrontMatterRan() }\n---\nText`;
      expect(() => eleventyParse(source), engine).toThrow(/other engines are refused/);
    }
    expect(() => eleventyParse("---python\ntitle: 'x'\n---\nText")).toThrow(/not registered/);
    expect(ran).toBe(false);
  });
});
