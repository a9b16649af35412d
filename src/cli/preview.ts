// npm run preview: serves _site/ on localhost with the headers netlify.toml declares.
import { readFileSync } from "node:fs";
import { previewServer } from "../lib/preview-server.ts";

const port = Number(process.env.PORT ?? 8081);
previewServer("_site", readFileSync("netlify.toml", "utf8")).listen(port, "127.0.0.1", () => {
  console.log(`Serving _site/ with netlify.toml's headers at http://localhost:${port}/`);
});
