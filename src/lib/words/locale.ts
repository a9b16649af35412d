import { z } from "zod";
import { fillIn } from "../../assets/js/shared/placeholders.js";
import { programmeAudiences, programmeFormats } from "../content/listing-schemas.ts";
import { describeValue, navigationPages } from "../content/schemas.ts";
import { escapeHtml } from "../publishing/html.ts";

// The interface's words: one locale file per language in _data/locales/, chosen by the site's
// language. Templates and scripts show only these; dates and numbers are formatted with Intl.

const phrase = z
  .string({ error: (issue) => `expected the words as text, got ${describeValue(issue.input)}` })
  .trim()
  .min(1, { error: "expected the words as text, got an empty text" });

/**
 * Words that change with a count, by the language's plural categories (Intl.PluralRules):
 * `{ one: "{count} comment", other: "{count} comments" }`. Only `other` is required.
 */
const plural = z.strictObject({
  zero: phrase.optional(),
  one: phrase.optional(),
  two: phrase.optional(),
  few: phrase.optional(),
  many: phrase.optional(),
  other: phrase,
});

/** An object of phrases, one for each of `keys`. */
function phrases<const Key extends string>(keys: readonly Key[]): Record<Key, typeof phrase> {
  return Object.fromEntries(keys.map((key) => [key, phrase])) as Record<Key, typeof phrase>;
}

/** A page's name and what it is about, for its heading, `<title>` and description. */
const page = z.strictObject({ title: phrase, description: phrase });

export const localeSchema = z.strictObject({
  skipLink: phrase,
  navigation: z.strictObject({
    /** The navigation's own name, for screen readers. */
    label: phrase,
    /** The link to the search page that stands for the header's search form on a narrow screen. */
    search: phrase,
    pages: z.strictObject(
      Object.fromEntries(navigationPages.map((name) => [name, phrase])) as Record<
        (typeof navigationPages)[number],
        typeof phrase
      >,
    ),
  }),
  /** "{date} each year": the day's date, as the header, footer, cards and toolkit say it. */
  annualDate: phrase,
  nextDate: z.strictObject({
    today: phrase,
    next: phrase,
    tomorrow: phrase,
    inDays: plural,
  }),
  feeds: z.strictObject({ atom: phrase, json: phrase }),
  siteSearch: z.strictObject({ label: phrase, placeholder: phrase, button: phrase }),
  footer: z.strictObject({ about: phrase, shareStory: phrase }),
  home: z.strictObject({
    toolkit: phrase,
    keyFacts: phrase,
    about: phrase,
    featured: phrase,
    /** The home page's list of articles that are not among its featured ones. */
    moreArticles: phrase,
    allArticles: plural,
  }),
  calendar: z.strictObject({ intro: phrase, google: phrase, outlook: phrase, file: phrase }),
  draft: z.strictObject({ badge: phrase, page: phrase }),
  article: z.strictObject({ topics: phrase, readFull: phrase }),
  related: phrase,
  share: z.strictObject({
    article: phrase,
    page: phrase,
    links: z.strictObject({
      email: phrase,
      linkedin: phrase,
      x: phrase,
      facebook: phrase,
      bluesky: phrase,
      mastodon: phrase,
    }),
    chooseServer: phrase,
    anotherServer: phrase,
    serverExample: phrase,
    submit: phrase,
    copyLink: phrase,
    native: phrase,
    copied: phrase,
    copyFailed: phrase,
    badServer: phrase,
  }),
  comments: z.strictObject({
    heading: phrase,
    count: plural,
    countOn: phrase,
    answering: phrase,
    reply: phrase,
    replyTo: phrase,
    honeypot: phrase,
    note: phrase,
    replying: phrase,
    cancelReply: phrase,
    fields: z.strictObject({ comment: phrase, name: phrase, email: phrase, website: phrase }),
    submit: phrase,
  }),
  articles: page.extend({
    pageTitle: phrase,
    pager: phrase,
    pageOf: phrase,
    newest: phrase,
    newer: phrase,
    older: phrase,
    oldest: phrase,
  }),
  about: z.strictObject({
    title: phrase,
    heading: phrase,
    background: phrase,
    sources: plural,
    takePart: phrase,
    /** The sentence that links the articles ({articles}) and the toolkit ({toolkit}). */
    takePartLinks: phrase,
    readArticles: phrase,
    toolkit: phrase,
    shareStory: phrase,
  }),
  toolkit: page.extend({
    graphics: phrase,
    size: phrase,
    pixels: phrase,
    file: phrase,
    fileKind: phrase,
    alt: phrase,
    download: phrase,
    downloadWhat: phrase,
    posts: phrase,
    postsIntro: phrase,
    copy: phrase,
    copyWhat: phrase,
    copied: phrase,
    copyFailed: phrase,
    date: phrase,
  }),
  search: page.extend({
    noscript: phrase,
    noscriptLink: phrase,
    placeholder: phrase,
    topic: phrase,
    /** The filter of what a result is: an article's page, an event, a mentoring programme. */
    kind: phrase,
  }),
  notFound: z.strictObject({ title: phrase, lede: phrase, home: phrase, articles: phrase, about: phrase }),
  thankYou: z.strictObject({ title: phrase, lede: phrase, email: phrase, next: phrase, home: phrase, more: phrase }),
  devErrors: z.strictObject({ content: plural, failed: phrase, fix: phrase }),
  /** /thank-your-mentor/, its wall of thanks, and the words drawn on its cards. */
  thanks: z.strictObject({
    ...phrases([
      "title",
      "description",
      "homeLink",
      "toolkitLink",
      "lede",
      "makerHeading",
      "mentorLabel",
      "messageLabel",
      "messageHint",
      "charactersLeft",
      "nameLabel",
      "nameHint",
      "languageLabel",
      "languageAsMessage",
      "languageHint",
      "designLegend",
      "previewHeading",
      "previewNote",
      "downloadSquare",
      "downloadLandscape",
      "share",
      "shareTitle",
      "fileName",
      "noScript",
      "noScriptLink",
      "publishHeading",
      "publishIntro",
      "agreeLabel",
      "publishButton",
      "botLabel",
      "wallHeading",
      "wallIntro",
      "wallEmpty",
      "wallPageTitle",
      "wallPagesLabel",
      "pageOf",
      "newest",
      "newer",
      "older",
      "oldest",
      "backToMaker",
      "thanksTitle",
      "thanksTo",
      "thanksFrom",
      "shareHeading",
      "cardImageAlt",
      "downloadCard",
      "sentTitle",
      "sentLede",
      "sentBack",
    ]),
    designs: z.strictObject({ teal: phrase, cream: phrase, amber: phrase }),
    status: z.strictObject({
      drawing: phrase,
      saved: phrase,
      shared: phrase,
      shareCancelled: phrase,
      cannotDraw: phrase,
      needWords: phrase,
      shortened: phrase,
    }),
    card: z.strictObject({
      greeting: phrase,
      from: phrase,
      footer: phrase,
      alt: phrase,
      altMessage: phrase,
      altFrom: phrase,
    }),
  }),
  /** /events/, its filters and archives, and each event's page. */
  events: z.strictObject({
    ...phrases([
      "title",
      "description",
      "homeLink",
      "pageTitle",
      "attendanceTitle",
      "languageTitle",
      "archiveTitle",
      "archiveDescription",
      "archives",
      "empty",
      "emptyFiltered",
      "invite",
      "inviteForm",
      "inviteGuide",
      "filtersHeading",
      "filterAll",
      "filterAttendance",
      "filterLanguage",
      "filterCountry",
      "pager",
      "pageOf",
      "first",
      "previous",
      "next",
      "last",
      "timeRange",
      "yourTime",
      "ended",
      "register",
      "organiser",
      "languages",
      "where",
      "when",
      "online",
      "calendarIntro",
      "calendarFile",
      "subscribe",
      "calendarName",
      "kind",
      "mapNote",
      "mapName",
      "skipMap",
    ]),
    /** A marker's name: how many events, and the places it stands for: "5 events in Tokyo and Osaka". */
    mapMarker: plural,
    attendance: z.strictObject({ "in-person": phrase, online: phrase, hybrid: phrase }),
  }),
  /** /programmes/, its filters, and each programme's page. */
  programmes: z.strictObject({
    ...phrases([
      "title",
      "description",
      "homeLink",
      "pageTitle",
      "filterTitle",
      "empty",
      "emptyFiltered",
      "invite",
      "inviteForm",
      "inviteGuide",
      "filtersHeading",
      "filterAll",
      "filterFormat",
      "filterAudience",
      "filterAttendance",
      "filterLanguage",
      "filterCountry",
      "pager",
      "pageOf",
      "first",
      "previous",
      "next",
      "last",
      "organisation",
      "apply",
      "ages",
      "safeguarding",
      "where",
      "worldwide",
      "languages",
      "formats",
      "audience",
      "verified",
      "unverified",
      "expired",
      "kind",
    ]),
    formatLabels: z.strictObject(phrases(programmeFormats)),
    audienceLabels: z.strictObject(phrases(programmeAudiences)),
  }),
  /** The forms of /events/add/ and /programmes/add/ (Netlify forms `event` and `programme`): no field for an email address. */
  listingForms: z.strictObject(
    phrases([
      "eventTitle",
      "eventDescription",
      "programmeTitle",
      "programmeDescription",
      "lede",
      "required",
      "botLabel",
      "title",
      "summary",
      "start",
      "end",
      "timeZone",
      "timeZoneHint",
      "attendance",
      "venue",
      "venueHint",
      "venueName",
      "locality",
      "country",
      "countryHint",
      "latitude",
      "longitude",
      "coordinatesHint",
      "registration",
      "registrationHint",
      "organizer",
      "organizerUrl",
      "languages",
      "languagesHint",
      "description",
      "descriptionHint",
      "name",
      "organisation",
      "apply",
      "formats",
      "audience",
      "countries",
      "countriesHint",
      "ages",
      "agesHint",
      "safeguarding",
      "safeguardingHint",
      "website",
      "submit",
      "sentTitle",
      "sentLede",
      "sentEvents",
      "sentProgrammes",
    ]),
  ),
  /** A page per country with events or programmes. */
  countries: z.strictObject(
    phrases(["title", "description", "events", "programmes", "noEvents", "noProgrammes", "allEvents", "allProgrammes"]),
  ),
});

export type Locale = z.output<typeof localeSchema>;
export type Phrase = z.output<typeof phrase>;
export type Plural = z.output<typeof plural>;

/** The locale files that may serve `language`, best first: `en-GB` is served by en-GB, then by en. */
export function localeCandidates(language: string): string[] {
  const base = language.split("-")[0] ?? language;
  return base === language ? [language] : [language, base];
}

/** Of the locales there are (by tag), the one for `language`; undefined when none serves it. */
export function chooseLocale(language: string, available: readonly string[]): string | undefined {
  return localeCandidates(language).find((tag) => available.includes(tag));
}

// Intl's formatters are costly to make and thousands of pages use the same few.
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const collators = new Map<string, Intl.Collator>();

function cached<Value>(cache: Map<string, Value>, key: string, make: () => Value): Value {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A number as the language writes it: 1,234 in English, 1234 or 1.234 in Spanish. */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return cached(
    numberFormats,
    `${language} ${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(language, options),
  ).format(value);
}

/**
 * A file size in the language's units: "850 bytes", "48 kB" (1 kB = 1000 bytes), "1.2 MB" in
 * English; "1,2 MB" in Spanish, "1,2 Mo" in French.
 */
export function formatBytes(bytes: number, language: string): string {
  if (bytes < 1000) return formatNumber(bytes, language, { style: "unit", unit: "byte", unitDisplay: "long" });
  if (bytes < 1_000_000) return formatNumber(Math.round(bytes / 1000), language, { style: "unit", unit: "kilobyte" });
  const megabytes = { style: "unit", unit: "megabyte", minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
  return formatNumber(bytes / 1_000_000, language, megabytes);
}

/**
 * The words with their placeholders filled: `say("in {count} days", { count: 52 }, "en-GB")`.
 * Plural words take the form for `values.count` in `language`; numbers are written in it.
 * A placeholder without a value is an error, never shown as `{name}`.
 */
export function say(words: Phrase | Plural, values: Record<string, string | number>, language: string): string {
  let text: string;
  if (typeof words === "string") {
    text = words;
  } else {
    const count = values.count;
    if (typeof count !== "number") throw new Error(`expected a count for the words "${words.other}", got none`);
    const category = cached(pluralRules, language, () => new Intl.PluralRules(language)).select(count);
    text = words[category] ?? words.other;
  }
  const written = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === "number" ? formatNumber(value, language) : value,
    ]),
  );
  return fillIn(text, written);
}

/** Compares names and titles as the language sorts them (accents and case as its readers expect). */
export function compareText(language: string): (a: string, b: string) => number {
  return cached(collators, language, () => new Intl.Collator(language)).compare;
}

/**
 * The words as HTML, with each `{name}` replaced by markup the template made (a link, say):
 * `sayMarkup("{articles}, or share the day", { articles: '<a href="/articles/">Read the articles</a>' })`.
 * The words around the placeholders are escaped, so a language may put the links where its own
 * word order wants them and still never write markup itself.
 */
export function sayMarkup(words: Phrase, markup: Record<string, string>): string {
  return fillIn(words, markup, escapeHtml);
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Pieces of markup joined as the language joins a list: "A, B or C" in English ("disjunction"),
 * "A, B o C" in Spanish, "A、B或C" in Chinese. Intl's words and commas are escaped.
 */
export function listMarkup(items: readonly string[], language: string, type: "conjunction" | "disjunction"): string {
  const format = cached(listFormats, `${language} ${type}`, () => new Intl.ListFormat(language, { type }));
  let next = 0;
  return format
    .formatToParts(items.map((_, index) => String(index)))
    .map((part) => (part.type === "element" ? (items[next++] ?? "") : escapeHtml(part.value)))
    .join("");
}
