import { describe, expect, it } from "vitest";
import en from "../../_data/locales/en.ts";
import { checkWithSchema, formatProblem } from "../../src/lib/content/check.ts";
import {
  chooseLocale,
  compareText,
  formatNumber,
  listMarkup,
  localeCandidates,
  localeSchema,
  say,
  sayMarkup,
} from "../../src/lib/words/locale.ts";
import es from "../fixtures/locale-es.ts";

describe("choosing the locale for the site's language", () => {
  it("takes the exact tag first, then its base language", () => {
    expect(localeCandidates("en-GB")).toEqual(["en-GB", "en"]);
    expect(localeCandidates("es")).toEqual(["es"]);
    expect(chooseLocale("en-GB", ["en", "es"])).toBe("en");
    expect(chooseLocale("pt-BR", ["pt", "pt-BR"])).toBe("pt-BR");
    expect(chooseLocale("pt-PT", ["pt-BR"])).toBeUndefined();
  });
});

describe("say", () => {
  it("fills the placeholders", () => {
    expect(say("About {name}", { name: "World Kindness Day" }, "en-GB")).toBe("About World Kindness Day");
    expect(say("{a} and {a}", { a: "x" }, "en-GB")).toBe("x and x");
  });

  it("takes the plural form the language has for the count", () => {
    expect(say(en.nextDate.inDays, { count: 1 }, "en-GB")).toBe("(in 1 day)");
    expect(say(en.nextDate.inDays, { count: 52 }, "en-GB")).toBe("(in 52 days)");
    const polish = { one: "{count} dzień", few: "{count} dni (few)", many: "{count} dni", other: "{count} dnia" };
    expect([1, 3, 5, 22, 25].map((count) => say(polish, { count }, "pl"))).toEqual([
      "1 dzień",
      "3 dni (few)",
      "5 dni",
      "22 dni (few)",
      "25 dni",
    ]);
    // A language without a `one` category (Japanese) uses `other`, even for one.
    expect(say({ one: "unused", other: "{count}日後" }, { count: 1 }, "ja")).toBe("1日後");
  });

  it("writes numbers as the language does", () => {
    expect(say("{count} comments", { count: 12345 }, "en-GB")).toBe("12,345 comments");
    expect(say("{count} comentarios", { count: 12345 }, "es-ES")).toBe("12.345 comentarios");
    expect(formatNumber(1234.5, "fr-FR")).toBe("1\u202f234,5");
  });

  it("never leaves a placeholder unfilled, nor a count missing", () => {
    expect(() => say("About {name}", {}, "en-GB")).toThrow('expected a value for {name} in "About {name}", got none');
    expect(() => say(en.comments.count, {}, "en-GB")).toThrow(/expected a count/);
  });
});

describe("compareText", () => {
  it("sorts names as the language does", () => {
    const names = ["Zoë", "Ångström", "Åsa", "Ada", "émile", "Eva"];
    expect([...names].sort(compareText("en-GB"))).toEqual(["Ada", "Ångström", "Åsa", "émile", "Eva", "Zoë"]);
    expect([...names].sort(compareText("sv-SE"))).toEqual(["Ada", "émile", "Eva", "Zoë", "Ångström", "Åsa"]);
  });
});

describe("a locale file", () => {
  const problems = (value: unknown) =>
    checkWithSchema("_data/locales/xx.ts", value, localeSchema).problems.map(formatProblem);

  it("is valid with every key: the English locale and the fixture's Spanish one", () => {
    expect(problems(en)).toEqual([]);
    expect(problems(es)).toEqual([]);
  });

  it("names each missing, empty or unknown key as a contributor reads it", () => {
    const { skipLink: _, ...withoutSkipLink } = en;
    expect(
      problems({ ...withoutSkipLink, related: "", extra: "x", nextDate: { ...en.nextDate, inDays: { one: "x" } } }),
    ).toEqual([
      "_data/locales/xx.ts: skipLink: expected the words as text, got nothing",
      "_data/locales/xx.ts: nextDate.inDays.other: expected the words as text, got nothing",
      "_data/locales/xx.ts: related: expected the words as text, got an empty text",
      '_data/locales/xx.ts: extra: expected a known field, got "extra"',
    ]);
  });
});

describe("words with markup in them", () => {
  it("puts the template's links where the words place them, and escapes the words", () => {
    expect(sayMarkup("{articles} & more, or the {toolkit}.", { articles: "<a>A</a>", toolkit: "<a>T</a>" })).toBe(
      "<a>A</a> &amp; more, or the <a>T</a>.",
    );
    expect(sayMarkup("Lee <b>{articles}</b>", { articles: "<a>A</a>" })).toBe("Lee &lt;b&gt;<a>A</a>&lt;/b&gt;");
  });

  it("refuses words whose placeholder the template did not fill", () => {
    expect(() => sayMarkup("{articles} or {toolkit}", { articles: "<a>A</a>" })).toThrow(
      /expected a value for \{toolkit\}/,
    );
  });

  it("joins links as each language joins a list", () => {
    const links = ["<a>Google</a>", "<a>Outlook</a>", "<a>Apple</a>"];
    expect(listMarkup(links, "en-GB", "disjunction")).toBe("<a>Google</a>, <a>Outlook</a> or <a>Apple</a>");
    expect(listMarkup(links, "es-ES", "disjunction")).toBe("<a>Google</a>, <a>Outlook</a> o <a>Apple</a>");
    expect(listMarkup(links, "zh-Hans", "disjunction")).toBe("<a>Google</a>、<a>Outlook</a>或<a>Apple</a>");
    expect(listMarkup(links.slice(0, 1), "en-GB", "disjunction")).toBe("<a>Google</a>");
  });
});
