import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/check.ts";
import { surfaceProblems } from "../../src/lib/content/contribution-surface.ts";
import { checkProjectContent } from "../../src/lib/content/project-files.ts";
import { thanksReferenceProblems, wallOfThanks } from "../../src/lib/site/thanks.ts";
import { copyProject } from "../helpers/project.ts";

describe("wallOfThanks", () => {
  it("lists the thanks newest first, a day or a moment, and leaves out an empty name", () => {
    const wall = wallOfThanks([
      { id: "a", mentor: "Ama", message: "One.", date: "2027-01-17" },
      { id: "b", mentor: "Kofi", message: "Two.", name: " ", date: "2027-01-18T09:30:00Z" },
      { id: "c", mentor: "Efua", message: "Three.", name: "Sam", date: "2027-01-17" },
    ]);
    expect(wall.map((thanks) => thanks.id)).toEqual(["b", "a", "c"]);
    expect(wall[0]).toMatchObject({ dateTime: "2027-01-18T09:30:00.000Z" });
    expect(wall[0]).not.toHaveProperty("name");
    expect(wall[1]?.dateTime).toBe("2027-01-17");
    expect(wallOfThanks(undefined)).toEqual([]);
  });

  it("keeps the language a sender chose for the card", () => {
    const wall = wallOfThanks([
      { id: "a", mentor: "Ama", message: "Thanks.", lang: "fr", date: "2027-01-17" },
      { id: "b", mentor: "Kofi", message: "Thanks.", date: "2027-01-16" },
    ]);
    expect(wall[0]?.lang).toBe("fr");
    expect(wall[1]).not.toHaveProperty("lang");
  });

  it("finds two thanks with one id", () => {
    const problems = thanksReferenceProblems("_data/thanks.json", [{ id: "x" }, { id: "y" }, { id: "x" }]);
    expect(problems.map(formatProblem)).toEqual([
      '_data/thanks.json: [2].id: expected an id no other thanks has, got "x", the id of [0]',
    ]);
  });

  it("has _data/thanks.json in the contribution surface, as a file and never a link", () => {
    expect(surfaceProblems([{ path: "_data/thanks.json", kind: "file", head: new Uint8Array() }])).toEqual([]);
    expect(
      surfaceProblems([{ path: "_data/thanks.json", kind: "symlink", head: new Uint8Array() }]).map(formatProblem),
    ).toEqual(["_data/thanks.json: expected a file, got a symbolic link: add the file itself"]);
  });
});

describe("the content check of _data/thanks.json", () => {
  it("lists every problem as file: field: expected …, got …", async () => {
    const dir = await copyProject({
      "_data/thanks.json": JSON.stringify([
        { id: "ok", mentor: "Ama", message: "Thank you.", date: "2026-11-17" },
        { id: "no email", mentor: "", message: "x".repeat(281), email: "a@example.org", date: "17/01/2027" },
        { id: "ok", mentor: "Kofi", message: "Thanks 😀", date: "2026-11-17" },
      ]),
    });
    const problems = (await checkProjectContent(dir, new Date("2026-12-01T00:00:00Z"), () => {})).map(formatProblem);
    // A character the cards cannot draw is said too, with the file's other problems.
    expect(problems.filter((problem) => problem.startsWith("_data/thanks.json"))).toEqual([
      '_data/thanks.json: [1].id: expected an id of letters, digits, - or _, got "no email"',
      "_data/thanks.json: [1].mentor: expected the mentor's name, got an empty value",
      "_data/thanks.json: [1].message: expected at most 280 characters, got 281",
      '_data/thanks.json: [1].date: expected a date like 2027-01-18 or 2027-01-18T09:30:00Z, got "17/01/2027"',
      '_data/thanks.json: [1].email: expected a known field, got "email"',
      '_data/thanks.json: [2].id: expected an id no other thanks has, got "ok", the id of [0]',
      expect.stringMatching(
        /^_data\/thanks\.json: \[2\]\.message: expected characters the social card's typefaces .* got "😀" \(U\+1F600\)$/,
      ),
    ]);
  });

  it("says what a comments or thanks file that is not JSON holds, as every other problem is said", async () => {
    const dir = await copyProject({
      "_data/thanks.json": '[{ "id": "a", "mentor": "Ama", }]',
      "_data/comments/home.json": "not json",
    });
    const problems = (await checkProjectContent(dir, new Date("2026-12-01T00:00:00Z"), () => {})).map(formatProblem);
    expect(problems.filter((problem) => /^_data\/(comments\/|thanks)/.test(problem))).toEqual([
      expect.stringMatching(
        /^_data\/comments\/home\.json: expected a JSON list of comments, got text that is not JSON \(.+\)$/,
      ),
      expect.stringMatching(/^_data\/thanks\.json: expected a JSON list of thanks, got text that is not JSON \(.+\)$/),
    ]);
  });

  it("names a character the cards cannot draw", async () => {
    const dir = await copyProject({
      "_data/thanks.json": JSON.stringify([{ id: "a", mentor: "Ama", message: "Thanks 😀", date: "2026-11-17" }]),
    });
    const problems = (await checkProjectContent(dir, new Date("2026-12-01T00:00:00Z"), () => {})).map(formatProblem);
    expect(problems.filter((problem) => problem.startsWith("_data/thanks.json"))).toEqual([
      expect.stringMatching(
        /^_data\/thanks\.json: \[0\]\.message: expected characters the social card's typefaces .* got "😀" \(U\+1F600\)$/,
      ),
    ]);
  });

  it("takes a language tag as a thanks' lang, and says what is wrong with anything else", async () => {
    const dir = await copyProject({
      "_data/thanks.json": JSON.stringify([
        { id: "a", mentor: "Ama", message: "Thank you.", lang: "ar-EG", date: "2026-11-17" },
        { id: "b", mentor: "Kofi", message: "Thank you.", lang: "Arabic please", date: "2026-11-17" },
        { id: "c", mentor: "Efua", message: "Thank you.", lang: 7, date: "2026-11-17" },
      ]),
    });
    const problems = (await checkProjectContent(dir, new Date("2026-12-01T00:00:00Z"), () => {})).map(formatProblem);
    expect(problems.filter((problem) => problem.startsWith("_data/thanks.json"))).toEqual([
      '_data/thanks.json: [1].lang: expected a language tag like ar, zh-Hans or pt-BR, got "Arabic please"',
      "_data/thanks.json: [2].lang: expected a language tag like ar, zh-Hans or pt-BR, got 7",
    ]);
  });
});

describe("the content check of _data/cardWords.ts", () => {
  it("lists every problem at once: its schema's, and a character the cards cannot draw", async () => {
    const dir = await copyProject({
      "_data/cardWords.ts": `export default {
        ar: { greeting: "شكرًا 😀", from: "من {name}", day: "يوم" },
        he: { greeting: "תודה", from: "מאת", day: "יום" },
        Japanese: { greeting: "どうも", from: "{name}より", day: "日" },
      };`,
    });
    const problems = (await checkProjectContent(dir, new Date("2026-12-01T00:00:00Z"), () => {})).map(formatProblem);
    expect(problems.filter((problem) => problem.startsWith("_data/cardWords.ts"))).toEqual([
      '_data/cardWords.ts: he.from: expected the sender\'s line (From {name}) with {name} once and no other {…} in it, got "מאת"',
      '_data/cardWords.ts: Japanese: expected a language tag as Intl writes it, like ar, he or zh-Hans, got "Japanese"',
      expect.stringMatching(
        /^_data\/cardWords\.ts: ar\.greeting: expected characters the social card's typefaces .* got "😀" \(U\+1F600\)$/,
      ),
    ]);
  });
});
