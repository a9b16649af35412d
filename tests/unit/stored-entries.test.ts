import { describe, expect, it } from "vitest";
import { duplicateIds, entryField, sentAt } from "../../src/lib/site/stored-entries.ts";

describe("entryField", () => {
  it("reads a field the entry has", () => {
    expect(entryField({ id: "a1", name: "Sam" }, "name")).toBe("Sam");
  });

  it("reads nothing an entry only inherits, nor anything of what is no entry", () => {
    expect(entryField({ id: "a1" }, "toString")).toBeUndefined();
    expect(entryField({ id: "a1" }, "__proto__")).toBeUndefined();
    expect(entryField(JSON.parse('{"__proto__": "x"}'), "__proto__")).toBe("x");
    for (const notAnEntry of [null, undefined, "a1", 3, true]) expect(entryField(notAnEntry, "id")).toBeUndefined();
  });
});

describe("sentAt", () => {
  it("keeps a day as stored for <time datetime>, at midnight UTC", () => {
    expect(sentAt("2027-01-18")).toEqual({ date: new Date("2027-01-18T00:00:00Z"), dateTime: "2027-01-18" });
  });

  it("gives a moment with an offset as the instant in UTC", () => {
    expect(sentAt("2027-01-18T10:30:00+01:00")).toEqual({
      date: new Date("2027-01-18T09:30:00Z"),
      dateTime: "2027-01-18T09:30:00.000Z",
    });
    expect(sentAt("2027-01-18T09:30Z").dateTime).toBe("2027-01-18T09:30:00.000Z");
  });

  it("reads a date as the content check does: one it refused is an error, never an invalid date", () => {
    for (const refused of ["18/01/2027", "2027-02-30", "2027-01-18T09:30:00", "yesterday"]) {
      expect(() => sentAt(refused), refused).toThrow(`expected a date like 2027-01-18T09:30:00Z, got "${refused}"`);
    }
  });
});

describe("duplicateIds", () => {
  it("names each entry that reuses an earlier entry's id, and the entry it repeats", () => {
    const { problems, firstWithId } = duplicateIds(
      "_data/thanks.json",
      [{ id: "a" }, { id: "b" }, { id: "a" }, { id: "a" }, { name: "no id" }, { id: 7 }, "not an entry"],
      "thanks",
    );
    expect(problems).toEqual([
      {
        file: "_data/thanks.json",
        field: "[2].id",
        message: 'expected an id no other thanks has, got "a", the id of [0]',
      },
      {
        file: "_data/thanks.json",
        field: "[3].id",
        message: 'expected an id no other thanks has, got "a", the id of [0]',
      },
    ]);
    expect([...firstWithId]).toEqual([
      ["a", 0],
      ["b", 1],
    ]);
  });

  it("finds nothing in a list whose ids are all different", () => {
    expect(duplicateIds("_data/comments/home.json", [{ id: "a" }, { id: "b" }], "comment").problems).toEqual([]);
  });
});
