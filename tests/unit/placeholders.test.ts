import { describe, expect, it } from "vitest";
import { fillIn } from "../../src/assets/js/shared/placeholders.js";

describe("fillIn", () => {
  it("puts each value where its placeholder is, as often as it is there", () => {
    expect(fillIn("From {name}, to {mentor}. {name}!", { name: "Sam", mentor: "Ms Rivera" })).toBe(
      "From Sam, to Ms Rivera. Sam!",
    );
    expect(fillIn("{count} characters left", { count: 12 })).toBe("12 characters left");
    expect(fillIn("No placeholder", {})).toBe("No placeholder");
  });

  it("takes a value as it is: a placeholder written in a value is not filled", () => {
    expect(fillIn("Thanks to {mentor}", { mentor: "{name}", name: "Sam" })).toBe("Thanks to {name}");
  });

  it("fails on a placeholder without a value, never showing `{name}` to a visitor", () => {
    expect(() => fillIn("From {nmae}", { name: "Sam" })).toThrow(
      'expected a value for {nmae} in "From {nmae}", got none',
    );
    // Only the values given count, not what every object inherits.
    expect(() => fillIn("{toString}", {})).toThrow("expected a value for {toString}");
  });

  it("turns only the words around the placeholders into what is written", () => {
    expect(fillIn("<b>{link}</b> & more", { link: "<a>x</a>" }, (words) => words.toUpperCase())).toBe(
      "<B><a>x</a></B> & MORE",
    );
  });
});
