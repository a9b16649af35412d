import MarkdownItCallable, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import { withoutHiddenCharacters } from "../words/plain-text.ts";

/**
 * The one markdown-it used for every article. Raw HTML is off: contributors'
 * Markdown cannot put a <script> or an event handler on the page, it shows as text.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItCallable({ html: false, linkify: true, typographer: true })
    .use(headingIds)
    .use(withoutHidden);
  // Web addresses in the text become links; an email address stays text: an author who mentions
  // one has not asked for a mailto: link (a Markdown link or <address@example.org> still makes one).
  md.linkify.set({ fuzzyEmail: false }).add("mailto:", null);
  return md;
}

/**
 * The prefix of every heading id in an article's body. The layout around the body has ids of its
 * own (`main`, `new-comment-name`, `share-heading`, …): with the prefix, no heading can take one of
 * them, whatever its words, and a heading's anchor never changes when the layout gains an id.
 */
export const headingIdPrefix = "section-";

/**
 * "Why it matters" → "why-it-matters", "Ünïcode & more" → "unicode-more", "为什么重要" →
 * "为什么重要": letters and digits of every script are kept, accents are taken off Latin letters
 * (as in article file names), anything else between words becomes one hyphen.
 */
export function headingSlug(text: string): string {
  return text
    .replace(/[\u2122\u00ae\u00a9]/g, "") // ™ ® © would otherwise become "tm", "r", "c"
    .toLowerCase()
    .normalize("NFKD")
    .replace(/(?<=[a-z])[\u0300-\u036f]+/g, "") // other scripts' combining marks are part of their letters
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .normalize("NFC");
}

/** Gives every heading an id from its text (unique within the document), so it can be linked to. */
function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state: StateCore) => {
    const used = new Set<string>();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open" || token.attrGet("id")) return;
      const slug = headingSlug(state.tokens[index + 1]?.content ?? "");
      // A heading of emoji alone has no letters to name it by.
      const base = slug ? `${headingIdPrefix}${slug}` : headingIdPrefix.slice(0, -1);
      let id = base;
      for (let count = 2; used.has(id); count++) id = `${base}-${count}`;
      used.add(id);
      token.attrSet("id", id);
    });
  });
}

/**
 * The words of an article without the characters that could spoof what is around them
 * (withoutHiddenCharacters: bidi embeddings, overrides and isolates, invisible characters of no
 * use): in its page, the feeds that carry it, and the search index and excerpts made of it.
 */
function withoutHidden(md: MarkdownIt): void {
  md.core.ruler.push("without_hidden_characters", (state: StateCore) => {
    const clean = (tokens: Token[] | null) => {
      for (const token of tokens ?? []) {
        if (
          token.type === "text" ||
          token.type === "code_inline" ||
          token.type === "code_block" ||
          token.type === "fence"
        )
          token.content = withoutHiddenCharacters(token.content);
        clean(token.children);
      }
    };
    clean(state.tokens);
  });
}
