/** Newest first; articles of the same day by title, so the order is stable. */
export function newestFirst<T extends { date: Date; data: { title: string } }>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || a.data.title.localeCompare(b.data.title, "en"),
  );
}
