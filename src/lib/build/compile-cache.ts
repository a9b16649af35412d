import { dirname, join, resolve } from "node:path";

/**
 * Where Node keeps the build's code compiled between builds (`module.enableCompileCache`): each
 * of the few hundred modules a build loads is otherwise read, stripped of its types and compiled
 * again every time. Beside the image cache (IMAGE_CACHE_DIR, else .cache/images), so that Netlify
 * keeps it too (node_modules/.cache/); Node keys each entry by the module's text and its own version.
 */
export function compileCacheDir(projectDir: string, env: Record<string, string | undefined> = process.env): string {
  return join(dirname(resolve(projectDir, env.IMAGE_CACHE_DIR || ".cache/images")), "compiled-code");
}
