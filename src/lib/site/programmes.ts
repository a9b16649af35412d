import { DateTime } from "luxon";
import { listingFrontMatter, type ProgrammeData, programmeSchema, worldwide } from "../content/listing-schemas.ts";
import { byName } from "../words/listing-words.ts";
import { compareText } from "../words/locale.ts";

/**
 * How recently a programme's entry was confirmed: `current` within 12 months; `unverified` after
 * that (marked as such, still in the directory); `expired` after 24 months (out of the directory,
 * its page kept and marked).
 */
export type Verification = "current" | "unverified" | "expired";

export interface ProgrammeListing {
  name: string;
  url: string;
  data: ProgrammeData;
  verification: Verification;
}

export function verificationOf(verified: Date, now: DateTime): Verification {
  const day = DateTime.fromJSDate(verified, { zone: "utc" });
  if (day.plus({ months: 24 }) <= now) return "expired";
  if (day.plus({ months: 12 }) <= now) return "unverified";
  return "current";
}

export function programmeListing(name: string, data: ProgrammeData, now: DateTime): ProgrammeListing {
  return { name, url: `/programmes/${name}/`, data, verification: verificationOf(data.verified, now) };
}

/** The programmes of programmes/*.md, from their pages as Eleventy reads them. */
export function programmesOfPages(
  pages: readonly { fileSlug: string; inputPath: string; data: Record<string, unknown> }[],
  now: DateTime,
): ProgrammeListing[] {
  return pages.map((page) =>
    programmeListing(page.fileSlug, listingFrontMatter(programmeSchema, page.inputPath, page.data), now),
  );
}

/** The directory: every programme confirmed in the last 24 months, by name as the language sorts. */
export function programmeDirectory(programmes: readonly ProgrammeListing[], language: string): ProgrammeListing[] {
  const byName = compareText(language);
  return programmes
    .filter((programme) => programme.verification !== "expired")
    .sort((a, b) => byName(a.data.name, b.data.name) || (a.name < b.name ? -1 : 1));
}

/** The countries a programme names (none for a worldwide one). */
export function programmeCountries(programme: ProgrammeListing): string[] {
  return programme.data.countries.filter((country) => country !== worldwide);
}

export interface ProgrammeFacets {
  formats: string[];
  audience: string[];
  attendance: string[];
  languages: string[];
  countries: string[];
}

/** The values the directory's filters can take, each with at least one programme: countries and languages by their names in `language`. */
export function programmeFacets(programmes: readonly ProgrammeListing[], language: string): ProgrammeFacets {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    formats: sorted(programmes.flatMap((programme) => programme.data.formats)),
    audience: sorted(programmes.flatMap((programme) => programme.data.audience)),
    attendance: (["in-person", "hybrid", "online"] as const).filter((mode) =>
      programmes.some((programme) => programme.data.attendance === mode),
    ),
    languages: byName(
      "language",
      programmes.flatMap((programme) => programme.data.languages),
      language,
    ),
    countries: byName("country", programmes.flatMap(programmeCountries), language),
  };
}
