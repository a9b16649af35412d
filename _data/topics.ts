import type { Topics } from "../src/lib/content/schemas.ts";

// The vocabulary of article tags, with the words shown to visitors. (Not `tags.ts`: Eleventy
// reserves the `tags` data key for a page's own tags, and a global one would shadow it.)
const topics: Topics = {
  stem: { label: "STEM", description: "Science, technology, engineering and mathematics." },
  scholarships: { label: "Scholarships", description: "Funding that opens a door, with mentoring to keep it open." },
  "higher-education": { label: "Higher education", description: "Universities, colleges and the road into them." },
  equity: { label: "Equity", description: "Widening access for students who have been left out." },
  community: { label: "Community", description: "Mentoring in groups, where mentees learn from each other." },
  medicine: { label: "Medicine", description: "Mentoring among doctors, surgeons and other clinicians." },
  technology: { label: "Technology", description: "Tools that let mentors and mentees meet across distance." },
  storytelling: { label: "Storytelling", description: "Sharing experiences as a way to learn and to belong." },
};

export default topics;
