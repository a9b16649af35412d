import { describe, expect, it } from "vitest";
import { publicComments } from "../../src/lib/comments.ts";

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
