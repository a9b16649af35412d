import type { Browser, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveSite } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";

// Nothing on any page moves once it is shown: every word a script writes late (the count of days
// to the day, the visitor's own time of an event, a copy's status, the buttons only a script can
// work) has its place kept before it comes. Measured as Chromium measures it for Core Web Vitals,
// with the Layout Instability API: every layout shift not caused by the visitor's own input, summed,
// must be 0 at a phone's width and a desktop's, on every kind of page.
//
// Each page is loaded several times. Twice with its scripts held back until the page has painted,
// as on a slow network, so that whatever they write comes after the first paint (on a fast
// machine they may run before it, and a shift would go unseen): once with the day a year away
// (the longest count, "in 364 days") and once with it tomorrow. Then once as served, as it comes.

const sites = { events: inject("eventsSiteDir"), languages: inject("languagesSiteDir") };

/** Each kind of page, and the shared site that has one (tests/helpers/global-setup.ts). */
const pages: { kind: string; site: keyof typeof sites; path: string }[] = [
  { kind: "home", site: "events", path: "/" },
  { kind: "an article", site: "events", path: "/articles/storytelling-humanism-mentoring/" },
  { kind: "the articles", site: "events", path: "/articles/" },
  { kind: "the toolkit", site: "events", path: "/toolkit/" },
  { kind: "thank your mentor", site: "languages", path: "/thank-your-mentor/" },
  { kind: "a thanks", site: "languages", path: "/thank-your-mentor/thanks/6571f0a1c2d3e4f5a6b7c8d1/" },
  { kind: "search", site: "events", path: "/search/" },
  { kind: "the events", site: "events", path: "/events/" },
  // In Lagos's time: the visitor (Los Angeles, below) is given their own time too.
  { kind: "an event", site: "events", path: "/events/lagos-hybrid-forum/" },
  { kind: "the programmes", site: "events", path: "/programmes/" },
  { kind: "a programme", site: "events", path: "/programmes/young-coders-kenya/" },
  { kind: "a country", site: "events", path: "/countries/ng/" },
  { kind: "an article in Arabic", site: "languages", path: "/articles/arabic/" },
  { kind: "not found", site: "events", path: "/no-such-page/" },
];

const loads = [
  { name: "scripts after the first paint, the day a year away", holdScripts: true, now: "2027-01-18T20:00:00Z" },
  { name: "scripts after the first paint, the day tomorrow", holdScripts: true, now: "2027-01-16T20:00:00Z" },
  { name: "as served", holdScripts: false, now: undefined },
] as const;

let browser: Browser;
const origins = {} as Record<keyof typeof sites, string>;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const [launched, events, languages] = await Promise.all([
    launchChromium(),
    serveSite(sites.events),
    serveSite(sites.languages),
  ]);
  browser = launched;
  origins.events = events.origin;
  origins.languages = languages.origin;
  closers.push(events.close, languages.close);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(closers.map((close) => close()));
});

/** The layout shifts of one load of `url`, each as what moved and by how much (for the message when one does). */
async function layoutShifts(url: string, width: number, load: (typeof loads)[number]): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, timezoneId: "America/Los_Angeles" });
  try {
    const page = await context.newPage();
    // Before the clock is set: Playwright's clock puts a stand-in of its own for window.performance.
    await page.addInitScript(() => {
      const shifts: string[] = [];
      Object.assign(window, { layoutShifts: shifts, realPerformance: performance });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
        }[]) {
          if (entry.hadRecentInput) continue;
          const moved = entry.sources.map(({ node, previousRect: from, currentRect: to }) => {
            const name =
              node instanceof Element ? `${node.localName}.${[...node.classList].join(".")}` : node?.nodeName;
            return `${name} (${Math.round(from.top)},${Math.round(from.left)} ${Math.round(from.width)}×${Math.round(from.height)} → ${Math.round(to.top)},${Math.round(to.left)} ${Math.round(to.width)}×${Math.round(to.height)})`;
          });
          shifts.push(`${entry.value.toFixed(4)}: ${moved.join(", ")}`);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    if (load.now) await page.clock.setFixedTime(new Date(load.now));
    let painted = !load.holdScripts;
    const held: Route[] = [];
    await page.route(/\.m?js(?:\?|$)/, (route) => (painted ? route.continue() : void held.push(route)));
    await page.goto(url, { waitUntil: "commit" });
    if (load.holdScripts) {
      await page.waitForFunction(
        () =>
          (window as unknown as { realPerformance: Performance }).realPerformance.getEntriesByName(
            "first-contentful-paint",
          ).length > 0,
      );
      painted = true;
      await Promise.all(held.map((route) => route.continue()));
    }
    await page.waitForLoadState("networkidle");
    // A shift is reported with the frame that shows it: two frames on, every one has been.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return await page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
  } finally {
    await context.close();
  }
}

describe.each([390, 1280])("at %i px", (width) => {
  it.each(pages)("$kind ($path) does not move as it loads", async ({ site, path }) => {
    // The loads side by side, each in a context of its own: most of each is waiting for the network to rest.
    const shifts = await Promise.all(
      loads.map(async (load) =>
        (await layoutShifts(origins[site] + path, width, load)).map((shift) => `${load.name}: ${shift}`),
      ),
    );
    expect(shifts.flat()).toEqual([]);
  });
});
