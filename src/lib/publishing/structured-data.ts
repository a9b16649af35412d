import type { DateTime } from "luxon";
import type {
  Article,
  BreadcrumbList,
  CollectionPage,
  Comment,
  Event,
  ListItem,
  Organization,
  Place,
  Quotation,
  Person as SchemaPerson,
  VirtualLocation,
  WithContext,
} from "schema-dts";
// schemas.ts names the front matter "Article"; here that name is schema.org's.
import type { Article as ArticleData, Day, Person, StoredComment } from "../content/schemas.ts";
import { findByUrl } from "../site/articles.ts";
import { commentThreads } from "../site/comments.ts";
import { type EventListing, eventPlace } from "../site/events.ts";
import { displayName } from "../site/people.ts";
import { instantWithOffset, isoDate } from "../words/dates.ts";
import { articleLanguage } from "../words/language.ts";
import { absoluteUrl } from "./urls.ts";

/** The site as structured data names it: the publisher, and the root that site paths resolve against. */
export interface PublishingSite {
  name: string;
  /** The site's address, as `absoluteUrl` in urls.ts takes it. */
  url: string;
  /** The site's language (a BCP 47 tag): an article's unless it says its own. */
  language: string;
  /** Where the site lives under its host when it is not at the root, as Eleventy's pathPrefix. */
  pathPrefix?: string;
  /**
   * The site path of the picture the build made of a source picture (/images/a.jpg), which is
   * itself never published: the build always gives it. Without it, the source's own path.
   */
  pictureUrl?: (src: string) => string;
}

/** A page that a list links to: its title and absolute address. */
export interface LinkedPage {
  name: string;
  url: string;
}

/** A page as its JSON-LD describes it. `path` is the site path, as Eleventy's `page.url`. */
export interface DescribedPage {
  /** The page's `pageKind`: "home", "articles" (a page of the list), "article", "about", or another page. */
  kind?: string | undefined;
  title?: string | undefined;
  path: string;
  description?: string | undefined;
}

/** An article as Eleventy's collections hold it: its site path and its front matter. */
export interface ArticlePage {
  url: string;
  data: ArticleData;
}

/** What a page's JSON-LD is made from. */
export interface StructuredDataSources {
  site: PublishingSite & { description: string };
  day: Day;
  /** The day's next occurrence as of the build. */
  next: DateTime;
  /** The list that every article sits under, in breadcrumbs. */
  articlesIndex: { name: string; path: string };
  /** Every article: an article page finds itself among them. */
  articles: readonly ArticlePage[];
  /** The articles the home page features. */
  featured: readonly ArticlePage[];
  /** On a page of the articles list, the articles it shows. */
  onPage?: readonly ArticlePage[] | undefined;
  /** The approved comments of the page (its file in _data/comments/), on the home page and an article page. */
  comments?: readonly StoredComment[] | undefined;
  /** Every event (events/*.md): an event's page finds itself among them. */
  events?: readonly EventListing[] | undefined;
  /** The events on the day's next occurrence (each on that date in its own zone): the day names them. */
  eventsOnTheDay?: readonly EventListing[] | undefined;
  /** The list of events a page belongs to, in breadcrumbs. */
  eventsIndex?: { name: string; path: string } | undefined;
}

/**
 * The site path of each picture a page's JSON-LD may name (the day's, and an article's own on its
 * page), as the build made it (`rendition`): a lookup that fails for any other picture.
 */
export async function jsonLdPictures(
  pagePath: string,
  sources: { day: Day; articles: readonly ArticlePage[]; events?: readonly EventListing[] | undefined },
  rendition: (src: string) => Promise<string>,
): Promise<(src: string) => string> {
  const shown = [
    sources.day.image.src,
    findByUrl(sources.articles, pagePath)?.data.image.src,
    findByUrl(sources.events ?? [], pagePath)?.data.image?.src,
  ];
  const renditions = new Map(
    await Promise.all(
      shown.filter((src) => src !== undefined).map(async (src) => [src, await rendition(src)] as const),
    ),
  );
  return (src) => {
    const url = renditions.get(src);
    if (url === undefined) throw new Error(`JSON-LD: ${pagePath}: expected a picture made of ${src}, found none`);
    return url;
  };
}

export type JsonLd =
  | WithContext<Event>
  | WithContext<Article>
  | WithContext<BreadcrumbList>
  | WithContext<CollectionPage>;

/**
 * Every JSON-LD block a page carries, in order. Each page has breadcrumbs from the home page;
 * the home page and the about page describe the day as an Event, the home page and the
 * articles list their articles, and an article page describes its article.
 */
export function structuredDataFor(page: DescribedPage, sources: StructuredDataSources): JsonLd[] {
  const { site, day, next } = sources;
  const linked = (name: string, path: string): LinkedPage => ({ name, url: absolute(path, site) });
  const listed = (articles: readonly ArticlePage[]) =>
    articles.map((article) => linked(article.data.title, article.url));
  const home = linked(site.name, "/");
  const articlesIndex = linked(sources.articlesIndex.name, sources.articlesIndex.path);
  const self = () => {
    if (!page.title) throw new Error(`JSON-LD: ${page.path}: expected a title, to end the page's breadcrumbs`);
    return linked(page.title, page.path);
  };

  switch (page.kind) {
    case "home":
      return [
        { ...eventJsonLd(day, next, site), ...subEventsJsonLd(sources.eventsOnTheDay ?? [], site) },
        {
          ...collectionPageJsonLd({ ...home, description: site.description }, listed(sources.featured)),
          ...commentsJsonLd(sources.comments, home.url),
        },
        breadcrumbJsonLd([home]),
      ];
    case "articles":
      return [
        collectionPageJsonLd(
          { ...self(), description: page.description ?? site.description },
          listed(sources.onPage ?? []),
        ),
        breadcrumbJsonLd([home, articlesIndex]),
      ];
    case "article": {
      const article = findByUrl(sources.articles, page.path);
      if (article === undefined)
        throw new Error(`JSON-LD: ${page.path}: expected an article at this address, found none`);
      return [
        {
          ...articleJsonLd({ url: absolute(article.url, site), data: article.data }, site),
          ...commentsJsonLd(sources.comments, absolute(article.url, site)),
        },
        breadcrumbJsonLd([home, articlesIndex, self()]),
      ];
    }
    case "event": {
      const event = findByUrl(sources.events ?? [], page.path);
      if (event === undefined) throw new Error(`JSON-LD: ${page.path}: expected an event at this address, found none`);
      const index = sources.eventsIndex ?? { name: site.name, path: "/" };
      return [listedEventJsonLd(event, site), breadcrumbJsonLd([home, linked(index.name, index.path), self()])];
    }
    case "about":
      return [eventJsonLd(day, next, site), breadcrumbJsonLd([home, self()])];
    default:
      return [breadcrumbJsonLd([home, self()])];
  }
}

/**
 * The day as a schema.org Event on its next occurrence, with a yearly Schedule so that
 * search engines know it comes back. It is observed everywhere rather than at a venue,
 * so the place is the site itself (Google asks for a VirtualLocation with online events).
 */
export function eventJsonLd(day: Day, next: DateTime, site: PublishingSite): WithContext<Event> {
  const date = isoDate(next);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: day.name,
    description: day.intro,
    // All day on one date: schema.org end dates are inclusive, unlike iCalendar's DTEND.
    startDate: date,
    endDate: date,
    eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
    eventStatus: "https://schema.org/EventScheduled",
    location: { "@type": "VirtualLocation", url: absolute("/", site) },
    organizer: organization(site),
    image: absolute(site.pictureUrl?.(day.image.src) ?? day.image.src, site),
    url: absolute("/", site),
    eventSchedule: {
      "@type": "Schedule",
      repeatFrequency: "P1Y",
      byMonth: day.date.month,
      byMonthDay: day.date.day,
      startDate: date,
    },
  };
}

/** The events of the day, named in its own Event as sub-events: each with its page and its exact start. */
function subEventsJsonLd(events: readonly EventListing[], site: PublishingSite): { subEvent?: Event[] } {
  if (events.length === 0) return {};
  return {
    subEvent: events.map(
      (event): Event => ({
        "@type": "Event",
        name: event.data.title,
        url: absolute(event.url, site),
        startDate: instantWithOffset(event.start),
      }),
    ),
  };
}

const attendanceModes = {
  "in-person": "https://schema.org/OfflineEventAttendanceMode",
  online: "https://schema.org/OnlineEventAttendanceMode",
  hybrid: "https://schema.org/MixedEventAttendanceMode",
} as const;

/**
 * An event of events/*.md as a schema.org Event: its exact start and end with their offset, how it
 * is attended, and where: a Place with its PostalAddress, a VirtualLocation (its registration page;
 * the meeting link is never published), or both for a hybrid event.
 */
export function listedEventJsonLd(event: EventListing, site: PublishingSite): WithContext<Event> {
  const { data } = event;
  const place = eventPlace(event);
  const physical: Place | undefined = place && {
    "@type": "Place",
    name: place.name,
    address: { "@type": "PostalAddress", addressLocality: place.locality, addressCountry: place.country },
    geo: { "@type": "GeoCoordinates", latitude: place.latitude, longitude: place.longitude },
  };
  const virtual: VirtualLocation = { "@type": "VirtualLocation", url: data.registration };
  const location = physical === undefined ? virtual : data.attendance === "hybrid" ? [physical, virtual] : physical;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: data.title,
    description: data.summary,
    url: absolute(event.url, site),
    startDate: instantWithOffset(event.start),
    endDate: instantWithOffset(event.end),
    eventAttendanceMode: attendanceModes[data.attendance],
    eventStatus: "https://schema.org/EventScheduled",
    location,
    organizer: {
      "@type": "Organization",
      name: data.organizer.name,
      ...(data.organizer.url === undefined ? {} : { url: data.organizer.url }),
    },
    inLanguage: data.languages,
    ...(data.image === undefined ? {} : { image: absolute(site.pictureUrl?.(data.image.src) ?? data.image.src, site) }),
  };
}

/**
 * An article page as a schema.org Article. Its pull quote, when it has one, is a Quotation
 * that is part of the article and credited to whoever said it.
 */
export function articleJsonLd(article: { url: string; data: ArticleData }, site: PublishingSite): WithContext<Article> {
  const { data } = article;
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: data.title,
    description: data.summary,
    inLanguage: articleLanguage(data.lang, site.language).tag,
    datePublished: isoDate(data.date),
    ...(data.updated === undefined ? {} : { dateModified: isoDate(data.updated) }),
    url: article.url,
    mainEntityOfPage: article.url,
    image: absolute(site.pictureUrl?.(data.image.src) ?? data.image.src, site),
    author: data.people.map(personJsonLd),
    publisher: organization(site),
    // The page introduces a longer article published elsewhere.
    ...(data.link === undefined ? {} : { isBasedOn: data.link }),
    ...(data.quote === undefined ? {} : { hasPart: quotation(data.quote, data.people) }),
  };
}

/**
 * A page's comments, for the CreativeWork the page is: how many, and each as a Comment at its
 * permalink, in the order the page shows them. A reply names the comment it answers as its parentItem.
 */
export function commentsJsonLd(
  stored: readonly StoredComment[] | undefined,
  pageUrl: string,
): { commentCount: number; comment?: Comment[] } {
  const permalink = (id: string) => `${pageUrl}#comment-${id}`;
  const comments = commentThreads(stored).flatMap(({ comment, replies }) => [comment, ...replies]);
  const shown = new Set(comments.map((comment) => comment.id));
  return {
    commentCount: comments.length,
    ...(comments.length === 0
      ? {}
      : {
          comment: comments.map(
            (comment): Comment => ({
              "@type": "Comment",
              "@id": permalink(comment.id),
              url: permalink(comment.id),
              author: {
                "@type": "Person",
                name: comment.name,
                ...(comment.website === undefined ? {} : { url: comment.website }),
              },
              dateCreated: comment.dateTime,
              text: comment.text,
              ...(comment.replyTo !== undefined && shown.has(comment.replyTo)
                ? { parentItem: { "@id": permalink(comment.replyTo) } }
                : {}),
            }),
          ),
        }),
  };
}

/** Where a page sits in the site, from the home page down to the page itself. */
export function breadcrumbJsonLd(items: LinkedPage[]): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map(
      (item, index): ListItem => ({ "@type": "ListItem", position: index + 1, name: item.name, item: item.url }),
    ),
  };
}

/** A page that lists other pages, such as the articles index, with the list as its main content. */
export function collectionPageJsonLd(
  page: LinkedPage & { description: string },
  items: LinkedPage[],
): WithContext<CollectionPage> {
  return {
    "@context": "https://schema.org",
    "@type": "CollectionPage",
    name: page.name,
    url: page.url,
    description: page.description,
    mainEntity: {
      "@type": "ItemList",
      numberOfItems: items.length,
      itemListElement: items.map(
        (item, index): ListItem => ({ "@type": "ListItem", position: index + 1, url: item.url, name: item.name }),
      ),
    },
  };
}

/**
 * The JSON text to put inside `<script type="application/ld+json">`. The HTML parser ends a
 * script at the first "</script" whatever the JSON means, so every "<" is written as the JSON
 * escape \u003c: it reads back as the same string and can never start a tag.
 */
export function jsonLdScript(value: object): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** An absolute URL for a site path ("/images/a.svg"); an address that is already absolute is kept. */
export function absolute(pathOrUrl: string, site: PublishingSite): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(pathOrUrl)) return pathOrUrl;
  return absoluteUrl(pathOrUrl, site.url, site.pathPrefix);
}

function organization(site: PublishingSite): Organization {
  return { "@type": "Organization", name: site.name, url: absolute("/", site) };
}

/** A person as known from the front matter: facts that are not given are left out, not guessed. */
function personJsonLd(person: Person): SchemaPerson {
  return {
    "@type": "Person",
    name: person.name,
    ...(person.honorific === undefined ? {} : { honorificPrefix: person.honorific }),
    ...(person.role === undefined ? {} : { jobTitle: person.role }),
    ...(person.institution === undefined ? {} : { affiliation: { "@type": "Organization", name: person.institution } }),
    // The front matter's country is where the person works, not a nationality.
    ...(person.country === undefined ? {} : { address: { "@type": "PostalAddress", addressCountry: person.country } }),
  };
}

/**
 * The quote credited to its speaker. Quotes are signed as "Dr Joshua Cruz": when that is one of
 * the article's people, with or without the honorific, the full person is used.
 */
function quotation(quote: { text: string; by: string }, people: Person[]): Quotation {
  const speaker = people.find((person) => quote.by === person.name || quote.by === displayName(person));
  return {
    "@type": "Quotation",
    text: quote.text,
    creator: speaker === undefined ? { "@type": "Person", name: quote.by } : personJsonLd(speaker),
  };
}
