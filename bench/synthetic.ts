// Synthetic articles for the benchmarks: valid against the article schema, deterministic
// (seeded generators), and written like real articles so that the search index has a real
// shape: 400–900 words each, drawn from a vocabulary of some 4,000 words with Zipf-like
// frequencies (a few words everywhere, most words rare), more words of an article's own
// topics, and "mentoring" common but not in every article (see `mentoringFamily`).
import { common, topical } from "./vocabulary.ts";

const firstNames = `Ada Kwame Mei Ravi Sofia Tomasz Amina Diego Hana Olu Priya Lars Fatima Chen Ingrid Mateo Aisha
Kofi Yuki Elena Samuel Nadia Arjun Grace Luis Zainab Pieter Ana Tendai Marta Omar Leila Henrik Chloe Ibrahim Rosa
Daniel Meera Jonas Ifeoma`.split(/\s+/);
const lastNames = `Okafor Chen Novak Garcia Haddad Kim Mensah Silva Ivanova Patel Berg Nakamura Adeyemi Rossi Kowalski
Fernandes Osei Dubois Larsen Moreau Tanaka Mwangi Costa Schmidt Ahmed Lindqvist Reyes Banda Singh Murphy Petrov
Hassan Oliveira Jensen Abebe Kaur Nguyen Walsh Ortiz Achebe`.split(/\s+/);
const institutions = [
  "University of Lagos",
  "Kyoto University",
  "University of Toronto",
  "Universidad de Chile",
  "University of Nairobi",
  "University of Edinburgh",
  "Makerere University",
  "University of Cape Town",
  "Seoul National University",
  "University of Melbourne",
  "McGill University",
  "University of Ghana",
  "Universidade de São Paulo",
  "University of Louisville",
  "Imperial College London",
  "University of Auckland",
  "Indian Institute of Science",
  "University of Copenhagen",
  "Universidad Nacional Autónoma de México",
  "Karolinska Institutet",
  "University of Ibadan",
  "Trinity College Dublin",
  "National University of Singapore",
  "University of the West Indies",
  "Aga Khan University",
  "University of Warsaw",
  "Stellenbosch University",
  "University of Manchester",
  "Monash University",
  "University of Dhaka",
  "American University of Beirut",
  "University of Zimbabwe",
  "Sorbonne Université",
  "Universidad de los Andes",
  "University of Leeds",
  "Johns Hopkins University",
];
const roles = ["Professor", "Lecturer", "Surgeon", "Research fellow", "Teacher", "Engineer", "Nurse", "Founder"];
const countries = ["Nigeria", "Japan", "Canada", "Chile", "Kenya", "UK", "Uganda", "South Africa", "India", "USA"];
const honorifics = ["Dr", "Prof", "Dr", "Ms", "Mr"];
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
/** Words an article on each topic uses more than others do. */
const topicWords: Record<string, string[]> = {
  stem: "science research laboratory physics chemistry biology engineering maths data coding software".split(" "),
  scholarships: "scholarship funding grant award fellowship foundation students opportunity access".split(" "),
  "higher-education": "university college degree graduate campus faculty academic professor curriculum".split(" "),
  equity: "equity inclusion diversity access barriers background women rural opportunity belonging".split(" "),
  community: "community group peers circle volunteers village local belonging together support".split(" "),
  medicine: "medical clinical doctor surgeon nurse hospital patients surgery medicine residents".split(" "),
  technology: "technology digital online platform video telemedicine remote software distance".split(" "),
  storytelling: "story storytelling narrative stories reflection humanism legacy identity writing".split(" "),
};
const images = [
  "/images/articles/scholarship-mentoring-stem.svg",
  "/images/articles/building-community-learning-legacy.svg",
  "/images/articles/surgtime-telemedicine-mentoring.svg",
  "/images/articles/storytelling-humanism-mentoring.svg",
];

/** A small seeded generator (mulberry32): the same seed always gives the same numbers. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The long tail: 3,600 made-up words of two to four syllables. Which rare words an article
 * uses does not matter to the index, only how many there are, how long, and how rare.
 */
const rare: string[] = (() => {
  const next = random(17_01_2026);
  const pick = (list: string) => {
    const options = list.split(" ");
    return options[Math.floor(next() * options.length)] as string;
  };
  const real = new Set([...common, ...topical]);
  const words = new Set<string>();
  while (words.size < 3600) {
    const syllables = next() < 0.5 ? 2 : next() < 0.8 ? 3 : 4;
    let word = "";
    for (let i = 0; i < syllables; i++)
      word +=
        pick("b c d f g h j k l m n p r s t v w br cl dr fl gr pl pr sk st tr") + pick("a e i o u a e o ai ea ou");
    word += pick("n r l s m t nd st - - - -").replace("-", "");
    // Made-up words that could read as something rude are left out.
    const rude =
      /anal|anus|arse|boob|butt|clit|cock|coon|cum|cunt|dick|fag|gay|nig|negr|piss|porn|puss|rape|sex|shit|slut|spic|tit|twat|wank|whor|wog/;
    if (word.length >= 4 && word.length <= 11 && !real.has(word) && !word.startsWith("mentor") && !rude.test(word))
      words.add(word);
  }
  return [...words];
})();

/**
 * The vocabulary by rank, most frequent first: everyday words, with this site's words among
 * them from rank 40 on (every other rank, then every third), then the long tail.
 */
const ranked: string[] = (() => {
  const words = common.slice(0, 40);
  const everyday = common.slice(40);
  const site = [...topical];
  while (everyday.length > 0 || site.length > 0) {
    const next = words.length < 400 ? [everyday.shift(), site.shift()] : [everyday.shift(), site.shift(), site.shift()];
    for (const word of next) if (word !== undefined) words.push(word);
  }
  return [...words, ...rare];
})();

/**
 * The words with "mentor" in them, and where they rank: "mentoring" is the 20th most frequent
 * word (about 1 word in 180), "mentor" the 30th, and so on. An article uses them as often as
 * its own emphasis on mentoring says (see `mentoringEmphasis`).
 */
const mentoringFamily: [word: string, rank: number][] = [
  ["mentoring", 20],
  ["mentor", 30],
  ["mentors", 45],
  ["mentees", 60],
  ["mentee", 75],
  ["mentorship", 95],
];
for (const [word, rank] of mentoringFamily) {
  ranked.splice(ranked.indexOf(word), 1);
  ranked.splice(rank - 1, 0, word);
}
const mentoringWords = new Set(mentoringFamily.map(([word]) => word));

/** Zipf's law with exponent 1: the word of rank r is drawn with weight 1/r. */
const cumulative = (() => {
  let total = 0;
  return ranked.map((_, index) => {
    total += 1 / (index + 1);
    return total;
  });
})();

/** The file name and Markdown source of synthetic article number `index`. */
export function syntheticArticle(index: number): { name: string; source: string } {
  // The same index always gives the same article.
  const next = random(index + 1);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const articleTags = [...new Set([pick(tags), pick(tags)])];
  const ownWords = articleTags.flatMap((tag) => topicWords[tag] ?? []);
  // How much an article is about mentoring itself: one in five only touches on it.
  const mentoringEmphasis = next() < 0.2 ? 0.1 : 0.5 + next() * 0.5;

  /** One word: from the article's topics one time in sixteen, else by Zipf's law. */
  const word = (): string => {
    if (next() < 1 / 16) return pick(ownWords);
    const target = next() * (cumulative.at(-1) as number);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    const drawn = ranked[low] as string;
    return mentoringWords.has(drawn) && next() >= mentoringEmphasis ? word() : drawn;
  };
  const words = (count: number) => Array.from({ length: count }, word).join(" ");
  const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  /** A sentence of `count` words, with a comma now and then. */
  const sentence = (count: number) => {
    const half = count > 12 && next() < 0.5 ? Math.floor(count / 2) : count;
    const text = half < count ? `${words(half)}, ${words(count - half)}` : words(count);
    return `${capitalised(text)}.`;
  };
  const upTo = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}.`);

  const title = capitalised(words(between(4, 9)));
  const summary = upTo(sentence(between(18, 36)), 300);
  const date = new Date(Date.UTC(2016, 0, 17) + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10);
  const people = Array.from({ length: next() < 0.6 ? 1 : between(2, 3) }, () => {
    const lines = [`  - name: ${pick(firstNames)} ${pick(lastNames)}`, `    honorific: ${pick(honorifics)}`];
    if (next() < 0.5) lines.push(`    role: ${pick(roles)}`);
    if (next() < 0.85) lines.push(`    institution: ${pick(institutions)}`);
    if (next() < 0.5) lines.push(`    country: ${pick(countries)}`);
    return lines.join("\n");
  });
  const paragraphs: string[] = [];
  let length = 0;
  for (const target = between(400, 900); length < target; ) {
    const sentences = Array.from({ length: between(3, 6) }, () => between(8, 28)).map((count) => {
      length += count;
      return sentence(count);
    });
    paragraphs.push(sentences.join(" "));
  }
  const quote = upTo(sentence(between(12, 30)), 400);
  return {
    name: `synthetic-${String(index).padStart(5, "0")}.md`,
    source: `---
title: "${title}"
summary: "${summary}"
date: ${date}
people:
${people.join("\n")}
tags: [${articleTags.join(", ")}]
image:
  src: ${pick(images)}
  alt: "An illustration for a synthetic article."
quote:
  text: "${quote}"
  by: ${pick(honorifics)} ${pick(firstNames)} ${pick(lastNames)}
---
${paragraphs.join("\n\n")}
`,
  };
}
