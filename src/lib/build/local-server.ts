// What keeps `npm start` and `npm run preview` on the machine they run on: they listen on loopback
// unless `--host` says otherwise, they answer only requests that name them by an address or by
// `localhost` (so that a page elsewhere cannot reach them by pointing a name of its own at this
// machine, DNS rebinding), and the dev server's live-reload socket, which carries drafts and the
// build's errors, talks only to the server's own pages.
import { isIP } from "node:net";

/** Where the local servers listen unless told otherwise: IPv4 loopback, which every system has (`::1` may be off). */
export const loopback = "127.0.0.1";

/** The address or name of a Host header (`[::1]:8080` → `::1`), lower-cased; undefined when it is not one. */
function hostName(host: string): string | undefined {
  const url = URL.parse(`http://${host}/`);
  if (!url || url.username || url.password || url.pathname !== "/" || url.search || url.hash) return undefined;
  return url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

/** Whether `address` (as `listenAddress` gives it) means every network the machine is on. */
export function isEveryNetwork(address: string): boolean {
  return address === "0.0.0.0" || address === "::";
}

/** Whether `address` (as `listenAddress` gives it) is this machine alone. */
export function isLoopback(address: string): boolean {
  const name = address.toLowerCase();
  return name === "localhost" || name === "::1" || (isIP(name) === 4 && name.startsWith("127."));
}

/** A host name as DNS has them: labels of letters, digits and inner hyphens, joined by dots. */
const dnsName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i;

/**
 * The address `--host` names (`[::1]` → `::1`), or what is wrong with it: an address of this
 * machine (`127.0.0.1`, `::1`, `0.0.0.0` for every network, a network's own address) or a name
 * that leads to one, without a port (that is `--port`).
 */
export function listenAddress(
  value: string,
): { address: string; problem?: undefined } | { address?: undefined; problem: string } {
  const address = value.trim().replace(/^\[(.*)\]$/, "$1");
  if (isIP(address) !== 0 || dnsName.test(address)) return { address };
  return {
    problem: `--host: expected an address to listen on, such as ${loopback} (this machine alone, the default) or 0.0.0.0 (every network it is on), got ${JSON.stringify(value)}`,
  };
}

/**
 * Whether a request's Host header names this server in a way no other site can borrow: an IP
 * address, `localhost`, or the name the server was told to listen on. A page that points a name
 * of its own at this machine sends that name, and is refused.
 */
export function isOwnHost(host: string | undefined, listeningOn: string): boolean {
  const name = host === undefined ? undefined : hostName(host);
  if (name === undefined) return false;
  return isIP(name) !== 0 || name === "localhost" || name === listeningOn.toLowerCase();
}

/**
 * Whether a WebSocket's Origin is a page of this very server, as the browser reached it (same
 * scheme's address and port as the Host it connects to). A browser always sends Origin with a
 * WebSocket; a page of another site sends its own, and one with none (`null`) is refused too.
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, listeningOn: string): boolean {
  if (origin === undefined || host === undefined || !isOwnHost(host, listeningOn)) return false;
  const page = URL.parse(origin);
  if (!page || (page.protocol !== "http:" && page.protocol !== "https:")) return false;
  return page.origin === URL.parse(`${page.protocol}//${host}`)?.origin;
}

/** What a request that names another host is answered, in one line. */
export function notOwnHostMessage(listeningOn: string): string {
  const name = isIP(listeningOn) !== 0 || isLoopback(listeningOn) ? "" : `, ${listeningOn}`;
  return `This local server answers only requests to localhost${name} or an IP address: another name may belong to another site.`;
}
