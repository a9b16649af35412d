import type { CardWordsByLanguage, Day } from "../lib/content/schemas.ts";
import { type CardWords, thanksSharedCard } from "../lib/graphics/thanks-cards.ts";
import type { PublicThanks } from "../lib/site/thanks.ts";
import { cardLanguagesFor, thanksCardWords } from "../lib/words/card-languages.ts";

interface ThanksPageData {
  item: PublicThanks;
  day: Day;
  site: { language: string };
  words: { thanks: { card: CardWords } };
  cardWords?: CardWordsByLanguage;
}

// A thanks' page shares its own card (drawn by src/plugins/thanks.ts), not a card made of its title:
// in its language's words, as the wall draws it.
export default {
  eleventyComputed: {
    ownSocialCard: ({ item, day, site, words, cardWords }: ThanksPageData) => {
      // Eleventy first calls this with stand-ins for the data, only to learn which data it reads.
      if (!(item?.date instanceof Date) || typeof words?.thanks?.card?.altFrom !== "string") return undefined;
      const languages = cardLanguagesFor(words.thanks.card, site.language, day, cardWords ?? {});
      return thanksSharedCard(item, thanksCardWords(item, languages));
    },
  },
};
