import { createRequire } from "node:module";
import { geoBounds, geoContains } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import countryCodes from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import {
  countryAt,
  countryName,
  isCountryCode,
  placeIsInCountry,
  shapeToleranceKm,
} from "../../src/lib/places/countries.ts";

const tokyo = [35.68, 139.76] as const;
const valletta = [35.899, 14.514] as const;

describe("country codes", () => {
  it("are ISO 3166-1 alpha-2 codes as ISO writes them", () => {
    for (const code of ["JP", "FR", "MT", "SG", "BH", "XK", "TV"]) expect(isCountryCode(code), code).toBe(true);
    for (const code of ["jp", "Jp", "ZZ", "JPN", "392", "", "J"]) expect(isCountryCode(code), code).toBe(false);
  });

  it("are named in the language asked for, not always in English", () => {
    expect(countryName("JP", "en")).toBe("Japan");
    expect(countryName("JP", "es")).toBe("Japón");
    expect(countryName("JP", "ja")).toBe("日本");
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("XK", "de")).toBe("Kosovo");
  });
});

describe("a place in its declared country", () => {
  it("is accepted in the country it is in, and refused in another", () => {
    expect(placeIsInCountry("JP", ...tokyo)).toBe(true);
    expect(placeIsInCountry("FR", ...tokyo)).toBe(false);
    expect(placeIsInCountry("FR", 48.857, 2.352)).toBe(true);
    expect(placeIsInCountry("BR", -23.55, -46.63)).toBe(true);
    expect(placeIsInCountry("AR", -23.55, -46.63)).toBe(false);
  });

  it("is found in small countries, which only the 1:50m shapes draw", () => {
    expect(placeIsInCountry("MT", ...valletta)).toBe(true);
    expect(placeIsInCountry("IT", ...valletta)).toBe(false);
    expect(placeIsInCountry("SG", 1.29, 103.85)).toBe(true);
    expect(countryAt(1.29, 103.85)).toBe("SG");
    expect(placeIsInCountry("TH", 1.29, 103.85)).toBe(false);
    expect(placeIsInCountry("BH", 26.2285, 50.586)).toBe(true);
  });

  it("may lie just off the coarse coastline, as a harbour does, but not far out at sea", () => {
    // Manama's and Hong Kong's waterfronts are in the sea of the 1:50m shapes.
    expect(countryAt(26.2285, 50.586)).toBeUndefined();
    expect(placeIsInCountry("HK", 22.3, 114.17)).toBe(true);
    // 100 km south of Valletta, and the middle of the Pacific.
    expect(placeIsInCountry("MT", 35.0, 14.514)).toBe(false);
    expect(placeIsInCountry("JP", 0, -140)).toBe(false);
    expect(placeIsInCountry("US", 0, -140)).toBe(false);
    expect(shapeToleranceKm).toBeLessThanOrEqual(25);
  });

  it("is refused with its latitude and longitude swapped", () => {
    expect(placeIsInCountry("FR", 2.352, 48.857)).toBe(false);
    expect(placeIsInCountry("JP", 139.76, 35.68)).toBe(false);
  });

  it("is refused for an unknown code or coordinates beyond ±90/±180", () => {
    expect(placeIsInCountry("ZZ", ...tokyo)).toBe(false);
    expect(placeIsInCountry("jp", ...tokyo)).toBe(false);
    expect(placeIsInCountry("TV", 91, 179)).toBe(false);
    expect(placeIsInCountry("TV", -8.52, 181)).toBe(false);
    expect(placeIsInCountry("JP", Number.NaN, 139.76)).toBe(false);
  });

  it("is read right across the antimeridian and around the pole", () => {
    // Fiji's Taveuni, east of 180°, and Viti Levu, west of it; Chukotka; the South Pole.
    expect(placeIsInCountry("FJ", -16.85, -179.95)).toBe(true);
    expect(placeIsInCountry("FJ", -17.8, 178.0)).toBe(true);
    expect(placeIsInCountry("RU", 65, -175)).toBe(true);
    expect(placeIsInCountry("US", 65, -175)).toBe(false);
    expect(countryAt(-89.5, 0)).toBe("AQ");
    expect(placeIsInCountry("AQ", -89.5, 0)).toBe(true);
  });

  it("accepts any coordinates for a code Natural Earth has no shape for", () => {
    // Tuvalu, Gibraltar, Tokelau: nothing to check against.
    expect(placeIsInCountry("TV", -8.52, 179.2)).toBe(true);
    expect(placeIsInCountry("TV", ...tokyo)).toBe(true);
    expect(placeIsInCountry("GI", 36.14, -5.35)).toBe(true);
  });

  it("checks a territory drawn inside another country's shape against that shape", () => {
    expect(placeIsInCountry("RE", -20.88, 55.45)).toBe(true);
    expect(placeIsInCountry("GF", 4.93, -52.33)).toBe(true);
    expect(placeIsInCountry("SJ", 78.22, 15.65)).toBe(true);
    expect(placeIsInCountry("RE", ...tokyo)).toBe(false);
  });

  it("accepts a place in an area drawn without a code for the codes that name it", () => {
    expect(placeIsInCountry("XK", 42.66, 21.16)).toBe(true);
    expect(placeIsInCountry("RS", 42.66, 21.16)).toBe(true);
    expect(placeIsInCountry("AL", 42.66, 21.16)).toBe(false);
    expect(placeIsInCountry("SO", 9.56, 44.06)).toBe(true);
    expect(placeIsInCountry("CY", 35.2, 33.36)).toBe(true);
  });

  it("accepts either code where the line on the ground and the recognised one differ", () => {
    // Simferopol, Crimea; Laayoune, Western Sahara.
    expect(placeIsInCountry("UA", 44.95, 34.1)).toBe(true);
    expect(placeIsInCountry("RU", 44.95, 34.1)).toBe(true);
    expect(placeIsInCountry("EH", 27.15, -13.2)).toBe(true);
    expect(placeIsInCountry("MA", 27.15, -13.2)).toBe(true);
    expect(placeIsInCountry("DZ", 27.15, -13.2)).toBe(false);
  });
});

describe("the country at a place", () => {
  it("names where coordinates point, for a message that helps", () => {
    expect(countryAt(...tokyo)).toBe("JP");
    expect(countryAt(48.857, 2.352)).toBe("FR");
    expect(countryAt(...valletta)).toBe("MT");
    expect(countryAt(0, -140)).toBeUndefined();
    expect(countryAt(95, 0)).toBeUndefined();
  });

  it("agrees with d3-geo's spherical test of the same shapes over the whole globe", () => {
    const topology = createRequire(import.meta.url)("world-atlas/countries-50m.json") as Topology<{
      countries: GeometryCollection;
    }>;
    const shapes = topology.objects.countries.geometries.map((geometry) => {
      const shape = feature(topology, geometry) as Feature<Polygon | MultiPolygon>;
      return { shape, bounds: geoBounds(shape), code: geometry.id ? countryCodes.numericToAlpha2(geometry.id) : "" };
    });
    const disagreements: string[] = [];
    let onLand = 0;
    for (let latitude = -88.5; latitude < 85; latitude += 6.1) {
      for (let longitude = -179.5; longitude < 180; longitude += 6.7) {
        const spherical = shapes.find(({ shape, bounds: [[west, south], [east, north]] }) => {
          if (latitude < south || latitude > north) return false;
          if (west <= east && (longitude < west || longitude > east)) return false;
          return geoContains(shape, [longitude, latitude]);
        });
        if (spherical) onLand++;
        const found = countryAt(latitude, longitude);
        // An area without a code is found as a code that names it.
        const agrees = spherical?.code === "" ? found !== undefined : found === spherical?.code;
        if (!agrees) disagreements.push(`${latitude},${longitude}: d3 ${spherical?.code}, here ${found}`);
      }
    }
    expect(onLand).toBeGreaterThan(300);
    expect(disagreements).toEqual([]);
  });
});
