import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { brokenLinks } from "../helpers/links.ts";
import { projectRoot } from "../helpers/project.ts";
import { htmlFiles, htmlProblems, readPage, visibleText } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const sourceLines = readFileSync(join(projectRoot, "docs/source/international-mentoring-day.txt"), "utf8")
  .split("\n")
  .map((line) => line.replace(/^\s*•\s*/, "").trim())
  .filter(Boolean);
const sourceLine = (start: string) => {
  const line = sourceLines.find((candidate) => candidate.startsWith(start));
  if (!line) throw new Error(`The source page has no line starting "${start}"`);
  return line;
};
const unquote = (text: string) => text.replace(/^“|”$/g, "");

const articles = {
  scholarship: "/articles/scholarship-mentoring-stem/",
  community: "/articles/building-community-learning-legacy/",
  surgtime: "/articles/surgtime-telemedicine-mentoring/",
  storytelling: "/articles/storytelling-humanism-mentoring/",
};
const quotes = [
  { text: sourceLine("One of the most powerful"), by: "Dr Carolyn Walker Hopp", page: articles.community },
  { text: sourceLine("SurgTime™ allows us"), by: "Dr William Stetson", page: articles.surgtime },
  {
    text: sourceLine("“Others’ experiences").match(/^“(.+)”/)?.[1] ?? "",
    by: "Dr Joshua Cruz",
    page: articles.storytelling,
  },
];
const titles = [
  "Scholarship and mentoring:",
  "Building a community",
  "SurgTime™: A leap",
  "Storytelling and humanism:",
].map(sourceLine);

describe("the built site", () => {
  it("holds every page of the microsite", () => {
    expect(htmlFiles(siteDir)).toEqual(
      expect.arrayContaining([
        "index.html",
        "articles/index.html",
        ...Object.values(articles).map((url) => `${url.slice(1)}index.html`),
        "about/index.html",
        "thank-you/index.html",
        "404.html",
      ]),
    );
  });

  it("includes Pagefind's search index", () => {
    expect(() => readFileSync(join(siteDir, "pagefind/pagefind.js"))).not.toThrow();
  });
});

describe("the home page", () => {
  let home: HTMLElement;
  let text: string;
  beforeAll(() => {
    home = readPage(siteDir, "/");
    text = visibleText(home);
  });

  it("names the day in its one h1 and gives the date line with the next occurrence", () => {
    expect(home.querySelectorAll("h1").map(visibleText)).toEqual(["International Mentoring Day"]);
    expect(text).toContain("17 January each year");
    // The shared build is made with SOURCE_DATE_EPOCH on 1 December 2026.
    expect(visibleText(home.querySelector(".hero__next")!)).toBe("Next: Sunday 17 January 2027");
    expect(home.querySelector(".hero__next time")?.getAttribute("datetime")).toBe("2027-01-17");
  });

  it("shows the source's key facts, intro and call to join in, sentence for sentence", () => {
    const facts = sourceLines.slice(1, 5);
    expect(facts).toHaveLength(4);
    for (const fact of facts) expect(home.querySelectorAll(".key-facts li").map(visibleText)).toContain(fact);
    expect(text).toContain(sourceLine("Celebrated on 17 January"));
    expect(text).toContain(sourceLine("Join us in celebrating"));
  });

  it("features the four articles with their titles, people and pull quotes with attribution", () => {
    const cards = home.querySelectorAll(".featured .card");
    expect(cards.map((card) => visibleText(card.querySelector("h3")!)).sort()).toEqual([...titles].sort());
    for (const quote of quotes) {
      const figure = home
        .querySelectorAll(".featured figure")
        .find((f) => visibleText(f.querySelector("blockquote")!) === quote.text);
      expect(figure, quote.text).toBeDefined();
      expect(visibleText(figure!.querySelector("figcaption")!)).toBe(quote.by);
    }
    for (const name of ["Professor Jen-Mei Chang", "Professor Gino Galvez", "Dr William Stetson", "Dr Joshua Cruz"]) {
      expect(text).toContain(name);
    }
  });

  it("has More articles (none of them featured above), Share this page and Leave a Comment", () => {
    const headings = home.querySelectorAll("h2").map(visibleText);
    expect(headings).toEqual(
      expect.arrayContaining(["Key facts", "Featured articles", "Share this page", "Leave a Comment"]),
    );
    expect(headings).not.toContain("Share this article");
    // The fixture's four articles are all featured: there is nothing more to list.
    expect(headings).not.toContain("Related posts");
    expect(home.querySelector(".related")).toBeNull();
  });

  it("shows the source's picture with its description as alt text", () => {
    const hero = home.querySelector(".hero img")!;
    expect(hero.getAttribute("alt")).toBe(sourceLine("parents stand with their children"));
  });
});

describe("every line of the source page", () => {
  it("is somewhere on the site, as text or as alt text", () => {
    const everything = htmlFiles(siteDir)
      .map((file) => readPage(siteDir, `/${file}`))
      .map(
        (page) =>
          `${visibleText(page)} ${page
            .querySelectorAll("img")
            .map((img) => img.getAttribute("alt"))
            .join(" ")}`,
      )
      .join(" ");
    const parts = sourceLines.flatMap((line) => line.split(/(?<=”) /)).map((part) => unquote(part).replace(/\.$/, ""));
    const missing = parts.filter((part) => !everything.includes(part));
    // The source's pointer to its own full article on SurgTime, whose address is not known: on the
    // article's page it would promise a link that is not there, so the site leaves it out.
    expect(missing).toEqual(["Find out more about this technology by reading our article"]);
  });
});

describe("article pages", () => {
  it("show the title, people with affiliations, the teaser and a dated byline", () => {
    const page = readPage(siteDir, articles.scholarship);
    expect(visibleText(page.querySelector("h1")!)).toBe(titles[0]);
    const people = page.querySelectorAll(".article__header .people li").map(visibleText);
    expect(people).toEqual([
      "Professor Jen-Mei Chang, California State University, USA",
      "Professor Gino Galvez, California State University, USA",
    ]);
    expect(visibleText(page.querySelector(".article__body")!)).toContain("have introduced a scholarship programme");
    expect(page.querySelector(".article__meta time")?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("show the pull quote as a figure with its attribution", () => {
    for (const quote of quotes) {
      const figure = readPage(siteDir, quote.page).querySelector("article figure.pull-quote")!;
      expect(visibleText(figure.querySelector("blockquote")!)).toBe(quote.text);
      expect(visibleText(figure.querySelector("figcaption")!)).toBe(quote.by);
    }
  });

  it("link to the full article only where its address is known", () => {
    const fullArticle = (url: string) =>
      readPage(siteDir, url)
        .querySelectorAll("a")
        .find((a) => visibleText(a).startsWith("Read the full article"))
        ?.getAttribute("href");
    expect(fullArticle(articles.community)).toBe(
      "https://researchfeatures.com/building-community-learning-legacy-mentoring/",
    );
    expect(fullArticle(articles.storytelling)).toBe(
      "https://researchfeatures.com/storytelling-humanism-college-mentoring-theory/",
    );
    expect(fullArticle(articles.scholarship)).toBeUndefined();
    expect(fullArticle(articles.surgtime)).toBeUndefined();
  });

  it("list related articles, never the page itself", () => {
    for (const url of Object.values(articles)) {
      const related = readPage(siteDir, url)
        .querySelectorAll(".related li a")
        .map((a) => a.getAttribute("href"));
      expect(related.length).toBeGreaterThan(0);
      expect(related).not.toContain(url);
    }
  });

  it("rank the article sharing the most tags first", () => {
    const first = readPage(siteDir, articles.storytelling).querySelector(".related li a")?.getAttribute("href");
    expect([articles.community, articles.scholarship]).toContain(first);
  });
});

describe("the articles index", () => {
  it("lists all four articles, newest first", () => {
    const page = readPage(siteDir, "/articles/");
    const dates = page.querySelectorAll(".article-list time").map((t) => t.getAttribute("datetime")!);
    expect(
      page
        .querySelectorAll(".article-list h2 a")
        .map((a) => a.getAttribute("href"))
        .sort(),
    ).toEqual(Object.values(articles).sort());
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe("sharing", () => {
  it("links every network with the page's absolute canonical URL", () => {
    const page = readPage(siteDir, articles.surgtime);
    const canonical = page.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
    expect(canonical).toMatch(/^https:\/\/.+\/articles\/surgtime-telemedicine-mentoring\/$/);
    const links = page.querySelectorAll(".share__links a").map((a) => a.getAttribute("href")!);
    for (const host of ["linkedin.com", "x.com", "facebook.com", "bsky.app", "mastodon.social"]) {
      const link = links.find((href) => href.includes(host));
      expect(link, host).toBeDefined();
      expect(decodeURIComponent(link!)).toContain(canonical);
    }
    expect(links.some((href) => href.startsWith("mailto:"))).toBe(true);
  });

  it("offers copy and native share as buttons that stay hidden until the script finds support", () => {
    const page = readPage(siteDir, articles.surgtime);
    expect(page.querySelector('[data-needs="clipboard"]')?.hasAttribute("hidden")).toBe(true);
    expect(page.querySelector('[data-needs="share"]')?.hasAttribute("hidden")).toBe(true);
  });
});

describe("the comment form", () => {
  it("is a Netlify form with a honeypot, the page named, and real validation", () => {
    for (const url of ["/", articles.community]) {
      const form = readPage(siteDir, url).querySelector("form.comment-form")!;
      expect(form.getAttribute("method")).toBe("POST");
      expect(form.getAttribute("action")).toBe("/thank-you/");
      expect(form.hasAttribute("data-netlify")).toBe(true);
      expect(form.getAttribute("data-netlify-honeypot")).toBe("bot-field");
      expect(form.querySelector('[name="bot-field"]')).not.toBeNull();
      expect(form.querySelector('input[name="page"]')?.getAttribute("value")).toBe(url);
      const field = (name: string) => form.querySelector(`[name="${name}"]`)!;
      expect(field("comment").tagName).toBe("TEXTAREA");
      for (const required of ["comment", "name", "email"])
        expect(field(required).hasAttribute("required"), required).toBe(true);
      expect(field("website").hasAttribute("required")).toBe(false);
      expect(field("email").getAttribute("type")).toBe("email");
      for (const name of ["comment", "name", "email", "website"])
        expect(Number(field(name).getAttribute("maxlength"))).toBeGreaterThan(0);
      expect(visibleText(form)).toContain("Your email address will not be published. Required fields are marked *");
    }
  });
});

describe("every page", () => {
  const pages = () => htmlFiles(siteDir).map((file) => ({ file, page: readPage(siteDir, `/${file}`) }));

  it("passes html-validate's recommended rules", async () => {
    expect(await htmlProblems(siteDir, htmlFiles(siteDir))).toEqual([]);
  });

  it("has no broken internal link or #fragment", () => {
    expect(brokenLinks(siteDir)).toEqual([]);
  });

  it("has a language, one h1, a main landmark and a skip link to it", () => {
    for (const { file, page } of pages()) {
      expect(page.querySelector("html")?.getAttribute("lang"), file).toBe("en-GB");
      expect(page.querySelectorAll("h1"), file).toHaveLength(1);
      expect(page.querySelectorAll("main#main"), file).toHaveLength(1);
      expect(page.querySelector("a.skip-link")?.getAttribute("href"), file).toBe("#main");
    }
  });

  it("has no inline script, no inline style and no event-handler attribute", () => {
    for (const { file, page } of pages()) {
      // JSON-LD and Pagefind's result template are data that browsers never run; every script that runs is a file, deferred.
      for (const script of page.querySelectorAll(
        'script:not([type="application/ld+json"]):not([type="text/pagefind-template"])',
      )) {
        expect(script.getAttribute("src"), file).toBeTruthy();
        expect(script.getAttribute("type") === "module" || script.hasAttribute("defer"), file).toBe(true);
      }
      expect(page.querySelectorAll("style"), file).toHaveLength(0);
      expect(page.querySelectorAll("[style]"), file).toHaveLength(0);
      const handlers = page
        .querySelectorAll("*")
        .flatMap((el) => Object.keys(el.attributes).filter((name) => /^on/i.test(name)));
      expect(handlers, file).toEqual([]);
    }
  });

  it("gives every image its dimensions and alt text", () => {
    for (const { file, page } of pages()) {
      for (const img of page.querySelectorAll("img")) {
        expect(img.getAttribute("alt")?.trim(), `${file} ${img.getAttribute("src")}`).toBeTruthy();
        expect(Number(img.getAttribute("width")), file).toBeGreaterThan(0);
        expect(Number(img.getAttribute("height")), file).toBeGreaterThan(0);
      }
    }
  });
});
