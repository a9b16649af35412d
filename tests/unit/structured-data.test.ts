import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import mentoringDay from "../../_data/day.ts";
import type { Article as ArticleData } from "../../src/lib/content/schemas.ts";
import {
  absolute,
  articleJsonLd,
  breadcrumbJsonLd,
  collectionPageJsonLd,
  commentsJsonLd,
  eventJsonLd,
  jsonLdPictures,
  jsonLdScript,
  type StructuredDataSources,
  structuredDataFor,
} from "../../src/lib/publishing/structured-data.ts";
import { nextOccurrence } from "../../src/lib/words/dates.ts";
import otherDay from "../fixtures/other-day.ts";

const site = { name: "International Mentoring Day", url: "https://example.org", language: "en-GB" };
const buildDay = DateTime.fromISO("2026-12-01T00:00:00Z", { zone: "utc" });

/** What a search engine reads: the text written into the page, parsed back. */
const published = (value: object): unknown => JSON.parse(jsonLdScript(value));

/** Every value of a "url", "item" or "image" key, at any depth. */
function addresses(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(addresses);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    ["url", "item", "image"].includes(key) && typeof inner === "string" ? [inner] : addresses(inner),
  );
}

const withQuote: ArticleData = {
  title: "Storytelling and humanism: A new college mentoring theory",
  summary: "A mentoring programme built on humanism and storytelling.",
  date: new Date("2026-11-26T00:00:00Z"),
  people: [{ name: "Joshua Cruz", honorific: "Dr", country: "USA" }],
  tags: ["storytelling"],
  image: { src: "/images/articles/storytelling.svg", alt: "A mentor and a student" },
  quote: { text: "Others’ experiences help us move forward.", by: "Dr Joshua Cruz" },
  link: "https://researchfeatures.com/storytelling-humanism-college-mentoring-theory/",
};

const withoutQuote: ArticleData = {
  title: "Scholarship and mentoring",
  summary: "How a scholarship programme uses mentoring.",
  date: new Date("2026-11-26T00:00:00Z"),
  people: [
    { name: "Jen-Mei Chang", honorific: "Professor", institution: "California State University" },
    { name: "Gino Galvez" },
  ],
  tags: ["stem"],
  image: { src: "/images/articles/scholarship.svg", alt: "A graduate" },
};

const articleUrl = "https://example.org/articles/storytelling/";

describe("eventJsonLd", () => {
  const next = nextOccurrence(mentoringDay.date, buildDay);
  const event = published(eventJsonLd(mentoringDay, next, site));

  it("has what Google requires of an Event: a name, a start date and a location", () => {
    expect(event).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: mentoringDay.name,
      startDate: "2027-01-17",
      location: { "@type": "VirtualLocation", url: "https://example.org/" },
    });
  });

  it("is a one-day online event, as scheduled, described by the day's introduction", () => {
    expect(event).toMatchObject({
      description: mentoringDay.intro,
      endDate: "2027-01-17",
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      eventStatus: "https://schema.org/EventScheduled",
      organizer: { "@type": "Organization", name: site.name, url: "https://example.org/" },
      image: "https://example.org/images/hero.svg",
    });
  });

  it("comes back every year on the day's month and day", () => {
    expect(event).toMatchObject({
      eventSchedule: {
        "@type": "Schedule",
        repeatFrequency: "P1Y",
        byMonth: 1,
        byMonthDay: 17,
        startDate: "2027-01-17",
      },
    });
  });

  it("takes its date from the data, so another day needs no code change", () => {
    const kindness = published(eventJsonLd(otherDay, nextOccurrence(otherDay.date, buildDay), site));
    expect(kindness).toMatchObject({
      name: "World Kindness Day",
      startDate: "2027-11-13",
      eventSchedule: { byMonth: 11, byMonthDay: 13 },
    });
  });

  it("puts the site's path prefix into every address when the site lives under a sub-path", () => {
    const underPrefix = published(eventJsonLd(mentoringDay, next, { ...site, pathPrefix: "/imd/" }));
    expect(addresses(underPrefix)).toEqual(expect.arrayContaining(["https://example.org/imd/images/hero.svg"]));
    for (const address of addresses(underPrefix)) expect(address.startsWith("https://example.org/imd/")).toBe(true);
  });
});

describe("articleJsonLd", () => {
  const article = published(articleJsonLd({ url: articleUrl, data: withQuote }, site));
  const unquoted = published(articleJsonLd({ url: articleUrl, data: withoutQuote }, site));

  it("has what Google asks of an Article: headline, authors with names, publication date and an absolute image", () => {
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Article",
      headline: withQuote.title,
      description: withQuote.summary,
      inLanguage: "en-GB",
      datePublished: "2026-11-26",
      url: articleUrl,
      image: "https://example.org/images/articles/storytelling.svg",
      author: [{ "@type": "Person", name: "Joshua Cruz" }],
      publisher: { "@type": "Organization", name: site.name, url: "https://example.org/" },
    });
  });

  it("is in the article's own language when it has one, in the site's otherwise", () => {
    const arabic = published(articleJsonLd({ url: articleUrl, data: { ...withoutQuote, lang: "ar" } }, site));
    expect(arabic).toHaveProperty("inLanguage", "ar");
    expect(
      published(articleJsonLd({ url: articleUrl, data: { ...withoutQuote, lang: "zh-hans" } }, site)),
    ).toHaveProperty("inLanguage", "zh-Hans");
    expect(unquoted).toHaveProperty("inLanguage", "en-GB");
  });

  it("keeps the honorific out of the name, as honorificPrefix", () => {
    expect(article).toHaveProperty(["author", 0, "honorificPrefix"], "Dr");
    expect(unquoted).toHaveProperty(["author", 0, "honorificPrefix"], "Professor");
    expect(unquoted).not.toHaveProperty(["author", 1, "honorificPrefix"]);
  });

  it("gives an author an affiliation only when the institution is known", () => {
    expect(unquoted).toHaveProperty(["author", 0, "affiliation"], {
      "@type": "Organization",
      name: "California State University",
    });
    expect(unquoted).not.toHaveProperty(["author", 1, "affiliation"]);
    expect(article).not.toHaveProperty(["author", 0, "affiliation"]);
  });

  it("gives an author a country only when it is known", () => {
    expect(article).toHaveProperty(["author", 0, "address"], { "@type": "PostalAddress", addressCountry: "USA" });
    expect(unquoted).not.toHaveProperty(["author", 0, "address"]);
  });

  it("includes the quote as a Quotation credited to the author who said it", () => {
    expect(article).toMatchObject({
      hasPart: {
        "@type": "Quotation",
        text: withQuote.quote?.text,
        creator: { "@type": "Person", name: "Joshua Cruz", honorificPrefix: "Dr" },
      },
    });
  });

  it("credits a quote by someone who is not an author to that name as written", () => {
    const data = { ...withQuote, quote: { text: "Mentors matter.", by: "A mentee" } };
    expect(published(articleJsonLd({ url: articleUrl, data }, site))).toHaveProperty(["hasPart", "creator"], {
      "@type": "Person",
      name: "A mentee",
    });
  });

  it("has no Quotation when the article has no quote", () => {
    expect(unquoted).not.toHaveProperty("hasPart");
    expect(JSON.stringify(unquoted)).not.toContain("Quotation");
  });

  it("links the original article, and gives a modified date, only when the front matter does", () => {
    expect(article).toHaveProperty("isBasedOn", withQuote.link);
    expect(unquoted).not.toHaveProperty("isBasedOn");
    expect(article).not.toHaveProperty("dateModified");
    const updated = { ...withQuote, updated: new Date("2027-01-10T00:00:00Z") };
    expect(published(articleJsonLd({ url: articleUrl, data: updated }, site))).toHaveProperty(
      "dateModified",
      "2027-01-10",
    );
  });
});

describe("breadcrumbJsonLd", () => {
  it("numbers the list items from 1, home first, each with its name and address", () => {
    const trail = [
      { name: "Home", url: "https://example.org/" },
      { name: "Articles", url: "https://example.org/articles/" },
      { name: "Storytelling", url: articleUrl },
    ];
    expect(published(breadcrumbJsonLd(trail))).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: trail.map(({ name, url }, index) => ({
        "@type": "ListItem",
        position: index + 1,
        name,
        item: url,
      })),
    });
  });
});

describe("collectionPageJsonLd", () => {
  const page = { name: "Articles", url: "https://example.org/articles/", description: "Stories about mentoring." };
  const items = [
    { name: "Storytelling", url: articleUrl },
    { name: "Scholarship", url: "https://example.org/articles/scholarship/" },
  ];

  it("is a CollectionPage whose main entity is an ItemList of the pages, numbered from 1", () => {
    expect(published(collectionPageJsonLd(page, items))).toEqual({
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      ...page,
      mainEntity: {
        "@type": "ItemList",
        numberOfItems: 2,
        itemListElement: [
          { "@type": "ListItem", position: 1, url: articleUrl, name: "Storytelling" },
          { "@type": "ListItem", position: 2, url: "https://example.org/articles/scholarship/", name: "Scholarship" },
        ],
      },
    });
  });
});

describe("commentsJsonLd", () => {
  const stored = [
    { id: "a", name: "Ama", date: "2027-01-17", text: "First", website: "https://ama.example" },
    { id: "c", name: "Cy", date: "2027-01-19T10:00:00Z", text: "Third", replyTo: "b" },
    { id: "b", name: "Ben", date: "2027-01-18", text: "<script>Second</script>", replyTo: "a" },
    { id: "d", name: "Di", date: "2027-01-18", text: "Fourth" },
  ];
  const described = published(commentsJsonLd(stored, articleUrl)) as {
    commentCount: number;
    comment: Record<string, unknown>[];
  };

  it("counts every comment, replies included, and lists them as the page shows them, thread by thread", () => {
    expect(described.commentCount).toBe(4);
    expect(described.comment.map((comment) => comment.text)).toEqual([
      "First",
      "<script>Second</script>",
      "Third",
      "Fourth",
    ]);
  });

  it("gives each Comment its author, date, text and permalink, and a reply the comment it answers", () => {
    expect(described.comment[0]).toEqual({
      "@type": "Comment",
      "@id": `${articleUrl}#comment-a`,
      url: `${articleUrl}#comment-a`,
      author: { "@type": "Person", name: "Ama", url: "https://ama.example" },
      dateCreated: "2027-01-17",
      text: "First",
    });
    expect(described.comment[1]?.parentItem).toEqual({ "@id": `${articleUrl}#comment-a` });
    expect(described.comment[2]).toMatchObject({
      dateCreated: "2027-01-19T10:00:00.000Z",
      parentItem: { "@id": `${articleUrl}#comment-b` },
    });
    expect(described.comment[3]).not.toHaveProperty("parentItem");
  });

  it("gives a page without comments a count of 0 and no list", () => {
    expect(commentsJsonLd(undefined, articleUrl)).toEqual({ commentCount: 0 });
  });
});

describe("jsonLdScript", () => {
  const hostile = {
    headline: `</script><script>alert("x")</script> <!-- & </SCRIPT `,
    nested: [{ text: "a < b > c, 导师 ’" }],
  };

  it("writes no '<', so no string can close the script element or open a comment", () => {
    const json = jsonLdScript(hostile);
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script>");
  });

  it("round-trips through JSON.parse to the same value", () => {
    expect(JSON.parse(jsonLdScript(hostile))).toEqual(hostile);
    const article = articleJsonLd({ url: articleUrl, data: withQuote }, site);
    expect(JSON.parse(jsonLdScript(article))).toEqual(article);
  });
});

describe("absolute", () => {
  it("resolves a site path against the site's address and path prefix", () => {
    expect(absolute("/images/a.svg", site)).toBe("https://example.org/images/a.svg");
    expect(absolute("/images/a.svg", { ...site, pathPrefix: "/imd/" })).toBe("https://example.org/imd/images/a.svg");
  });

  it("keeps an address that is already absolute", () => {
    expect(absolute("https://cdn.example.net/a.png", { ...site, pathPrefix: "/imd/" })).toBe(
      "https://cdn.example.net/a.png",
    );
  });
});

describe("structuredDataFor", () => {
  const storytelling = { url: "/articles/storytelling/", data: withQuote };
  const scholarship = { url: "/articles/scholarship/", data: withoutQuote };
  const sources: StructuredDataSources = {
    site: { ...site, description: "A day for mentors." },
    day: mentoringDay,
    next: nextOccurrence(mentoringDay.date, buildDay),
    articlesIndex: { name: "Articles", path: "/articles/" },
    articles: [storytelling, scholarship],
    featured: [scholarship],
  };
  /** What a search engine reads of each block, as written into the page. */
  const blocks = (page: Parameters<typeof structuredDataFor>[0], from = sources) =>
    structuredDataFor(page, from).map(published) as Record<string, unknown>[];
  const types = (page: Parameters<typeof structuredDataFor>[0]) => blocks(page).map((block) => block["@type"]);
  const trail = (page: Parameters<typeof structuredDataFor>[0]) =>
    (
      blocks(page).find((block) => block["@type"] === "BreadcrumbList") as {
        itemListElement: { name: string; item: string }[];
      }
    ).itemListElement.map(({ name, item }) => [name, item]);
  const home = [site.name, "https://example.org/"];

  it("describes the home page as the day's Event, the featured articles and the first breadcrumb", () => {
    const page = { kind: "home", path: "/" };
    expect(types(page)).toEqual(["Event", "CollectionPage", "BreadcrumbList"]);
    const [event, collection] = blocks(page);
    expect(event).toEqual(published(eventJsonLd(mentoringDay, sources.next, site)));
    expect(collection).toEqual({
      ...(published(
        collectionPageJsonLd({ name: site.name, url: "https://example.org/", description: "A day for mentors." }, [
          { name: withoutQuote.title, url: "https://example.org/articles/scholarship/" },
        ]),
      ) as object),
      commentCount: 0,
    });
    expect(trail(page)).toEqual([home]);
  });

  it("lists a page of the articles list's own articles, under the articles index", () => {
    const page = {
      kind: "articles",
      title: "Articles, page 2",
      path: "/articles/page/2/",
      description: "Every article.",
    };
    const from = { ...sources, onPage: [storytelling] };
    expect(blocks(page, from).map((block) => block["@type"])).toEqual(["CollectionPage", "BreadcrumbList"]);
    expect(blocks(page, from)[0]).toMatchObject({
      name: "Articles, page 2",
      url: "https://example.org/articles/page/2/",
      description: "Every article.",
      mainEntity: { numberOfItems: 1, itemListElement: [{ name: withQuote.title, url: articleUrl }] },
    });
    expect(trail(page)).toEqual([home, ["Articles", "https://example.org/articles/"]]);
  });

  it("describes an article page as the article at its address, under the articles index", () => {
    const page = { kind: "article", title: withoutQuote.title, path: "/articles/scholarship/" };
    expect(types(page)).toEqual(["Article", "BreadcrumbList"]);
    expect(blocks(page)[0]).toEqual({
      ...(published(
        articleJsonLd({ url: "https://example.org/articles/scholarship/", data: withoutQuote }, site),
      ) as object),
      commentCount: 0,
    });
    expect(trail(page)).toEqual([
      home,
      ["Articles", "https://example.org/articles/"],
      [withoutQuote.title, "https://example.org/articles/scholarship/"],
    ]);
  });

  it("describes the day on the about page, and any other page by its breadcrumbs alone", () => {
    const about = { kind: "about", title: "About the day", path: "/about/" };
    expect(types(about)).toEqual(["Event", "BreadcrumbList"]);
    expect(trail(about)).toEqual([home, ["About the day", "https://example.org/about/"]]);
    for (const kind of ["toolkit", "page", undefined]) {
      const page = { kind, title: "Campaign toolkit", path: "/toolkit/" };
      expect(types(page)).toEqual(["BreadcrumbList"]);
      expect(trail(page)).toEqual([home, ["Campaign toolkit", "https://example.org/toolkit/"]]);
    }
  });

  it("puts the path prefix into every address when the site lives under a sub-path", () => {
    const underPrefix = { ...sources, site: { ...sources.site, pathPrefix: "/imd/" } };
    const pages = [
      { kind: "home", path: "/" },
      { kind: "articles", title: "Articles", path: "/articles/", description: "Every article." },
      { kind: "article", title: withQuote.title, path: "/articles/storytelling/" },
      { kind: "about", title: "About the day", path: "/about/" },
    ];
    for (const page of pages) {
      const found = addresses(blocks(page, { ...underPrefix, onPage: [scholarship] }));
      expect(found.length, page.path).toBeGreaterThan(0);
      for (const address of found) expect(address, page.path).toMatch(/^https:\/\/example\.org\/imd\//);
    }
  });

  it("gives the home page's CollectionPage and an article its comments, and the Event none", () => {
    const from = { ...sources, comments: [{ id: "c1", name: "Ama", date: "2027-01-17", text: "Hello" }] };
    const [event, collection] = blocks({ kind: "home", path: "/" }, from);
    expect(event).not.toHaveProperty("commentCount");
    expect(collection).toMatchObject({ commentCount: 1, comment: [{ url: "https://example.org/#comment-c1" }] });
    const [article] = blocks({ kind: "article", title: withQuote.title, path: "/articles/storytelling/" }, from);
    expect(article).toMatchObject({ commentCount: 1, comment: [{ url: `${articleUrl}#comment-c1` }] });
  });

  it("names the address when an article page has no article, or a page no title for its breadcrumbs", () => {
    expect(() => blocks({ kind: "article", title: "Gone", path: "/articles/gone/" })).toThrow(
      "JSON-LD: /articles/gone/: expected an article at this address, found none",
    );
    expect(() => blocks({ kind: "page", path: "/untitled/" })).toThrow("JSON-LD: /untitled/: expected a title");
  });
});

describe("jsonLdPictures", () => {
  const articles = [{ url: "/articles/storytelling/", data: withQuote }];
  const rendition = async (src: string) => `/img/${src.split("/").at(-1)?.replace(".svg", "")}-0123456789-1200.png`;

  it("names the day's picture and the page's article's, as the build made them", async () => {
    const pictureUrl = await jsonLdPictures("/articles/storytelling/", { day: mentoringDay, articles }, rendition);
    expect(pictureUrl(withQuote.image.src)).toBe("/img/storytelling-0123456789-1200.png");
    expect(pictureUrl(mentoringDay.image.src)).toMatch(/^\/img\/.*-0123456789-1200\.png$/);
  });

  it("names no other picture: a source picture is never published", async () => {
    const pictureUrl = await jsonLdPictures("/about/", { day: mentoringDay, articles }, rendition);
    expect(() => pictureUrl(withQuote.image.src)).toThrow(
      `JSON-LD: /about/: expected a picture made of ${withQuote.image.src}, found none`,
    );
  });
});
