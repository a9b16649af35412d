// @ts-check
// An event's page gives its time in the event's own zone. This adds the same moment in the
// visitor's zone, labelled, when that zone is another: "Your time: Sun 17 Jan 2027, 05:00 Eastern
// Standard Time". The words are the page's (data-label); the format is the build's (the options of
// eventTimeOptions in src/lib/words/dates.ts). The line is reserved in the stylesheet, so nothing moves.

const options = /** @type {const} */ ({
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** The moment as the page writes it, in `timeZone`: without the comma after the weekday. */
function written(
  /** @type {Date} */ moment,
  /** @type {string | undefined} */ language,
  /** @type {string} */ timeZone,
  withZone = true,
) {
  const parts = new Intl.DateTimeFormat(language, {
    ...options,
    timeZone,
    ...(withZone ? { timeZoneName: "long" } : {}),
  }).formatToParts(moment);
  return parts
    .map((part, index) =>
      part.type === "literal" && parts[index - 1]?.type === "weekday" ? part.value.replace(",", "") : part.value,
    )
    .join("");
}

const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const language = document.documentElement.lang || undefined;

for (const element of document.querySelectorAll(/** @type {"p"} */ ("[data-local-time]"))) {
  const { start = "", zone = "", label = "" } = element.dataset;
  const moment = new Date(start);
  if (Number.isNaN(moment.getTime()) || !zone || !visitorZone) continue;
  // Another zone name with the same clock (Asia/Seoul for an event in Asia/Tokyo) needs no second line.
  if (written(moment, language, zone, false) === written(moment, language, visitorZone, false)) continue;
  const time = document.createElement("time");
  time.dateTime = start;
  time.textContent = written(moment, language, visitorZone);
  const [before = "", after = ""] = label.split("{time}");
  element.replaceChildren(before, time, after);
}
