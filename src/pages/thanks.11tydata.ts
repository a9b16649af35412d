import { cardAlt } from "../assets/js/thanks-card.js";
import { formatAnnualDate } from "../lib/dates.ts";
import type { Day } from "../lib/schemas.ts";
import type { PublicThanks } from "../lib/thanks.ts";
import { type CardWords, cardWordsFor, thanksCardPath } from "../lib/thanks-cards.ts";

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
      const card = cardWordsFor(words.thanks.card, { name: day.name, date });
      return { url: thanksCardPath(item.id), width: 1200, height: 630, alt: cardAlt(item, card) };
    },
  },
};
