import { describe, expect, it } from "vitest";
import { relatedArticles } from "../../src/lib/site/related.ts";

const article = (slug: string, date: string, tags: string[]) => ({
  url: `/articles/${slug}/`,
  date: new Date(date),
  data: { title: slug, tags },
});

const scholarship = article("scholarship", "2027-01-10", ["stem", "equity", "higher-education"]);
const community = article("community", "2027-01-12", ["equity", "higher-education", "community"]);
const surgery = article("surgery", "2027-01-14", ["medicine", "technology"]);
const stories = article("stories", "2027-01-08", ["equity", "higher-education", "storytelling"]);
const all = [scholarship, community, surgery, stories];
const slugs = (list: { data: { title: string } }[]) => list.map((a) => a.data.title);

describe("relatedArticles", () => {
  it("ranks by shared tags first", () => {
    expect(slugs(relatedArticles(all, { url: stories.url, tags: stories.data.tags }, "en-GB"))).toEqual([
      "community",
      "scholarship",
      "surgery",
    ]);
  });

  it("never lists the page itself", () => {
    for (const current of all) {
      const related = relatedArticles(all, { url: current.url, tags: current.data.tags }, "en-GB", 10);
      expect(related).not.toContain(current);
      expect(related).toHaveLength(all.length - 1);
    }
  });

  it("leaves out the articles the page shows already (the home page's featured ones), still listing as many", () => {
    const more = [...all, article("older", "2026-12-01", [])];
    const listed = relatedArticles(more, { url: "/", excluding: [community, surgery] }, "en-GB", 3);
    expect(slugs(listed)).toEqual(["scholarship", "stories", "older"]);
    // With every article shown already, there is nothing more to list.
    expect(relatedArticles(all, { url: "/", excluding: all }, "en-GB")).toEqual([]);
  });

  it("breaks ties by recency, then by title, whatever the input order", () => {
    const sameDay = [
      article("b", "2027-01-01", ["x"]),
      article("a", "2027-01-01", ["x"]),
      article("c", "2027-01-05", ["x"]),
    ];
    const expected = ["c", "a", "b"];
    expect(slugs(relatedArticles(sameDay, { tags: ["x"] }, "en-GB"))).toEqual(expected);
    expect(slugs(relatedArticles([...sameDay].reverse(), { tags: ["x"] }, "en-GB"))).toEqual(expected);
  });

  it("falls back to newest first when the page has no tags", () => {
    expect(slugs(relatedArticles(all, { url: "/" }, "en-GB"))).toEqual(["surgery", "community", "scholarship"]);
  });

  it("handles articles without tags", () => {
    const untagged = { url: "/articles/plain/", date: new Date("2027-01-20"), data: { title: "plain" } };
    expect(slugs(relatedArticles([untagged, surgery], { tags: ["medicine"] }, "en-GB"))).toEqual(["surgery", "plain"]);
  });

  it("is empty for a single article", () => {
    expect(relatedArticles([surgery], { url: surgery.url, tags: surgery.data.tags }, "en-GB")).toEqual([]);
  });

  it("stops at the limit", () => {
    expect(relatedArticles(all, { url: "/" }, "en-GB", 2)).toHaveLength(2);
  });

  it("picks the same articles as ranking every one of them, among hundreds", () => {
    const vocabulary = ["a", "b", "c", "d", "e", "f"];
    const many = Array.from({ length: 400 }, (_, i) =>
      article(`n${i}`, `2027-0${1 + (i % 9)}-${String(1 + ((i * 7) % 28)).padStart(2, "0")}`, [
        vocabulary[i % 6] as string,
        vocabulary[(i * 5) % 6] as string,
        vocabulary[(i * 11) % 4] as string,
      ]),
    );
    const bySharedThenDate = (tags: string[], url: string) =>
      many
        .filter((candidate) => candidate.url !== url)
        .map((candidate) => ({
          candidate,
          shared: [...new Set(tags)].filter((tag) => candidate.data.tags.includes(tag)).length,
        }))
        .sort(
          (x, y) =>
            y.shared - x.shared ||
            y.candidate.date.getTime() - x.candidate.date.getTime() ||
            x.candidate.data.title.localeCompare(y.candidate.data.title, "en") ||
            x.candidate.url.localeCompare(y.candidate.url, "en"),
        )
        .map(({ candidate }) => candidate.data.title);
    for (const current of many.slice(0, 40)) {
      for (const limit of [1, 3, 7]) {
        expect(slugs(relatedArticles(many, { url: current.url, tags: current.data.tags }, "en-GB", limit))).toEqual(
          bySharedThenDate(current.data.tags, current.url).slice(0, limit),
        );
      }
    }
  });
});
