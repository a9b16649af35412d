import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import ICAL from "ical.js";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { contactDetail } from "../../src/lib/content/listing-check.ts";
import { fixtureListings } from "../helpers/events-site.ts";
import { buildSite, copyProject, temporaryDir } from "../helpers/project.ts";
import { fileForUrl, htmlFiles, htmlProblems, readPage, visibleText } from "../helpers/site.ts";

// The fixture events (tests/fixtures/events/) built on 1 December 2026: Tokyo at 19:00 on 17 January,
// Sydney at 10:00 on 17 January, a hybrid forum in Lagos, an online webinar on the 18th, a Kyoto
// exchange in Japanese on the 16th, and a London evening of 20 November 2026, over by then.
const siteDir = inject("eventsSiteDir");
const page = (url: string) => readPage(siteDir, url);
const text = (url: string) => visibleText(page(url).querySelector("main")!);
const file = (url: string) => readFileSync(fileForUrl(siteDir, url) ?? join(siteDir, url), "utf8");
const jsonLd = (url: string) =>
  page(url)
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => JSON.parse(script.textContent) as Record<string, unknown>);
const calendarEvents = (ics: string) =>
  ICAL.Component.fromString(ics)
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent));

describe("an event's page", () => {
  it("says its time in its own zone, with the exact instant in <time datetime>", () => {
    const time = page("/events/tokyo-mentoring-meetup/").querySelector(".listing__time time")!;
    expect(time.textContent).toBe("Sun 17 Jan 2027, 19:00 Japan Standard Time");
    expect(time.getAttribute("datetime")).toBe("2027-01-17T19:00:00+09:00");
  });

  it("leaves a line for the visitor's own time, which only the script writes", () => {
    const line = page("/events/tokyo-mentoring-meetup/").querySelector("[data-local-time]")!;
    expect(line.textContent).toBe("");
    expect(line.getAttribute("data-start")).toBe("2027-01-17T19:00:00+09:00");
  });

  it("has its calendar file: DTSTART at 10:00 UTC, a stable UID, the page's address", () => {
    const ics = file("/events/tokyo-mentoring-meetup.ics");
    expect(ics).toContain("\r\nDTSTART:20270117T100000Z\r\n");
    const [event] = calendarEvents(ics);
    expect(event?.startDate.toJSDate().toISOString()).toBe("2027-01-17T10:00:00.000Z");
    expect(event?.uid).toBe("tokyo-mentoring-meetup@international-mentoring-day.netlify.app");
    expect(event?.location).toBe("Shibuya Community Hall, Tokyo, Japan");
    expect(event?.component.getFirstPropertyValue("url")).toBe(
      "https://international-mentoring-day.netlify.app/events/tokyo-mentoring-meetup/",
    );
    const links = page("/events/tokyo-mentoring-meetup/").querySelectorAll(".add-to-calendar a");
    expect(links.map((link) => link.getAttribute("href"))[2]).toBe("/events/tokyo-mentoring-meetup.ics");
    expect(new URL(links[0]?.getAttribute("href") ?? "").searchParams.get("dates")).toBe(
      "20270117T100000Z/20270117T120000Z",
    );
  });

  it("says where, who organises it, in which languages, and how to register", () => {
    const main = text("/events/tokyo-mentoring-meetup/");
    expect(main).toContain("Shibuya Community Hall, Tokyo, Japan");
    expect(main).toContain("Tokyo Mentoring Network");
    expect(main).toContain("Japanese and English");
    const register = page("/events/tokyo-mentoring-meetup/").querySelector(".listing__action a")!;
    expect(register.getAttribute("href")).toBe("https://tokyo-mentoring.example/register");
  });

  it("describes a hybrid event in JSON-LD with its place and its online location", () => {
    const [event] = jsonLd("/events/lagos-hybrid-forum/");
    expect(event).toMatchObject({
      "@type": "Event",
      startDate: "2027-01-17T14:00:00+01:00",
      endDate: "2027-01-17T17:00:00+01:00",
      eventAttendanceMode: "https://schema.org/MixedEventAttendanceMode",
      eventStatus: "https://schema.org/EventScheduled",
      location: [
        {
          "@type": "Place",
          name: "Yaba Innovation Hub",
          address: { "@type": "PostalAddress", addressLocality: "Lagos", addressCountry: "NG" },
        },
        { "@type": "VirtualLocation", url: "https://lagos-forum.example/join" },
      ],
      organizer: { "@type": "Organization", name: "Lagos Founders Circle" },
    });
  });

  it("of an online event publishes no place", () => {
    const [event] = jsonLd("/events/online-mentoring-webinar/");
    expect(event?.location).toEqual({ "@type": "VirtualLocation", url: "https://ementoring.example/webinar" });
    expect(event?.eventAttendanceMode).toBe("https://schema.org/OnlineEventAttendanceMode");
    expect(calendarEvents(file("/events/online-mentoring-webinar.ics"))[0]?.location).toBe("Online");
  });

  it("of an event with a picture shows the build's renditions, never the source file", () => {
    const picture = page("/events/lagos-hybrid-forum/").querySelector("main picture img")!;
    expect(picture.getAttribute("src")).toMatch(/^\/img\/hero-[0-9a-f]+-\d+\.jpg$/);
  });
});

describe("/events/", () => {
  it("lists the upcoming events under the day each starts on in its own zone", () => {
    const days = page("/events/")
      .querySelectorAll(".event-day")
      .map((day) => ({
        day: day.querySelector(".event-day__heading time")?.getAttribute("datetime"),
        events: day.querySelectorAll(".listing-card__title a").map((link) => link.getAttribute("href")),
      }));
    expect(days).toEqual([
      { day: "2027-01-16", events: ["/events/kyoto-mentoring-exchange/"] },
      {
        day: "2027-01-17",
        events: [
          "/events/sydney-mentoring-breakfast/",
          "/events/tokyo-mentoring-meetup/",
          "/events/lagos-hybrid-forum/",
        ],
      },
      { day: "2027-01-18", events: ["/events/online-mentoring-webinar/"] },
    ]);
  });

  it("lists the Sydney breakfast under Sunday 17 January, though it starts on the 16th in UTC", () => {
    const sydney = page("/events/").querySelector("#event-sydney-mentoring-breakfast")!;
    const start = sydney.querySelector("time")!.getAttribute("datetime") ?? "";
    expect(new Date(start).toISOString()).toBe("2027-01-16T23:00:00.000Z");
    expect(sydney.closest(".event-day")?.querySelector("h2")?.textContent).toBe("Sunday 17 January 2027");
  });

  it("leaves out the event that has ended, which is in its year's archive at the same address", () => {
    expect(text("/events/")).not.toContain("Autumn mentoring evening in London");
    expect(page("/events/2026/").querySelector('a[href="/events/london-autumn-mentoring-evening/"]')).not.toBeNull();
    expect(text("/events/london-autumn-mentoring-evening/")).toContain("This event has ended.");
    expect(page("/events/").querySelector('a[href="/events/2026/"]')).not.toBeNull();
  });

  it("has filters that are links to static pages, each listing only its events", () => {
    const filters = page("/events/")
      .querySelectorAll(".filters a")
      .map((link) => link.getAttribute("href") ?? "");
    expect(filters).toEqual(
      expect.arrayContaining([
        "/events/attendance/online/",
        "/events/attendance/hybrid/",
        "/events/attendance/in-person/",
        "/events/language/ja/",
        "/events/language/yo/",
        "/countries/jp/",
        "/countries/au/",
      ]),
    );
    for (const href of filters) expect(fileForUrl(siteDir, href), href).toBeDefined();
    const online = page("/events/attendance/online/").querySelectorAll(".listing-card__title a");
    expect(online.map((link) => link.getAttribute("href"))).toEqual(["/events/online-mentoring-webinar/"]);
    const japanese = page("/events/language/ja/").querySelectorAll(".listing-card__title a");
    expect(japanese.map((link) => link.getAttribute("href"))).toEqual([
      "/events/kyoto-mentoring-exchange/",
      "/events/tokyo-mentoring-meetup/",
    ]);
  });

  it("has /events.ics with every upcoming event and no past one", () => {
    const names = calendarEvents(file("/events.ics")).map((event) => event.uid.split("@")[0]);
    expect(names).toEqual([
      "kyoto-mentoring-exchange",
      "sydney-mentoring-breakfast",
      "tokyo-mentoring-meetup",
      "lagos-hybrid-forum",
      "online-mentoring-webinar",
    ]);
  });
});

describe("the map above /events/", () => {
  const map = () => page("/events/").querySelector("main svg.world-map")!;

  it("is drawn into the page, named, and tells screen readers the list is the way in", () => {
    expect(map().getAttribute("aria-labelledby")).toBe("world-map-name");
    expect(map().querySelector("title")?.textContent).toBe("Where the events are");
    expect(map().querySelector("desc")?.textContent).toContain("The list below has every event");
    // Only the first page of the upcoming list has it.
    expect(page("/events/attendance/in-person/").querySelector("svg.world-map")).toBeNull();
  });

  it("has a marker for each town with events at a venue, and none for online events", () => {
    const markers = map()
      .querySelectorAll("a.world-map__marker")
      .map((marker) => [marker.getAttribute("href"), marker.getAttribute("aria-label")]);
    expect(markers).toEqual([
      ["/countries/jp/", "2 events in 京都 and Tokyo"],
      ["/countries/ng/", "1 event in Lagos"],
      ["/countries/au/", "1 event in Sydney"],
    ]);
  });

  it("leads from every marker to list entries of its places", () => {
    for (const marker of map().querySelectorAll("a.world-map__marker")) {
      const href = marker.getAttribute("href") ?? "";
      const target = href.startsWith("#") ? page("/events/").querySelector(href) : page(href).querySelector("main");
      expect(target?.querySelectorAll(".listing-card").length, href).toBeGreaterThan(0);
    }
  });
});

describe("a country's page", () => {
  it("lists the country's upcoming events and programmes, named in the site's language", () => {
    expect(page("/countries/jp/").querySelector("h1")?.textContent).toBe("Mentoring in Japan");
    const links = page("/countries/jp/")
      .querySelectorAll(".listing-card__title a")
      .map((link) => link.getAttribute("href"));
    expect(links).toEqual(["/events/kyoto-mentoring-exchange/", "/events/tokyo-mentoring-meetup/"]);
    const kenya = page("/countries/ke/")
      .querySelectorAll(".listing-card__title a")
      .map((link) => link.getAttribute("href"));
    expect(kenya).toEqual(["/programmes/young-coders-kenya/"]);
  });
});

describe("the programmes", () => {
  it("are in the directory while confirmed within 24 months, marked after 12", () => {
    const listed = page("/programmes/")
      .querySelectorAll(".listing-card")
      .map((card) => ({
        href: card.querySelector(".listing-card__title a")?.getAttribute("href"),
        stale: card.querySelector(".listing-card__stale") !== null,
      }));
    expect(listed).toEqual([
      { href: "/programmes/founders-circle-worldwide/", stale: true },
      { href: "/programmes/nurses-mentoring-nurses/", stale: false },
      { href: "/programmes/young-coders-kenya/", stale: false },
    ]);
  });

  it("keep their page, marked, once they have left the directory", () => {
    expect(text("/programmes/research-mentors-brazil/")).toContain(
      "Not confirmed since 1 June 2024, so no longer in the directory.",
    );
    expect(text("/programmes/nurses-mentoring-nurses/")).toContain("Details confirmed on 1 October 2026.");
  });

  it("have filters by format, audience, attendance, language and country", () => {
    const filters = page("/programmes/")
      .querySelectorAll(".filters a")
      .map((link) => link.getAttribute("href") ?? "");
    expect(filters).toEqual(
      expect.arrayContaining([
        "/programmes/format/peer/",
        "/programmes/audience/young-people/",
        "/programmes/attendance/online/",
        "/programmes/language/sw/",
        "/countries/ke/",
      ]),
    );
    for (const href of filters) expect(fileForUrl(siteDir, href), href).toBeDefined();
    const peer = page("/programmes/format/peer/").querySelectorAll(".listing-card__title a");
    expect(peer.map((link) => link.getAttribute("href"))).toEqual(["/programmes/founders-circle-worldwide/"]);
  });

  it("say who may apply from what age, with the safeguarding policy", () => {
    const main = page("/programmes/young-coders-kenya/").querySelector("main")!;
    expect(visibleText(main)).toContain("Ages 14-18");
    expect(main.querySelector('a[href="https://code-mentors.example/safeguarding"]')).not.toBeNull();
  });
});

describe("the home page and the header", () => {
  it("lead to the events and the programmes", () => {
    const home = page("/");
    for (const href of ["/events/", "/programmes/"]) {
      expect(home.querySelector(`main a[href="${href}"]`), href).not.toBeNull();
      expect(page("/about/").querySelector(`.site-nav a[href="${href}"]`), href).not.toBeNull();
    }
  });

  it("name the events of the day in the day's own JSON-LD", () => {
    const [day] = jsonLd("/");
    const names = ((day?.subEvent ?? []) as { name: string }[]).map((event) => event.name);
    expect(names).toEqual(["Mentoring breakfast in Sydney", "Mentoring meetup in Tokyo", "Lagos mentoring forum"]);
  });
});

describe("search", () => {
  const fragments = () =>
    readdirSync(join(siteDir, "pagefind/fragment")).map(
      (name) =>
        JSON.parse(
          gunzipSync(readFileSync(join(siteDir, "pagefind/fragment", name)))
            .toString()
            .replace(/^pagefind_dcd/, ""),
        ) as {
          url: string;
          filters: Record<string, string[]>;
          content: string;
        },
    );

  it("indexes events and programmes with their kind, country, attendance and language as filters", () => {
    const tokyo = fragments().find((fragment) => fragment.url === "/events/tokyo-mentoring-meetup/");
    expect(tokyo?.filters).toMatchObject({
      kind: ["Event"],
      country: ["Japan"],
      attendance: ["In person"],
      language: expect.arrayContaining(["Japanese", "English"]),
    });
    const coders = fragments().find((fragment) => fragment.url === "/programmes/young-coders-kenya/");
    expect(coders?.filters).toMatchObject({ kind: ["Mentoring programme"], format: ["Group", "E-mentoring"] });
    expect(coders?.filters.country).toEqual(expect.arrayContaining(["Kenya", "Uganda"]));
  });

  it("finds places and organisers by their names, in any script", () => {
    const kyoto = fragments().find((fragment) => fragment.url === "/events/kyoto-mentoring-exchange/");
    // Pagefind marks the word breaks it found in Japanese with zero-width spaces.
    const words = kyoto?.content.replace(/\u200b/g, "");
    expect(words).toContain("京都市国際交流会館");
    expect(words).toContain("京都メンター協会");
    expect(kyoto?.content).toContain("京都\u200b市");
    // Kyoto's page is in Japanese: Pagefind indexes it with its Japanese word breaks.
    const entry = JSON.parse(readFileSync(join(siteDir, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages)).toContain("ja");
  });
});

describe("the pages of events and programmes", () => {
  const pages = () => htmlFiles(siteDir).filter((path) => /^(events|programmes|countries)\//.test(path));

  it("are valid HTML", async () => {
    expect(pages().length).toBeGreaterThan(30);
    expect(await htmlProblems(siteDir, pages())).toEqual([]);
  });

  it("publish no email address or phone number anywhere in the site", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    const found = walk(siteDir)
      .filter((path) => /\.(html|ics|xml|json|txt|webmanifest)$/.test(path))
      .flatMap((path) => {
        // Text without its markup: a share link's mailto: is the visitor's own mail program, with no address in it.
        const words = readFileSync(path, "utf8")
          .replace(/<[^>]*>/g, " ")
          .replace(/&amp;/g, "&")
          // A calendar file's long lines are folded (RFC 5545 §3.1): read them whole.
          .replace(/\r\n[ \t]/g, "");
        // A calendar's UID is written name@host, as RFC 5545 suggests: an identifier, no one's mailbox.
        return words.split(/\r?\n/).flatMap((line) => {
          if (line.startsWith("UID:")) return [];
          const detail = contactDetail(line);
          return detail && !/^mailto:$/.test(detail.found) ? [`${relative(siteDir, path)}: ${detail.found}`] : [];
        });
      });
    expect(found).toEqual([]);
  });
});

describe("the forms to add an event or a programme", () => {
  it("are Netlify forms with the fields the importer reads, a honeypot, and no field for an email address", () => {
    for (const [url, name, fields] of [
      [
        "/events/add/",
        "event",
        [
          "title",
          "summary",
          "start",
          "end",
          "timeZone",
          "attendance",
          "venue-name",
          "venue-locality",
          "venue-country",
          "venue-latitude",
          "venue-longitude",
          "registration",
          "organizer-name",
          "organizer-url",
          "languages",
          "description",
        ],
      ],
      [
        "/programmes/add/",
        "programme",
        [
          "name",
          "organisation",
          "summary",
          "apply",
          "formats[]",
          "attendance",
          "countries",
          "audience[]",
          "ages",
          "safeguarding",
          "languages",
          "description",
        ],
      ],
    ] as const) {
      const form = page(url).querySelector(`form[name="${name}"]`)!;
      expect(form.getAttribute("data-netlify"), url).toBe("true");
      expect(form.getAttribute("data-netlify-honeypot"), url).toBe("bot-field");
      expect(form.getAttribute("action"), url).toBe(`${url}sent/`);
      const names = new Set(
        form.querySelectorAll("input, textarea, select").map((control) => control.getAttribute("name")),
      );
      for (const field of fields) expect(names.has(field), `${url} ${field}`).toBe(true);
      expect(form.querySelectorAll('input[type="email"], [name*="mail"], [name*="phone"]'), url).toHaveLength(0);
      expect(fileForUrl(siteDir, `${url}sent/`), url).toBeDefined();
    }
  });
});

describe("the site without events or programmes", () => {
  const emptySite = inject("siteDir");

  it("says so on each list, and invites organisers to add theirs", () => {
    for (const [url, form] of [
      ["/events/", "/events/add/"],
      ["/programmes/", "/programmes/add/"],
    ] as const) {
      const main = readPage(emptySite, url).querySelector("main")!;
      expect(main.querySelector(".listing-empty a")?.getAttribute("href"), url).toBe(form);
      expect(main.querySelectorAll(".listing-card"), url).toHaveLength(0);
    }
    expect(visibleText(readPage(emptySite, "/events/").querySelector("main")!)).toContain(
      "No upcoming events are listed yet.",
    );
  });
});

describe("a build after the events", () => {
  let laterSite: string;

  beforeAll(async () => {
    // 18 January 2027, 00:00 UTC: every event has ended but the webinar (18 January, 12:00 in São Paulo).
    const projectDir = await copyProject(fixtureListings());
    laterSite = await temporaryDir("imd-events-later-");
    await buildSite({ projectDir, outputDir: laterSite, env: { SOURCE_DATE_EPOCH: "1800230400" } });
  });

  it("has taken them off /events/ by itself, and keeps each at its address in the year's archive", () => {
    const upcoming = readPage(laterSite, "/events/")
      .querySelectorAll(".listing-card__title a")
      .map((link) => link.getAttribute("href"));
    expect(upcoming).toEqual(["/events/online-mentoring-webinar/"]);
    const archived = readPage(laterSite, "/events/2027/")
      .querySelectorAll(".listing-card__title a")
      .map((link) => link.getAttribute("href"));
    expect(archived).toEqual([
      "/events/kyoto-mentoring-exchange/",
      "/events/sydney-mentoring-breakfast/",
      "/events/tokyo-mentoring-meetup/",
      "/events/lagos-hybrid-forum/",
    ]);
    const tokyo = readPage(laterSite, "/events/tokyo-mentoring-meetup/");
    expect(visibleText(tokyo.querySelector("main")!)).toContain("This event has ended.");
    expect(tokyo.querySelector(".article__kicker a")?.getAttribute("href")).toBe("/events/2027/");
    const subscribed = calendarEvents(readFileSync(join(laterSite, "events.ics"), "utf8")).map((event) => event.uid);
    expect(subscribed).toEqual(["online-mentoring-webinar@international-mentoring-day.netlify.app"]);
  });
});
