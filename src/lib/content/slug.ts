/** "Storytelling & humanism: a theory" → "storytelling-humanism-a-theory" (ASCII, for ids and file names). */
export function slugify(text: string): string {
  return text
    .replace(/[\u2122\u00ae\u00a9]/g, "") // ™ ® © would otherwise become "tm", "r", "c"
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
