import type { DateTime } from "luxon";
import { slugify } from "./slug.ts";

/** A new article's file name and its starting text: front matter that passes the checks, to be filled in. */
export function newArticle(title: string, today: DateTime, tag: string): { slug: string; source: string } {
  const slug = slugify(title);
  if (!slug) throw new Error(`Title: expected words to make the file name from, got ${JSON.stringify(title)}`);
  const source = `---
title: ${JSON.stringify(title.trim())}
summary: "One or two sentences that make people want to read the article. Shown on cards and in search results."
date: ${today.toISODate()}
people:
  - name: First Last
    honorific: Dr
    role: What they do
    institution: Where they work
    country: Country
tags: [${tag}]
image:
  src: /images/placeholder.svg
  alt: "Describe what the picture shows, for people who cannot see it."
quote:
  text: "Words the person said, exactly as said."
  by: Dr First Last
---
Write the teaser here: a paragraph or two about the article, in Markdown.
`;
  return { slug, source };
}
