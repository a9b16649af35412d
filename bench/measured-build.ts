// Runs Eleventy's command line in this process and prints the peak memory (resident set) at exit,
// so the build benchmark can report it. Arguments are Eleventy's own.
import { createRequire } from "node:module";
import { join } from "node:path";

process.on("exit", () => {
  // resourceUsage().maxRSS is in kilobytes.
  console.log(`[memory] peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
});
// The package does not export cmd.cjs by name: load it by its path, as npm scripts do.
createRequire(import.meta.url)(join(process.cwd(), "node_modules/@11ty/eleventy/cmd.cjs"));
