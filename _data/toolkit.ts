import type { Toolkit } from "../src/lib/content/schemas.ts";
import { formatAnnualDate } from "../src/lib/words/dates.ts";
import day from "./day.ts";
import site from "./site.ts";

// The campaign toolkit at /toolkit/. The graphics are drawn at build time from day.ts (its
// name, date, tagline and hashtags) in each platform's size; the posts get the day's hashtags.
const date = formatAnnualDate(day.date, site.language);

const toolkit: Toolkit = {
  intro: `Everything you need to share ${day.name} on ${date}: graphics in the sizes each platform uses, posts to copy, and the date for your calendar. Use them freely.`,
  graphics: [
    { format: "square", label: "Square post", use: "Instagram, Facebook, LinkedIn and Mastodon posts." },
    { format: "story", label: "Story", use: "Instagram, Facebook and WhatsApp stories, and TikTok." },
    { format: "landscape", label: "Landscape post", use: "X, Bluesky, Facebook and LinkedIn link posts, and email." },
    { format: "banner", label: "LinkedIn banner", use: "The background of a LinkedIn profile, for the month." },
  ],
  posts: [
    {
      text: `${date} is ${day.name}. Who was the mentor who made a difference for you? Tell them today, and tell us about them.`,
    },
    {
      text: `Mentoring works both ways: mentors learn as much as the people they guide. This ${day.name}, offer an hour of your time to someone starting out.`,
    },
    {
      text: `One message can make a mentor's year. On ${date}, ${day.name}, thank the person who showed you the way.`,
    },
  ],
};

export default toolkit;
