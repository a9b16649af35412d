import type { z } from "zod";
import { displayName } from "../site/people.ts";
import { entryField } from "../site/stored-entries.ts";
import { latestDate } from "../words/dates.ts";
import { type FrontMatter, FrontMatterError, readFrontMatter } from "./front-matter.ts";
import { createMarkdown } from "./markdown.ts";
import { scaffoldPlaceholderValues } from "./scaffold.ts";
import { type Article, articleSchema, describeValue, imageSchema, personSchema } from "./schemas.ts";
import { slugify } from "./slug.ts";

/** One thing wrong with one file, said so that a contributor can fix it. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem({ file, field, message }: Problem): string {
  return field ? `${file}: ${field}: ${message}` : `${file}: ${message}`;
}

/** An error that lists every problem, one line each, and shows no stack trace. */
export class ContentError extends Error {
  // Eleventy's error handler leaves the stack trace out for errors that set this.
  readonly skipOriginalStack = true;
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`The content has ${count}; nothing was written.\n${problems.map(formatProblem).join("\n")}`);
    // Eleventy names an error's class after its message ("… (via ContentError)") unless it is a plain Error.
    this.name = "Error";
    this.problems = problems;
  }
}

/** `people.0.name` as a contributor reads it: `people[0].name`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index > 0 ? "." : ""}${String(key)}`))
    .join("");
}

/**
 * Validates `value` with `schema`; each issue becomes a problem naming the file and the field. A
 * field the schema does not know gets the nearest known field at its depth as a suggestion
 * (`people[0].nmae: expected a known field (did you mean "name"?), got "nmae"`).
 */
export function checkWithSchema<Schema extends z.ZodType>(
  file: string,
  value: unknown,
  schema: Schema,
): { problems: Problem[]; value?: z.output<Schema> } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { problems: [], value: result.data };
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      const known = fieldsAt(schema, issue.path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, known);
        return {
          file,
          field: fieldPath([...issue.path, key]),
          message: `expected a known field${suggestion ? ` (did you mean "${suggestion}"?)` : ""}, got ${describeValue(key)}`,
        };
      });
    }
    // A key of a record the schema refuses (a tag, a language): the key's own schema says why.
    if (issue.code === "invalid_key")
      return issue.issues.map((inner) => ({
        file,
        field: fieldPath(issue.path),
        message: withGot(inner.message, issue.path.at(-1)),
      }));
    // A missing field: the field's own words when it has them ("expected a title …, got nothing").
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const message = missing
      ? issue.message.startsWith("expected ")
        ? withGot(issue.message, undefined)
        : `expected ${expectedKind[issue.expected] ?? "a value"}, got nothing`
      : issue.message;
    return [{ file, field: fieldPath(issue.path), message }];
  });
  return { problems };
}

/** What a missing field should have held, in a contributor's words, by zod's name for its type. */
const expectedKind: Record<string, string> = {
  object: "a group of fields",
  array: "a list",
  string: "text",
  number: "a number",
  boolean: "true or false",
};

/** A schema's "expected …" with what was there, when the schema's words do not say it. */
function withGot(expected: string, got: unknown): string {
  return expected.includes(", got ") ? expected : `${expected}, got ${describeValue(got)}`;
}

/** The definition zod keeps of a schema: the parts of it this module walks through. */
interface SchemaDefinition {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}
const definitionOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDefinition;

/** The schema itself, out of what only wraps it (optional, nullable, a default, a transform's input). */
function unwrapped(schema: z.ZodType): z.ZodType {
  const inner = definitionOf(schema).innerType ?? definitionOf(schema).in;
  return inner === undefined ? schema : unwrapped(inner);
}

/** The fields of the group of fields at `path` in `schema` (`["people", 0]`: a person's), or none. */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = unwrapped(schema);
  for (const key of path) {
    const definition: SchemaDefinition = definitionOf(current);
    const next: z.ZodType | undefined =
      definition.type === "object" ? definition.shape?.[String(key)] : (definition.element ?? definition.valueType);
    if (next === undefined) return [];
    current = unwrapped(next);
  }
  return Object.keys(definitionOf(current).shape ?? {});
}

export interface ArticleContext {
  /** The tags an article may use. */
  tags: readonly string[];
  /** Whether a site path such as /images/a.svg has a file behind it, reached through no symlink. */
  imageExists: (src: string) => boolean;
  /** The build's clock: an article dated after the day after it is not published yet. */
  now: Date;
  /** Why the social card cannot draw `text` (a title is bold, a name regular), if it cannot. */
  cardTextProblem?: (text: string, weight: 400 | 700) => string | undefined;
}

/**
 * The site path a picture's address names (`/images/caf%C3%A9.png` is `/images/café.png`), as the
 * build reads the file; undefined for an address that cannot be decoded. Decoded once, here, for
 * the check and the build alike: `%2e%2e` is `..` to both.
 */
export function decodedImagePath(src: string): string | undefined {
  try {
    return decodeURIComponent(src);
  } catch {
    return undefined;
  }
}

/** A site path of a picture that stays in /images/: no `..`, `.` or empty segment on the way. */
export function isContainedImagePath(src: string): boolean {
  if (!src.startsWith("/images/")) return false;
  return src
    .slice(1)
    .split("/")
    .every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/**
 * The pictures an entry shows, its `image.src` and those of its Markdown body (`![…](/images/…)`,
 * each named by its line): those outside static/images/ or missing are problems, the others are
 * the pictures to decode as the build will.
 */
export function shownPictureProblems(
  file: string,
  { data, body, bodyLine }: FrontMatter,
  imageExists: (src: string) => boolean,
): { problems: Problem[]; pictures: ShownPicture[] } {
  const imageSrc = validField(imageSchema.shape.src, entryField(data.image, "src"));
  const problems: Problem[] = [];
  const pictures: ShownPicture[] = [];
  if (imageSrc !== undefined && !isContainedImagePath(imageSrc)) {
    problems.push({
      file,
      field: "image.src",
      message: `expected a path inside /images/ with no .. in it, got ${describeValue(imageSrc)}`,
    });
  } else if (imageSrc !== undefined && !imageExists(imageSrc)) {
    problems.push({ file, field: "image.src", message: `expected a file at static${imageSrc}, got nothing` });
  } else if (imageSrc !== undefined) {
    pictures.push({ field: "image.src", src: imageSrc });
  }
  for (const picture of bodyPictures(body, bodyLine)) {
    const field = `body (line ${picture.line})`;
    if (!isContainedImagePath(picture.src)) {
      problems.push({
        file,
        field,
        message: `expected a picture from static/images/, written /images/…, got ${describeValue(picture.src)}`,
      });
    } else if (!imageExists(picture.src)) {
      problems.push({ file, field, message: `expected a file at static${picture.src}, got nothing` });
    } else {
      pictures.push({ field, src: picture.src });
    }
  }
  return { problems, pictures };
}

/** The name the home page goes by among pages (`_data/comments/home.json`): no article may take it. */
export const homePageName = "home";

/** A picture an article shows, at `field` of its file: one to decode as the build will. */
export interface ShownPicture {
  field: string;
  src: string;
}

/** The value of one field of `data` as `schema` reads it, whatever is wrong with the others; undefined if it is wrong too. */
function validField<Schema extends z.ZodType>(schema: Schema, data: unknown): z.output<Schema> | undefined {
  const result = schema.safeParse(data);
  return result.success ? result.data : undefined;
}

/**
 * Everything wrong with one article file, every problem at once: a misspelled field hides no
 * missing picture, and no field's mistake hides another's. With the article when it is valid,
 * and the pictures it shows that are there, to be decoded as the build will.
 */
export function checkArticle(
  file: string,
  source: string,
  context: ArticleContext,
): { problems: Problem[]; value?: Article; pictures: ShownPicture[] } {
  let parsed: FrontMatter;
  try {
    parsed = readFrontMatter(source);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return { problems: [{ file, field: "front matter", message: error.message }], pictures: [] };
  }
  const data = parsed.data;
  const { problems, value } = checkWithSchema(file, data, articleSchema);
  const pictures: ShownPicture[] = [];
  for (const [index, tag] of (Array.isArray(data.tags) ? data.tags : []).entries()) {
    if (typeof tag === "string" && !context.tags.includes(tag)) {
      const suggestion = closest(tag, context.tags);
      problems.push({
        file,
        field: `tags[${index}]`,
        message: suggestion
          ? `expected a tag of _data/topics.ts (did you mean "${suggestion}"?), got ${describeValue(tag)}`
          : `expected one of the tags ${context.tags.join(", ")}, got ${describeValue(tag)}`,
      });
    }
  }
  if (parsed.body.trim() === "") {
    problems.push({
      file,
      field: "body",
      message: "expected a paragraph or more of text after the front matter, got nothing",
    });
  }
  const shown = shownPictureProblems(file, parsed, context.imageExists);
  problems.push(...shown.problems);
  pictures.push(...shown.pictures);
  // The social card draws the title and the people's names: each character must be in its typefaces.
  const cardText = (field: string, text: string | undefined, weight: 400 | 700) => {
    const message = text === undefined ? undefined : context.cardTextProblem?.(text, weight);
    if (message !== undefined) problems.push({ file, field, message });
  };
  cardText("title", validField(articleSchema.shape.title, data.title), 700);
  (Array.isArray(data.people) ? data.people : []).forEach((person, index) => {
    const valid = validField(personSchema, person);
    cardText(`people[${index}]`, valid && displayName(valid), 400);
  });
  if (data.draft !== true) {
    const date = validField(articleSchema.shape.date, data.date);
    if (date !== undefined && date > latestDate(context.now)) {
      problems.push({
        file,
        field: "date",
        message: `expected a date no later than ${latestDate(context.now).toISOString().slice(0, 10)}, got ${describeValue(date)}; to keep an article unpublished until its day, add draft: true`,
      });
    }
    problems.push(...placeholderProblems(file, data, parsed.body));
  }
  return { problems, ...(value === undefined ? {} : { value }), pictures };
}

/** The pictures a Markdown body shows, with the file's line each is on. */
export function bodyPictures(body: string, bodyLine: number): { src: string; line: number }[] {
  const pictures: { src: string; line: number }[] = [];
  // Markdown writes every picture "![…", inline or by reference: a body without one has none to parse for.
  if (!body.includes("![")) return pictures;
  for (const token of markdownForChecks.parse(body, {})) {
    for (const child of token.children ?? []) {
      if (child.type === "image") {
        // markdown-it writes addresses percent-encoded: the file is what they decode to.
        const written = String(child.attrGet("src") ?? "");
        pictures.push({ src: decodedImagePath(written) ?? written, line: bodyLine + (token.map?.[0] ?? 0) });
      }
    }
  }
  return pictures;
}
const markdownForChecks = createMarkdown();

/** The fields of a published article still holding the text `npm run new:article` wrote. */
function placeholderProblems(file: string, data: Record<string, unknown>, body: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string" && scaffoldPlaceholderValues.has(value.trim())) {
      problems.push({
        file,
        field: fieldPath(path),
        message: `expected the article's own words, got the placeholder ${describeValue(value.trim())} from npm run new:article`,
      });
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value))
        walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  walk(data, []);
  if (scaffoldPlaceholderValues.has(body.trim())) {
    problems.push({
      file,
      field: "body",
      message: "expected the article's own teaser, got the placeholder text from npm run new:article",
    });
  }
  return problems;
}

/**
 * Every problem of every article, and the addresses two files would both be written to;
 * with the front matter of each valid article, by file, and the pictures the articles show.
 */
export function checkArticles(
  files: readonly { file: string; source: string }[],
  context: ArticleContext,
): { problems: Problem[]; valid: Map<string, Article>; pictures: (ShownPicture & { file: string })[] } {
  const problems: Problem[] = [];
  const valid = new Map<string, Article>();
  const pictures: (ShownPicture & { file: string })[] = [];
  const fileForSlug = new Map<string, string>();
  for (const { file, source } of files) {
    const checked = checkArticle(file, source, context);
    problems.push(...checked.problems);
    if (checked.value) valid.set(file, checked.value);
    pictures.push(...checked.pictures.map((picture) => ({ file, ...picture })));
    const stem = file.replace(/^.*\//, "").replace(/\.md$/, "");
    const slug = slugify(stem);
    if (stem !== slug) {
      problems.push({
        file,
        field: "file name",
        message: `expected a name of lower-case Latin letters a-z, digits and hyphens (it becomes the address), like ${slug || "my-article"}.md, got ${describeValue(`${stem}.md`)}${slug ? "" : "; npm run new:article -- --name my-article makes one"}`,
      });
    }
    if (slug === homePageName) {
      problems.push({
        file,
        field: "file name",
        message: `expected another name than "${homePageName}", the home page's own (its comments are _data/comments/${homePageName}.json)`,
      });
    }
    const other = fileForSlug.get(slug);
    if (other) {
      problems.push({ file, field: "file name", message: `gives the same address, /articles/${slug}/, as ${other}` });
    } else {
      fileForSlug.set(slug, file);
    }
  }
  return { problems, valid, pictures };
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
