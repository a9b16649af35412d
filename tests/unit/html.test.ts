import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/lib/publishing/html.ts";

describe("escapeHtml", () => {
  it("escapes what HTML reads as markup, in an element and in a quoted attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });

  it("leaves every other character as it is, an entity already written included (escaped once more)", () => {
    expect(escapeHtml("Día del Mentor — 导师 ✓")).toBe("Día del Mentor — 导师 ✓");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});
