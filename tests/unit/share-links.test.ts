import { describe, expect, it } from "vitest";
import en from "../../_data/locales/en.ts";
import { hashtags, mastodonShareUrl, shareLinks } from "../../src/lib/publishing/share-links.ts";

const page = {
  url: "https://example.org/articles/a-b/?x=1&y=2",
  title: `Mentors & mentees: "quotes", ‘curly’ and 导师 — Ünïcode`,
};
const byId = (id: string) => shareLinks(page, en.share.links).find((link) => link.id === id);
const param = (href: string, name: string) => new URL(href).searchParams.get(name);

describe("shareLinks", () => {
  it("offers email, LinkedIn, X, Facebook, Bluesky and Mastodon", () => {
    expect(shareLinks(page, en.share.links).map((link) => link.id)).toEqual([
      "email",
      "linkedin",
      "x",
      "facebook",
      "bluesky",
      "mastodon",
    ]);
  });

  it("round-trips the URL and the title through each network's parameters", () => {
    expect(param(byId("linkedin")!.href, "url")).toBe(page.url);
    expect(param(byId("facebook")!.href, "u")).toBe(page.url);
    expect(param(byId("x")!.href, "url")).toBe(page.url);
    expect(param(byId("x")!.href, "text")).toBe(page.title);
    expect(param(byId("bluesky")!.href, "text")).toBe(`${page.title} ${page.url}`);
    expect(param(byId("mastodon")!.href, "text")).toBe(`${page.title} ${page.url}`);
  });

  it("leaves no raw &, quote, space or non-ASCII letter in any link", () => {
    for (const link of shareLinks(page, en.share.links)) {
      const query = link.href.slice(link.href.indexOf("?") + 1);
      for (const value of query.split("&").map((pair) => pair.split("=")[1] ?? "")) {
        expect(value).toMatch(/^[A-Za-z0-9%._~!*'()-]*$/);
      }
    }
  });

  it("writes the email subject and body so that mail programs decode them", () => {
    const href = byId("email")!.href;
    expect(href.startsWith("mailto:?")).toBe(true);
    const query = new URLSearchParams(href.slice("mailto:?".length));
    expect(query.get("subject")).toBe(page.title);
    expect(query.get("body")).toBe(page.url);
  });

  it("lists each offered Mastodon server with its own share address", () => {
    const servers = byId("mastodon")!.servers!;
    expect(servers.length).toBeGreaterThan(1);
    for (const { server, href } of servers) expect(new URL(href).host).toBe(server);
  });
});

describe("mastodonShareUrl", () => {
  it("accepts a server written with a scheme or a trailing slash", () => {
    expect(mastodonShareUrl("https://Fosstodon.org/", page)).toMatch(/^https:\/\/fosstodon\.org\/share\?text=/);
  });

  it("rejects something that is not a host name, quoting it", () => {
    expect(() => mastodonShareUrl("not a server", page)).toThrow(/"not a server"/);
    expect(() => mastodonShareUrl("evil.example/path?x", page)).toThrow(/expected a host name/);
  });
});

describe("hashtags", () => {
  it("writes each tag with its #, in the order given", () => {
    expect(hashtags(["InternationalMentoringDay", "MentoringMatters"])).toEqual([
      "#InternationalMentoringDay",
      "#MentoringMatters",
    ]);
  });

  it("is no hashtags for no tags", () => {
    expect(hashtags([])).toEqual([]);
  });
});
