import { describe, expect, inject, it } from "vitest";
import { contentProblems, siteProblems } from "../helpers/site-checks.ts";

// The checks the real content must pass (tests/build/real-content.test.ts), on the global setup's
// sites: they pass on a site with comments and thanks, and fail on a site built from other files
// (the part that compares the site with the files: valid HTML and links are tested on every site).

const sites = inject("projectDirs");

describe("the site checks", () => {
  it("pass on the site with comments on two articles and the home page", async () => {
    expect(await siteProblems(sites.commentsSiteDir, inject("commentsSiteDir"))).toEqual([]);
  });

  it("pass on the site with nine more articles, comments, and two pages of thanks", async () => {
    expect(await siteProblems(sites.languagesSiteDir, inject("languagesSiteDir"))).toEqual([]);
  });

  it("pass on the site with events and programmes, a past event and an expired programme among them", async () => {
    expect(await siteProblems(sites.eventsSiteDir, inject("eventsSiteDir"))).toEqual([]);
  });

  it("name each article, event, programme, comment and thanks of the files that the site lacks", async () => {
    // The files of the languages site, against the site of the fixture alone.
    const problems = await contentProblems(sites.languagesSiteDir, inject("siteDir"));
    expect(problems).toEqual(
      expect.arrayContaining([
        "articles/arabic.md: no page at /articles/arabic/",
        expect.stringMatching(/^the article pages: missing (\/articles\/\w+\/, ){8}\/articles\/\w+\/$/),
        expect.stringMatching(/^\/articles\/: missing \/articles\/arabic\//),
        expect.stringMatching(/^feed\.xml: missing \/articles\/arabic\//),
        expect.stringMatching(/^feed\.json: missing \/articles\/arabic\//),
        "/articles/scholarship-mentoring-stem/: expected 2 comments on the page, got 0",
        "/articles/scholarship-mentoring-stem/: expected a JSON-LD commentCount of 2, got 0",
        expect.stringMatching(/^\/thank-your-mentor\/: missing 6571f0a1c2d3e4f5a6b7c8d1, /),
        "/thank-your-mentor/: says no thanks are published",
        "thanks 6571f0a1c2d3e4f5a6b7c8d1: no page of its own",
      ]),
    );
    expect(await contentProblems(sites.eventsSiteDir, inject("siteDir"))).toEqual(
      expect.arrayContaining([
        "events/tokyo-mentoring-meetup.md: no page at /events/tokyo-mentoring-meetup/",
        "programmes/young-coders-kenya.md: no page at /programmes/young-coders-kenya/",
      ]),
    );
  });

  it("name what the site shows that the files do not hold", async () => {
    const problems = await contentProblems(sites.siteDir, inject("languagesSiteDir"));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^the article pages: has (\/articles\/\w+\/, ){8}\/articles\/\w+\/, which it should not$/,
        ),
        expect.stringMatching(/^\/thank-your-mentor\/: has 6571f0a1c2d3e4f5a6b7c8d1, .*, which it should not$/),
        "/thank-your-mentor/: has no word for an empty wall",
        "/articles/scholarship-mentoring-stem/: expected 0 comments on the page, got 2",
      ]),
    );
  });
});
