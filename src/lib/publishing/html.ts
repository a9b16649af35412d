// Text written into HTML by code rather than by a template (whose escaping is on): the words
// around a phrase's links, the list words of Intl, the dev server's error page.

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` as HTML shows it, in an element or an attribute's quotes: `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}
