import type { Day } from "../lib/content/schemas.ts";
import { type CardWords, cardWordsFor, thanksSharedCard } from "../lib/graphics/thanks-cards.ts";
import type { PublicThanks } from "../lib/site/thanks.ts";
import { formatAnnualDate } from "../lib/words/dates.ts";

interface ThanksPageData {
  item: PublicThanks;
  day: Day;
  site: { language: string };
  words: { thanks: { card: CardWords } };
}

// A thanks' page shares its own card (drawn by src/plugins/thanks.ts), not a card made of its title.
export default {
  eleventyComputed: {
    ownSocialCard: ({ item, day, site, words }: ThanksPageData) => {
      // Eleventy first calls this with stand-ins for the data, only to learn which data it reads.
      if (!(item?.date instanceof Date) || typeof words?.thanks?.card?.altFrom !== "string") return undefined;
      const date = formatAnnualDate(day.date, site.language);
      return thanksSharedCard(item, cardWordsFor(words.thanks.card, { name: day.name, date }));
    },
  },
};
