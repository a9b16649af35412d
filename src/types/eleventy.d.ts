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
    /** Return false to drop a template before Eleventy reads it into any collection. */
    addPreprocessor(
      name: string,
      extensions: string,
      preprocess: (data: Record<string, unknown>, content: string) => unknown,
    ): void;
    ignores: { add(glob: string): void };
    on(event: "eleventy.after" | "eleventy.before", listener: (args: EleventyEventArgs) => unknown): void;
  }

  export const HtmlBasePlugin: (config: EleventyConfig) => void;
}

declare module "@11ty/eleventy-plugin-rss" {
  import type { EleventyConfig } from "@11ty/eleventy";

  const rssPlugin: (config: EleventyConfig) => void;
  export default rssPlugin;
}
