import { createServer } from "node:net";

/**
 * A port nothing listens on right now, for a server a test starts in another process (`npm start
 * --port=…`): the system picks it, so two tests running at once never pick the same one. A server
 * the test starts itself listens on port 0 instead.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
