// Eleventy ships no type declarations. This is the one thin, typed facade over the
// parts of its API this project uses; nothing else in the project reaches past it.
declare module "@11ty/eleventy" {
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    data: string;
  }

  export interface EleventyEventArgs {
    directories: EleventyDirectories;
    runMode: "build" | "serve" | "watch";
    outputMode: "fs" | "json" | "ndjson";
    /** eleventy.after only: every page this build wrote. */
    results: { url: string; outputPath: string; content: string }[];
  }

  /** The slice of Eleventy's collection item that this project reads. */
  export interface CollectionItem<Data = Record<string, unknown>> {
    url: string;
    inputPath: string;
    fileSlug: string;
    date: Date;
    data: Data;
    content: string;
  }

  export interface CollectionApi {
    getFilteredByGlob<Data = Record<string, unknown>>(glob: string): CollectionItem<Data>[];
    getAll<Data = Record<string, unknown>>(): CollectionItem<Data>[];
  }

  export interface DataExtensionOptions {
    read: false;
    parser: (filePath: string) => unknown;
  }

  export interface EleventyConfig {
    pathPrefix: string;
    addPlugin(plugin: (config: EleventyConfig) => void | Promise<void>, options?: object): void;
    addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void, options: Options): void;
    // biome-ignore lint/suspicious/noExplicitAny: a filter gets whatever a template passes it; this facade is the one place that says so.
    addFilter(name: string, filter: (...args: any[]) => unknown): void;
    /** A filter added with addFilter, to call from code. */
    // biome-ignore lint/suspicious/noExplicitAny: as addFilter.
    getFilter(name: string): (...args: any[]) => unknown;
    // biome-ignore lint/suspicious/noExplicitAny: as addFilter; Nunjucks waits for the promise it returns.
    addAsyncFilter(name: string, filter: (...args: any[]) => Promise<unknown>): void;
    /** Runs on each page's output; `this.page` is the page written. */
    addTransform(
      name: string,
      transform: (
        this: { page: { url: string | false; outputPath: string | false; inputPath: string } },
        content: string,
      ) => unknown,
    ): void;
    setQuietMode(quiet: boolean): void;
    addCollection(name: string, build: (api: CollectionApi) => unknown): void;
    addGlobalData(name: string, value: unknown): void;
    addDataExtension(extension: string, options: DataExtensionOptions): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    setLibrary(name: "md", library: unknown): void;
    /** gray-matter's options: `engines` by the name after the opening `---` (yaml when none). */
    setFrontMatterParsingOptions(options: {
      language?: string;
      engines?: Record<string, (text: string) => unknown>;
    }): void;
    /** Return false to drop a template before Eleventy reads it into any collection. */
    addPreprocessor(
      name: string,
      extensions: string,
      preprocess: (data: Record<string, unknown>, content: string) => unknown,
    ): void;
    ignores: { add(glob: string): void };
    on(event: "eleventy.after" | "eleventy.before", listener: (args: EleventyEventArgs) => unknown): void;
    /** Options of the dev server (`--serve`); a build ignores them. */
    setServerOptions(options: DevServerOptions): void;
    /** false: every build reads each template again instead of keeping the last build's copy. */
    setUseTemplateCache(useCache: boolean): void;
  }

  /** The slice of @11ty/eleventy-dev-server that `npm start` uses. */
  export interface DevServer {
    /** Tells every open page to reload; with no templates, a full reload. */
    reload(event: Record<string, never>): void;
  }

  /**
   * The dev server as Eleventy makes it (@11ty/eleventy-dev-server's class): the methods
   * `npm start` overrides to keep it on this machine (src/cli/local-dev-server.ts).
   */
  export interface DevServerInstance extends DevServer {
    /** The HTTP server, made on first use. */
    readonly server: import("node:http").Server;
    /** The server's address for a host name: `http://localhost:8080/`. */
    getServerUrl(host: string): string;
    /** The addresses it prints when it starts. */
    getHosts(): string[];
    /** Listens on `port` (and on the next port, when that one is taken). */
    _serverListen(port: number): void;
    /** Answers every HTTP request. */
    onRequestHandler(
      request: import("node:http").IncomingMessage,
      response: import("node:http").ServerResponse,
    ): Promise<void>;
    /** Opens the live-reload WebSocket server on `server`, once it listens. */
    setupReloadNotifier(): void;
  }

  export interface DevServerClass {
    new (name: string, dir: string, options: Record<string, unknown>): DevServerInstance;
    getServer(name: string, dir: string, options: Record<string, unknown>): DevServerInstance;
  }

  export interface DevServerOptions {
    /** Called with the server once it listens (and again whenever Eleventy restarts it). */
    ready?: (server: DevServer) => void;
    /** By URL pattern: a response, or undefined to let the server answer as usual. */
    onRequest?: Record<
      string,
      (request: { url: URL }) => { status: number; headers: Record<string, string>; body: string } | undefined
    >;
  }

  export interface EleventyOptions {
    /** "cli" as Eleventy's own command line: failures set the exit code, the output folder given wins. */
    source?: "cli" | "script";
    runMode?: "build" | "serve" | "watch";
    configPath?: string;
    pathPrefix?: string | undefined;
    quietMode?: boolean | undefined;
    /** Runs before the project's config, on the same object: how an entry adds a plugin of its own. */
    config?: (config: EleventyConfig) => void;
  }

  /** Eleventy's programmatic API, as its command line uses it. */
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Reads the config; write() does it by itself, watch() needs it done. */
    init(): Promise<void>;
    /** Drops the config, its list of files and its data: the next init() reads them again. */
    resetConfig(): void;
    /** One build into the output folder; rejects when any step fails. */
    write(): Promise<unknown>;
    /** Builds once, then rebuilds on every change. */
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    /** What serves the output (there after init()): it loads the dev server's class each time it starts one. */
    readonly eleventyServe: { getServerModule(name?: string): Promise<DevServerClass> };
    stopWatch(): Promise<void>;
    /** Prints an error as Eleventy does (no stack trace when it sets `skipOriginalStack`). */
    readonly errorHandler: {
      fatal(error: unknown, heading: string): void;
      /** As fatal, unless Eleventy has printed this error already. */
      once(severity: "fatal", error: unknown, heading: string): void;
    };
  }

  export const HtmlBasePlugin: (config: EleventyConfig) => void;
}

declare module "@11ty/eleventy-plugin-rss" {
  import type { EleventyConfig } from "@11ty/eleventy";

  const rssPlugin: (config: EleventyConfig) => void;
  export default rssPlugin;
}
