import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkArticles, checkWithSchema, formatProblem, type Problem } from "./content-check.ts";
import { inspectSource } from "./images.ts";
import { importFresh } from "./import-fresh.ts";
import { commentsSchema, daySchema, siteSchema, toolkitSchema, topicsSchema } from "./schemas.ts";

/** The typed data files in _data/ and the schema each must match. */
const dataFiles = {
  "site.ts": siteSchema,
  "day.ts": daySchema,
  "topics.ts": topicsSchema,
  "toolkit.ts": toolkitSchema,
} as const;

/**
 * Reads the project's content (articles/*.md, _data/*.ts, _data/comments/*.json) and
 * returns every problem with it; an empty list means the site can be built.
 */
export async function checkProjectContent(
  root: string,
  warn: (warning: Problem) => void = (warning) => console.warn(`Warning: ${formatProblem(warning)}`),
): Promise<Problem[]> {
  const problems: Problem[] = [];
  /** Every picture the content names, to be read the way the build reads it. */
  const pictures: { file: string; field: string; src: string }[] = [];

  let tags: string[] = [];
  for (const [name, schema] of Object.entries(dataFiles)) {
    const file = `_data/${name}`;
    let value: unknown;
    try {
      value = await importFresh(join(root, file));
    } catch (error) {
      problems.push({ file, field: "", message: `could not be loaded: ${(error as Error).message}` });
      continue;
    }
    const checked = checkWithSchema(file, value, schema, "shape" in schema ? Object.keys(schema.shape) : []);
    problems.push(...checked.problems);
    if (name === "topics.ts" && value && typeof value === "object") tags = Object.keys(value);
    if (name === "day.ts" && checked.problems.length === 0) {
      pictures.push({ file, field: "image.src", src: (value as { image: { src: string } }).image.src });
    }
  }

  const commentsDir = join(root, "_data/comments");
  for (const name of existsSync(commentsDir)
    ? (await readdir(commentsDir)).filter((n) => n.endsWith(".json")).sort()
    : []) {
    const file = `_data/comments/${name}`;
    try {
      problems.push(
        ...checkWithSchema(file, JSON.parse(await readFile(join(root, file), "utf8")), commentsSchema).problems,
      );
    } catch (error) {
      problems.push({ file, field: "", message: `is not valid JSON: ${(error as Error).message}` });
    }
  }

  const articleNames = (await readdir(join(root, "articles"))).filter((name) => name.endsWith(".md")).sort();
  const articles = await Promise.all(
    articleNames.map(async (name) => ({
      file: `articles/${name}`,
      source: await readFile(join(root, "articles", name), "utf8"),
    })),
  );
  const context = { tags, imageExists: (src: string) => existsSync(join(root, "static", src)) };
  const checked = checkArticles(articles, context);
  problems.push(...checked.problems);
  for (const [file, article] of checked.valid) {
    // A missing file is already reported by checkArticles.
    if (context.imageExists(article.image.src)) pictures.push({ file, field: "image.src", src: article.image.src });
  }

  // Each picture is decoded as the build would, once however many articles show it: a damaged
  // or unsupported file fails here, named for every file that uses it.
  const inspections = new Map<string, ReturnType<typeof inspectSource>>();
  const inspect = (src: string) => {
    if (!inspections.has(src)) inspections.set(src, inspectSource(join(root, "static", src), `static${src}`));
    return inspections.get(src) as ReturnType<typeof inspectSource>;
  };
  const reports = await Promise.all(pictures.map(async (picture) => ({ picture, report: await inspect(picture.src) })));
  for (const { picture, report } of reports) {
    if (report.problem) problems.push({ file: picture.file, field: picture.field, message: report.problem });
    if (report.warning) warn({ file: picture.file, field: picture.field, message: report.warning });
  }
  return problems;
}
