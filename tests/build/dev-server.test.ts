import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.ts";
import { copyProject } from "../helpers/project.ts";

let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill();
});

/** The text of every page in the search index that Pagefind wrote into `siteDir`. */
function indexedText(siteDir: string): string {
  const fragments = join(siteDir, "pagefind/fragment");
  if (!existsSync(fragments)) return "";
  return readdirSync(fragments)
    .map((name) => {
      try {
        return gunzipSync(readFileSync(join(fragments, name))).toString();
      } catch {
        return ""; // a fragment being written right now
      }
    })
    .join("\n");
}

/** An address of this machine on a network other than loopback, if it is on one. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((network) => network !== undefined && !network.internal && network.family === "IPv4")?.address;

/** A WebSocket opened with `origin`, and every message it receives. */
function socketFrom(url: string, origin: string) {
  const messages: string[] = [];
  const socket = new WebSocket(url, { headers: { Origin: origin } } as unknown as string[]);
  const opened = new Promise<boolean>((resolve) => {
    socket.addEventListener("open", () => resolve(true));
    socket.addEventListener("close", () => resolve(false));
  });
  socket.addEventListener("message", (event) => messages.push(String(event.data)));
  socket.addEventListener("error", () => undefined);
  return { opened, messages, close: () => socket.close() };
}

describe("npm start (the dev server)", () => {
  let projectDir: string;
  let port: number;
  let origin: string;

  beforeAll(async () => {
    projectDir = await copyProject();
    port = await freePort();
    server = spawn(process.execPath, ["src/cli/start.ts", `--port=${port}`], {
      cwd: projectDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        if (output.includes("Server at")) resolve();
      };
      server?.stdout?.on("data", read);
      server?.stderr?.on("data", read);
      server?.on("exit", () => reject(new Error(`npm start stopped:\n${output}`)));
    });
    origin = `http://localhost:${port}`;
  }, 60_000);

  it("serves search, indexes an article added while it runs, and follows it when it is renamed", async () => {
    const response = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(response.status).toBe(200);

    const title = "A mentoring circle for new teachers";
    const article = readFileSync(join(projectDir, "articles/surgtime-telemedicine-mentoring.md"), "utf8").replace(
      /^title: .*$/m,
      `title: "${title}"`,
    );
    writeFileSync(join(projectDir, "articles/mentoring-circle-new-teachers.md"), article);

    await expect
      .poll(() => indexedText(join(projectDir, "_site")), { timeout: 30_000, interval: 250 })
      .toContain(title);
    expect((await fetch(`${origin}/articles/mentoring-circle-new-teachers/`)).status).toBe(200);

    // Eleventy leaves the page at the old address in _site/: search must not send anyone there.
    renameSync(
      join(projectDir, "articles/mentoring-circle-new-teachers.md"),
      join(projectDir, "articles/teachers-mentoring-circle.md"),
    );
    await expect
      .poll(() => indexedText(join(projectDir, "_site")), { timeout: 30_000, interval: 250 })
      .toContain('"url":"/articles/teachers-mentoring-circle/"');
    expect(indexedText(join(projectDir, "_site"))).not.toContain("/articles/mentoring-circle-new-teachers/");
    expect(existsSync(join(projectDir, "_site/articles/mentoring-circle-new-teachers/index.html"))).toBe(true);
  });

  it("is this machine's alone: loopback only, its own names only, and a draft reaches only its own pages' socket", async () => {
    if (networkAddress) {
      await expect(fetch(`http://${networkAddress}:${port}/`)).rejects.toThrow();
    }
    // A page elsewhere that points a name of its own at this machine (DNS rebinding) is refused.
    const rebound = await new Promise<number>((resolve, reject) => {
      const sent = request(
        { host: "127.0.0.1", port, path: "/", headers: { Host: `evil.example:${port}` } },
        (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        },
      );
      sent.on("error", reject);
      sent.end();
    });
    expect(rebound).toBe(403);

    const own = socketFrom(`ws://localhost:${port}/`, origin);
    const elsewhere = socketFrom(`ws://localhost:${port}/`, "https://evil.example");
    expect(await own.opened).toBe(true);
    expect(await elsewhere.opened).toBe(false);

    const words = "Words of an unfinished draft about peer mentoring";
    const draft = readFileSync(join(projectDir, "articles/surgtime-telemedicine-mentoring.md"), "utf8")
      .replace(/^title: .*$/m, 'title: "Peer mentoring, a draft"\ndraft: true')
      .replace(/\n---\n[\s\S]*$/, `\n---\n${words}\n`);
    writeFileSync(join(projectDir, "articles/peer-mentoring-draft.md"), draft);
    await expect.poll(() => own.messages.join("\n"), { timeout: 30_000, interval: 250 }).toContain(words);
    expect(elsewhere.messages).toEqual([]);
    own.close();
  });
});
