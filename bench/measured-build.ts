// Runs a build in this process and prints the peak memory (resident set) at exit, so the build
// benchmark can report it. `node bench/measured-build.ts <entry> [arguments]`: the entry is the
// project's own build (src/cli/build.ts, what npm run build runs) or Eleventy's command line
// (node_modules/@11ty/eleventy/cmd.cjs, for the peer); the arguments are the entry's own.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

process.on("exit", () => {
  // resourceUsage().maxRSS is in kilobytes.
  console.log(`[memory] peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
});
// The entry reads its own arguments from process.argv: take this script's one out first.
const entry = join(process.cwd(), process.argv.splice(2, 1)[0] ?? "");
// The package does not export cmd.cjs by name: it is loaded by its path, as npm scripts do.
if (entry.endsWith(".cjs")) createRequire(import.meta.url)(entry);
else await import(pathToFileURL(entry).href);
