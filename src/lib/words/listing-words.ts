import type { EventListing } from "../site/events.ts";

// Names of countries and languages in the site's language, from Unicode's data through Intl: no
// list of names is kept in the project.

const displayNames = new Map<string, { country: (code: string) => string; language: (tag: string) => string }>();

/** Countries (`JP` is "Japan" in English, "Japón" in Spanish) and languages (`ja`: "Japanese") named in `language`. */
export function listingWords(language: string) {
  let names = displayNames.get(language);
  if (names === undefined) {
    const regions = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
    const languages = new Intl.DisplayNames([language], { type: "language", fallback: "code" });
    names = {
      country: (code: string) => regions.of(code) ?? code,
      language: (tag: string) => languages.of(tag) ?? tag,
    };
    displayNames.set(language, names);
  }
  return names;
}

/**
 * Where an event is, in words: "Shibuya Community Hall, Tokyo, Japan"; for an online event the
 * word for online (its place is never published); a hybrid event's venue, online too.
 */
export function listingPlaceName(event: EventListing, online: string, language: string): string {
  const venue = event.data.venue;
  if (venue === undefined || event.data.attendance === "online") return online;
  const place = [venue.name, venue.locality, listingWords(language).country(venue.country)].join(", ");
  return event.data.attendance === "hybrid"
    ? new Intl.ListFormat(language, { type: "conjunction" }).format([place, online])
    : place;
}
