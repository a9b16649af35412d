import { describe, expect, it } from "vitest";
import en from "../../_data/locales/en.ts";
import { checkWithSchema, formatProblem } from "../../src/lib/content/check.ts";
import { commentsSchema, type StoredComment } from "../../src/lib/content/schemas.ts";
import {
  commentCountLabel,
  commentReferenceProblems,
  commentsOf,
  commentThreads,
  publicComments,
} from "../../src/lib/site/comments.ts";

const comment = (id: string, date: string, more: Partial<StoredComment> = {}): StoredComment => ({
  id,
  name: `Name ${id}`,
  date,
  text: `Text ${id}`,
  ...more,
});

/** The threads as ids: "top: reply, reply". */
const shape = (stored: StoredComment[]) =>
  commentThreads(stored).map(({ comment, replies }) =>
    [comment.id, replies.map((reply) => reply.id).join(", ")].filter(Boolean).join(": "),
  );

describe("publicComments", () => {
  const stored = [
    comment("b", "2027-01-18", { text: "Second", website: "https://ama.example" }),
    comment("a", "2027-01-17", { text: "First", website: "http://ben.example" }),
  ];

  it("lists comments oldest first, with their ids", () => {
    expect(publicComments(stored).map((c) => [c.id, c.text])).toEqual([
      ["a", "First"],
      ["b", "Second"],
    ]);
  });

  it("keeps a website only when it is an https address", () => {
    const [first, second, third] = publicComments([
      ...stored,
      comment("c", "2027-01-19", { website: "javascript:alert(1)" }),
    ]);
    expect(first).not.toHaveProperty("website");
    expect(second?.website).toBe("https://ama.example");
    expect(third).not.toHaveProperty("website");
  });

  it("keeps a day as a day, and gives a moment in UTC, for <time datetime>", () => {
    const [day, moment] = publicComments([comment("a", "2027-01-17"), comment("b", "2027-01-18T09:30:00+02:00")]);
    expect(day?.dateTime).toBe("2027-01-17");
    expect(moment?.dateTime).toBe("2027-01-18T07:30:00.000Z");
  });

  it("is empty when a page has no comments", () => {
    expect(publicComments(undefined)).toEqual([]);
  });
});

describe("commentThreads", () => {
  it("puts each reply under the comment it answers, oldest first, threads in the order they began", () => {
    expect(
      shape([
        comment("r2", "2027-01-20", { replyTo: "a" }),
        comment("b", "2027-01-18"),
        comment("a", "2027-01-17"),
        comment("r1", "2027-01-19", { replyTo: "a" }),
        comment("rb", "2027-01-21", { replyTo: "b" }),
      ]),
    ).toEqual(["a: r1, r2", "b: rb"]);
  });

  it("puts a reply to a reply in the same thread, one level deep", () => {
    const threads = commentThreads([
      comment("a", "2027-01-17"),
      comment("r1", "2027-01-18", { replyTo: "a" }),
      comment("r2", "2027-01-19", { replyTo: "r1" }),
      comment("r3", "2027-01-20", { replyTo: "r2" }),
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.replies.map((reply) => [reply.id, reply.replyTo])).toEqual([
      ["r1", "a"],
      ["r2", "r1"],
      ["r3", "r2"],
    ]);
  });

  it("shows a reply to a comment that is not on the page as a comment of its own", () => {
    expect(shape([comment("a", "2027-01-17"), comment("lost", "2027-01-18", { replyTo: "gone" })])).toEqual([
      "a",
      "lost",
    ]);
  });

  it("loses no comment whose answers go round in a loop", () => {
    expect(
      shape([
        comment("x", "2027-01-17", { replyTo: "y" }),
        comment("y", "2027-01-18", { replyTo: "x" }),
        comment("z", "2027-01-19", { replyTo: "y" }),
      ]),
    ).toEqual(["x", "y", "z"]);
  });

  it("is empty for a page without comments", () => {
    expect(commentThreads(undefined)).toEqual([]);
  });
});

describe("commentCountLabel", () => {
  it("says how many, in the singular for one, and nothing for none", () => {
    const label = (count: number) => commentCountLabel(count, en.comments.count, "en-GB");
    expect([0, 1, 2, 31, 1200].map(label)).toEqual(["", "1 comment", "2 comments", "31 comments", "1,200 comments"]);
  });

  it("says it in the site's language, with its plural forms and numbers", () => {
    const words = { one: "{count} comentario", other: "{count} comentarios" };
    expect([1, 2, 1200].map((count) => commentCountLabel(count, words, "es-ES"))).toEqual([
      "1 comentario",
      "2 comentarios",
      "1200 comentarios",
    ]);
  });
});

describe("a comments file, as the content check reads it", () => {
  const file = "_data/comments/a.json";
  const problems = (value: unknown) =>
    [...checkWithSchema(file, value, commentsSchema).problems, ...commentReferenceProblems(file, value)].map(
      formatProblem,
    );

  it("is valid with ids, days or moments, https websites and replies to comments of the same file", () => {
    expect(
      problems([
        { id: "a1", name: "Ama", date: "2027-01-17", text: "Hello" },
        {
          id: "b2",
          name: "Ben",
          date: "2027-01-18T09:30:00Z",
          text: "Hi",
          website: "https://ben.example",
          replyTo: "a1",
        },
      ]),
    ).toEqual([]);
  });

  it("cannot hold an email address: the form's email field never reaches the site", () => {
    expect(problems([{ id: "a1", name: "Ama", email: "ama@example.org", date: "2027-01-17", text: "Hello" }])).toEqual([
      `${file}: [0].email: expected a known field, got "email"`,
    ]);
  });

  it("needs an id for each comment, and a website that is an https address", () => {
    expect(
      problems([
        { name: "Ama", date: "2027-01-17", text: "Hello" },
        { id: "has space", name: "Ben", date: "2027-01-17", text: "Hi", website: "http://ben.example" },
        // Its anchor is comment-text, which no element of the page has (the form's textarea is new-comment-text).
        { id: "text", name: "Cy", date: "2027-01-17", text: "Yes" },
      ]),
    ).toEqual([
      `${file}: [0].id: expected text, got nothing`,
      `${file}: [1].id: expected an id of letters, digits, - or _, got "has space"`,
      `${file}: [1].website: expected an https:// address, got "http://ben.example"`,
    ]);
  });

  it("refuses two comments with one id, and a reply to a comment that is not in the file", () => {
    expect(
      problems([
        { id: "a1", name: "Ama", date: "2027-01-17", text: "Hello" },
        { id: "a1", name: "Ben", date: "2027-01-18", text: "Hi" },
        { id: "c3", name: "Cy", date: "2027-01-19", text: "Yes", replyTo: "elsewhere" },
        { id: "d4", name: "Di", date: "2027-01-19", text: "Me", replyTo: "d4" },
      ]),
    ).toEqual([
      `${file}: [1].id: expected an id no other comment on this page has, got "a1", the id of [0]`,
      `${file}: [2].replyTo: expected the id of a comment on this page, got "elsewhere"`,
      `${file}: [3].replyTo: expected the id of another comment on this page, got "d4", its own`,
    ]);
  });

  it("finds nothing more to say of a file that is not a list, or of comments without ids", () => {
    expect(commentReferenceProblems(file, { a: 1 })).toEqual([]);
    expect(commentReferenceProblems(file, [null, "text", { replyTo: 3 }])).toEqual([]);
  });
});

describe("commentsOf", () => {
  const all = { home: [comment("a", "2027-01-18")] };

  it("finds a page's own comments, and none for a page without a file", () => {
    expect(commentsOf(all, "home")).toHaveLength(1);
    expect(commentsOf(all, "other")).toBeUndefined();
    expect(commentsOf(undefined, "home")).toBeUndefined();
  });

  it("takes no property every object inherits for a page's comments", () => {
    for (const page of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(commentsOf(all, page), page).toBeUndefined();
    }
  });
});
