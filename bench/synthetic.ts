// Synthetic articles for the benchmarks: valid against the article schema, deterministic
// (a seeded generator), with real words so that search has something to find.

const words =
  "mentor mentee mentoring learning student teacher career community programme research science school college university scholarship support confidence respect experience knowledge skills growth guidance future network practice training clinic surgeon nurse engineer coding design story culture family village city region project volunteer leadership".split(
    " ",
  );
const firstNames = ["Ada", "Kwame", "Mei", "Ravi", "Sofia", "Tomasz", "Amina", "Diego", "Hana", "Olu", "Priya", "Lars"];
const lastNames = ["Okafor", "Chen", "Novak", "Garcia", "Haddad", "Kim", "Mensah", "Silva", "Ivanova", "Patel", "Berg"];
const institutions = ["University of Lagos", "Kyoto University", "University of Toronto", "Universidad de Chile"];
const tags = [
  "stem",
  "scholarships",
  "higher-education",
  "equity",
  "community",
  "medicine",
  "technology",
  "storytelling",
];
const images = [
  "/images/articles/scholarship-mentoring-stem.svg",
  "/images/articles/building-community-learning-legacy.svg",
  "/images/articles/surgtime-telemedicine-mentoring.svg",
  "/images/articles/storytelling-humanism-mentoring.svg",
];

/** A small seeded generator (mulberry32): the same index always gives the same article. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The file name and Markdown source of synthetic article number `index`. */
export function syntheticArticle(index: number): { name: string; source: string } {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const sentence = (length: number) => {
    const text = Array.from({ length }, () => pick(words)).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const title = `${sentence(5).slice(0, -1)} ${index}`;
  const date = new Date(Date.UTC(2016, 0, 17) + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10);
  const articleTags = [...new Set([pick(tags), pick(tags)])];
  const body = Array.from({ length: 3 }, () => Array.from({ length: 5 }, () => sentence(12)).join(" ")).join("\n\n");
  return {
    name: `synthetic-${String(index).padStart(5, "0")}.md`,
    source: `---
title: "${title}"
summary: "${sentence(18)}"
date: ${date}
people:
  - name: ${pick(firstNames)} ${pick(lastNames)}
    honorific: Dr
    institution: ${pick(institutions)}
tags: [${articleTags.join(", ")}]
image:
  src: ${pick(images)}
  alt: "An illustration for a synthetic article."
quote:
  text: "${sentence(14)}"
  by: Dr ${pick(firstNames)} ${pick(lastNames)}
---
${body}
`,
  };
}
