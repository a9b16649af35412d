// npm run new:event -- "Title" and npm run new:programme -- "Name": writes events/<file name>.md or
// programmes/<file name>.md to fill in. --name gives the file name (the address), for a title without
// Latin letters to make one from.
import { writeFile } from "node:fs/promises";
import { DateTime } from "luxon";
import day from "../../_data/day.ts";
import { isIanaZone } from "../lib/content/listing-schemas.ts";
import { FileNameError, newEvent, newProgramme } from "../lib/content/scaffold.ts";
import { nextOccurrence } from "../lib/words/dates.ts";
import { parsedArguments } from "./arguments.ts";

const { values, positionals } = parsedArguments(
  { name: { type: "string" } },
  'Usage: npm run new:event -- "Title of the event" [--name=file-name]\n       npm run new:programme -- "Name of the programme" [--name=file-name]',
);
const [kind, ...words] = positionals;
if (kind !== "event" && kind !== "programme") {
  console.error("Run it as npm run new:event or npm run new:programme.");
  process.exit(1);
}
const title = words.join(" ").trim();
if (!title) {
  console.error(
    kind === "event"
      ? 'Give the event a title: npm run new:event -- "Mentoring meetup in Tokyo"'
      : 'Give the programme its name: npm run new:programme -- "Nurses mentoring nurses"',
  );
  process.exit(1);
}

// The event is on the day by default, in this machine's own time zone: both are there to change.
const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let listing: { slug: string; source: string };
try {
  listing =
    kind === "event"
      ? newEvent(
          title,
          nextOccurrence(day.date, DateTime.utc()),
          isIanaZone(machineZone) ? machineZone : "UTC",
          values.name,
        )
      : newProgramme(title, DateTime.utc(), values.name);
} catch (error) {
  if (!(error instanceof FileNameError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const folder = kind === "event" ? "events" : "programmes";
const file = `${folder}/${listing.slug}.md`;
try {
  // "wx": fail rather than overwrite someone's entry.
  await writeFile(file, listing.source, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  console.error(`${file} already exists. Edit that file, or choose another title (or --name).`);
  process.exit(1);
}

console.log(`Created ${file}. Next:
  1. Replace every placeholder: npm run check:content names each one left.
  2. ${kind === "event" ? "Set start, end and timeZone (the local time where it happens, and its IANA zone); for an in-person or hybrid event, the venue." : "Set the formats, attendance, countries, audience and languages; ages and safeguarding if it takes in under-18s."}
  3. npm start to see it at http://localhost:8080/${folder}/${listing.slug}/, then npm run check:content.
See CONTRIBUTING.md for every field.`);
