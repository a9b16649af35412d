// npm run preview: serves _site/ on localhost with the headers and redirects netlify.toml declares,
// compressed with brotli as Netlify's CDN compresses text.
import { readFileSync } from "node:fs";
import { previewServer } from "../lib/preview-server.ts";

const port = Number(process.env.PORT ?? 8081);
previewServer("_site", readFileSync("netlify.toml", "utf8"), { compress: true }).listen(port, "127.0.0.1", () => {
  console.log(`Serving _site/ with netlify.toml's headers and redirects at http://localhost:${port}/`);
});
