// Countries: which codes exist (ISO 3166-1 alpha-2), what they are called in any language, and
// whether a place lies in the country its entry declares, checked against Natural Earth's 1:50m
// shapes (world-atlas): the 1:110m shapes the map draws lack small countries such as Malta.

import { createRequire } from "node:module";
import { geoBounds, geoContains } from "d3-geo";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import countryCodes from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** How far outside its country's drawn shape a place may lie: the 1:50m coastline is coarse, and a harbour or an island venue sits just off it. */
export const shapeToleranceKm = 25;

/**
 * Areas Natural Earth draws without a code: a place inside one may declare any of these codes
 * (the area's own, where it has one, and the country that claims it).
 */
const uncodedAreas = new Map<string, readonly string[]>([
  ["Kosovo", ["XK", "RS"]],
  ["Somaliland", ["SO"]],
  ["N. Cyprus", ["CY"]],
  ["Indian Ocean Ter.", ["CX", "CC", "AU"]],
  ["Siachen Glacier", ["IN", "PK"]],
]);

/**
 * Codes Natural Earth draws inside another country's shape (France's overseas regions, Svalbard,
 * the Caribbean Netherlands): a place declaring one must lie in that country's shape.
 */
const drawnWithin = new Map<string, string>([
  ["GF", "FR"],
  ["GP", "FR"],
  ["MQ", "FR"],
  ["RE", "FR"],
  ["YT", "FR"],
  ["SJ", "NO"],
  ["BQ", "NL"],
]);

/**
 * Where Natural Earth draws the line that holds on the ground and the code the United Nations
 * recognises differs, a place inside the box may declare either: the check is there to catch
 * swapped or mistyped coordinates, not to settle borders. [south, west, north, east] in degrees.
 */
const disputedAreas: readonly { box: readonly [number, number, number, number]; codes: readonly string[] }[] = [
  { box: [44.35, 32.45, 46.25, 36.7], codes: ["UA", "RU"] }, // Crimea
  { box: [20.75, -17.15, 27.7, -8.65], codes: ["EH", "MA"] }, // Western Sahara
  { box: [32.65, 35.6, 33.35, 35.95], codes: ["SY", "IL"] }, // the Golan Heights
];

/** True for an ISO 3166-1 alpha-2 code, written as ISO writes it: two capital letters ("JP"; "XK" for Kosovo). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countryCodes.isValid(code);
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** The country's name in `language` (a BCP 47 tag), as Intl knows it: "Japan", "Japón", "日本". */
export function countryName(code: string, language: string): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region", fallback: "code" });
    displayNames.set(language, names);
  }
  return names.of(code) ?? code;
}

/**
 * One polygon of a country's shape, read as Natural Earth draws it: straight edges in longitude
 * and latitude. A polygon across the antimeridian (Fiji, Russia's far east) counts its longitudes
 * on past 180°; the one that rings a pole (Antarctica) keeps its spherical form, for d3-geo.
 */
interface ShapePart {
  rings: Position[][];
  aroundPole?: Polygon;
  west: number;
  south: number;
  east: number;
  north: number;
}

interface CountryShapes {
  /** Each code's polygons (a country may have several features, an area several codes). */
  byCode: Map<string, ShapePart[]>;
  /** Every polygon with the code(s) it stands for, for `countryAt`. */
  all: { codes: readonly string[]; part: ShapePart }[];
}

let loaded: CountryShapes | undefined;

/** The 1:50m shapes, read and indexed once, on first use (a few tenths of a second). */
function countryShapes(): CountryShapes {
  if (loaded) return loaded;
  const topology = createRequire(import.meta.url)("world-atlas/countries-50m.json") as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const byCode = new Map<string, ShapePart[]>();
  const all: CountryShapes["all"] = [];
  for (const geometry of topology.objects.countries.geometries) {
    const code = geometry.id === undefined ? undefined : countryCodes.numericToAlpha2(geometry.id);
    const shape = feature(topology, geometry) as Feature<Polygon | MultiPolygon, { name: string }>;
    const codes = code ? [code] : (uncodedAreas.get(shape.properties.name) ?? []);
    const polygons = shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    for (const coordinates of polygons) {
      const part = shapePart({ type: "Polygon", coordinates });
      all.push({ codes, part });
      for (const each of codes) {
        const parts = byCode.get(each) ?? [];
        parts.push(part);
        byCode.set(each, parts);
      }
    }
  }
  loaded = { byCode, all };
  return loaded;
}

function shapePart(polygon: Polygon): ShapePart {
  const outer = polygon.coordinates[0] ?? [];
  const longitudes = outer.map(([longitude = 0]) => longitude);
  const latitudes = outer.map(([, latitude = 0]) => latitude);
  if (Math.max(...longitudes) - Math.min(...longitudes) <= 180) {
    const [west, east, south, north] = [
      Math.min(...longitudes),
      Math.max(...longitudes),
      Math.min(...latitudes),
      Math.max(...latitudes),
    ];
    return { rings: polygon.coordinates, west, east, south, north };
  }
  // Across the antimeridian. Antarctica's ring goes round the pole without reaching it: only d3-geo's bounds include the pole.
  const [[, south], [, north]] = geoBounds(polygon);
  if (south < -89 || north > 89) return { rings: [], aroundPole: polygon, west: -180, east: 180, south, north };
  const rings = polygon.coordinates.map((ring) =>
    ring.map(([longitude = 0, latitude = 0]) => [longitude < 0 ? longitude + 360 : longitude, latitude]),
  );
  const eastwards = longitudes.map((longitude) => (longitude < 0 ? longitude + 360 : longitude));
  return { rings, west: Math.min(...eastwards), east: Math.max(...eastwards), south, north };
}

/** The place's longitude on the part's own count: past 180° for a part that crosses the antimeridian. */
function longitudeFor(part: ShapePart, longitude: number): number {
  return part.east > 180 && longitude < 0 ? longitude + 360 : longitude;
}

function inRange(latitude: number, longitude: number): boolean {
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}

/**
 * True when the place lies in the country of `code`, or within `shapeToleranceKm` of its shape.
 * A code Natural Earth has no shape for (Tuvalu, Gibraltar, Bouvet Island, Tokelau, the US Minor
 * Outlying Islands) accepts any coordinates in range: there is nothing to check them against.
 * False for an unknown code or coordinates beyond ±90/±180.
 */
export function placeIsInCountry(code: string, latitude: number, longitude: number): boolean {
  if (!isCountryCode(code) || !inRange(latitude, longitude)) return false;
  const parts = countryShapes().byCode.get(drawnWithin.get(code) ?? code);
  if (!parts) return true;
  return (
    parts.some((part) => partContains(part, latitude, longitude) || nearPart(part, latitude, longitude)) ||
    disputedAreas.some(
      ({ box: [south, west, north, east], codes }) =>
        codes.includes(code) && latitude >= south && latitude <= north && longitude >= west && longitude <= east,
    )
  );
}

/**
 * The code of the country whose shape holds the place (no tolerance), to tell a contributor where
 * their coordinates point: undefined at sea, or beyond ±90/±180.
 */
export function countryAt(latitude: number, longitude: number): string | undefined {
  if (!inRange(latitude, longitude)) return undefined;
  return countryShapes().all.find(({ codes, part }) => codes.length > 0 && partContains(part, latitude, longitude))
    ?.codes[0];
}

/** Inside by the even-odd count of crossings, a hundred times faster than d3's spherical test. */
function partContains(part: ShapePart, latitude: number, longitude: number): boolean {
  if (latitude < part.south || latitude > part.north) return false;
  if (part.aroundPole) return geoContains(part.aroundPole, [longitude, latitude]);
  const x = longitudeFor(part, longitude);
  if (x < part.west || x > part.east) return false;
  let inside = false;
  for (const ring of part.rings) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [x1 = 0, y1 = 0] = ring[index] ?? [];
      const [x2 = 0, y2 = 0] = ring[previous] ?? [];
      if (y1 > latitude !== y2 > latitude && x < ((x2 - x1) * (latitude - y1)) / (y2 - y1) + x1) inside = !inside;
    }
  }
  return inside;
}

const kmPerDegree = (Math.PI * 6371) / 180;

/** Within the tolerance of the polygon's edge, measured on a flat map centred on the place (exact enough at 25 km). */
function nearPart(part: ShapePart, latitude: number, longitude: number): boolean {
  const latitudeMargin = shapeToleranceKm / kmPerDegree;
  if (latitude < part.south - latitudeMargin || latitude > part.north + latitudeMargin) return false;
  const xScale = kmPerDegree * Math.cos((latitude * Math.PI) / 180);
  const x = longitudeFor(part, longitude);
  const longitudeMargin = shapeToleranceKm / xScale;
  // Near the poles or the antimeridian a box in degrees would mislead: measure every edge there.
  const boxHolds = longitudeMargin < 1 && 180 - Math.abs(longitude) > 1;
  if (boxHolds && (x < part.west - longitudeMargin || x > part.east + longitudeMargin)) return false;
  const toPlane = ([pointLongitude = 0, pointLatitude = 0]: Position): [number, number] => [
    (((pointLongitude - longitude + 540) % 360) - 180) * xScale,
    (pointLatitude - latitude) * kmPerDegree,
  ];
  for (const ring of part.aroundPole?.coordinates ?? part.rings) {
    for (let index = 1; index < ring.length; index++) {
      const start = ring[index - 1];
      const end = ring[index];
      if (!start || !end) continue;
      const a = toPlane(start);
      const b = toPlane(end);
      // A segment seen from the other side of the globe would wrap across the whole plane.
      if (Math.abs(a[0] - b[0]) > 180 * xScale) continue;
      if (distanceToSegment(a, b) <= shapeToleranceKm) return true;
    }
  }
  return false;
}

/** Distance from the origin to the segment from `a` to `b`. */
function distanceToSegment([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
