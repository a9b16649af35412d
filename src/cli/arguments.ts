import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { listenAddress, loopback } from "../lib/build/local-server.ts";

/** The options of Eleventy's own that `npm run build` and `npm start` both take. */
const eleventyOptions = {
  config: { type: "string", default: "eleventy.config.ts" },
  pathprefix: { type: "string" },
  quiet: { type: "boolean" },
} as const satisfies ParseArgsOptionsConfig;

/** The options of the local servers, `npm start` and `npm run preview`: --host (this machine alone by default) and --port. */
export const serverOptions = {
  host: { type: "string", default: loopback },
  port: { type: "string" },
} as const satisfies ParseArgsOptionsConfig;

/**
 * The command line's `options`. An unknown or malformed option ends the process with a one-line
 * message, not a stack trace.
 */
export function parsedOptions<Options extends ParseArgsOptionsConfig>(options: Options) {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/**
 * The options and words of a command that takes both (`npm run new:article -- "Title"`). `--help`
 * or `-h` prints `usage` and ends the process; an unknown or malformed option ends it with a line
 * saying what is wrong, then `usage`, not a stack trace.
 */
export function parsedArguments<Options extends ParseArgsOptionsConfig>(options: Options, usage: string) {
  if (process.argv.slice(2).some((argument) => argument === "--help" || argument === "-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ options, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(1);
  }
}

/** The command line's options: Eleventy's shared ones and the command's `own`. */
export function commandOptions<Own extends ParseArgsOptionsConfig>(own: Own) {
  return parsedOptions({ ...eleventyOptions, ...own });
}

/** The address --host names, or the process ends with a one-line message saying what it expects. */
export function hostAddress(host: string): string {
  const { address, problem } = listenAddress(host);
  if (address !== undefined) return address;
  console.error(problem);
  process.exit(1);
}

/** The port --port names (a number up to 65535; 0 for any free one), or the process ends with a one-line message. */
export function portNumber(port: string): number {
  if (/^\d{1,5}$/.test(port.trim()) && Number(port) <= 65_535) return Number(port);
  console.error(`--port: expected a port number from 0 to 65535, got ${JSON.stringify(port)}`);
  process.exit(1);
}
