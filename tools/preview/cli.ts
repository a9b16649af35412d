// npm run preview: serves the built _site/ on localhost as Netlify would (see server.ts), with
// text compressed as Netlify's CDN compresses it. PORT sets the port (8081).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { netlifyRules } from "./rules.ts";
import { previewServer } from "./server.ts";

const projectRoot = join(import.meta.dirname, "../..");
const siteDir = join(projectRoot, "_site");
const netlifyToml = readFileSync(join(projectRoot, "netlify.toml"), "utf8");
const port = Number(process.env.PORT ?? 8081);

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

const server = previewServer(siteDir, netlifyToml, { compress: true });
server.on("error", (error) => {
  console.error(`Cannot serve on port ${port}: ${error.message} (another port: PORT=8082 npm run preview)`);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(
    `Serving _site/ at http://localhost:${port}/ with ${rules.headers.length} header rules and ` +
      `${rules.redirects.length} redirects, as Netlify's parsers read netlify.toml.`,
  );
  for (const rule of rules.redirects.filter((candidate) => candidate.conditions.length > 0)) {
    console.log(`Not followed here: ${rule.from} → ${rule.to}, which depends on ${rule.conditions.join(", ")}.`);
  }
});
