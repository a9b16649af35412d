import { describe, expect, it } from "vitest";
import { cardLanguage, languageOfLetters } from "../../src/assets/js/shared/card-language.js";
import { checkWithSchema, formatProblem } from "../../src/lib/content/check.ts";
import { cardWordsSchema } from "../../src/lib/content/schemas.ts";
import { cardLanguagesFor, ownLanguageName, thanksCardWords } from "../../src/lib/words/card-languages.ts";

// Which language a thank-you card's own words speak: the sender's choice, else what the message's
// letters say where one language alone writes them, else the site's. The languages and words are
// this test's own.

const ours = ["ar", "he", "ja", "ko", "zh", "hi", "es", "ru"];
const pick = (
  message: string,
  { lang, mentor = "", languages = ours, site = "en-GB" } = {} as Partial<{
    lang: string;
    mentor: string;
    languages: string[];
    site: string;
  }>,
) => cardLanguage({ message, mentor, ...(lang === undefined ? {} : { lang }) }, languages, site);

describe("cardLanguage", () => {
  it("guesses a language from scripts that one of ours alone writes", () => {
    expect(pick("شكرًا لأنك آمنت بي.")).toBe("ar");
    expect(pick("תודה על הכול")).toBe("he");
    expect(pick("いつもありがとうございました")).toBe("ja");
    expect(pick("カタカナだけ")).toBe("ja");
    // Han beside kana is Japanese, beside Hangul Korean, alone Chinese.
    expect(pick("先生、本当にありがとう")).toBe("ja");
    expect(pick("感謝 합니다")).toBe("ko");
    expect(pick("谢谢您多年来的指导")).toBe("zh");
    expect(pick("항상 감사합니다")).toBe("ko");
    expect(pick("आपके मार्गदर्शन के लिए धन्यवाद")).toBe("hi");
    // Arabic presentation forms are the Arabic letters they draw.
    expect(pick("ﺷﻜﺮﺍ")).toBe("ar");
  });

  it("makes no guess from Latin, Cyrillic or other letters: a script is not a language", () => {
    expect(pick("Gracias por todo", { mentor: "أحمد" })).toBe("en-GB");
    expect(pick("Спасибо за терпение")).toBe("en-GB");
    expect(pick("Ευχαριστώ")).toBe("en-GB");
    expect(pick("ขอบคุณครับ")).toBe("en-GB");
    expect(languageOfLetters("Danke")).toBeUndefined();
  });

  it("makes no guess of Arabic from letters only Persian, Urdu and the script's other languages write", () => {
    for (const letter of ["پ", "چ", "ژ", "گ", "ک", "ی", "ٹ", "ڈ", "ڑ", "ں", "ے", "ہ", "ڤ"]) {
      expect(pick(`شكرا ${letter}`), letter).toBe("en-GB");
    }
    expect(pick("سپاسگزارم استاد")).toBe("en-GB");
    expect(pick("آپ کا بہت شکریہ")).toBe("en-GB");
    expect(languageOfLetters("سپاس")).toBeUndefined();
  });

  it("goes by the message's first letter, then by the mentor's name when the message has no letter", () => {
    expect(pick("Thank you! شكرًا جزيلًا")).toBe("en-GB");
    expect(pick("2027 שנה טובה, thanks")).toBe("he");
    expect(pick("🙏 ❤", { mentor: "ليلى" })).toBe("ar");
    expect(pick("Thanks", { mentor: "ليلى" })).toBe("en-GB");
    expect(pick("!!!", { mentor: "123" })).toBe("en-GB");
  });

  it("takes the language the sender declared over any guess, when there are words in it", () => {
    expect(pick("Thank you", { lang: "ru" })).toBe("ru");
    expect(pick("شكرًا", { lang: "he" })).toBe("he");
    expect(pick("Thanks", { lang: "ar-EG" })).toBe("ar");
    expect(pick("Thanks", { lang: "zh-Hant-TW" })).toBe("zh");
    // An old tag that Intl reads as today's (iw is he).
    expect(pick("Thanks", { lang: "iw" })).toBe("he");
    // The site's own language, in any of its forms, is the site's tag.
    expect(pick("شكرًا", { lang: "en-US" })).toBe("en-GB");
    expect(pick("شكرًا", { lang: "en" })).toBe("en-GB");
  });

  it("falls back to the guess when the declared language has no card words, or is no language", () => {
    expect(pick("谢谢", { lang: "pt-BR" })).toBe("zh");
    expect(pick("谢谢", { lang: "not a tag!" })).toBe("zh");
    expect(pick("谢谢", { lang: "" })).toBe("zh");
    expect(pick("Obrigado", { lang: "pt" })).toBe("en-GB");
  });

  it("guesses only languages there are words in, and the site's own language as the site's tag", () => {
    expect(pick("شكرًا", { languages: ["he"] })).toBe("en-GB");
    expect(pick("شكرًا", { languages: ["he"], site: "ar-EG" })).toBe("ar-EG");
    expect(pick("Gracias", { site: "es-ES", languages: ["ar"] })).toBe("es-ES");
  });
});

const siteWords = {
  greeting: "Thank you",
  from: "From {name}",
  footer: "{day} · {date}",
  alt: "A card for {mentor}.",
  altMessage: "“{message}”",
  altFrom: "From {name}.",
};
const day = { name: "Test Day", date: { month: 3, day: 9 } };
const others = {
  ar: { greeting: "شكرًا جزيلًا", from: "من {name}", day: "يوم الاختبار" },
  en: { greeting: "Cheers", from: "Love, {name}", day: "Another Day" },
  ja: { greeting: "どうも", from: "{name}より", day: "テストの日" },
};

describe("cardLanguagesFor and thanksCardWords", () => {
  const languages = cardLanguagesFor(siteWords, "en-GB", day, others);

  it("has the site's words (the locale's) and each other language's, its footer's date as that language writes it", () => {
    expect(Object.keys(languages.words)).toEqual(["en-GB", "ar", "ja"]);
    expect(languages.words["en-GB"]).toEqual({ ...siteWords, footer: "Test Day · 9 March" });
    expect(languages.words.ar).toEqual({
      ...siteWords,
      greeting: "شكرًا جزيلًا",
      from: "من {name}",
      footer: `يوم الاختبار · ${new Intl.DateTimeFormat("ar", { month: "long", day: "numeric" }).format(new Date(2024, 2, 9))}`,
    });
    expect(languages.words.ja?.footer).toBe("テストの日 · 3月9日");
  });

  it("keeps the text alternatives in the site's language: they describe the card to the page's reader", () => {
    for (const words of Object.values(languages.words)) {
      expect([words.alt, words.altMessage, words.altFrom]).toEqual([
        siteWords.alt,
        siteWords.altMessage,
        siteWords.altFrom,
      ]);
    }
  });

  it("gives a thanks the words of its language", () => {
    expect(thanksCardWords({ mentor: "ليلى", message: "شكرًا لك" }, languages).greeting).toBe("شكرًا جزيلًا");
    expect(thanksCardWords({ mentor: "Ama", message: "Thanks", lang: "ja" }, languages).from).toBe("{name}より");
    expect(thanksCardWords({ mentor: "Ama", message: "谢谢" }, languages)).toBe(languages.words["en-GB"]);
  });

  it("names each language in itself", () => {
    expect(["ar", "de", "es", "ja", "en-GB"].map(ownLanguageName)).toEqual([
      "العربية",
      "Deutsch",
      "Español",
      "日本語",
      "English",
    ]);
  });
});

describe("cardWordsSchema", () => {
  it("takes words in a language tag as Intl writes it, with {name} in the sender's line", () => {
    expect(checkWithSchema("_data/cardWords.ts", others, cardWordsSchema).problems).toEqual([]);
  });

  it("refuses a tag Intl does not write so, placeholders out of place, and words too long, each as expected …, got …", () => {
    const problems = checkWithSchema(
      "_data/cardWords.ts",
      {
        AR: { greeting: "شكرًا", from: "من {name}", day: "يوم" },
        english: { greeting: "Hi", from: "From {name}", day: "Day" },
        he: { greeting: "תודה {name}", from: "מאת", day: "יום" },
        ja: { greeting: "どうも", from: "{mentor}より", day: "x".repeat(81) },
        ko: { greeting: "감사", from: "{name} {name}", day: "날", colour: "red" },
      },
      cardWordsSchema,
    ).problems.map(formatProblem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^_data\/cardWords\.ts: AR: expected a language tag as Intl writes it, .* got "AR"$/),
        expect.stringMatching(
          /^_data\/cardWords\.ts: english: expected a language tag as Intl writes it, .* got "english"$/,
        ),
        '_data/cardWords.ts: he.greeting: expected the greeting (Thank you) with no other {…} in it, got "תודה {name}"',
        '_data/cardWords.ts: he.from: expected the sender\'s line (From {name}) with {name} once and no other {…} in it, got "מאת"',
        '_data/cardWords.ts: ja.from: expected the sender\'s line (From {name}) with {name} once and no other {…} in it, got "{mentor}より"',
        "_data/cardWords.ts: ja.day: expected at most 80 characters, got 81",
        '_data/cardWords.ts: ko.from: expected the sender\'s line (From {name}) with {name} once and no other {…} in it, got "{name} {name}"',
        '_data/cardWords.ts: ko.colour: expected a known field, got "colour"',
      ]),
    );
    expect(problems).toHaveLength(8);
  });
});
