import type { DateTime } from "luxon";
import { slugify } from "./slug.ts";

/**
 * The scaffold's placeholder words. An article that is not a draft may not keep any of them:
 * the content check refuses each, so an untouched scaffold can never be published.
 */
export const scaffoldPlaceholders = {
  summary: "One or two sentences that make people want to read the article. Shown on cards and in search results.",
  name: "First Last",
  honorific: "Dr",
  role: "What they do",
  institution: "Where they work",
  country: "Country",
  imageSrc: "/images/placeholder.svg",
  imageAlt: "Describe what the picture shows, for people who cannot see it.",
  quoteText: "Words the person said, exactly as said.",
  quoteBy: "Dr First Last",
  body: "Write the teaser here: a paragraph or two about the article, in Markdown.",
} as const;

/** The placeholders that are no one's real words (an honorific such as Dr may well be real). */
export const scaffoldPlaceholderValues: ReadonlySet<string> = new Set(
  Object.entries(scaffoldPlaceholders)
    .filter(([key]) => key !== "honorific")
    .map(([, value]) => value),
);

/** Why a file name cannot be made or used, said to the contributor with what to type instead. */
export class FileNameError extends Error {}

/**
 * The file name (without .md) of a new article: the one given, if it is lower-case Latin letters
 * and digits joined by hyphens, or else one made from the title's Latin letters and digits. A title
 * in another script has none: the contributor is asked for a name instead, never given an empty one.
 */
export function fileNameFor(title: string, name?: string): string {
  const example = `npm run new:article -- --name peer-mentoring ${JSON.stringify(title.trim() || "Title of the article")}`;
  if (name === "home" || (name === undefined && slugify(title) === "home")) {
    throw new FileNameError(
      `"home" is the home page's own name: give the article another with --name. For example:\n  ${example}`,
    );
  }
  if (name !== undefined) {
    if (name !== "" && slugify(name) === name) return name;
    throw new FileNameError(
      `The file name ${JSON.stringify(name)} must be lower-case Latin letters and digits joined by hyphens, like peer-mentoring. For example:\n  ${example}`,
    );
  }
  const slug = slugify(title);
  if (slug) return slug;
  throw new FileNameError(
    `The title ${JSON.stringify(title.trim())} has no Latin letters or digits to make the file name from, and the file name becomes the article's address (/articles/<name>/). Give one with --name, in lower-case Latin letters and digits joined by hyphens:\n  ${example}`,
  );
}

/**
 * A new article's file name and its starting text: front matter with every field to fill in,
 * marked `draft: true`, so that it shows in `npm start` but is published only once filled in.
 */
export function newArticle(
  title: string,
  today: DateTime,
  tag: string,
  name?: string,
): { slug: string; source: string } {
  const slug = fileNameFor(title, name);
  const p = scaffoldPlaceholders;
  const source = `---
title: ${JSON.stringify(title.trim())}
summary: ${JSON.stringify(p.summary)}
date: ${today.toISODate()}
people:
  - name: ${p.name}
    honorific: ${p.honorific}
    role: ${p.role}
    institution: ${p.institution}
    country: ${p.country}
tags: [${tag}]
image:
  src: ${p.imageSrc}
  alt: ${JSON.stringify(p.imageAlt)}
quote:
  text: ${JSON.stringify(p.quoteText)}
  by: ${p.quoteBy}
# Delete this line when every field above is filled in: drafts show in npm start only.
draft: true
---
${p.body}
`;
  return { slug, source };
}
