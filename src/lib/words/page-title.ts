/** A search result shows about this many characters of a title: the site's name is added only while it fits. */
export const searchResultTitleLength = 70;

/** What a page is called, in the two forms the site uses. */
export interface PageTitles {
  /** The document's `<title>`, for tabs and search results: the page's name, then the site's while both fit. */
  document: string;
  /**
   * The page's name on its own, where the site's name is said apart (og:site_name) or not wanted
   * (og:title, twitter:title, the comment form). A page without a title, the home page, is the site.
   */
  name: string;
}

export function pageTitles({ title, siteName }: { title?: string | undefined; siteName: string }): PageTitles {
  if (!title || title === siteName) return { document: siteName, name: siteName };
  const withSite = `${title} · ${siteName}`;
  return { document: withSite.length <= searchResultTitleLength ? withSite : title, name: title };
}
