import { cardAlt } from "../assets/js/thanks-card.js";
import { formatAnnualDate } from "../lib/dates.ts";
import type { Day } from "../lib/schemas.ts";
import type { PublicThanks } from "../lib/thanks.ts";
import { type CardWords, cardWordsFor, thanksCardPath } from "../lib/thanks-cards.ts";

interface ThanksPageData {
  item: PublicThanks;
  day: Day;
  thanksWords: { card: CardWords };
}

// A thanks' page shares its own card (drawn by src/plugins/thanks.ts), not a card made of its title.
export default {
  eleventyComputed: {
    ownSocialCard: ({ item, day, thanksWords }: ThanksPageData) => {
      // Eleventy first calls this with stand-ins for the data, only to learn which data it reads.
      if (!(item?.date instanceof Date) || typeof thanksWords?.card?.altFrom !== "string") return undefined;
      const words = cardWordsFor(thanksWords.card, { name: day.name, date: formatAnnualDate(day.date) });
      return { url: thanksCardPath(item.id), width: 1200, height: 630, alt: cardAlt(item, words) };
    },
  },
};
