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

/** The words `npm run new:event` and `npm run new:programme` write for the contributor to replace. */
export const listingPlaceholders = {
  eventSummary: "One or two sentences: what happens, and who it is for.",
  programmeSummary: "One or two sentences: what the programme does, and who it is for.",
  organisation: "Name of the organisation",
  website: "https://example.org/",
  registration: "https://example.org/register",
  apply: "https://example.org/apply",
  venueName: "Name of the place",
  locality: "Town or city",
  eventBody: "Describe the event here, in Markdown: the programme of the day, who speaks, what to bring.",
  programmeBody:
    "Describe the programme here, in Markdown: how mentors and mentees are matched, how long it lasts, what it costs.",
} as const;

export const listingPlaceholderValues: ReadonlySet<string> = new Set(Object.values(listingPlaceholders));

/**
 * A new event's file name and starting text: every field to fill in, an online event on the day
 * at 18:00 in `timeZone` (with the venue's fields below it, as comments, for one at a place).
 * The content check refuses it until every placeholder is replaced.
 */
export function newEvent(title: string, day: DateTime, timeZone: string, name?: string) {
  const slug = listingFileName(title, name, "event");
  const p = listingPlaceholders;
  const date = day.toISODate();
  const source = `---
title: ${JSON.stringify(title.trim())}
summary: ${JSON.stringify(p.eventSummary)}
# The local time where the event happens, without an offset, and its IANA time zone.
start: ${date}T18:00
end: ${date}T20:00
timeZone: ${timeZone}
# online, in-person or hybrid. For in-person and hybrid, add the venue (delete the # signs):
attendance: online
# venue:
#   name: ${JSON.stringify(p.venueName)}
#   locality: ${JSON.stringify(p.locality)}
#   country: GB          # ISO 3166-1 alpha-2 code
#   latitude: 51.507     # at most 3 decimals
#   longitude: -0.128
# Where people register (https). Never the meeting link itself.
registration: ${p.registration}
organizer:
  name: ${JSON.stringify(p.organisation)}
  url: ${p.website}
# The languages spoken, as language tags.
languages: [en]
---
${p.eventBody}
`;
  return { slug, source };
}

/** A new programme's file name and starting text, verified today. */
export function newProgramme(title: string, today: DateTime, name?: string) {
  const slug = listingFileName(title, name, "programme");
  const p = listingPlaceholders;
  const source = `---
name: ${JSON.stringify(title.trim())}
organisation: ${JSON.stringify(p.organisation)}
summary: ${JSON.stringify(p.programmeSummary)}
# Where people apply or sign up (https).
apply: ${p.apply}
formats: [one-to-one]      # one-to-one, group, peer, e-mentoring
attendance: online         # online, in-person or hybrid
countries: [worldwide]     # country codes like [GB, IE], or [worldwide]
audience: [students]       # see CONTRIBUTING.md for the list
# ages: 16-25              # if it has an age range; under 18 needs safeguarding below
# safeguarding: https://example.org/safeguarding
languages: [en]
# The day you last confirmed the entry is right.
verified: ${today.toISODate()}
---
${p.programmeBody}
`;
  return { slug, source };
}

function listingFileName(title: string, name: string | undefined, kind: "event" | "programme"): string {
  const example = `npm run new:${kind} -- --name ${kind === "event" ? "tokyo-meetup" : "nursing-mentors"} ${JSON.stringify(title.trim() || "Title")}`;
  if (name !== undefined) {
    if (name !== "" && slugify(name) === name) return name;
    throw new FileNameError(
      `The file name ${JSON.stringify(name)} must be lower-case Latin letters and digits joined by hyphens. For example:\n  ${example}`,
    );
  }
  const slug = slugify(title);
  if (slug) return slug;
  throw new FileNameError(
    `The title ${JSON.stringify(title.trim())} has no Latin letters or digits to make the file name from. Give one with --name:\n  ${example}`,
  );
}
