import { describe, expect, it } from "vitest";
import type { Article } from "../../src/lib/content/schemas.ts";
import { type FeedEntry, feedEntries, jsonFeed, lastUpdated } from "../../src/lib/publishing/feeds.ts";

const site = {
  title: "International Mentoring Day",
  description: "17 January each year.",
  language: "en-GB",
  homeUrl: "https://example.org/",
  feedUrl: "https://example.org/feed.json",
  icon: "https://example.org/favicon.svg",
};
const entry = (slug: string, date: string, updated?: string): FeedEntry => ({
  url: `https://example.org/articles/${slug}/`,
  title: `About ${slug}`,
  summary: "One sentence.",
  language: "en-GB",
  contentHtml: "<p>Words &amp; more</p>",
  date: new Date(date),
  ...(updated === undefined ? {} : { updated: new Date(updated) }),
  authors: ["Dr Ada Lovelace", "Sam"],
  image: `https://example.org/img/${slug}-0123456789-1200.jpg`,
});

describe("lastUpdated", () => {
  it("is the newest date of any entry, published or updated", () => {
    expect(lastUpdated([entry("a", "2026-11-01"), entry("b", "2026-10-01", "2026-12-05")])).toEqual(
      new Date("2026-12-05"),
    );
    expect(lastUpdated([entry("a", "2026-11-01"), entry("b", "2026-10-01")])).toEqual(new Date("2026-11-01"));
  });

  it("is the start of 1970 for a feed with no entry, never the time of the build", () => {
    expect(lastUpdated([])).toEqual(new Date(0));
  });
});

describe("jsonFeed", () => {
  const feed = JSON.parse(
    jsonFeed(site, [entry("a", "2026-11-01T00:00:00Z", "2026-12-05T00:00:00Z"), entry("b", "2026-10-01T00:00:00Z")]),
  );

  it("is a JSON Feed 1.1 of the site, in its language", () => {
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: site.title,
      description: site.description,
      language: "en-GB",
      home_page_url: site.homeUrl,
      feed_url: site.feedUrl,
      icon: site.icon,
    });
  });

  it("has an item per entry, in the order given, each with its own address as its id", () => {
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      id: "https://example.org/articles/a/",
      url: "https://example.org/articles/a/",
      title: "About a",
      summary: "One sentence.",
      language: "en-GB",
      content_html: "<p>Words &amp; more</p>",
      image: "https://example.org/img/a-0123456789-1200.jpg",
      date_published: "2026-11-01T00:00:00.000Z",
      date_modified: "2026-12-05T00:00:00.000Z",
      authors: [{ name: "Dr Ada Lovelace" }, { name: "Sam" }],
    });
  });

  it("gives a modified date only to an entry that was updated", () => {
    expect(feed.items[1]).not.toHaveProperty("date_modified");
    expect(feed.items[1].url).toBe("https://example.org/articles/b/");
  });
});

describe("feedEntries", () => {
  const article = (lang?: string) => ({
    url: "/articles/a/",
    inputPath: "./articles/a.md",
    content: '<p><img src="/images/a.jpg" alt=""></p>',
    data: {
      title: "About a",
      summary: "One sentence.",
      date: new Date("2026-11-01T00:00:00Z"),
      people: [{ name: "Ada Lovelace", honorific: "Dr" }],
      image: { src: "/images/a.jpg", alt: "" },
      ...(lang === undefined ? {} : { lang }),
    } as unknown as Article,
  });
  const made = {
    absolute: (path: string) => `https://example.org/day${path}`,
    withPictures: async (html: string, where: string) => `${html}<!-- pictures of ${where} -->`,
    rendition: async (src: string) => src.replace("/images/", "/img/").replace(".jpg", "-0123456789-1200.jpg"),
  };

  it("describes each article with absolute addresses, its people's names and the pictures the build made", async () => {
    expect(await feedEntries([article()], "en-GB", made)).toEqual([
      {
        url: "https://example.org/day/articles/a/",
        title: "About a",
        summary: "One sentence.",
        language: "en-GB",
        contentHtml: '<p><img src="/images/a.jpg" alt=""></p><!-- pictures of ./articles/a.md -->',
        date: new Date("2026-11-01T00:00:00Z"),
        updated: undefined,
        authors: ["Dr Ada Lovelace"],
        image: "https://example.org/day/img/a-0123456789-1200.jpg",
      },
    ]);
  });

  it("gives an article written in another language its own", async () => {
    const [entry] = await feedEntries([article("ar")], "en-GB", made);
    expect(entry?.language).toBe("ar");
  });
});
