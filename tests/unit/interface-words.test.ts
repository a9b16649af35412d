import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/project.ts";

// The interface's words live in _data/locales/: a word written into a template or a script would stay
// English on a site in another language. What is left of a template once its Nunjucks and its HTML
// tags are taken out must be punctuation and space; so must what a script writes into the page.

const letters = /\p{L}/u;
const files = (folder: string, extension: string): string[] =>
  readdirSync(join(projectRoot, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(folder, name))
    .sort();

/** A template's front matter and body. */
function split(source: string): { frontMatter: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  return match
    ? { frontMatter: match[1] ?? "", body: source.slice(match[0].length) }
    : { frontMatter: "", body: source };
}

/** The template without its Nunjucks: comments, tags ({% %}) and expressions ({{ }}, Pagefind's too). */
const withoutNunjucks = (text: string) =>
  text
    .replace(/\{#[\s\S]*?#\}/g, "")
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(/\{\{[\s\S]*?\}\}/g, "");

/** The attributes people read or hear: each must be an expression, never a word. */
const shownAttributes = /\s(alt|placeholder|aria-label|title|label)="([^"]*)"/g;

/** The pages made of HTML: every layout and component, and each page with a layout (feeds and robots.txt are for machines). */
const htmlTemplates = [
  ...files("src/_includes", ".njk"),
  ...files("src/pages", ".njk").filter((file) =>
    /^layout:/m.test(split(readFileSync(join(projectRoot, file), "utf8")).frontMatter),
  ),
];

/** What is left of a template's words: text outside Nunjucks and tags, and shown attributes' literal words. */
function wordsIn(source: string): string[] {
  const { frontMatter, body } = split(source);
  const found: string[] = [];
  // A page's title and description are words too: each comes from the locale.
  for (const [, key, value] of frontMatter.matchAll(/^\s*(title|description):\s*(.+)$/gm)) {
    if (letters.test(withoutNunjucks(value?.replace(/^"|"$/g, "") ?? ""))) found.push(`${key}: ${value}`);
  }
  const html = withoutNunjucks(body);
  for (const [, name, value] of html.matchAll(shownAttributes)) {
    if (letters.test(value ?? "")) found.push(`${name}="${value}"`);
  }
  const text = html.replace(/<[^>]*>/g, " ");
  for (const word of text.match(/\S*\p{L}\S*/gu) ?? []) found.push(word);
  return found;
}

describe("the templates", () => {
  it("are found: every layout, component and HTML page", () => {
    expect(htmlTemplates).toEqual(
      expect.arrayContaining([
        "src/_includes/components/macros.njk",
        "src/_includes/layouts/base.njk",
        "src/pages/index.njk",
        "src/pages/search.njk",
      ]),
    );
    expect(htmlTemplates).not.toContain("src/pages/robots.njk");
  });

  it.each(htmlTemplates)("%s: write no word of their own", (file) => {
    expect(wordsIn(readFileSync(join(projectRoot, file), "utf8"))).toEqual([]);
  });

  it("would be caught writing one, in text, a shown attribute or a page title", () => {
    expect(wordsIn("<p>{{ words.a }} Read more</p>")).toEqual(["Read", "more"]);
    expect(wordsIn('<input placeholder="Search" aria-label="{{ words.b }}">')).toEqual(['placeholder="Search"']);
    expect(wordsIn("---\nlayout: x\ntitle: Articles\n---\n<h1>{{ title }}</h1>")).toEqual(["title: Articles"]);
    expect(
      wordsIn('---\ntitle: "{{ words.t | safe }}"\n---\n{# A comment #}<p class="a{% if b %} c{% endif %}">—</p>'),
    ).toEqual([]);
  });
});

/**
 * The string literals a script writes into the page: assigned to textContent (and its kin), given to
 * setAttribute for a shown attribute, or handed to replaceChildren, append or prepend. Literals that
 * only look something up (getAttribute("label"), querySelector(".x")) are not words.
 */
function scriptWords(source: string): string[] {
  const sinks = [
    /\.(?:textContent|innerText|innerHTML|placeholder|title|alt|ariaLabel)\s*=\s*([^;]+);/g,
    /\.setAttribute\(\s*["'](?:aria-label|title|alt|placeholder|label)["']\s*,\s*([^;]+)\);/g,
    /\.(?:replaceChildren|append|prepend)\(([^;]+)\);/g,
  ];
  const found: string[] = [];
  for (const sink of sinks) {
    for (const [, value] of source.matchAll(sink)) {
      const literals = (value ?? "")
        .replace(
          /\b(?:getAttribute|querySelector|querySelectorAll|closest|matches|createElement)\(\s*(["'])[^"']*\1\s*\)/g,
          "",
        )
        .replace(/[!=]==?\s*(["'])[^"']*\1/g, "")
        .replace(/\$\{[^}]*\}/g, "")
        .match(/(["'`])(?:\\.|(?!\1).)*\1/g);
      for (const literal of literals ?? []) if (letters.test(literal)) found.push(literal);
    }
  }
  return found;
}

describe("the scripts", () => {
  const scripts = files("src/assets/js", ".js");

  it.each(scripts)("%s: write no word of their own into the page", (file) => {
    expect(scriptWords(readFileSync(join(projectRoot, file), "utf8"))).toEqual([]);
  });

  it("take the words they show from the page", () => {
    const source = (name: string) => readFileSync(join(projectRoot, "src/assets/js", name), "utf8");
    expect(source("countdown.js")).toMatch(/dataset/);
    expect(source("share.js")).toMatch(/status\.dataset\[message\]/);
    expect(source("copy.js")).toMatch(/dataset\.copied/);
  });

  it("would be caught writing one", () => {
    expect(scriptWords('status.textContent = "Link copied.";')).toEqual(['"Link copied."']);
    // A template literal's placeholder is an expression; the words around it are not.
    const templateLiteral = `element.replaceChildren("Next: ", time, \` (in \${days} days)\`);`;
    expect(scriptWords(templateLiteral)).toEqual(['"Next: "', "` (in  days)`"]);
    expect(scriptWords('trigger.setAttribute("aria-label", "Topic");')).toEqual(['"Topic"']);
    expect(scriptWords('trigger.setAttribute("aria-label", dropdown.getAttribute("label") ?? "");')).toEqual([]);
    expect(scriptWords('time.textContent = parts.map((part) => (part.type === "literal" ? "" : part.value));')).toEqual(
      [],
    );
  });
});
