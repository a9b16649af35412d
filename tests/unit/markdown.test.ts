import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/lib/markdown.ts";

const render = (source: string) => createMarkdown().render(source);

describe("createMarkdown", () => {
  it("shows raw HTML as text instead of passing it through", () => {
    const html = render(`Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">`);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("gives headings unique ids from their text", () => {
    const html = render("## Why mentoring matters\n\n## Why mentoring matters\n\n### Ünïcode & more");
    expect(html).toContain('<h2 id="why-mentoring-matters">');
    expect(html).toContain('<h2 id="why-mentoring-matters-2">');
    expect(html).toContain('<h3 id="unicode-more">');
  });

  it("uses typographic quotes and dashes", () => {
    expect(render(`"Mentors" -- and 'mentees'`)).toContain("“Mentors” – and ‘mentees’");
  });

  it("refuses javascript: links", () => {
    expect(render("[click](javascript:alert(1))")).not.toContain("href=");
  });
});
