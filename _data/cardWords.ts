import type { CardWordsByLanguage } from "../src/lib/content/schemas.ts";

// The thank-you cards' own words in languages other than the site's, by language tag: the
// greeting, the sender's line and the day's name, as people of that language write them. A card
// is in one of these when its thanks says so (`lang`) or its message's letters do
// (src/assets/js/shared/card-language.js); its footer's date is Intl's in that language. The
// site's own language takes its card words from the locale (`words.thanks.card`) and the day's
// name from day.ts, and the cards' text alternatives stay in the site's language. Another day
// changes the day's names here too.
const cardWords: CardWordsByLanguage = {
  ar: { greeting: "شكرًا لك", from: "من {name}", day: "اليوم الدولي للإرشاد" },
  he: { greeting: "תודה", from: "מאת {name}", day: "יום החונכות הבינלאומי" },
  ja: { greeting: "ありがとう", from: "{name}より", day: "国際メンタリングデー" },
  ko: { greeting: "감사합니다", from: "{name} 드림", day: "국제 멘토링의 날" },
  zh: { greeting: "谢谢您", from: "来自{name}", day: "国际导师日" },
  hi: { greeting: "धन्यवाद", from: "{name} की ओर से", day: "अंतरराष्ट्रीय मेंटरिंग दिवस" },
  es: { greeting: "Gracias", from: "De {name}", day: "Día Internacional de la Mentoría" },
  fr: { greeting: "Merci", from: "De la part de {name}", day: "Journée internationale du mentorat" },
  de: { greeting: "Danke", from: "Von {name}", day: "Internationaler Mentoring-Tag" },
  // Cyrillic letters are many languages': a Russian card is one whose sender chose Russian.
  ru: { greeting: "Спасибо", from: "От {name}", day: "Международный день наставничества" },
};

export default cardWords;
