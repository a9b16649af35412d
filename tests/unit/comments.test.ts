import { describe, expect, it } from "vitest";
import { commentsOf, publicComments } from "../../src/lib/comments.ts";

describe("publicComments", () => {
  const stored = [
    { name: "Ama", email: "ama@example.org", date: "2027-01-18", text: "Second", website: "https://ama.example" },
    { name: "Ben", email: "ben@example.org", date: "2027-01-17", text: "First", website: "javascript:alert(1)" },
  ];

  it("never carries the email address", () => {
    for (const comment of publicComments(stored)) {
      expect(comment).not.toHaveProperty("email");
      expect(JSON.stringify(comment)).not.toContain("@example.org");
    }
  });

  it("lists comments oldest first", () => {
    expect(publicComments(stored).map((c) => c.text)).toEqual(["First", "Second"]);
  });

  it("keeps a website only when it is an https address", () => {
    const [ben, ama] = publicComments(stored);
    expect(ben).not.toHaveProperty("website");
    expect(ama?.website).toBe("https://ama.example");
  });

  it("is empty when a page has no comments", () => {
    expect(publicComments(undefined)).toEqual([]);
  });
});

describe("commentsOf", () => {
  const all = { home: [{ name: "Ama", date: "2027-01-18", text: "Hello" }] };

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
