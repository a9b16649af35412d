import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { HtmlValidate } from "html-validate";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import design from "../../_data/design.ts";
import {
  type MapPlace,
  mapWidth,
  narrowestDisplay,
  type WorldMapOptions,
  worldMapSvg,
} from "../../src/lib/places/world-map.ts";
import { projectRoot } from "../helpers/project.ts";

const words: WorldMapOptions["words"] = {
  name: "Where the events are",
  listNote: "Every place on the map is in the list below.",
  marker: (labels, count) =>
    `${labels.slice(0, 2).join(", ")}${labels.length > 2 ? ` and ${labels.length - 2} more` : ""}: ${count} events`,
};

function map(places: readonly MapPlace[], options: Partial<WorldMapOptions> = {}): string {
  return worldMapSvg({
    places,
    words,
    language: "en",
    listHref: "#events",
    colours: design.palette.light,
    ...options,
  });
}

const place = (label: string, latitude: number, longitude: number, count = 1, href = `#${label}`): MapPlace => ({
  label,
  latitude,
  longitude,
  count,
  href,
});

const tokyo = place("Tokyo", 35.68, 139.76, 3, "/events/jp/");
const yokohama = place("Yokohama", 35.44, 139.64, 2, "/events/jp/");
const paris = place("Paris", 48.857, 2.352, 4, "/events/fr/");
const lyon = place("Lyon", 45.76, 4.84, 1, "/events/fr/");
const london = place("London", 51.507, -0.128, 5, "/events/gb/");

/** 2,000 places spread over the globe (evenly by area), from a fixed seed. */
function placesEverywhere(count: number): MapPlace[] {
  let seed = 20270117;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  return Array.from({ length: count }, (_, index) =>
    place(
      `Place ${index}`,
      (Math.asin(2 * random() - 1) * 180) / Math.PI,
      random() * 360 - 180,
      1 + Math.floor(random() * 4),
      `/events/place-${index}/`,
    ),
  );
}

interface DrawnMarker {
  href: string;
  name: string;
  title: string;
  number: string;
  x: number;
  y: number;
  r: number;
}

function markers(svg: string): DrawnMarker[] {
  return parse(svg)
    .querySelectorAll("a")
    .map((link) => {
      const circle = link.querySelector("circle");
      return {
        href: link.getAttribute("href") ?? "",
        name: link.getAttribute("aria-label") ?? "",
        title: link.querySelector("title")?.textContent ?? "",
        number: link.querySelector("text")?.textContent ?? "",
        x: Number(circle?.getAttribute("cx")),
        y: Number(circle?.getAttribute("cy")),
        r: Number(circle?.getAttribute("r")),
      };
    });
}

const viewBox = (svg: string) =>
  (parse(svg).querySelector("svg")?.getAttribute("viewBox") ?? "").split(" ").map(Number);
const brotliBytes = (text: string) => brotliCompressSync(text).length;

describe("the world map", () => {
  it("draws the land and borders small: under 20 KB with brotli, with no place on it", () => {
    const svg = map([]);
    expect(parse(svg).querySelector(".world-map__land")?.getAttribute("d")?.length).toBeGreaterThan(5000);
    expect(parse(svg).querySelector(".world-map__borders")?.getAttribute("d")?.length).toBeGreaterThan(5000);
    expect(markers(svg)).toEqual([]);
    expect(brotliBytes(svg)).toBeLessThan(20_000);
  });

  it("merges nearby places into one marker that counts all their entries", () => {
    const drawn = markers(map([tokyo, yokohama, paris]));
    expect(drawn).toHaveLength(2);
    const japan = drawn.find((marker) => marker.name.startsWith("Tokyo"));
    expect(japan).toMatchObject({ number: "5", name: "Tokyo, Yokohama: 5 events", title: "Tokyo, Yokohama: 5 events" });
    expect(drawn.find((marker) => marker.name.startsWith("Paris"))?.number).toBe("4");
  });

  it("leads every marker to the entries of its places, or to the list when they are listed apart", () => {
    const drawn = markers(map([tokyo, yokohama, paris, lyon, london]));
    // Tokyo and Yokohama share their country's list; London merges with Paris and Lyon, which are listed elsewhere.
    expect(drawn.map(({ name, href }) => [name, href]).sort()).toEqual([
      ["London, Paris and 1 more: 10 events", "#events"],
      ["Tokyo, Yokohama: 5 events", "/events/jp/"],
    ]);
  });

  it("draws markers at least 24 CSS px wide on a 390 px phone, apart and inside the map, however many places", () => {
    const svg = map(placesEverywhere(2000));
    const [, , width = 0, height = 0] = viewBox(svg);
    expect(width).toBe(mapWidth);
    const drawn = markers(svg);
    expect(drawn.length).toBeGreaterThan(20);
    for (const marker of drawn) {
      expect((2 * marker.r * narrowestDisplay) / mapWidth).toBeGreaterThanOrEqual(24);
      expect(marker.x - marker.r).toBeGreaterThanOrEqual(0);
      expect(marker.x + marker.r).toBeLessThanOrEqual(width);
      expect(marker.y - marker.r).toBeGreaterThanOrEqual(0);
      expect(marker.y + marker.r).toBeLessThanOrEqual(height);
    }
    for (const [index, a] of drawn.entries()) {
      for (const b of drawn.slice(index + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
    }
    const total = drawn.reduce((sum, marker) => sum + Number(marker.number), 0);
    expect(total).toBe(placesEverywhere(2000).reduce((sum, { count }) => sum + count, 0));
  });

  it("stays light with 2,000 places: markers are bounded, not one per place", () => {
    const svg = map(placesEverywhere(2000));
    expect(markers(svg).length).toBeLessThan(150);
    expect(svg.length).toBeLessThan(100_000);
    expect(brotliBytes(svg)).toBeLessThan(brotliBytes(map([])) + 10_000);
  });

  it("gives the same bytes for the same places, in whatever order they come", () => {
    const places = placesEverywhere(300);
    expect(map(places)).toBe(map(places));
    expect(map([...places].reverse())).toBe(map(places));
  });

  it("asks nothing of another origin and needs no inline style or script (strict CSP)", () => {
    const svg = map([tokyo, paris, london]);
    expect(svg).not.toMatch(/http/i);
    expect(svg).not.toMatch(/style/i);
    expect(svg).not.toMatch(/<script|\bon\w+=/i);
  });

  it("is named and tells screen readers that the list is the way in, in the words it is given", () => {
    const spanish = {
      name: "Dónde son los eventos",
      listNote: "Todos los lugares del mapa están en la lista de abajo.",
      marker: (labels: readonly string[], count: number) => `${labels.join(" y ")}: ${count} eventos`,
    };
    const many = Array.from({ length: 1234 }, () => place("Madrid", 40.42, -3.7));
    const svg = map([...many, paris], { words: spanish, language: "es", id: "mapa" });
    const root = parse(svg).querySelector("svg");
    expect(root?.getAttribute("aria-labelledby")).toBe("mapa-name");
    expect(parse(svg).querySelector("#mapa-name")?.textContent).toBe(spanish.name);
    expect(root?.getAttribute("aria-describedby")).toBe("mapa-note");
    expect(parse(svg).querySelector("#mapa-note")?.textContent).toBe(spanish.listNote);
    // 1,234 entries in one marker are written short, as Spanish writes it, and smaller to fit.
    const [madrid] = markers(svg);
    expect(madrid?.number).toBe("1,2\u00a0mil");
    expect(Number(parse(svg).querySelector("text")?.getAttribute("font-size"))).toBeLessThan(30);
  });

  it("escapes what places are called and where they lead", () => {
    const svg = map([place('<b>"Tom & Jerry"</b>', 10, 10, 1, '/events/?a=1&b="2"')]);
    const [marker] = markers(svg);
    expect(marker?.name).toBe('<b>"Tom & Jerry"</b>: 1 events');
    expect(marker?.href).toBe('/events/?a=1&b="2"');
    expect(svg).not.toContain("<b>");
  });

  it("leaves out places with no entries", () => {
    expect(markers(map([{ ...tokyo, count: 0 }]))).toEqual([]);
  });

  it("is valid HTML inside a page", async () => {
    const config = JSON.parse(readFileSync(join(projectRoot, ".htmlvalidate.json"), "utf8"));
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Events</title></head><body><main>${map([tokyo, yokohama, paris, lyon, london])}<h2 id="events">Events</h2></main></body></html>`;
    const report = await new HtmlValidate(config).validateString(page);
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
  });
});
