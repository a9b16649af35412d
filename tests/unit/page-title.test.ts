import { describe, expect, it } from "vitest";
import { pageTitles, searchResultTitleLength } from "../../src/lib/words/page-title.ts";

const siteName = "International Mentoring Day";

describe("pageTitles", () => {
  it("is the site's name on a page without a title, the home page", () => {
    expect(pageTitles({ siteName })).toEqual({ document: siteName, name: siteName });
    expect(pageTitles({ title: "", siteName })).toEqual({ document: siteName, name: siteName });
  });

  it("does not repeat the site's name on a page titled with it", () => {
    expect(pageTitles({ title: siteName, siteName })).toEqual({ document: siteName, name: siteName });
  });

  it("follows a page's title with the site's name in the document title, and not in its name", () => {
    expect(pageTitles({ title: "About the day", siteName })).toEqual({
      document: "About the day · International Mentoring Day",
      name: "About the day",
    });
  });

  it("adds the site's name while the two fit in a search result's 70 characters, and not beyond", () => {
    const suffix = ` · ${siteName}`;
    const fits = "x".repeat(searchResultTitleLength - suffix.length);
    const tooLong = `${fits}x`;
    expect(pageTitles({ title: fits, siteName }).document).toBe(`${fits}${suffix}`);
    expect(pageTitles({ title: fits, siteName }).document).toHaveLength(70);
    expect(pageTitles({ title: tooLong, siteName }).document).toBe(tooLong);
  });

  it("keeps a title longer than 70 characters whole", () => {
    const title = "Scholarship and mentoring: The key to recruiting minority students to STEM";
    expect(pageTitles({ title, siteName })).toEqual({ document: title, name: title });
  });
});
