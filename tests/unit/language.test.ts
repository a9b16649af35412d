import { describe, expect, it } from "vitest";
import { articleSchema } from "../../src/lib/content/schemas.ts";
import {
  articleLanguage,
  canonicalLanguageTag,
  eastAsianLanguageOf,
  languageAttributes,
  languageMarkup,
  textLanguage,
} from "../../src/lib/words/language.ts";

describe("language tags", () => {
  it("writes a tag as Intl does", () => {
    expect(canonicalLanguageTag("zh-hans-cn")).toBe("zh-Hans-CN");
    expect(canonicalLanguageTag("iw")).toBe("he");
    expect(canonicalLanguageTag("pt-br")).toBe("pt-BR");
  });

  it("refuses what names no language", () => {
    for (const tag of ["en_GB", "english", "zz", "und", "x-klingon", "", "ar--EG"]) {
      expect(canonicalLanguageTag(tag), tag).toBeUndefined();
    }
  });

  it("knows the direction of each script", () => {
    expect(textLanguage("ar").direction).toBe("rtl");
    expect(textLanguage("he").direction).toBe("rtl");
    expect(textLanguage("fa-IR").direction).toBe("rtl");
    expect(textLanguage("ur").direction).toBe("rtl");
    for (const tag of ["en-GB", "vi", "el", "ru", "hi", "zh-Hans", "ja", "ko"]) {
      expect(textLanguage(tag).direction, tag).toBe("ltr");
    }
  });

  it("gives an article the site's language unless it has its own", () => {
    expect(articleLanguage(undefined, "en-GB")).toEqual({ tag: "en-GB", direction: "ltr" });
    expect(articleLanguage("ar", "en-GB")).toEqual({ tag: "ar", direction: "rtl" });
  });

  it("marks only what differs from the text around", () => {
    const english = textLanguage("en-GB");
    expect(languageAttributes(english, english)).toEqual({});
    expect(languageAttributes(textLanguage("ar"), english)).toEqual({ lang: "ar", dir: "rtl" });
    expect(languageAttributes(textLanguage("zh"), english)).toEqual({ lang: "zh" });
    expect(languageAttributes(english, textLanguage("he"))).toEqual({ lang: "en-GB", dir: "ltr" });
  });

  it("names the East Asian forms a tag asks for", () => {
    expect(eastAsianLanguageOf("ja")).toBe("ja");
    expect(eastAsianLanguageOf("zh-Hant-TW")).toBe("zh");
    expect(eastAsianLanguageOf("ko-KR")).toBe("ko");
    expect(eastAsianLanguageOf("en")).toBeUndefined();
  });
});

describe("an article's lang field", () => {
  const article = {
    title: "Mentoring",
    summary: "A summary.",
    date: "2026-01-17",
    people: [{ name: "Ana" }],
    tags: ["community"],
    image: { src: "/images/a.png", alt: "A picture" },
  };

  it("takes a BCP 47 tag", () => {
    expect(articleSchema.safeParse({ ...article, lang: "zh-Hans" }).success).toBe(true);
    expect(articleSchema.safeParse(article).success).toBe(true);
  });

  it("says what it expected of a tag that names no language", () => {
    const result = articleSchema.safeParse({ ...article, lang: "Arabic" });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      'lang: expected a language tag like ar, zh-Hans or pt-BR, got "Arabic"',
    ]);
  });
});

describe("languageMarkup", () => {
  it("writes the attributes that differ, and none for text in the language around it", () => {
    expect(languageMarkup("ar", "en-GB")).toBe(' lang="ar" dir="rtl"');
    expect(languageMarkup("zh-hans", "en-GB")).toBe(' lang="zh-Hans"');
    expect(languageMarkup(undefined, "en-GB")).toBe("");
    expect(languageMarkup("en-GB", "en-GB")).toBe("");
  });

  it("refuses a tag that names no language rather than write it into a page", () => {
    expect(() => languageMarkup('" onload="x', "en-GB")).toThrow(/expected a language tag/);
  });
});
