import type { Problem } from "../content/check.ts";
import { describeValue, type StoredComment } from "../content/schemas.ts";
import { isHttpsUrl } from "../publishing/urls.ts";
import { type Plural, say } from "../words/locale.ts";
import { plainText } from "../words/plain-text.ts";
import { duplicateIds, entryField, sentAt } from "./stored-entries.ts";

/** What a visitor may see of a comment: the stored fields, with its date read and its website only if safe to link. */
export interface PublicComment {
  id: string;
  name: string;
  date: Date;
  /** For `<time datetime>` and JSON-LD: the day as stored (`2027-01-18`), or the moment in UTC. */
  dateTime: string;
  text: string;
  website?: string;
  replyTo?: string;
}

/** A comment and the replies shown under it: one level deep, oldest first. */
export interface CommentThread {
  comment: PublicComment;
  replies: ThreadReply[];
}

/** A reply in a thread; `answering` names the reply it answers when that is not the thread's first comment. */
export interface ThreadReply extends PublicComment {
  answering?: { id: string; name: string };
}

/** The approved comments of a page, oldest first (comments of the same moment in file order). */
export function publicComments(stored: readonly StoredComment[] | undefined): PublicComment[] {
  return (stored ?? [])
    .map(({ id, name, date, text, website, replyTo }) => {
      return {
        id,
        // As the content check read them: no bidi control or invisible character to spoof a page with.
        name: plainText(name),
        ...sentAt(date),
        text: plainText(text),
        ...(isHttpsUrl(website) ? { website } : {}),
        ...(replyTo === undefined ? {} : { replyTo }),
      };
    })
    .sort((a, b) => a.date.getTime() - b.date.getTime());
}

/**
 * The comments of a page as threads: each reply under the top-level comment its chain of
 * answers starts from, so a reply to a reply joins the same thread. A reply whose comment is
 * not on the page, or whose chain goes round in a loop, starts a thread of its own.
 */
export function commentThreads(stored: readonly StoredComment[] | undefined): CommentThread[] {
  const comments = publicComments(stored);
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const topOf = (comment: PublicComment): PublicComment => {
    const seen = new Set<PublicComment>();
    let current = comment;
    while (current.replyTo !== undefined && byId.has(current.replyTo)) {
      seen.add(current);
      current = byId.get(current.replyTo) as PublicComment;
      if (seen.has(current)) return comment;
    }
    return current;
  };
  const threads = new Map<PublicComment, CommentThread>();
  for (const comment of comments) {
    const top = topOf(comment);
    if (top === comment) threads.set(comment, { comment, replies: [] });
  }
  for (const comment of comments) {
    const top = topOf(comment);
    if (top === comment) continue;
    const answered = byId.get(comment.replyTo as string) as PublicComment;
    threads
      .get(top)
      ?.replies.push(answered === top ? comment : { ...comment, answering: { id: answered.id, name: answered.name } });
  }
  return [...threads.values()];
}

/** "3 comments", "1 comment" (the locale's `words` for the count), and nothing for none. */
export function commentCountLabel(count: number, words: Plural, language: string): string {
  return count === 0 ? "" : say(words, { count }, language);
}

/**
 * What the schema cannot see in one page's comments file: two comments with one id, and a
 * reply to a comment that is not in the file. `value` is the file as read, valid or not.
 */
export function commentReferenceProblems(file: string, value: unknown): Problem[] {
  if (!Array.isArray(value)) return [];
  const { problems, firstWithId } = duplicateIds(file, value, "comment on this page");
  value.forEach((item, index) => {
    const replyTo = entryField(item, "replyTo");
    if (typeof replyTo !== "string") return;
    if (!firstWithId.has(replyTo))
      problems.push({
        file,
        field: `[${index}].replyTo`,
        message: `expected the id of a comment on this page, got ${describeValue(replyTo)}`,
      });
    else if (replyTo === entryField(item, "id"))
      problems.push({
        file,
        field: `[${index}].replyTo`,
        message: `expected the id of another comment on this page, got ${describeValue(replyTo)}, its own`,
      });
  });
  return problems;
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
