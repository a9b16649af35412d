import { z } from "zod";
// What fits on a thank-you card: the form, the schema and the card agree.
import { messageMaxLength, nameMaxLength } from "../../assets/js/shared/thanks-card.js";
import { httpsUrlProblem } from "../publishing/urls.ts";
import { parseDay, parseDayOrMoment, parseOffset } from "../words/dates.ts";
import { canonicalLanguageTag } from "../words/language.ts";
import { isBlank, plainText } from "../words/plain-text.ts";

// One schema per kind of content. The TypeScript types are inferred from them, the build
// and `npm run check` validate with them, and CONTRIBUTING.md is tested against them.

/** How a value a contributor wrote is quoted back in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString().slice(0, 10);
  if (typeof value === "string") {
    const characters = [...value];
    const shown = JSON.stringify(characters.length > 60 ? `${characters.slice(0, 57).join("")}...` : value);
    // Written out, so that the line says what is there: an invisible character, or one that would turn the line around.
    return shown.replace(
      /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Cc}\u2028\u2029]/gu,
      (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
    );
  }
  if (Array.isArray(value)) return "a list";
  if (value === null) return "an empty value";
  if (typeof value === "object") return "a group of fields";
  return String(value);
}

/** A calendar day written `2027-01-17`. YAML reads an unquoted one as a Date at UTC midnight. */
export const calendarDate = z.unknown().transform((value, context) => {
  const parsed = parseDay(value);
  if (parsed === undefined) {
    context.addIssue({ code: "custom", message: `expected a date like 2027-01-17, got ${describeValue(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/**
 * Text shown as it is: plain text (src/lib/words/plain-text.ts: composed, with no bidi control or
 * invisible character of no use, no space at either end), and counted as that.
 */
export const text = (field: string, max: number) =>
  z
    .string({ error: (issue) => `expected ${field} as text, got ${describeValue(issue.input)}` })
    .overwrite(plainText)
    // A value of spaces and invisible characters alone would show as nothing: a blank title, an unsigned comment.
    .refine((value) => !isBlank(value), {
      error: (issue) =>
        issue.input === ""
          ? `expected ${field}, got an empty value`
          : `expected ${field}, got nothing one can see: ${describeValue(issue.input)}`,
    })
    // Characters as people count them (code points): an emoji is one, not two UTF-16 units.
    .refine((value) => [...value].length <= max, {
      error: (issue) => `expected at most ${max} characters, got ${[...plainText(String(issue.input))].length}`,
    });

/** A web address a contributor or a commenter gives: the one check of src/lib/publishing/urls.ts. */
export const httpsUrl = z
  .string({ error: (issue) => `expected an https:// address, got ${describeValue(issue.input)}` })
  .superRefine((value, context) => {
    const problem = httpsUrlProblem(value);
    if (problem !== undefined) context.addIssue({ code: "custom", message: `${problem}, got ${describeValue(value)}` });
  });

export const personSchema = z.strictObject({
  name: text("a name", 100),
  honorific: text("an honorific such as Dr", 40).optional(),
  role: text("a role", 100).optional(),
  institution: text("an institution", 150).optional(),
  country: text("a country", 60).optional(),
});

export const imageSchema = z.strictObject({
  src: z
    .string({ error: "expected a path like /images/articles/my-article.svg" })
    .regex(/^\/images\/[\w./-]+\.(svg|png|jpe?g|webp|avif)$/i, {
      error: (issue) => `expected a path like /images/articles/my-article.svg, got ${describeValue(issue.input)}`,
    }),
  alt: text("alt text describing the picture", 300),
});

export const quoteSchema = z.strictObject({
  text: text("the quoted words", 400),
  by: text("who said it", 120),
});

/** A BCP 47 language tag (`ar`, `zh-Hans`, `pt-BR`), as `Intl` reads it. */
export const languageTag = z
  .string({ error: (issue) => `expected a language tag like ar, zh-Hans or pt-BR, got ${describeValue(issue.input)}` })
  .refine((tag) => canonicalLanguageTag(tag) !== undefined, {
    error: (issue) => `expected a language tag like ar, zh-Hans or pt-BR, got ${describeValue(issue.input)}`,
  });

export const articleSchema = z
  .strictObject({
    title: text("a title", 120),
    summary: text("a summary", 300),
    /** The article's language, when it is not the site's: its page, feeds and card say so. */
    lang: languageTag.optional(),
    date: calendarDate,
    people: z
      .array(personSchema, { error: "expected a list of people" })
      .min(1, { error: "expected at least one person" }),
    tags: z
      .array(z.string(), { error: "expected a list of tags like [community, stem]" })
      .min(1, { error: "expected at least one tag" }),
    image: imageSchema,
    quote: quoteSchema.optional(),
    link: httpsUrl.optional(),
    featured: z.boolean({ error: (issue) => `expected true or false, got ${describeValue(issue.input)}` }).optional(),
    draft: z.boolean({ error: (issue) => `expected true or false, got ${describeValue(issue.input)}` }).optional(),
    updated: calendarDate.optional(),
  })
  .superRefine((article, context) => {
    if (article.updated && article.updated < article.date) {
      context.addIssue({
        code: "custom",
        path: ["updated"],
        message: "expected a date on or after the article's date",
      });
    }
  });

export type Article = z.output<typeof articleSchema>;
export type Person = z.output<typeof personSchema>;

export const annualDateSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
});

const sourceSchema = z.strictObject({ title: text("a source title", 300), url: httpsUrl.optional() });

export const daySchema = z.strictObject({
  name: text("the day's name", 80),
  date: annualDateSchema,
  tagline: text("a tagline", 200),
  keyFacts: z.array(text("a fact", 300)).min(1),
  intro: text("an introduction", 1200),
  joinUs: text("a call to join in", 300),
  image: z.strictObject({ src: imageSchema.shape.src, alt: imageSchema.shape.alt }),
  hashtags: z.array(z.string().regex(/^\w+$/, { error: "expected a hashtag without #" })),
  about: z.strictObject({
    summary: text("a summary", 400),
    facts: z.array(z.strictObject({ text: text("a fact", 500), sources: z.array(sourceSchema).min(1) })),
    notToBeConfusedWith: text("a note", 300),
  }),
});

/** The pages the site's navigation may name; their labels are the locale's (src/lib/words/locale.ts). */
export const navigationPages = ["home", "articles", "events", "programmes", "about", "toolkit", "thanks"] as const;

export const siteSchema = z.strictObject({
  name: text("the site's name", 80),
  url: httpsUrl,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: "expected a language tag like en-GB" }),
  locale: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/, { error: "expected a locale like en_GB" }),
  description: text("a description", 300),
  /** The repository's web address (https), where contributors find CONTRIBUTING.md; unknown outside Netlify. */
  repository: httpsUrl.optional(),
  /** The pages in the main navigation, in order; each one's label is in the locale (navigation.pages). */
  navigation: z
    .array(
      z.strictObject({
        page: z.enum(navigationPages, {
          error: (issue) => `expected one of ${navigationPages.join(", ")}, got ${describeValue(issue.input)}`,
        }),
        url: z.string().startsWith("/"),
      }),
    )
    .min(1),
});

export const topicsSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, { error: "expected a tag in lower case with hyphens, like higher-education" }),
  z.strictObject({ label: text("a label", 40), description: text("a description", 200) }),
);

/** The campaign toolkit: which graphics to make, and posts for supporters to copy. */
export const toolkitSchema = z.strictObject({
  intro: text("an introduction", 600),
  graphics: z
    .array(
      z.strictObject({
        format: z.enum(["square", "story", "landscape", "banner"], {
          error: (issue) => `expected one of square, story, landscape or banner, got ${describeValue(issue.input)}`,
        }),
        label: text("a label", 60),
        use: text("where the graphic is for", 200),
      }),
    )
    .min(1, { error: "expected at least one graphic" }),
  posts: z
    .array(z.strictObject({ text: text("the words of a post", 400) }))
    .min(1, { error: "expected at least one post" }),
});

/** When a comment was sent: a day (`2027-01-18`) or a moment with its offset (`2027-01-18T09:30:00Z`). */
export const commentDate = z.unknown().transform((value, context) => {
  const parsed = parseDayOrMoment(value);
  if (parsed === undefined) {
    const offset = typeof value === "string" ? /T.*([+-]\d{2}:\d{2})$/.exec(value)?.[1] : undefined;
    context.addIssue({
      code: "custom",
      message:
        offset !== undefined && parseOffset(offset) === undefined
          ? `expected an offset from UTC between -12:00 and +14:00 (or Z), got ${describeValue(value)}`
          : `expected a date like 2027-01-18 or 2027-01-18T09:30:00Z, got ${describeValue(value)}`,
    });
    return z.NEVER;
  }
  return parsed;
});

/**
 * The id of a comment or a thanks: Netlify's submission id. It names the entry's anchor on its
 * page (`comment-<id>`, `thanks-<id>`: prefixes none of the pages' own ids begin with), a thanks'
 * page (/thank-your-mentor/thanks/<id>/) and the comment a reply answers.
 */
const entryId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
  error: (issue) => `expected an id of letters, digits, - or _, got ${describeValue(issue.input)}`,
});

/**
 * The approved comments of one page, as `npm run comments:import` writes them into
 * `_data/comments/<page>.json`. No email address is ever stored: there is no field for one.
 */
export const commentsSchema = z
  .array(
    z.strictObject({
      id: entryId,
      name: text("a name", 100),
      date: commentDate,
      text: text("the comment", 5000),
      website: httpsUrl.optional(),
      /** The id of the comment this one answers (on the same page). */
      replyTo: entryId.optional(),
    }),
    // A page's comments are one page: past this many, a page would be too long to read (and to build).
  )
  .max(1000, {
    error: (issue) => `expected at most 1000 comments on one page, got ${(issue.input as unknown[]).length}`,
  });

/**
 * The approved thanks of the wall, as `npm run comments:import` writes them into
 * `_data/thanks.json`: Netlify's submission id, the mentor's name, the message, the sender's name
 * if they gave one, and when it was sent. No email address is ever stored: there is no field for one.
 */
export const thanksSchema = z
  .array(
    z.strictObject({
      id: entryId,
      mentor: text("the mentor's name", nameMaxLength),
      message: text("a message", messageMaxLength),
      name: text("a name", nameMaxLength).optional(),
      date: commentDate,
      /** The language of the card's own words, when the sender chose one (src/assets/js/shared/card-language.js). */
      lang: languageTag.optional(),
    }),
  )
  .max(10_000, {
    error: (issue) => `expected at most 10000 thanks, got ${(issue.input as unknown[]).length}`,
  });

/** Words with exactly the placeholders `names` in them (`{name}`), each once, as `fillIn` fills them. */
const phraseWith = (field: string, max: number, names: readonly string[]) =>
  text(field, max).refine(
    (value) => {
      const found = [...value.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]).sort();
      return found.join() === [...names].sort().join() && !/[{}]/.test(value.replace(/\{\w+\}/g, ""));
    },
    {
      error: (issue) =>
        `expected ${field} with ${names.length ? `${names.map((name) => `{${name}}`).join(" and ")} once and ` : ""}no other {…} in it, got ${describeValue(issue.input)}`,
    },
  );

/**
 * The thank-you cards' own words in languages other than the site's (_data/cardWords.ts), by
 * language tag as Intl writes it: the greeting, the sender's line and the day's name, each in that
 * language (the footer's date is Intl's; the text alternatives stay in the site's language).
 */
export const cardWordsSchema = z.record(
  z.string().refine((tag) => canonicalLanguageTag(tag) === tag, {
    error: (issue) =>
      `expected a language tag as Intl writes it, like ar, he or zh-Hans, got ${describeValue(issue.input)}`,
  }),
  z.strictObject({
    greeting: phraseWith("the greeting (Thank you)", 40, []),
    from: phraseWith("the sender's line (From {name})", 60, ["name"]),
    day: text("the day's name", 80),
  }),
  // A key's own message, where zod would say "Invalid key in record".
  { error: (issue) => (issue.code === "invalid_key" ? issue.issues[0]?.message : undefined) },
);

export type Day = z.input<typeof daySchema>;
/** The card words of _data/cardWords.ts. */
export type CardWordsByLanguage = z.input<typeof cardWordsSchema>;
export type Site = z.input<typeof siteSchema>;
export type Topics = z.input<typeof topicsSchema>;
export type Toolkit = z.input<typeof toolkitSchema>;
/** A comment as stored in _data/comments/<page>.json (JSON has no dates: they are text). */
export type StoredComment = Omit<z.input<typeof commentsSchema>[number], "date"> & { date: string | Date };
/** A thanks as stored in _data/thanks.json. */
export type StoredThanks = Omit<z.input<typeof thanksSchema>[number], "date"> & { date: string | Date };

/** A field of a schema as a contributor writes it: `people[].name`, and whether it must be there. */
export interface FieldDescription {
  path: string;
  required: boolean;
}

/** Every field of an object schema, nested ones included, for documentation and its test. */
export function fieldsOf(schema: z.ZodObject, prefix = ""): FieldDescription[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const required = !(field instanceof z.ZodOptional);
    const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
    const path = `${prefix}${key}`;
    const nested =
      inner instanceof z.ZodObject
        ? fieldsOf(inner, `${path}.`)
        : inner instanceof z.ZodArray && inner.element instanceof z.ZodObject
          ? fieldsOf(inner.element, `${path}[].`)
          : [];
    return [{ path, required }, ...nested];
  });
}
