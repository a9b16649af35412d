import type { Site } from "../src/lib/content/schemas.ts";
import { repositoryFromEnvironment, siteUrlFromEnvironment } from "../src/lib/publishing/urls.ts";
import { formatAnnualDate } from "../src/lib/words/dates.ts";
import day from "./day.ts";

// The language the site is written in (a BCP 47 tag): it picks the interface's words in _data/locales/
// (en-GB, then en) and the way dates and numbers are written.
const language = "en-GB";

const site: Site = {
  // The site is named after the day it is for: another day is a change of day.ts alone.
  name: day.name,
  // Netlify's URL (or a deploy preview's own address); elsewhere the default below.
  url: siteUrlFromEnvironment(process.env, "https://international-mentoring-day.netlify.app"),
  language,
  locale: "en_GB",
  // Where CONTRIBUTING.md is, for the invitations to add an event or a programme (Netlify says it).
  ...(repositoryFromEnvironment(process.env) === undefined
    ? {}
    : { repository: repositoryFromEnvironment(process.env) }),
  description: `${day.name}, ${formatAnnualDate(day.date, language)} each year. ${day.tagline}`,
  // Each page's label is the locale's (navigation.pages).
  navigation: [
    { page: "home", url: "/" },
    { page: "articles", url: "/articles/" },
    { page: "events", url: "/events/" },
    { page: "programmes", url: "/programmes/" },
    { page: "about", url: "/about/" },
    { page: "toolkit", url: "/toolkit/" },
    { page: "thanks", url: "/thank-your-mentor/" },
  ],
};

export default site;
