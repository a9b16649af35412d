// The world map above a list of places (events, programmes): an inline SVG drawn at build time
// from Natural Earth's 1:110m shapes (world-atlas), in the Equal Earth projection. No tiles, no
// script, no request: the land, the borders and a link for each group of nearby places. The
// list is the way in; the map says so to screen readers, and every marker leads into the list.
//
// The SVG carries the light palette as presentation attributes; the stylesheet recolours it for
// dark schemes through its classes: .world-map (the <svg>), .world-map__land, .world-map__borders,
// .world-map__markers, .world-map__marker (each <a>, with a circle and a text). Markers are 78 of
// the map's 1000 units across, so 28 CSS px at its narrowest display (358 px); on wide screens the
// stylesheet may draw them smaller with a container query on the map's frame.

import { createRequire } from "node:module";
import { type GeoProjection, geoEqualEarth, geoPath } from "d3-geo";
import type { MultiLineString, MultiPolygon } from "geojson";
import { merge, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Scheme } from "../publishing/design-tokens.ts";
import { escapeHtml } from "../publishing/html.ts";
import { formatNumber } from "../words/locale.ts";

/** One place on the map, with how many entries it has and where in the list they are. */
export interface MapPlace {
  latitude: number;
  longitude: number;
  count: number;
  /** Where this place's entries are: "/events/jp/" or "#tokyo". */
  href: string;
  /** The place's name, for the marker's accessible name and tooltip: "Tokyo". */
  label: string;
}

/** The map's words, in the site's language (the map has none of its own). */
export interface WorldMapWords {
  /** The map's accessible name: "Where the events are". */
  name: string;
  /** Tells screen readers that the list below is the way in: "Every place is in the list below the map." */
  listNote: string;
  /** A marker's name from its places' labels (most entries first) and their total: "Tokyo and Osaka: 5 events". */
  marker: (labels: readonly string[], count: number) => string;
}

export interface WorldMapOptions {
  places: readonly MapPlace[];
  words: WorldMapWords;
  /** The site's language (BCP 47), for the numbers on the markers. */
  language: string;
  /** Where a marker that merges places listed in different places leads: the list itself ("#events"). */
  listHref: string;
  /**
   * The light scheme of the design tokens: drawn as presentation attributes, so the map reads
   * even before the stylesheet; the stylesheet's classes give it the page's scheme, light or dark.
   */
  colours: Pick<Scheme, "bg" | "border" | "accent" | "accentText">;
  /** Prefix of the ids inside the SVG, unique on the page ("world-map" unless given). */
  id?: string;
}

/** The map's width in SVG units: one unit is about a pixel at its widest. */
export const mapWidth = 1000;

/**
 * The width in CSS px the map is drawn for at its narrowest (a 390 px phone, less the page's
 * padding): markers are at least 24 px there, and never overlap at any larger size.
 */
export const narrowestDisplay = 358;

/** A marker's diameter: 28 CSS px at the narrowest display, room for a legible number in a 24 px target. */
const markerDiameter = Math.round((28 * mapWidth) / narrowestDisplay);
const markerRadius = markerDiameter / 2;
/** Markers closer than this are one marker: their diameter and a gap. */
const mergeDistance = markerDiameter + 6;
const numberSize = 34;
/** The outline that parts a marker from the land under it. */
const markerOutline = 4;

interface BaseMap {
  projection: GeoProjection;
  height: number;
  land: string;
  borders: string;
}

let baseMap: BaseMap | undefined;

/**
 * The land and borders, drawn once: every map of a build shares them. Antarctica is left out, so
 * the map is shorter on a phone (a place there is drawn at the map's bottom edge).
 */
function drawBaseMap(): BaseMap {
  if (baseMap) return baseMap;
  const topology = createRequire(import.meta.url)("world-atlas/countries-110m.json") as Topology<{
    countries: GeometryCollection;
  }>;
  const countries = topology.objects.countries;
  const antarctica = "010";
  const land: MultiPolygon = merge(
    topology,
    countries.geometries.filter((country) => country.id !== antarctica) as Parameters<typeof merge>[1],
  );
  const borders: MultiLineString = mesh(topology, countries, (a, b) => a !== b);
  const projection = geoEqualEarth().fitWidth(mapWidth, land);
  const [, [, bottom]] = geoPath(projection).bounds(land);
  baseMap = {
    projection,
    height: Math.ceil(bottom),
    land: compactPath(projection, land),
    borders: compactPath(projection, borders),
  };
  return baseMap;
}

/** Path data in whole units, each point relative to the one before: a fifth of d3's own output. */
function compactPath(projection: GeoProjection, shape: MultiPolygon | MultiLineString): string {
  let data = "";
  let ring: [number, number][] = [];
  // Where the pen is: a ring starts relative to the end of the one before.
  let pen: [number, number] = [0, 0];
  const number = (value: number, first: boolean) => (first || value < 0 ? `${value}` : ` ${value}`);
  const flush = (closed: boolean) => {
    // A ring rounded to fewer than three points is an island smaller than a unit: not drawn.
    if (ring.length >= (closed ? 3 : 2)) {
      const [[x, y] = [0, 0], ...rest] = ring;
      data += `m${number(x - pen[0], true)}${number(y - pen[1], false)}`;
      let previous: [number, number] = [x, y];
      if (rest.length > 0) data += "l";
      rest.forEach(([nextX, nextY], index) => {
        data += `${number(nextX - previous[0], index === 0)}${number(nextY - previous[1], false)}`;
        previous = [nextX, nextY];
      });
      if (closed) data += "z";
      pen = closed ? [x, y] : previous;
    }
    ring = [];
  };
  const point = (x: number, y: number) => {
    const rounded: [number, number] = [Math.round(x), Math.round(y)];
    const last = ring.at(-1);
    if (!last || last[0] !== rounded[0] || last[1] !== rounded[1]) ring.push(rounded);
  };
  geoPath(projection, {
    moveTo: (x, y) => {
      flush(false);
      point(x, y);
    },
    lineTo: point,
    closePath: () => flush(true),
    arc: () => {},
    beginPath: () => {},
  })(shape);
  flush(false);
  // The first move is relative to the origin: the same as absolute.
  return data.replace(/^m/, "M");
}

/** A group of nearby places, drawn as one marker at its largest place. */
interface Marker {
  x: number;
  y: number;
  places: MapPlace[];
  count: number;
}

/** Places by most entries first, then by position and name: the same markers whatever order they come in. */
function byWeight(a: MapPlace, b: MapPlace): number {
  return (
    b.count - a.count ||
    a.latitude - b.latitude ||
    a.longitude - b.longitude ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (a.href < b.href ? -1 : a.href > b.href ? 1 : 0)
  );
}

/**
 * Nearby places merged into markers, in the map's own units. The place with most entries starts
 * a marker; each other place joins the nearest marker it would overlap, or starts its own. So no
 * two markers overlap, and however many places there are, only so many markers fit on the map.
 */
function markersFor(places: readonly MapPlace[]): Marker[] {
  const { projection, height } = drawBaseMap();
  // Whole markers, their outline too, stay inside the map.
  const margin = markerRadius + markerOutline / 2;
  const inside = (value: number, size: number) => Math.round(Math.min(Math.max(value, margin), size - margin));
  const markers: Marker[] = [];
  // A place with no entries has nothing to lead to.
  for (const place of places.filter(({ count }) => count > 0).sort(byWeight)) {
    const [x = 0, y = 0] = projection([place.longitude, place.latitude]) ?? [];
    const position = { x: inside(x, mapWidth), y: inside(y, height) };
    let nearest: Marker | undefined;
    let nearestDistance = mergeDistance;
    for (const marker of markers) {
      const distance = Math.hypot(marker.x - position.x, marker.y - position.y);
      if (distance < nearestDistance) {
        nearest = marker;
        nearestDistance = distance;
      }
    }
    if (nearest) {
      nearest.places.push(place);
      nearest.count += place.count;
    } else {
      markers.push({ ...position, places: [place], count: place.count });
    }
  }
  // Top to bottom, then across: the order a keyboard meets them in.
  return markers.sort((a, b) => Math.round(a.y / markerDiameter) - Math.round(b.y / markerDiameter) || a.x - b.x);
}

/** The marker's number, shrunk to fit when it is long (1,234 is 1.2K; "1,2 k" in French). */
function markerNumber(count: number, language: string): { text: string; size: number } {
  const text = formatNumber(count, language, count < 1000 ? {} : { notation: "compact", maximumFractionDigits: 1 });
  const fits = Math.floor((markerDiameter - 10) / (0.6 * [...text].length));
  return { text, size: Math.min(numberSize, fits) };
}

function markerSvg(marker: Marker, { words, language, listHref, colours }: WorldMapOptions): string {
  const [first, ...others] = new Set(marker.places.map((place) => place.href));
  const href = first !== undefined && others.length === 0 ? first : listHref;
  const name = escapeHtml(
    words.marker(
      marker.places.map((place) => place.label),
      marker.count,
    ),
  );
  const { text, size } = markerNumber(marker.count, language);
  return (
    `<a class="world-map__marker" href="${escapeHtml(href)}" aria-label="${name}"><title>${name}</title>` +
    `<circle cx="${marker.x}" cy="${marker.y}" r="${markerRadius}"/>` +
    `<text x="${marker.x}" y="${marker.y}" font-size="${size}" fill="${colours.accentText}" stroke="none">${escapeHtml(text)}</text></a>`
  );
}

/**
 * The map as inline SVG, for an HTML page (no XML namespace: the HTML parser gives it one).
 * The same places give the same bytes, in whatever order they come.
 */
export function worldMapSvg(options: WorldMapOptions): string {
  const { height, land, borders } = drawBaseMap();
  const { words, colours, id = "world-map" } = options;
  const markers = markersFor(options.places);
  return (
    `<svg class="world-map" viewBox="0 0 ${mapWidth} ${height}" role="group" aria-labelledby="${id}-name" aria-describedby="${id}-note">` +
    `<title id="${id}-name">${escapeHtml(words.name)}</title><desc id="${id}-note">${escapeHtml(words.listNote)}</desc>` +
    `<path class="world-map__land" fill="${colours.border}" d="${land}"/>` +
    `<path class="world-map__borders" fill="none" stroke="${colours.bg}" stroke-width="1" vector-effect="non-scaling-stroke" d="${borders}"/>` +
    `<g class="world-map__markers" fill="${colours.accent}" stroke="${colours.bg}" stroke-width="${markerOutline}" text-anchor="middle" dominant-baseline="central" font-weight="700">` +
    markers.map((marker) => markerSvg(marker, options)).join("") +
    "</g></svg>"
  );
}
