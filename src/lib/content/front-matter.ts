import { CORE_SCHEMA, dump, load, type YAMLException } from "js-yaml";
import { parseDay } from "../words/dates.ts";
import { plainText } from "../words/plain-text.ts";

/**
 * Front matter is YAML and only YAML: one parser, used by the content check and handed to
 * Eleventy as its only front-matter engine, so no file can ask for an engine that runs code
 * (`---js`). YAML's core schema has no tags that build objects or run functions, and no
 * timestamps: a date is the text `2027-01-17` whether it is quoted or not, and becomes a date
 * here only if it is a real one (no 30 February), so the schema sees what the contributor wrote.
 */

/** The fields whose valid `YYYY-MM-DD` text becomes a Date at UTC midnight, as Eleventy expects. */
const dateFields = ["date", "updated"];

/** A problem with a file's front matter, said in plain words with the file's own line number. */
export class FrontMatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = "FrontMatterError";
    this.line = line;
  }
}

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** The file's line number of the body's first line. */
  bodyLine: number;
}

/**
 * Splits a file into its YAML front matter and its body. The file must start with a line that
 * is exactly `---`: `---js`, `---json` or any other opener names an engine, and is refused.
 */
export function readFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, "");
  const opener = /^(---)([^\r\n]*)\r?\n/.exec(text);
  if (!opener) throw new FrontMatterError("expected the file to start with --- and the front matter");
  if (opener[2]?.trim()) {
    throw new FrontMatterError(
      `expected the first line to be --- alone (front matter is YAML only), got ${JSON.stringify(`---${opener[2].trim()}`)}`,
      1,
    );
  }
  const rest = text.slice(opener[0].length);
  const closer = /^---[ \t]*$/m.exec(rest);
  if (!closer) throw new FrontMatterError("expected a line --- to close the front matter, got nothing");
  const yamlText = rest.slice(0, closer.index);
  const bodyStart = closer.index + closer[0].length;
  const linesBefore = (part: string) => part.split("\n").length - 1;
  return {
    data: parseYamlData(yamlText),
    body: rest.slice(bodyStart).replace(/^\r?\n/, ""),
    bodyLine: 2 + linesBefore(rest.slice(0, bodyStart)) + 1,
  };
}

/** YAML text to data (the lines are numbered as in a file whose line 1 is the opening `---`). */
export function parseYamlData(yamlText: string): Record<string, unknown> {
  if (yamlText.trim() === "") return {};
  let data: unknown;
  try {
    data = load(yamlText, { schema: CORE_SCHEMA });
  } catch (error) {
    throw plainYamlError(error as YAMLException, yamlText);
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterError("expected fields written `name: value`, one a line", 2);
  }
  if (sharesAValue(data)) {
    // An alias repeats a value by reference; a few nested ones make text that expands without end.
    throw new FrontMatterError("YAML aliases (*name) are not allowed: write each value out", 2);
  }
  const fields = plainStrings(data) as Record<string, unknown>;
  for (const field of dateFields) {
    const value = fields[field];
    const day = typeof value === "string" ? parseDay(value) : undefined;
    if (day !== undefined) fields[field] = day;
  }
  return fields;
}

/**
 * Every text of the front matter as pages, feeds and cards show it (plainText: no bidi control or
 * invisible character of no use), read so here for the check and the build alike.
 */
function plainStrings(value: unknown): unknown {
  if (typeof value === "string") return plainText(value);
  if (Array.isArray(value)) return value.map(plainStrings);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainStrings(inner)]));
  return value;
}

/** Whether one list or group of fields appears twice in `value` (only an alias can do that). */
function sharesAValue(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (seen.has(value)) return true;
  seen.add(value);
  return Object.values(value).some((inner) => sharesAValue(inner, seen));
}

/** A js-yaml error as a contributor can act on it: what to change, on which line of the file. */
function plainYamlError(error: YAMLException, yamlText: string): FrontMatterError {
  const reason = error.reason ?? error.message;
  const yamlLine = error.mark?.line ?? 0;
  const lines = yamlText.split("\n");
  const fileLine = (index: number) => index + 2;
  const lineText = lines[yamlLine] ?? "";

  // An unclosed quotation mark is the commonest mistake, and YAML reports it lines later.
  // A " inside a single-quoted value ('He said "hi') is only a character: those values are left out.
  const doubleQuotes = (line: string) => (line.replace(/'[^']*'/g, "").match(/(?<!\\)"/g) ?? []).length;
  const unclosed = lines.slice(0, yamlLine + 1).findIndex((line) => doubleQuotes(line) % 2 === 1);
  if (unclosed !== -1 || /within a double quoted scalar/.test(reason)) {
    const at = unclosed === -1 ? yamlLine : unclosed;
    return new FrontMatterError(`line ${fileLine(at)}: a quotation mark (") is opened and never closed`, fileLine(at));
  }
  const unclosedList = lines
    .slice(0, yamlLine + 1)
    .findIndex((line) => (line.match(/\[/g) ?? []).length > (line.match(/\]/g) ?? []).length);
  if (unclosedList !== -1) {
    return new FrontMatterError(
      `line ${fileLine(unclosedList)}: a list in [ ] is not closed with ], or misses a comma between its entries`,
      fileLine(unclosedList),
    );
  }
  if (reason.startsWith("bad indentation of a mapping entry")) {
    const value = /^\s*[^:#]+:\s(.*)$/.exec(lineText)?.[1] ?? "";
    if (/^'.*'.+/.test(value.trim()) || /^".*".+/.test(value.trim())) {
      return new FrontMatterError(
        `line ${fileLine(yamlLine)}: a value with a quotation mark inside it must be in the other kind of quotes, like "it's"`,
        fileLine(yamlLine),
      );
    }
    if (/:\s/.test(value)) {
      return new FrontMatterError(
        `line ${fileLine(yamlLine)}: a value with a colon in it must be in quotes, like title: "Mentoring: a story"`,
        fileLine(yamlLine),
      );
    }
  }
  const plain: [RegExp, string][] = [
    [/indentation/, "the spaces at the start of this line do not line up with the lines above it"],
    [/^tab characters/, "indent with spaces, not tabs"],
    [/^duplicated mapping key/, `the field ${JSON.stringify(lineText.split(":")[0]?.trim())} is written twice`],
    [/^unknown .*tag/, "YAML tags (!!…) are not allowed: write plain text, numbers, lists and fields"],
    [/alias/, "YAML aliases (*name) are not allowed: write the value out"],
  ];
  const words = plain.find(([pattern]) => pattern.test(reason))?.[1] ?? `is not valid YAML (${reason})`;
  return new FrontMatterError(`line ${fileLine(yamlLine)}: ${words}`, fileLine(yamlLine));
}

/** The engines Eleventy may use for front matter: YAML, and every other name refused. */
export function frontMatterEngines(): Record<string, (text: string) => unknown> {
  const refuse = () => {
    throw new FrontMatterError("expected YAML front matter (a first line --- alone): other engines are refused");
  };
  return {
    yaml: parseYamlData,
    yml: parseYamlData,
    js: refuse,
    javascript: refuse,
    jsLegacy: refuse,
    json: refuse,
    node: refuse,
    toml: refuse,
    coffee: refuse,
  };
}

/**
 * A Markdown file with `data` as its YAML front matter and `body` after it, written so that
 * `readFrontMatter` reads back exactly `data` (text that YAML would read as something else is
 * quoted): what the importer writes for a form's event or programme.
 */
export function frontMatterText(data: Record<string, unknown>, body: string): string {
  const yaml = dump(data, { schema: CORE_SCHEMA, noRefs: true });
  return `---\n${yaml}---\n${body.trim()}\n`;
}
