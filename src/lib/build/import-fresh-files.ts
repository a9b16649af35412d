import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The default export of a module, read again whenever the file changes: the file's
 * modification time in the URL makes Node's module cache see an edit as a new module,
 * so the dev server picks up edited data files.
 */
export async function importFresh(filePath: string): Promise<unknown> {
  const url = pathToFileURL(resolve(filePath));
  url.searchParams.set("mtime", String((await stat(filePath)).mtimeMs));
  const module = (await import(url.href)) as { default?: unknown };
  if (module.default === undefined) throw new Error(`${filePath}: expected a default export with the data`);
  return module.default;
}
