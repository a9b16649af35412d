// npm run new:article -- "Title of the article": writes articles/<slug>.md to fill in.
import { writeFile } from "node:fs/promises";
import { DateTime } from "luxon";
import topics from "../../_data/topics.ts";
import { newArticle } from "../lib/scaffold.ts";

const title = process.argv.slice(2).join(" ").trim();
if (!title) {
  console.error('Give the article a title: npm run new:article -- "Title of the article"');
  process.exit(1);
}

const { slug, source } = newArticle(title, DateTime.now(), Object.keys(topics)[0] ?? "community");
const file = `articles/${slug}.md`;
try {
  // "wx": fail rather than overwrite someone's article.
  await writeFile(file, source, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  console.error(`${file} already exists. Edit that file, or choose another title.`);
  process.exit(1);
}

console.log(`Created ${file}, with today's date. Next:
  1. Fill in the front matter: summary, people, tags (from _data/topics.ts), quote (or delete it).
  2. Add a picture as static/images/articles/${slug}.svg (or .png, .jpg, .webp), set image.src to
     /images/articles/${slug}.svg and describe it in image.alt.
  3. Replace the body with the article's teaser.
  4. npm start to see it at http://localhost:8080/articles/${slug}/, then npm run check.
See CONTRIBUTING.md for every field.`);
