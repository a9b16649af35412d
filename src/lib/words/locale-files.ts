// Reads the locale files in _data/locales/ (a module whose job is files): which exist, whether each
// has every word, and the one the site's language picks (src/lib/words/locale.ts chooses).
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { importFresh } from "../build/import-fresh-files.ts";
import { ContentError, checkWithSchema, type Problem } from "../content/check.ts";
import { describeValue } from "../content/schemas.ts";
import { chooseLocale, type Locale, localeCandidates, localeSchema } from "./locale.ts";

export const localeFolder = "_data/locales";

/** The language the site is written in, and its words. */
export interface SiteLocale {
  language: string;
  words: Locale;
}

/** The tags of the locale files there are: `en` for _data/locales/en.ts. */
export async function localeTags(root: string): Promise<string[]> {
  const folder = join(root, localeFolder);
  if (!existsSync(folder)) return [];
  return (await readdir(folder))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => name.slice(0, -".ts".length))
    .sort();
}

/** A locale file read and checked: every key there, each the words as text. */
async function readLocale(root: string, tag: string): Promise<{ problems: Problem[]; words?: Locale }> {
  const file = `${localeFolder}/${tag}.ts`;
  try {
    const { problems, value } = checkWithSchema(file, await importFresh(join(root, file)), localeSchema);
    return value ? { problems, words: value } : { problems };
  } catch (error) {
    return { problems: [{ file, field: "", message: `could not be loaded: ${(error as Error).message}` }] };
  }
}

/** What is wrong with the locale files: any that lacks a word, and none for `language`. */
export async function localeProblems(root: string, language: string): Promise<Problem[]> {
  const tags = await localeTags(root);
  const problems = (await Promise.all(tags.map((tag) => readLocale(root, tag)))).flatMap((read) => read.problems);
  if (chooseLocale(language, tags) === undefined) problems.push(missingLocale(language, tags));
  return problems;
}

function missingLocale(language: string, tags: readonly string[]): Problem {
  const files = localeCandidates(language).map((tag) => `${localeFolder}/${tag}.ts`);
  return {
    file: "_data/site.ts",
    field: "language",
    message: `expected a language with a locale file (${files.join(" or ")}), got ${describeValue(language)}, which has none (there are: ${tags.map((tag) => `${tag}.ts`).join(", ") || "none"})`,
  };
}

/** The site's language (from _data/site.ts) and its words; a ContentError when they cannot be had. */
export async function loadSiteLocale(root: string): Promise<SiteLocale> {
  const site = (await importFresh(join(root, "_data/site.ts"))) as { language?: unknown };
  const language = typeof site.language === "string" ? site.language : "";
  const tags = await localeTags(root);
  const tag = chooseLocale(language, tags);
  if (tag === undefined) throw new ContentError([missingLocale(language, tags)]);
  const { problems, words } = await readLocale(root, tag);
  if (!words) throw new ContentError(problems);
  return { language, words };
}
