import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

export const projectRoot = resolve(import.meta.dirname, "../..");

/** What a build needs of the project; everything else (tests, docs, _site) stays behind. */
const projectFiles = ["eleventy.config.ts", "package.json", "tsconfig.json", "_data", "articles", "src", "static"];

export interface BuildOptions {
  projectDir?: string;
  outputDir: string;
  pathPrefix?: string;
  env?: Record<string, string>;
}

/** Builds the site as `npm run build` does, in a child process, into `outputDir`. */
export async function buildSite({ projectDir = projectRoot, outputDir, pathPrefix, env = {} }: BuildOptions) {
  const args = ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=eleventy.config.ts", "--quiet"];
  args.push(`--output=${outputDir}`);
  if (pathPrefix) args.push(`--pathprefix=${pathPrefix}`);
  return promisify(execFile)(process.execPath, args, {
    cwd: projectDir,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
    // A build that hangs must not outlive the test run (two once spun for an hour after a failed test).
    timeout: 240_000,
    killSignal: "SIGKILL",
  });
}

/**
 * A copy of the project in a temporary folder, with `changes` applied: a path and its
 * new text (or bytes), or null to delete it. For builds of fixtures that must not touch the real tree.
 */
export async function copyProject(changes: Record<string, string | Buffer | null> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "imd-project-"));
  for (const entry of projectFiles) await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
  // The image cache, as a developer's machine would have it: fixtures build without encoding every picture again.
  const cache = join(projectRoot, ".cache/images");
  if (existsSync(cache)) await cp(cache, join(dir, ".cache/images"), { recursive: true });
  await symlink(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  for (const [path, text] of Object.entries(changes)) {
    const target = join(dir, path);
    if (text === null) {
      await rm(target, { recursive: true, force: true });
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  }
  return dir;
}

export async function temporaryDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
