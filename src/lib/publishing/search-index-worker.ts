// The thread that talks to Pagefind for search-index-files.ts: Pagefind's Node API sends each page
// to Pagefind's process as base64 of JSON, about a millisecond of work a page, which here is done
// beside Eleventy instead of between the pages it writes. Messages come in the order the pages
// must have in the index, and go to Pagefind in that order.
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";

/** What the build's thread asks of this one; a page `add`ed is `answer`ed with "indexed" when the build waits for it. */
export type SearchIndexRequest =
  | { kind: "start" }
  | { kind: "add"; path: string; content: string; answer: boolean }
  | { kind: "write"; bundleDir: string }
  | { kind: "stop" };

/**
 * What this thread tells the build's: a page it was sent is indexed (`indexed`, so that the build
 * sends no more pages than Pagefind keeps up with), or the index is written, with every problem
 * Pagefind reported in words (none when all went well).
 */
export type SearchIndexAnswer = { kind: "indexed" } | { kind: "written"; problems: string[] };

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

const port = parentPort;
if (!port) throw new Error("search-index-worker.ts runs as a worker thread of search-index-files.ts");

let index: Promise<PagefindIndex> | undefined;
let added: Promise<string | undefined>[] = [];

const problem = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function write(bundleDir: string): Promise<string[]> {
  if (!index) return ["The search index was written before the build started"];
  try {
    const failures = (await Promise.all(added)).filter((failure) => failure !== undefined);
    if (failures.length > 0) return [`Pagefind could not index ${failures.join("; ")}`];
    const written = await (await index).writeFiles({ outputPath: bundleDir });
    return written.errors.length > 0 ? [`Pagefind could not write its index: ${written.errors.join("; ")}`] : [];
  } catch (error) {
    return [problem(error)];
  } finally {
    await stop();
  }
}

async function stop(): Promise<void> {
  index = undefined;
  added = [];
  await pagefind.close();
}

port.on("message", (request: SearchIndexRequest) => {
  switch (request.kind) {
    case "start":
      index = pagefind.createIndex({}).then(({ index: started, errors }) => {
        if (!started) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        return started;
      });
      // Reported by write(), through the pages added.
      index.catch(() => {});
      break;
    case "add": {
      const { path, content, answer } = request;
      if (!index) break;
      const indexed = index
        .then((started) => started.addHTMLFile({ sourcePath: path, content }))
        .then(
          ({ errors }) => (errors.length > 0 ? `${path}: ${errors.join("; ")}` : undefined),
          (error: unknown) => `${path}: ${problem(error)}`,
        );
      if (answer) void indexed.then(() => port.postMessage({ kind: "indexed" } satisfies SearchIndexAnswer));
      added.push(indexed);
      break;
    }
    case "write":
      void write(request.bundleDir).then((problems) =>
        port.postMessage({ kind: "written", problems } satisfies SearchIndexAnswer),
      );
      break;
    case "stop":
      void stop();
      break;
  }
});
