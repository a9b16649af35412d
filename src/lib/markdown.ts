import MarkdownItCallable, { type MarkdownIt, type StateCore } from "markdown-it";
import { slugify } from "./slug.ts";

/**
 * The one markdown-it used for every article. Raw HTML is off: contributors'
 * Markdown cannot put a <script> or an event handler on the page, it shows as text.
 */
export function createMarkdown(): MarkdownIt {
  return new MarkdownItCallable({ html: false, linkify: true, typographer: true }).use(headingIds);
}

/** Gives every heading an id from its text (unique within the document), so it can be linked to. */
function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state: StateCore) => {
    const used = new Map<string, number>();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open" || token.attrGet("id")) return;
      const text = state.tokens[index + 1]?.content ?? "";
      const base = slugify(text) || "section";
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      token.attrSet("id", count === 0 ? base : `${base}-${count + 1}`);
    });
  });
}
