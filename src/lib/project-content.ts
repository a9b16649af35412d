import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkArticles, checkWithSchema, type Problem } from "./content-check.ts";
import { importFresh } from "./import-fresh.ts";
import { commentsSchema, daySchema, siteSchema, topicsSchema } from "./schemas.ts";

/** The typed data files in _data/ and the schema each must match. */
const dataFiles = { "site.ts": siteSchema, "day.ts": daySchema, "topics.ts": topicsSchema } as const;

/**
 * Reads the project's content (articles/*.md, _data/*.ts, _data/comments/*.json) and
 * returns every problem with it; an empty list means the site can be built.
 */
export async function checkProjectContent(root: string): Promise<Problem[]> {
  const problems: Problem[] = [];

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
  problems.push(...checkArticles(articles, { tags, imageExists: (src) => existsSync(join(root, "static", src)) }));
  return problems;
}
