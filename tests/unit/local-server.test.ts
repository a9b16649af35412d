import { type ChildProcess, spawn } from "node:child_process";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import type { DevServerClass, DevServerInstance } from "@11ty/eleventy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDevServer } from "../../src/cli/local-dev-server.ts";
import { isLoopback, isOwnHost, isOwnOrigin, listenAddress, loopback } from "../../src/lib/build/local-server.ts";
import { projectRoot, temporaryDir } from "../helpers/project.ts";

/** An address of this machine on a network other than loopback, if it is on one (IPv4 first). */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .filter((network) => network !== undefined && !network.internal && !network.address.startsWith("fe80:"))
  .sort((a, b) => (a?.family === b?.family ? 0 : a?.family === "IPv4" ? -1 : 1))[0]?.address;
const inUrl = (address: string) => (address.includes(":") ? `[${address}]` : address);

/** Whether a TCP connection to `address`:`port` is accepted. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/** A GET of `path` at 127.0.0.1:`port` that sends `host` as its Host header: status and body. */
function get(port: number, host: string, path = "/"): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: loopback, port, path, headers: { Host: host } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

/** A WebSocket opened with `origin`, and every message it receives until it closes or `close()` is called. */
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

describe("the local servers' rules (src/lib/build/local-server.ts)", () => {
  it("answers a request that names the server by an address or localhost, and no other name", () => {
    for (const host of ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "192.168.1.20:8080", "LOCALHOST:8080"]) {
      expect(isOwnHost(host, loopback), host).toBe(true);
    }
    // What a page sends after pointing a name of its own at this machine (DNS rebinding), and malformed hosts.
    for (const host of [
      "evil.example:8080",
      "localhost.evil.example:8080",
      "127.0.0.1.nip.io:8080",
      "user@localhost:8080",
      "localhost/x",
      "",
      undefined,
    ]) {
      expect(isOwnHost(host, loopback), String(host)).toBe(false);
    }
    expect(isOwnHost("laptop.local:8080", "laptop.local")).toBe(true);
    expect(isOwnHost("laptop.local:8080", "0.0.0.0")).toBe(false);
  });

  it("opens the live-reload socket only to a page of the very address the browser connected to", () => {
    expect(isOwnOrigin("http://localhost:8080", "localhost:8080", loopback)).toBe(true);
    expect(isOwnOrigin("http://127.0.0.1:8080", "127.0.0.1:8080", loopback)).toBe(true);
    expect(isOwnOrigin("http://[::1]:8080", "[::1]:8080", loopback)).toBe(true);
    expect(isOwnOrigin("http://192.168.1.20:8080", "192.168.1.20:8080", "0.0.0.0")).toBe(true);
    for (const [origin, host] of [
      ["https://evil.example", "localhost:8080"],
      ["http://localhost:3000", "localhost:8080"], // another local server's page
      ["http://evil.example:8080", "evil.example:8080"], // DNS rebinding
      ["null", "localhost:8080"], // a sandboxed frame or a file
      ["file://", "localhost:8080"],
      ["chrome-extension://abc", "localhost:8080"],
      [undefined, "localhost:8080"],
      ["http://localhost:8080", undefined],
    ] as const) {
      expect(isOwnOrigin(origin, host, loopback), `${origin} → ${host}`).toBe(false);
    }
  });

  it("takes --host as an address or a name, and says what it expects of anything else", () => {
    expect(listenAddress("0.0.0.0")).toEqual({ address: "0.0.0.0" });
    expect(listenAddress("[::1]")).toEqual({ address: "::1" });
    expect(listenAddress("laptop.local")).toEqual({ address: "laptop.local" });
    for (const value of ["", "localhost:8080", "http://0.0.0.0", "*", "a b"]) {
      expect(listenAddress(value).problem, value).toBe(
        `--host: expected an address to listen on, such as 127.0.0.1 (this machine alone, the default) or 0.0.0.0 (every network it is on), got ${JSON.stringify(value)}`,
      );
    }
    expect([loopback, "::1", "localhost", "127.0.0.2"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "192.168.1.20", "::"].some(isLoopback)).toBe(false);
  });
});

describe("npm start's dev server, kept local (src/cli/local-dev-server.ts)", () => {
  let dir: string;
  const servers: DevServerInstance[] = [];

  /** Eleventy's own dev server, as Eleventy loads it, made local and listening on `address`. */
  async function devServer(address: string): Promise<{ server: DevServerInstance; port: number }> {
    const name = "@11ty/eleventy-dev-server";
    const { default: DevServer } = (await import(name)) as { default: DevServerClass };
    const silent = { info: () => undefined, log: () => undefined, error: () => undefined };
    const server = localDevServer(DevServer, address).getServer("test", dir, { logger: silent });
    servers.push(server);
    (server as unknown as { serve: (port: number) => void }).serve(0);
    await (server as unknown as { ready: () => Promise<void> }).ready();
    return { server, port: (server.server.address() as { port: number }).port };
  }

  beforeAll(async () => {
    dir = await temporaryDir("imd-dev-server-");
    await writeFile(join(dir, "index.html"), "<!doctype html><title>Home</title><p>Published words</p>");
  });
  afterAll(async () => {
    for (const server of servers) await (server as unknown as { close: () => Promise<void> }).close();
    await rm(dir, { recursive: true, force: true });
  });

  it("listens on loopback alone, answers only its own names, and says so to any other", async () => {
    const { server, port } = await devServer(loopback);
    expect(server.getHosts()).toEqual([`http://localhost:${port}/`]);
    expect(await accepts(loopback, port)).toBe(true);
    if (networkAddress) expect(await accepts(networkAddress, port)).toBe(false);

    expect((await get(port, `localhost:${port}`)).body).toContain("Published words");
    expect((await get(port, `127.0.0.1:${port}`)).status).toBe(200);
    const rebound = await get(port, `evil.example:${port}`);
    expect(rebound).toEqual({
      status: 403,
      body: "This local server answers only requests to localhost or an IP address: another name may belong to another site.",
    });
  });

  it("sends reloads, drafts and build errors only to its own pages' sockets: another origin gets nothing", async () => {
    const { server, port } = await devServer(loopback);
    const own = socketFrom(`ws://localhost:${port}/`, `http://localhost:${port}`);
    const foreign = [
      socketFrom(`ws://localhost:${port}/`, "https://evil.example"),
      socketFrom(`ws://localhost:${port}/`, `http://localhost:${port + 1}`),
      socketFrom(`ws://127.0.0.1:${port}/`, "null"),
    ];
    expect(await own.opened).toBe(true);
    for (const socket of foreign) expect(await socket.opened).toBe(false);

    const draft = join(dir, "draft/index.html");
    (server as unknown as { reload: (event: object) => void }).reload({
      files: [draft],
      build: { templates: [{ url: "/draft/", inputPath: draft, content: "<p>Words of a draft article</p>" }] },
    });
    (server as unknown as { sendError: (event: object) => void }).sendError({
      error: new Error("articles/draft.md: title: expected a title"),
    });
    await expect.poll(() => own.messages.join("\n")).toContain("expected a title");
    expect(own.messages.join("\n")).toContain("Words of a draft article");
    for (const socket of foreign) expect(socket.messages).toEqual([]);
    own.close();
  });

  it.skipIf(networkAddress === undefined)("with --host=0.0.0.0, a phone on the same network reaches it", async () => {
    const address = networkAddress as string;
    const { server, port } = await devServer("0.0.0.0");
    expect(server.getHosts()).toContain(`http://localhost:${port}/`);
    expect(await accepts(address, port)).toBe(true);
    const phone = socketFrom(`ws://${inUrl(address)}:${port}/`, `http://${inUrl(address)}:${port}`);
    expect(await phone.opened).toBe(true);
    phone.close();
    const elsewhere = socketFrom(`ws://${inUrl(address)}:${port}/`, "https://evil.example");
    expect(await elsewhere.opened).toBe(false);
  });
});

describe("npm run preview, kept local", { timeout: 30_000 }, () => {
  let dir: string;
  const running: ChildProcess[] = [];

  /** `npm run preview -- …args` in `dir`: the port it serves on, or how it failed. */
  function preview(...args: string[]): Promise<{ port?: number; output: string; code?: number | null }> {
    const child = spawn(process.execPath, [join(projectRoot, "tools/preview/cli.ts"), ...args], {
      cwd: dir,
      env: { ...process.env, PORT: undefined },
    });
    running.push(child);
    let output = "";
    return new Promise((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk;
        const port = /Serving _site\/ at http:\/\/[^:]+:(\d+)\//.exec(output)?.[1];
        if (port) resolve({ port: Number(port), output });
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
      child.on("exit", (code) => resolve({ output, code }));
    });
  }

  beforeAll(async () => {
    dir = await temporaryDir("imd-preview-");
    await mkdir(join(dir, "_site"));
    await writeFile(join(dir, "_site/index.html"), "<!doctype html><title>Home</title><p>The built site</p>");
    await copyFile(join(projectRoot, "netlify.toml"), join(dir, "netlify.toml"));
  });
  afterAll(async () => {
    for (const child of running) child.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it("listens on loopback alone and answers only its own names", async () => {
    const { port, output } = await preview("--port=0");
    expect(output).toMatch(/^Serving _site\/ at http:\/\/localhost:\d+\/ with/);
    expect((await get(port as number, `localhost:${port}`)).body).toContain("The built site");
    if (networkAddress) expect(await accepts(networkAddress, port as number)).toBe(false);
    expect((await get(port as number, `evil.example:${port}`)).status).toBe(403);
  });

  it.skipIf(networkAddress === undefined)(
    "with --host=0.0.0.0, names the addresses a phone uses, and answers there",
    async () => {
      const { port, output } = await preview("--host=0.0.0.0", "--port=0");
      if (networkAddress?.includes(".")) expect(output).toContain(`http://${networkAddress}:${port}/`);
      expect(await accepts(networkAddress as string, port as number)).toBe(true);
    },
  );

  it("says in one line what --host and --port expect", async () => {
    expect(await preview("--host=http://0.0.0.0")).toEqual({
      code: 1,
      output:
        '--host: expected an address to listen on, such as 127.0.0.1 (this machine alone, the default) or 0.0.0.0 (every network it is on), got "http://0.0.0.0"\n',
    });
    expect(await preview("--port=99999")).toEqual({
      code: 1,
      output: '--port: expected a port number from 0 to 65535, got "99999"\n',
    });
  });
});
