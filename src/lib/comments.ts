import type { StoredComment } from "./schemas.ts";

/** What a visitor may see of a comment. The email address is never part of it. */
export interface PublicComment {
  name: string;
  date: Date;
  text: string;
  website?: string;
}

/** The approved comments of a page, oldest first, with private fields left out. */
export function publicComments(stored: readonly StoredComment[] | undefined): PublicComment[] {
  return (stored ?? [])
    .map(({ name, date, text, website }) => ({
      name,
      date: new Date(date),
      text,
      ...(website?.startsWith("https://") ? { website } : {}),
    }))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/**
 * The stored comments of one page (`home`, or an article's file name) from `_data/comments/`.
 * Only the page's own file counts: `constructor` or `toString` is a page like any other, not
 * a property every object inherits.
 */
export function commentsOf(
  all: Readonly<Record<string, readonly StoredComment[]>> | undefined,
  page: string,
): readonly StoredComment[] | undefined {
  return all && Object.hasOwn(all, page) ? all[page] : undefined;
}
