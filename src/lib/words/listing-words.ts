import { countryName } from "../places/countries.ts";
import type { EventListing } from "../site/events.ts";
import { compareText } from "./locale.ts";

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name (`ja`: "Japanese" in English, "japonés" in Spanish) in `language`, from Unicode's data through Intl. */
export function languageName(tag: string, language: string): string {
  let names = languageNames.get(language);
  if (names === undefined) {
    names = new Intl.DisplayNames([language], { type: "language", fallback: "code" });
    languageNames.set(language, names);
  }
  return names.of(tag) ?? tag;
}

/** Country codes and language tags, once each, in the order of their names in `language` (as a filter offers them). */
export function byName(kind: "country" | "language", values: Iterable<string>, language: string): string[] {
  const nameOf = kind === "country" ? countryName : languageName;
  const compare = compareText(language);
  return [...new Set(values)]
    .map((value) => ({ value, name: nameOf(value, language) }))
    .sort((a, b) => compare(a.name, b.name))
    .map(({ value }) => value);
}

/**
 * Where an event is, in words: "Shibuya Community Hall, Tokyo, Japan"; for an online event the
 * word for online (its place is never published); a hybrid event's venue, online too.
 */
export function listingPlaceName(event: EventListing, online: string, language: string): string {
  const venue = event.data.venue;
  if (venue === undefined || event.data.attendance === "online") return online;
  const place = [venue.name, venue.locality, countryName(venue.country, language)].join(", ");
  return event.data.attendance === "hybrid"
    ? new Intl.ListFormat(language, { type: "conjunction" }).format([place, online])
    : place;
}
