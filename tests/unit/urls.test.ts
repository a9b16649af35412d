import { describe, expect, it } from "vitest";
import { slugify } from "../../src/lib/content/slug.ts";
import { absoluteUrl, currentLink, siteUrlFromEnvironment } from "../../src/lib/publishing/urls.ts";
import { newestFirst } from "../../src/lib/site/articles.ts";

describe("absoluteUrl", () => {
  it("joins the site's origin and the page path", () => {
    expect(absoluteUrl("/articles/a/", "https://example.org")).toBe("https://example.org/articles/a/");
    expect(absoluteUrl("/", "https://example.org/")).toBe("https://example.org/");
  });

  it("puts the path prefix between them", () => {
    expect(absoluteUrl("/articles/a/", "https://example.org", "/imd/")).toBe("https://example.org/imd/articles/a/");
    expect(absoluteUrl("/", "https://example.org", "imd")).toBe("https://example.org/imd/");
  });
});

describe("currentLink", () => {
  it("is the page on the page a link leads to, and true on the pages of its section", () => {
    expect(currentLink("/articles/", "/articles/")).toBe("page");
    expect(currentLink("/articles/", "/articles/storytelling/")).toBe("true");
    expect(currentLink("/articles/", "/articles/page/2/")).toBe("true");
    expect(currentLink("/thank-your-mentor/", "/thank-your-mentor/thanks/abc/")).toBe("true");
    expect(currentLink("/", "/")).toBe("page");
  });

  it("is nothing elsewhere: home holds no section, and a longer name is not a section's page", () => {
    expect(currentLink("/", "/articles/")).toBe("");
    expect(currentLink("/events/", "/programmes/")).toBe("");
    expect(currentLink("/thank-you/", "/thank-your-mentor/")).toBe("");
    expect(currentLink("/articles/storytelling/", "/articles/")).toBe("");
  });
});

describe("slugify", () => {
  it("makes lower-case ASCII words joined by hyphens", () => {
    expect(slugify("SurgTime™: A leap forward — in arthroscopy!")).toBe("surgtime-a-leap-forward-in-arthroscopy");
    expect(slugify("Éducation & mentorat")).toBe("education-mentorat");
  });
});

describe("newestFirst", () => {
  it("orders by date, newest first, then by title", () => {
    const item = (title: string, date: string) => ({ date: new Date(date), data: { title } });
    const sorted = newestFirst([item("B", "2027-01-01"), item("C", "2027-02-01"), item("A", "2027-01-01")], "en-GB");
    expect(sorted.map((a) => a.data.title)).toEqual(["C", "A", "B"]);
  });
});

describe("siteUrlFromEnvironment", () => {
  const fallback = "https://fallback.example";

  it("uses Netlify's URL in production", () => {
    const env = { CONTEXT: "production", URL: "https://live.example", DEPLOY_PRIME_URL: "https://main--x.netlify.app" };
    expect(siteUrlFromEnvironment(env, fallback)).toBe("https://live.example");
  });

  it("uses a deploy preview's own address in a preview", () => {
    const env = {
      CONTEXT: "deploy-preview",
      URL: "https://live.example",
      DEPLOY_PRIME_URL: "https://deploy-preview-7--x.netlify.app",
    };
    expect(siteUrlFromEnvironment(env, fallback)).toBe("https://deploy-preview-7--x.netlify.app");
  });

  it("falls back off Netlify", () => {
    expect(siteUrlFromEnvironment({}, fallback)).toBe(fallback);
  });
});
