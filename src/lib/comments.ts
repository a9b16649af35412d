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
