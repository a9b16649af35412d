import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mapWeight, pageWeight } from "../helpers/page-weight.ts";
import { buildSite, copyProject, temporaryDir } from "../helpers/project.ts";
import { fileForUrl, readPage } from "../helpers/site.ts";
import { syntheticListings } from "../helpers/synthetic-listings.ts";

// The site with 2,000 synthetic events and 1,000 programmes (tests/helpers/synthetic-listings.ts),
// spread over every IANA time zone and 150 countries: /events/ stays light, its list paginated and
// its map aggregated. Sizes are asserted here; how long the build takes is for the benchmarks.
let siteDir: string;

beforeAll(async () => {
  const projectDir = await copyProject(syntheticListings(2000, 1000));
  siteDir = await temporaryDir("imd-events-at-scale-");
  // 5,600 files and 3,200 social cards: about two minutes alone, more beside the other tests.
  await buildSite({ projectDir, outputDir: siteDir, env: { SOURCE_DATE_EPOCH: "1796083200" }, timeout: 720_000 });
}, 780_000);

describe("/events/ with 2,000 events and 1,000 programmes", () => {
  it("is under 60 KB with brotli: the page with its map, its stylesheet and its scripts", () => {
    const weight = pageWeight(siteDir, "/events/");
    console.log(`/events/: ${weight.html} bytes with brotli; with its stylesheet and scripts ${weight.total}`);
    expect(weight.total).toBeLessThan(60 * 1024);
  });

  it("has a map whose weight stays bounded: nearby places merged into at most a few dozen markers", () => {
    const map = mapWeight(siteDir, "/events/");
    console.log(`The map: ${map.bytes} bytes, ${map.brotli} with brotli, ${map.markers} markers`);
    expect(map.markers).toBeGreaterThan(10);
    expect(map.markers).toBeLessThan(80);
    expect(map.brotli).toBeLessThan(20 * 1024);
  });

  it("lists 25 events a page, on as many pages as it takes, each event at its own address", () => {
    const cards = readPage(siteDir, "/events/").querySelectorAll(".listing-card");
    expect(cards).toHaveLength(25);
    const pages = readdirSync(join(siteDir, "events/page")).length + 1;
    expect(pages).toBe(Math.ceil(2000 / 25));
    expect(fileForUrl(siteDir, "/events/synthetic-event-1999/")).toBeDefined();
  });

  it("has a page for each of the 150 countries, and the directory's first page is as light", () => {
    expect(readdirSync(join(siteDir, "countries"))).toHaveLength(150);
    expect(pageWeight(siteDir, "/programmes/").html).toBeLessThan(30 * 1024);
  });
});
