import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/check.ts";
import {
  articleDirectoryData,
  listingDirectoryData,
  type SurfaceEntry,
  surfaceProblems,
} from "../../src/lib/content/contribution-surface.ts";

const file = (path: string): SurfaceEntry => ({ path, kind: "file", head: new TextEncoder().encode("---\n") });
const problems = (entries: SurfaceEntry[], listingData: Parameters<typeof surfaceProblems>[2] = listingDirectoryData) =>
  surfaceProblems(entries, articleDirectoryData, listingData).map(formatProblem);

describe("the contribution surface's events/ and programmes/", () => {
  it("take Markdown files directly in them, their own directory data files, and a .gitkeep", () => {
    expect(
      problems([
        file("events/events.11tydata.json"),
        file("events/tokyo-meetup.md"),
        file("events/.gitkeep"),
        file("programmes/programmes.11tydata.json"),
        file("programmes/nurses.md"),
      ]),
    ).toEqual([]);
  });

  it("refuse anything else, naming the file", () => {
    expect(
      problems(
        [
          file("events/events.11tydata.json"),
          file("events/page.njk"),
          { path: "events/2027", kind: "directory", head: new Uint8Array() },
          file("events/2027/meetup.md"),
          { path: "programmes/linked.md", kind: "symlink", head: new Uint8Array() },
          file("programmes/programmes.11tydata.json"),
        ],
        { events: { layout: "layouts/base.njk" }, programmes: listingDirectoryData.programmes },
      ),
    ).toEqual([
      "events/events.11tydata.json: is the project's own and must not change: it gives every event its layout",
      'events/page.njk: expected an event, a Markdown file named like my-event.md, got "page.njk"',
      "events/2027: expected events directly in events/, got a folder: move the file up into events/",
      'events/2027/meetup.md: expected an event, a Markdown file named like my-event.md, got "2027/meetup.md"',
      "programmes/linked.md: expected a file, got a symbolic link: add the file itself",
    ]);
  });
});
