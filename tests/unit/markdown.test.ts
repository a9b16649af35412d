import { describe, expect, it } from "vitest";
import { createMarkdown, headingSlug } from "../../src/lib/content/markdown.ts";

const render = (source: string) => createMarkdown().render(source);

describe("createMarkdown", () => {
  it("shows raw HTML as text instead of passing it through", () => {
    const html = render(`Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">`);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("takes out of an article's words what could spoof the text around them, and keeps what scripts and emoji need", () => {
    const html = render(
      "Words\u202E turned\u2066 around, *emphasis\u3164*, `code\u202E`, [a link\u2060](https://example.org/) and ![a picture\uFEFF](/images/a.png)\n\n" +
        "## A heading\u202E\n\n```\ncode block\u202E\n```\n\nمی\u200Cخواهم, 👩🏽\u200D🏫, e\u0301cole",
    );
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u2060\u3164\uFEFF]/u);
    expect(html).toContain("Words turned around, <em>emphasis</em>, <code>code</code>");
    expect(html).toContain('alt="a picture"');
    expect(html).toContain("<pre><code>code block\n</code></pre>");
    expect(html).toContain("می\u200Cخواهم, 👩🏽\u200D🏫, école");
  });

  it("gives headings unique ids from their text, all prefixed so that none is one of the layout's ids", () => {
    const html = render(
      "## Why mentoring matters\n\n## Why mentoring matters\n\n### Ünïcode & more\n\n## Comment name",
    );
    expect(html).toContain('<h2 id="section-why-mentoring-matters">');
    expect(html).toContain('<h2 id="section-why-mentoring-matters-2">');
    expect(html).toContain('<h3 id="section-unicode-more">');
    expect(html).toContain('<h2 id="section-comment-name">');
  });

  it("keeps heading ids unique when a heading's own text ends like a numbered repeat", () => {
    const html = render("## Why\n\n## Why 2\n\n## Why");
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(["section-why", "section-why-2", "section-why-3"]);
  });

  it("names headings in any script by their own words", () => {
    const html = render("## 为什么重要\n\n## Почему это важно\n\n## मेंटरिंग क्यों\n\n## 🎉\n\n## 🎉");
    const ids = [...html.matchAll(/id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual([
      "section-为什么重要",
      "section-почему-это-важно",
      "section-मेंटरिंग-क्यों",
      "section",
      "section-2",
    ]);
  });

  it("leaves an email address in the text as text, and still links web addresses", () => {
    const html = render("Write to ana@example.org (mailto:ana@example.org) or see https://example.org/mentors.");
    expect(html).toContain("Write to ana@example.org (mailto:ana@example.org) or see");
    expect(html).not.toContain("mailto:ana@example.org</a>");
    expect(html).toContain('<a href="https://example.org/mentors">https://example.org/mentors</a>');
  });

  it("uses typographic quotes and dashes", () => {
    expect(render(`"Mentors" -- and 'mentees'`)).toContain("“Mentors” – and ‘mentees’");
  });

  it("refuses javascript: links", () => {
    expect(render("[click](javascript:alert(1))")).not.toContain("href=");
  });
});

describe("headingSlug", () => {
  it("takes accents off Latin letters and keeps the letters of other scripts whole", () => {
    expect(headingSlug("Tiếng Việt & İstanbul")).toBe("tieng-viet-istanbul");
    expect(headingSlug("Καλημέρα, й")).toBe("καλημέρα-й");
    expect(headingSlug("한국어 멘토링")).toBe("한국어-멘토링");
    expect(headingSlug("Mentoring™ 101")).toBe("mentoring-101");
  });
});
