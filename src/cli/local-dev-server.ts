// npm start's dev server kept on this machine: Eleventy's own (@11ty/eleventy-dev-server), which
// listens on every network and lets any page open its live-reload socket (drafts and the build's
// errors go through it), made to listen on the address `--host` gives (loopback by default), to
// answer only requests that name it, and to open the socket only to its own pages
// (src/lib/build/local-server.ts says which those are).

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type Eleventy from "@11ty/eleventy";
import type { DevServerClass } from "@11ty/eleventy";
import { isEveryNetwork, isLoopback, isOwnHost, isOwnOrigin, notOwnHostMessage } from "../lib/build/local-server.ts";

/** The dev server's class, listening on `address` and answering only its own pages. */
export function localDevServer(DevServer: DevServerClass, address: string): DevServerClass {
  return class LocalDevServer extends DevServer {
    static override getServer(name: string, dir: string, options: Record<string, unknown>) {
      // On every network, it prints the machine's addresses (for a phone), as `showAllHosts` does.
      return new LocalDevServer(name, dir, { ...options, showAllHosts: isEveryNetwork(address) });
    }

    override _serverListen(port: number): void {
      this.server.listen({ port, host: address });
    }

    override getHosts(): string[] {
      if (isEveryNetwork(address)) return super.getHosts();
      const name = isLoopback(address) ? "localhost" : address.includes(":") ? `[${address}]` : address;
      return [this.getServerUrl(name)];
    }

    override async onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void> {
      if (isOwnHost(request.headers.host, address)) return super.onRequestHandler(request, response);
      response.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end(notOwnHostMessage(address));
    }

    override setupReloadNotifier(): void {
      super.setupReloadNotifier();
      // The WebSocket server answers the HTTP server's upgrades: only a page of this server's own reaches it.
      const upgrades = this.server.listeners("upgrade") as ((...args: unknown[]) => void)[];
      this.server.removeAllListeners("upgrade");
      this.server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (isOwnOrigin(request.headers.origin, request.headers.host, address)) {
          for (const upgrade of upgrades) upgrade.call(this.server, request, socket, head);
        } else {
          socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        }
      });
    }
  };
}

/** Makes every dev server `eleventy` starts (it starts one again when its options change) a local one. */
export function keepDevServerLocal(eleventy: Eleventy, address: string): void {
  const serve = eleventy.eleventyServe;
  const serverModule = serve.getServerModule.bind(serve);
  serve.getServerModule = async (name) => localDevServer(await serverModule(name), address);
}
