// npm run preview: serves the built _site/ on localhost as Netlify would (see server.ts), with
// text compressed as Netlify's CDN compresses it. --port=8082 (or PORT=8082) for another port
// than 8081; it listens on this machine alone (127.0.0.1) unless --host=0.0.0.0 opens it to every
// network the machine is on (to try the site on a phone), or names another address.
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { hostAddress, parsedOptions, portNumber, serverOptions } from "../../src/cli/arguments.ts";
import { isEveryNetwork, isLoopback } from "../../src/lib/build/local-server.ts";
import { netlifyRules } from "./rules.ts";
import { previewServer } from "./server.ts";

// Run in the project's folder, as npm runs it.
const projectRoot = process.cwd();
const siteDir = join(projectRoot, "_site");
const netlifyToml = readFileSync(join(projectRoot, "netlify.toml"), "utf8");
const options = parsedOptions(serverOptions);
const host = hostAddress(options.host);
const port = portNumber(options.port ?? process.env.PORT ?? "8081");

if (!existsSync(siteDir)) {
  console.error("There is no _site/ to serve: build the site first (npm run build).");
  process.exit(1);
}
let rules: Awaited<ReturnType<typeof netlifyRules>>;
try {
  rules = await netlifyRules(netlifyToml, siteDir);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const server = previewServer(siteDir, netlifyToml, { compress: true, host });
server.on("error", (error) => {
  console.error(
    `Cannot serve on ${host} port ${port}: ${error.message} (another port: npm run preview -- --port=8082)`,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  const { port } = server.address() as AddressInfo;
  const name = isLoopback(host) || isEveryNetwork(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  // On every network: the machine's own addresses too, the ones a phone on the same network uses.
  const networks = isEveryNetwork(host)
    ? Object.values(networkInterfaces())
        .flat()
        .filter((network) => network !== undefined && !network.internal && network.family === "IPv4")
        .map((network) => `http://${network?.address}:${port}/`)
    : [];
  console.log(
    `Serving _site/ at ${[`http://${name}:${port}/`, ...networks].join(" or ")} with ${rules.headers.length} header rules and ` +
      `${rules.redirects.length} redirects, as Netlify's parsers read netlify.toml.`,
  );
  for (const rule of rules.redirects.filter((candidate) => candidate.conditions.length > 0)) {
    console.log(`Not followed here: ${rule.from} → ${rule.to}, which depends on ${rule.conditions.join(", ")}.`);
  }
});
