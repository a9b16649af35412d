import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { HTMLElement } from "node-html-parser";
import { describe, expect, inject, it } from "vitest";
import { brokenLinks } from "../helpers/links.ts";
import { copyProject, projectRoot } from "../helpers/project.ts";
import { htmlProblems, readPage, visibleText } from "../helpers/site.ts";

// The site built with approved comments (the global setup's commentsSiteDir): a thread with a
// reply and a reply to that reply, a comment of its own, markup in a name and a text, one comment
// on another article and one on the home page.

const thread = JSON.parse(readFileSync(join(projectRoot, "tests/fixtures/comments-thread.json"), "utf8")) as {
  id: string;
  name: string;
  text: string;
}[];
const [ama, ben, chidi, dana] = thread.map((comment) => comment.id);
const articlePath = "/articles/storytelling-humanism-mentoring/";
const otherPath = "/articles/surgtime-telemedicine-mentoring/";
const env = { SOURCE_DATE_EPOCH: "1796083200" };

/** The JSON-LD blocks of a page, parsed. */
const jsonLd = (page: HTMLElement) =>
  page
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.innerHTML) as Record<string, unknown>);

const siteDir = inject("commentsSiteDir");

describe("an article's comments", () => {
  const section = () => readPage(siteDir, articlePath).querySelector("section.comments")!;
  const ids = (elements: HTMLElement[]) => elements.map((element) => element.id);

  it("show as threads one level deep: a reply to a reply joins its thread, oldest first", () => {
    const threads = section().querySelectorAll(".comments__list > li");
    expect(threads.map((li) => li.querySelector(":scope > article.comment")?.id)).toEqual([
      `comment-${ama}`,
      `comment-${dana}`,
    ]);
    expect(ids(threads[0]!.querySelectorAll(".comments__replies > li > article.comment"))).toEqual([
      `comment-${ben}`,
      `comment-${chidi}`,
    ]);
    expect(threads[1]!.querySelector(".comments__replies")).toBeNull();
    expect(section().querySelectorAll(".comments__replies .comments__replies")).toHaveLength(0);
  });

  it("say whom a reply to a reply answers, with a link to that comment", () => {
    const meta = section().querySelector(`#comment-${chidi} .comment__meta`)!;
    expect(visibleText(meta)).toBe("<script>alert('name')</script> Chidi, to Ben Carter, 29 November 2026");
    expect(meta.querySelector(`a[href="#comment-${ben}"]`)?.textContent).toBe("Ben Carter");
    expect(visibleText(section().querySelector(`#comment-${ben} .comment__meta`)!)).toBe(
      "Ben Carter, 28 November 2026",
    );
  });

  it("each have an anchor and a permalink, their date, that leads to it", () => {
    for (const id of [ama, ben, chidi, dana]) {
      const comment = section().querySelector(`#comment-${id}`)!;
      const permalink = comment.querySelector("a.comment__permalink")!;
      expect(permalink.getAttribute("href")).toBe(`#comment-${id}`);
      expect(permalink.querySelector("time")?.getAttribute("datetime")).toMatch(/^2026-11-2\d/);
    }
    expect(section().querySelector(`#comment-${ben} time`)?.getAttribute("datetime")).toBe("2026-11-28T09:30:00.000Z");
    expect(brokenLinks(siteDir)).toEqual([]);
  });

  it("show markup in a name or a text as text, and add no element of their own", () => {
    const chidiComment = section().querySelector(`#comment-${chidi}`)!;
    expect(visibleText(chidiComment.querySelector(".comment__text")!)).toBe(
      "Ben, which story? </script><img src=x onerror=alert(1)> <b>bold</b>",
    );
    const page = readPage(siteDir, articlePath);
    expect(page.querySelectorAll("[onerror], b, img[src=x]")).toHaveLength(0);
    for (const script of page.querySelectorAll('script:not([type="application/ld+json"])')) {
      expect(script.getAttribute("src")).toMatch(/^\/assets\/js\//);
    }
  });

  it("link a commenter's name to their https website, marked as a visitor's link", () => {
    const name = section().querySelector(`#comment-${ama} .comment__name`)!;
    expect(name.tagName).toBe("A");
    expect(name.getAttribute("href")).toBe("https://ama.example");
    expect(name.getAttribute("rel")).toBe("ugc nofollow");
    expect(section().querySelector(`#comment-${dana} .comment__name`)?.tagName).toBe("SPAN");
  });

  it("have a Reply button each, hidden until reply.js shows it, and the form a reply-to field, empty", () => {
    const buttons = section().querySelectorAll("button.comment__reply");
    expect(buttons.map((button) => button.getAttribute("data-reply-to"))).toEqual([ama, ben, chidi, dana]);
    for (const button of buttons) expect(button.hasAttribute("hidden")).toBe(true);
    const field = section().querySelector('form.comment-form input[name="reply-to"]')!;
    expect(field.getAttribute("type")).toBe("hidden");
    expect(field.getAttribute("value")).toBe("");
    expect(section().querySelector(".comment-form__replying")?.hasAttribute("hidden")).toBe(true);
    expect(readPage(siteDir, articlePath).querySelector('script[src^="/assets/js/reply."]')?.getAttribute("type")).toBe(
      "module",
    );
  });

  it("stay on their own page", () => {
    expect(
      readPage(siteDir, otherPath)
        .querySelectorAll("article.comment")
        .map((c) => c.id),
    ).toEqual(["comment-6790a1b2c3d4e5f601234601"]);
    expect(
      readPage(siteDir, "/")
        .querySelectorAll("article.comment")
        .map((c) => c.id),
    ).toEqual(["comment-6790a1b2c3d4e5f601234701"]);
    expect(readPage(siteDir, "/articles/scholarship-mentoring-stem/").querySelector(".comments__list")).toBeNull();
  });

  it("pass html-validate's recommended rules on the pages that show them and count them", async () => {
    expect(
      await htmlProblems(siteDir, [
        "index.html",
        "articles/index.html",
        "articles/storytelling-humanism-mentoring/index.html",
        "articles/surgtime-telemedicine-mentoring/index.html",
      ]),
    ).toEqual([]);
  });
});

describe("comment counts", () => {
  const expected = new Map([
    [articlePath, "4 comments"],
    [otherPath, "1 comment"],
    ["/articles/scholarship-mentoring-stem/", ""],
    ["/articles/building-community-learning-legacy/", ""],
  ]);
  /** Each card's or list item's article and its count as shown, linked to the comments. */
  const counts = (page: HTMLElement, item: string, title: string, count: string) =>
    page.querySelectorAll(item).map((element) => {
      const url = element.querySelector(title)!.getAttribute("href")!;
      const shown = element.querySelector(count);
      if (shown) expect(shown.querySelector("a")?.getAttribute("href")).toBe(`${url}#comments`);
      return [url, shown ? visibleText(shown).replace(/ on .*$/, "") : ""];
    });

  it("are shown on every card of /articles/, right for each article, and not when there are none", () => {
    const page = readPage(siteDir, "/articles/");
    expect(new Map(counts(page, ".card", ".card__title a", ".card__comments") as [string, string][])).toEqual(expected);
  });

  it("are shown on the home page's featured cards", () => {
    const page = readPage(siteDir, "/");
    for (const [url, count] of counts(page, ".featured .card", ".card__title a", ".card__comments"))
      expect(count, url).toBe(expected.get(url as string));
  });

  it("are shown in related posts", () => {
    const page = readPage(siteDir, "/articles/building-community-learning-legacy/");
    const related = counts(page, ".related__list li", "a", ".related__comments");
    expect(related.length).toBeGreaterThan(0);
    for (const [url, count] of related) expect(count, url).toBe(expected.get(url as string));
    expect(related.map(([, count]) => count)).toContain("4 comments");
  });

  it("name the article for a screen reader, as a link among many", () => {
    const count = readPage(siteDir, "/articles/").querySelector(`.card__comments a[href="${articlePath}#comments"]`)!;
    expect(visibleText(count)).toBe("4 comments on Storytelling and humanism: A new college mentoring theory");
    expect(readPage(siteDir, articlePath).querySelector("section#comments")).not.toBeNull();
  });
});

describe("comments in JSON-LD", () => {
  it("are the Article's commentCount and Comments at their permalinks, a reply naming its parent", () => {
    const article = jsonLd(readPage(siteDir, articlePath)).find((thing) => thing["@type"] === "Article")!;
    const url = article.url as string;
    expect(article.commentCount).toBe(4);
    const items = article.comment as Record<string, unknown>[];
    expect(items.map((item) => item.url)).toEqual([ama, ben, chidi, dana].map((id) => `${url}#comment-${id}`));
    expect(items[0]).toEqual({
      "@type": "Comment",
      "@id": `${url}#comment-${ama}`,
      url: `${url}#comment-${ama}`,
      author: { "@type": "Person", name: "Ama Owusu", url: "https://ama.example" },
      dateCreated: "2026-11-27",
      text: thread[0]!.text,
    });
    expect(items[1]?.parentItem).toEqual({ "@id": `${url}#comment-${ama}` });
    expect(items[2]?.parentItem).toEqual({ "@id": `${url}#comment-${ben}` });
    expect(items[2]?.author).toEqual({ "@type": "Person", name: "<script>alert('name')</script> Chidi" });
    expect(items[3]).not.toHaveProperty("parentItem");
    // Each permalink is an anchor on the page itself.
    const page = readPage(siteDir, articlePath);
    for (const item of items) expect(page.querySelector(new URL(item.url as string).hash)).not.toBeNull();
  });

  it("give an article without comments a count of 0 and no Comment", () => {
    const article = jsonLd(readPage(siteDir, "/articles/scholarship-mentoring-stem/")).find(
      (thing) => thing["@type"] === "Article",
    )!;
    expect(article.commentCount).toBe(0);
    expect(article).not.toHaveProperty("comment");
  });

  it("are the home page's own, on the CollectionPage it is (an Event has no comments in schema.org)", () => {
    const things = jsonLd(readPage(siteDir, "/"));
    const collection = things.find((thing) => thing["@type"] === "CollectionPage")!;
    expect(collection.commentCount).toBe(1);
    expect((collection.comment as { dateCreated: string }[])[0]?.dateCreated).toBe("2026-12-01T08:00:00.000Z");
    expect(things.find((thing) => thing["@type"] === "Event")).not.toHaveProperty("comment");
  });
});

describe("the feeds", () => {
  it("leave comments out: no name, text or permalink of one", () => {
    for (const feed of ["feed.xml", "feed.json"]) {
      const text = readFileSync(join(siteDir, feed), "utf8");
      expect(text, feed).toContain("Storytelling and humanism");
      for (const comment of thread) {
        expect(text, feed).not.toContain(comment.id);
        expect(text, feed).not.toContain(comment.text.slice(0, 30));
      }
      expect(text, feed).not.toContain("Telemedicine mentoring works.");
      expect(text, feed).not.toMatch(/comment-|commentCount|Reply/);
    }
  });
});

describe("a comments file the content check refuses", () => {
  it("holds an email address, a reply to a comment not on its page, or an id twice", async () => {
    const projectDir = await copyProject({
      "_data/comments/home.json": JSON.stringify([
        { id: "a1", name: "Ama", email: "ama.private@example.org", date: "2026-11-17", text: "Hello" },
        { id: "b2", name: "Ben", date: "2026-11-18", text: "Hi", replyTo: "elsewhere" },
        { id: "a1", name: "Cy", date: "2026-11-19", text: "Yes" },
      ]),
    });
    const result = await promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], {
      cwd: projectDir,
      env: { ...process.env, ...env },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("_data/comments/"));
    expect(lines.sort()).toEqual([
      '_data/comments/home.json: [0].email: expected a known field, got "email"',
      '_data/comments/home.json: [1].replyTo: expected the id of a comment on this page, got "elsewhere"',
      '_data/comments/home.json: [2].id: expected an id no other comment on this page has, got "a1", the id of [0]',
    ]);
  });
});
