import type { Site } from "../src/lib/schemas.ts";
import { formatAnnualDate } from "../src/lib/dates.ts";
import day from "./day.ts";

const site: Site = {
  // The site is named after the day it is for: another day is a change of day.ts alone.
  name: day.name,
  // Netlify sets URL to the site's main address; elsewhere the default below is used.
  url: process.env.URL ?? "https://international-mentoring-day.netlify.app",
  language: "en-GB",
  locale: "en_GB",
  description: `${day.name}, ${formatAnnualDate(day.date)} each year. ${day.tagline}`,
  navigation: [
    { label: "Home", url: "/" },
    { label: "Articles", url: "/articles/" },
    { label: "About the day", url: "/about/" },
  ],
};

export default site;
