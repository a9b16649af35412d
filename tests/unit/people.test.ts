import { describe, expect, it } from "vitest";
import { displayName } from "../../src/lib/site/people.ts";

describe("displayName", () => {
  it("puts the honorific before the name, with one space", () => {
    expect(displayName({ name: "Joshua Cruz", honorific: "Dr" })).toBe("Dr Joshua Cruz");
    expect(displayName({ name: "Jen-Mei Chang", honorific: "Professor" })).toBe("Professor Jen-Mei Chang");
  });

  it("is the name alone when there is no honorific", () => {
    expect(displayName({ name: "Gino Galvez" })).toBe("Gino Galvez");
    expect(displayName({ name: "Gino Galvez", honorific: undefined })).toBe("Gino Galvez");
  });

  it("keeps names in any script as written", () => {
    expect(displayName({ name: "王芳", honorific: "博士" })).toBe("博士 王芳");
  });
});
