import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { describe, expect, inject, it } from "vitest";
import { htmlFiles, readPage } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const read = (path: string) => readFileSync(join(siteDir, path), "utf8");
const xml = (path: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ["entry", "url", "author", "link"].includes(name),
  }).parse(read(path));
const publicPages = () =>
  htmlFiles(siteDir).filter(
    (file) =>
      ![
        "404.html",
        "thank-you/index.html",
        "thank-your-mentor/sent/index.html",
        "events/add/sent/index.html",
        "programmes/add/sent/index.html",
      ].includes(file),
  );
const urlOf = (file: string) => `/${file.replace(/index\.html$/, "")}`;
// JSON-LD as parsed: the tests look into it by property name.
type Thing = { "@type": string } & Record<string, unknown>;
const jsonLdOf = (file: string): Thing[] =>
  readPage(siteDir, urlOf(file))
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.innerHTML) as Thing);

describe("the calendar file", () => {
  const calendar = read("international-mentoring-day.ics");

  it("is RFC 5545 text: CRLF line ends and lines folded at 75 octets", () => {
    expect(calendar.endsWith("\r\n")).toBe(true);
    expect(calendar.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    for (const line of calendar.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("opens in an independent parser as a yearly all-day event on 17 January, with the site's link", () => {
    const component = new ICAL.Component(ICAL.parse(calendar));
    const vevent = component.getFirstSubcomponent("vevent")!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe("International Mentoring Day");
    expect(event.uid).toBeTruthy();
    expect(vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(vevent.getFirstPropertyValue("url")).toMatch(/^https:\/\/.+\/$/);
    expect(event.startDate.isDate).toBe(true);
    const iterator = event.iterator();
    const next3 = [iterator.next(), iterator.next(), iterator.next()].map((time) => time?.toString());
    // The shared build's clock is 1 December 2026.
    expect(next3).toEqual(["2027-01-17", "2028-01-17", "2029-01-17"]);
  });

  it("is linked from the home page, with Google and Outlook links for the same day", () => {
    const home = readPage(siteDir, "/");
    const links = home.querySelectorAll(".add-to-calendar a").map((a) => a.getAttribute("href")!);
    expect(links).toContain("/international-mentoring-day.ics");
    const google = new URL(links.find((href) => href.includes("calendar.google.com"))!);
    expect(google.searchParams.get("dates")).toBe("20270117/20270118");
    expect(google.searchParams.get("recur")).toBe("RRULE:FREQ=YEARLY");
    const outlook = new URL(links.find((href) => href.includes("outlook.live.com"))!);
    expect(outlook.searchParams.get("startdt")).toBe("2027-01-17");
  });
});

describe("the Atom feed", () => {
  const { feed } = xml("feed.xml");

  it("has the elements RFC 4287 requires of a feed", () => {
    for (const element of ["id", "title", "updated", "author"]) expect(feed[element], element).toBeDefined();
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.link.find((link: Record<string, string>) => link["@rel"] === "self")["@href"]).toMatch(/\/feed\.xml$/);
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  });

  it("has an entry per article, each with an id, a title, dates, authors and an alternate link", () => {
    expect(feed.entry).toHaveLength(4);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^https:\/\/.+\/articles\/[a-z0-9-]+\/$/);
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(Number.isNaN(Date.parse(entry.published))).toBe(false);
      expect(entry.author.length).toBeGreaterThan(0);
      expect(entry.link[0]["@href"]).toBe(entry.id);
      expect(entry.content["#text"]).toContain("<p>");
    }
  });
});

describe("the JSON feed", () => {
  const feed = JSON.parse(read("feed.json"));

  it("is JSON Feed 1.1 with its required fields", () => {
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBeTruthy();
    expect(feed.feed_url).toMatch(/^https:\/\/.+\/feed\.json$/);
    expect(feed.items).toHaveLength(4);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(item.content_html ?? item.content_text).toBeTruthy();
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
      expect(item.authors[0].name).toBeTruthy();
    }
  });

  it("and the Atom feed are linked from every page's head", () => {
    for (const file of htmlFiles(siteDir)) {
      const head = readPage(siteDir, urlOf(file)).querySelector("head")!;
      expect(head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute("href"), file).toBe(
        "/feed.xml",
      );
      expect(
        head.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute("href"),
        file,
      ).toBe("/feed.json");
    }
  });
});

describe("discovery", () => {
  it("lists every public page in sitemap.xml, and no other", () => {
    const locs = xml("sitemap.xml")
      .urlset.url.map((url: { loc: string }) => new URL(url.loc).pathname)
      .sort();
    expect(locs).toEqual(publicPages().map(urlOf).sort());
  });

  it("names the sitemap in robots.txt", () => {
    expect(read("robots.txt")).toMatch(/^Sitemap: https:\/\/.+\/sitemap\.xml$/m);
  });

  it("gives every page a canonical link, Open Graph and Twitter meta", () => {
    for (const file of htmlFiles(siteDir)) {
      const page = readPage(siteDir, urlOf(file));
      const meta = (selector: string) => page.querySelector(`meta[${selector}]`)?.getAttribute("content");
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute("href");
      expect(canonical, file).toMatch(/^https:\/\//);
      expect(meta('property="og:url"'), file).toBe(canonical);
      for (const property of ["og:title", "og:description", "og:type", "og:site_name"])
        expect(meta(`property="${property}"`), `${file} ${property}`).toBeTruthy();
      expect(meta('name="twitter:card"'), file).toBeTruthy();
    }
  });

  it("keeps the thank-you and 404 pages out of search engines", () => {
    for (const url of ["/thank-you/", "/404.html"]) {
      expect(readPage(siteDir, url).querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    }
  });
});

describe("JSON-LD", () => {
  it("is on every page, and every page has a BreadcrumbList starting at the home page", () => {
    for (const file of htmlFiles(siteDir)) {
      const things = jsonLdOf(file);
      const breadcrumbs = things.find((thing) => thing["@type"] === "BreadcrumbList") as unknown as {
        itemListElement: { position: number; item: string }[];
      };
      expect(breadcrumbs, file).toBeDefined();
      expect(breadcrumbs.itemListElement.map((item) => item.position)).toEqual(
        breadcrumbs.itemListElement.map((_, index) => index + 1),
      );
      expect(new URL(breadcrumbs.itemListElement[0]!.item).pathname).toBe("/");
      for (const thing of things) expect(thing["@context"], file).toBe("https://schema.org");
    }
  });

  it("describes the day on the home page as a yearly Event with its next date", () => {
    const event = jsonLdOf("index.html").find((thing) => thing["@type"] === "Event")!;
    expect(event.name).toBe("International Mentoring Day");
    expect(event.startDate).toBe("2027-01-17");
    expect(event.location).toMatchObject({ "@type": "VirtualLocation" });
    expect(event.eventSchedule).toMatchObject({
      "@type": "Schedule",
      repeatFrequency: "P1Y",
      byMonth: 1,
      byMonthDay: 17,
    });
  });

  it("lists the articles as an ItemList on / and /articles/", () => {
    for (const file of ["index.html", "articles/index.html"]) {
      const page = jsonLdOf(file).find((thing) => thing["@type"] === "CollectionPage") as unknown as {
        mainEntity: { "@type": string; itemListElement: unknown[] };
      };
      expect(page.mainEntity["@type"]).toBe("ItemList");
      expect(page.mainEntity.itemListElement).toHaveLength(4);
    }
  });

  it("describes each article with its authors, their affiliations and its pull quote", () => {
    const article = jsonLdOf("articles/scholarship-mentoring-stem/index.html").find(
      (thing) => thing["@type"] === "Article",
    )!;
    expect(article.headline).toBe("Scholarship and mentoring: The key to recruiting minority students to STEM");
    expect(article.datePublished).toBe("2026-11-26");
    expect(article.image).toMatch(/^https:\/\/.+\/img\/scholarship-mentoring-stem-[0-9a-f]{10}-1200\.jpg$/);
    expect(article.author).toEqual([
      expect.objectContaining({
        "@type": "Person",
        name: "Jen-Mei Chang",
        affiliation: expect.objectContaining({ name: "California State University" }),
      }),
      expect.objectContaining({ "@type": "Person", name: "Gino Galvez" }),
    ]);
    expect(article.hasPart).toBeUndefined();
    const quoted = jsonLdOf("articles/storytelling-humanism-mentoring/index.html").find(
      (thing) => thing["@type"] === "Article",
    )!;
    expect(quoted.hasPart).toMatchObject({
      "@type": "Quotation",
      text: expect.stringContaining("Others’ experiences"),
    });
  });
});
