import { describe, expect, it } from "vitest";
import { findByUrl, isArticlePath, newestFirst } from "../../src/lib/site/articles.ts";

const article = (slug: string, date: string) => ({
  url: `/articles/${slug}/`,
  date: new Date(date),
  data: { title: slug },
});

describe("newestFirst", () => {
  it("orders by date, then by title for articles of the same day", () => {
    const list = [article("b", "2027-01-01"), article("c", "2027-01-05"), article("a", "2027-01-01")];
    expect(newestFirst(list, "en-GB").map((a) => a.data.title)).toEqual(["c", "a", "b"]);
  });

  it("orders titles of the same day as the site's language sorts them", () => {
    const list = ["Zebra", "Äpfel", "apfel", "Apfel"].map((title) => ({
      date: new Date("2027-01-01"),
      data: { title },
    }));
    expect(newestFirst(list, "de-DE").map((a) => a.data.title)).toEqual(["apfel", "Apfel", "Äpfel", "Zebra"]);
    expect(newestFirst(list, "sv-SE").map((a) => a.data.title)).toEqual(["apfel", "Apfel", "Zebra", "Äpfel"]);
  });
});

describe("isArticlePath", () => {
  it("is a Markdown file of articles/, as Eleventy names it, with or without ./", () => {
    expect(isArticlePath("./articles/mentoring-in-stem.md")).toBe(true);
    expect(isArticlePath("articles/mentoring-in-stem.md")).toBe(true);
  });

  it("is not a file of a folder inside articles/, another kind of file, a hidden file or a page elsewhere", () => {
    for (const path of [
      "./articles/drafts/a.md",
      "./articles/articles.11tydata.json",
      "./articles/.hidden.md",
      "./events/a.md",
      "./src/pages/articles.njk",
      "./my-articles/a.md",
    ]) {
      expect(isArticlePath(path), path).toBe(false);
    }
  });
});

describe("findByUrl", () => {
  const list = Array.from({ length: 50 }, (_, i) => article(`n${i}`, "2027-01-01"));

  it("finds the item at an address, and nothing at an unknown one", () => {
    expect(findByUrl(list, "/articles/n42/")).toBe(list[42]);
    expect(findByUrl(list, "/articles/missing/")).toBeUndefined();
  });

  it("answers for each list from that list", () => {
    const other = [article("n42", "2030-01-01")];
    expect(findByUrl(list, "/articles/n42/")).toBe(list[42]);
    expect(findByUrl(other, "/articles/n42/")).toBe(other[0]);
  });
});
