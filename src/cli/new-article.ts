// npm run new:article -- "Title of the article": writes articles/<file name>.md to fill in.
// --name gives the file name (the article's address), for a title without Latin letters to make one from.
import { writeFile } from "node:fs/promises";
import { DateTime } from "luxon";
import topics from "../../_data/topics.ts";
import { FileNameError, newArticle } from "../lib/content/scaffold.ts";
import { parsedArguments } from "./arguments.ts";

const { values, positionals } = parsedArguments(
  { name: { type: "string" } },
  'Usage: npm run new:article -- "Title of the article" [--name=file-name]',
);
const title = positionals.join(" ").trim();
if (!title) {
  console.error('Give the article a title: npm run new:article -- "Title of the article"');
  process.exit(1);
}

let article: ReturnType<typeof newArticle>;
try {
  article = newArticle(title, DateTime.now(), Object.keys(topics)[0] ?? "community", values.name);
} catch (error) {
  if (!(error instanceof FileNameError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { slug, source } = article;
const file = `articles/${slug}.md`;
try {
  // "wx": fail rather than overwrite someone's article.
  await writeFile(file, source, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  console.error(`${file} already exists. Edit that file, or choose another title (or --name).`);
  process.exit(1);
}

console.log(`Created ${file}, with today's date, as a draft. Next:
  1. Fill in the front matter: summary, people, tags (from _data/topics.ts), quote (or delete it).
  2. Add a picture as static/images/articles/${slug}.svg (or .png, .jpg, .webp), set image.src to
     /images/articles/${slug}.svg and describe it in image.alt.
  3. Replace the body with the article's teaser, and delete the draft: true line.
  4. npm start to see it at http://localhost:8080/articles/${slug}/, then npm run check:content.
See CONTRIBUTING.md for every field.`);
