import { formatAnnualDate } from "../src/lib/dates.ts";
import type { Site } from "../src/lib/schemas.ts";
import { siteUrlFromEnvironment } from "../src/lib/urls.ts";
import day from "./day.ts";

const site: Site = {
  // The site is named after the day it is for: another day is a change of day.ts alone.
  name: day.name,
  // Netlify's URL (or a deploy preview's own address); elsewhere the default below.
  url: siteUrlFromEnvironment(process.env, "https://international-mentoring-day.netlify.app"),
  language: "en-GB",
  locale: "en_GB",
  description: `${day.name}, ${formatAnnualDate(day.date)} each year. ${day.tagline}`,
  navigation: [
    { label: "Home", url: "/" },
    { label: "Articles", url: "/articles/" },
    { label: "About the day", url: "/about/" },
    { label: "Toolkit", url: "/toolkit/" },
    { label: "Thank your mentor", url: "/thank-your-mentor/" },
  ],
};

export default site;
