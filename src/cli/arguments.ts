import { type ParseArgsOptionsConfig, parseArgs } from "node:util";

/** The options of Eleventy's own that `npm run build` and `npm start` both take. */
const eleventyOptions = {
  config: { type: "string", default: "eleventy.config.ts" },
  pathprefix: { type: "string" },
  quiet: { type: "boolean" },
} as const satisfies ParseArgsOptionsConfig;

/**
 * The command line's options: Eleventy's shared ones and the command's `own`. An unknown or
 * malformed option ends the process with a one-line message, not a stack trace.
 */
export function commandOptions<Own extends ParseArgsOptionsConfig>(own: Own) {
  try {
    return parseArgs({ options: { ...eleventyOptions, ...own } }).values;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
