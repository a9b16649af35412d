import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, copyProject, temporaryDir } from "../helpers/project.ts";
import { readPage, visibleText } from "../helpers/site.ts";

/** Every file of a folder with a hash of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) =>
      statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)],
    );
  return Object.fromEntries(
    walk(dir)
      .sort()
      .map((file) => [relative(dir, file), createHash("sha256").update(readFileSync(file)).digest("hex")]),
  );
}

describe("two builds of one commit with the same SOURCE_DATE_EPOCH", () => {
  it("are byte for byte identical, even in time zones 25 hours apart", async () => {
    // 16 January 2027, 20:00 UTC: already the 17th on Kiritimati (UTC+14), still the 16th in Los Angeles.
    const epoch = "1800129600";
    const projectDir = await copyProject();
    const [east, west] = await Promise.all(
      ["Pacific/Kiritimati", "America/Los_Angeles"].map(async (zone) => {
        const outputDir = await temporaryDir("imd-zone-");
        await buildSite({ projectDir, outputDir, env: { SOURCE_DATE_EPOCH: epoch, TZ: zone } });
        return outputDir;
      }),
    );
    const eastFiles = fingerprint(east!);
    expect(Object.keys(eastFiles).length).toBeGreaterThan(20);
    expect(fingerprint(west!)).toEqual(eastFiles);
    // The build counts in UTC, where the day is still to come.
    expect(visibleText(readPage(east!, "/").querySelector(".hero__next")!)).toBe("Next: Sunday 17 January 2027");
  });
});
