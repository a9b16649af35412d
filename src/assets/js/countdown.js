// @ts-check
// The built page says when the day is next, as of the build and in UTC. This adds how far
// away it is in the visitor's own time zone ("tomorrow", "in 52 days"), so the HTML never
// carries a count of days that goes stale. Its words are the page's: the element carries them
// (data-today, data-next, data-tomorrow, and data-in-days-<plural category> for each form of "in 52 days").
// Nothing moves when it writes them: the page keeps room for the longest (components/next-date.njk).

import { fillIn } from "./shared/placeholders.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The next date with this month and day on or after `today` (local midnight); 29 February waits for a leap year. */
function nextOccurrence(/** @type {Date} */ today, /** @type {number} */ month, /** @type {number} */ day) {
  for (let year = today.getFullYear(); ; year++) {
    const candidate = new Date(year, month - 1, day);
    if (candidate.getDate() === day && candidate >= today) return candidate;
  }
}

for (const element of document.querySelectorAll(/** @type {"p"} */ ("[data-countdown]"))) {
  const { month, day, today: todayText = "", next: nextText = "", tomorrow = "" } = element.dataset;
  const language = document.documentElement.lang || undefined;
  const now = new Date();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const next = nextOccurrence(today, Number(month), Number(day));
  const days = Math.round((next.getTime() - today.getTime()) / DAY_MS);

  if (days === 0) {
    element.textContent = todayText;
    continue;
  }
  const time = document.createElement("time");
  time.dateTime = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, "0")}-${String(next.getDate()).padStart(2, "0")}`;
  const parts = new Intl.DateTimeFormat(language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).formatToParts(next);
  // Written as the build writes it: "Sunday 17 January 2027", without the language's commas.
  time.textContent = parts.map((part) => (part.type === "literal" ? part.value.replace(",", "") : part.value)).join("");
  const category = new Intl.PluralRules(language).select(days);
  const inDays = fillIn(element.getAttribute(`data-in-days-${category}`) ?? element.dataset.inDaysOther ?? "", {
    count: new Intl.NumberFormat(language).format(days),
  });
  element.replaceChildren(`${nextText} `, time, ` ${days === 1 ? tomorrow : inDays}`);
}
