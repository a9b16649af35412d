import type { AnnualDate } from "./dates.ts";

/** A link to where a fact comes from. */
export interface Source {
  title: string;
  url?: string;
}

export interface Image {
  src: string;
  alt: string;
}

/** One background fact about the day, with where it comes from. */
export interface SourcedFact {
  text: string;
  sources: Source[];
}

/** The observance itself: everything a page says about the day is data of this shape. */
export interface Day {
  name: string;
  date: AnnualDate;
  tagline: string;
  keyFacts: string[];
  intro: string;
  joinUs: string;
  image: Image;
  hashtags: string[];
  about: {
    summary: string;
    facts: SourcedFact[];
    notToBeConfusedWith: string;
  };
}

export interface NavigationItem {
  label: string;
  url: string;
}

export interface Site {
  name: string;
  url: string;
  language: string;
  locale: string;
  description: string;
  navigation: NavigationItem[];
}

export interface Person {
  name: string;
  honorific?: string;
  role?: string;
  institution?: string;
  country?: string;
}

export interface Tag {
  label: string;
  description: string;
}

/** An article's front matter. */
export interface ArticleData {
  title: string;
  summary: string;
  date: Date;
  people: Person[];
  tags: string[];
  image: Image;
  quote?: { text: string; by: string };
  link?: string;
}
