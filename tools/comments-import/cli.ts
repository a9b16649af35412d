// npm run comments:import: the comments Netlify verified (never its spam) into
// _data/comments/<page>.json, and the thanks of the `thanks` form whose senders agreed to
// publication into _data/thanks.json, for a maintainer to review, run in the project's folder.
//   --delete-imported   then deletes at Netlify the submissions whose comments are in the files
//   --delete-published  imports nothing; only deletes those (what the workflow runs on main)
//   --pathprefix=/repo/ the path prefix the site is built under, if its form sends it
// The events and programmes of the `event` and `programme` forms become one Markdown file each in
// events/ and programmes/, written only when the content check accepts it.
// NETLIFY_AUTH_TOKEN and NETLIFY_SITE_ID are read from the environment, NETLIFY_API_URL too
// (https://api.netlify.com/api/v1 by default). README: "Comments: moderation by pull request".
// It writes only files the content check accepts: a page takes comments up to the most it may
// have, and a file that does not pass the check as it is takes none until it is fixed; what does
// not fit stays at Netlify, said in one line. Netlify's answers are bounded (netlify-api.ts) and
// checked: a malformed one, or one sent elsewhere, stops the run in one line with nothing written.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { countryAt, isCountryCode, placeIsInCountry } from "../../src/lib/places/countries.ts";
import {
  commentsFileText,
  commentsFolder,
  ProjectFileError,
  readArticles,
  readComments,
  readEntryRules,
  readReviewed,
  readThanks,
  reviewedFile,
  reviewedFileText,
  thanksFile,
  thanksFileText,
  writeAll,
} from "./comment-files.ts";
import { commentIds, importSummary, planImport } from "./import-plan.ts";
import {
  type ListingFolder,
  listingForms,
  listingImportSummary,
  planListingImport,
  publishedListingIds,
} from "./listing-plan.ts";
import { formNamed, NetlifyApiError, netlifyApi } from "./netlify-api.ts";
import { planThanksImport, thanksImportSummary } from "./thanks-plan.ts";

/** A folder's entries as they are: events/<name>.md and its text. */
async function readListings(root: string, folder: ListingFolder): Promise<{ file: string; source: string }[]> {
  if (!existsSync(join(root, folder))) return [];
  const names = (await readdir(join(root, folder))).filter((name) => name.endsWith(".md")).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: `${folder}/${name}`,
      source: await readFile(join(root, folder, name), "utf8"),
    })),
  );
}

/** The forms' names in the site's HTML (`<form name="comment" data-netlify="true">`). */
const formName = "comment";
/** The wall of thanks' form: a site deployed before it had one has none yet, and imports comments alone. */
const thanksFormName = "thanks";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let options: { "delete-imported"?: boolean; "delete-published"?: boolean; pathprefix?: string };
try {
  ({ values: options } = parseArgs({
    options: {
      "delete-imported": { type: "boolean" },
      "delete-published": { type: "boolean" },
      pathprefix: { type: "string" },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}. Options: --delete-imported, --delete-published, --pathprefix=/repo/.`);
}
if (options["delete-imported"] && options["delete-published"]) {
  fail("Give --delete-imported (import, then delete) or --delete-published (only delete), not both.");
}

const missing = ["NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID"].filter((name) => !process.env[name]?.trim());
if (missing.length > 0) {
  fail(
    `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set: the importer needs a Netlify personal access token (NETLIFY_AUTH_TOKEN) and the site's ID (NETLIFY_SITE_ID); README, "Comments: moderation by pull request", says where to find them.`,
  );
}

const root = process.cwd();
const api = netlifyApi({
  baseUrl: process.env.NETLIFY_API_URL?.trim() || "https://api.netlify.com/api/v1",
  token: process.env.NETLIFY_AUTH_TOKEN?.trim() ?? "",
});

try {
  // The project's files first: what is in them, and which of them the import must leave alone
  // until they pass the content check again.
  const rules = await readEntryRules(root);
  const articles = await readArticles(root);
  const comments = await readComments(root, rules);
  const reviewed = await readReviewed(root);
  const wall = await readThanks(root, rules);
  const forms = await api.forms(process.env.NETLIFY_SITE_ID?.trim() ?? "");
  const form = formNamed(forms, formName);
  const submissions = await api.submissions(form.id);
  const thanksForm = forms.find((candidate) => candidate.name === thanksFormName);
  const thanksSubmissions = thanksForm ? await api.submissions(thanksForm.id) : [];
  // The forms of /events/add/ and /programmes/add/: a site deployed before it had them has none yet.
  const listingSubmissions = new Map<ListingFolder, Awaited<ReturnType<typeof api.submissions>>>();
  for (const folder of ["events", "programmes"] as const) {
    const listingForm = forms.find((candidate) => candidate.name === listingForms[folder]);
    if (listingForm) listingSubmissions.set(folder, await api.submissions(listingForm.id));
  }

  let inFiles = commentIds(comments.pages, comments.held);
  let thanksInFile = new Set([...wall.thanks.map((thanks) => thanks.id), ...(wall.held?.ids ?? [])]);
  if (!options["delete-published"]) {
    const plan = planImport({
      submissions,
      existing: comments.pages,
      held: comments.held,
      reviewed,
      articles,
      pathPrefix: options.pathprefix,
      rules,
    });
    const files = new Map<string, string>();
    for (const [page, entries] of plan.files) files.set(`${commentsFolder}/${page}.json`, commentsFileText(entries));
    const thanksPlan = planThanksImport({
      submissions: thanksSubmissions,
      existing: wall.thanks,
      held: wall.held,
      reviewed: plan.reviewed ?? reviewed,
      rules,
    });
    if (thanksPlan.thanks) files.set(thanksFile, thanksFileText(thanksPlan.thanks));
    let nextReviewed = thanksPlan.reviewed ?? plan.reviewed;
    const listingLines: string[] = [];
    for (const [folder, listed] of listingSubmissions) {
      const listingPlan = planListingImport({
        folder,
        submissions: listed,
        existing: await readListings(root, folder),
        reviewed: nextReviewed ?? reviewed,
        context: { now: new Date(), isCountryCode, placeIsInCountry, countryAt },
      });
      for (const [file, text] of listingPlan.files) files.set(file, text);
      nextReviewed = listingPlan.reviewed ?? nextReviewed;
      listingLines.push(...listingImportSummary(folder, listingPlan));
    }
    if (nextReviewed) files.set(reviewedFile, reviewedFileText(nextReviewed));
    await writeAll(root, files, rules);
    for (const line of importSummary(plan)) console.log(line);
    if (thanksForm) for (const line of thanksImportSummary(thanksPlan)) console.log(line);
    for (const line of listingLines) console.log(line);
    inFiles = commentIds(comments.pages, comments.held, plan);
    if (thanksPlan.thanks) thanksInFile = new Set(thanksPlan.thanks.map((thanks) => thanks.id));
  }

  if (options["delete-imported"] || options["delete-published"]) {
    // Only what a file holds: never a skipped submission, nor one a moderator deleted from the files.
    // An event or a programme is published once its file is in the project (reviewed.json names it).
    const reviewedNow = await readReviewed(root);
    const listingsInFiles = [...listingSubmissions].flatMap(([folder, listed]) => {
      const ids = publishedListingIds(reviewedNow, folder, (file) => existsSync(join(root, file)));
      return listed.filter((submission) => ids.has(String(submission.id)));
    });
    const published = [
      ...submissions.filter((submission) => inFiles.has(String(submission.id))),
      ...thanksSubmissions.filter((submission) => thanksInFile.has(String(submission.id))),
      ...listingsInFiles,
    ];
    let deleted = 0;
    try {
      for (const submission of published) {
        await api.deleteSubmission(String(submission.id));
        deleted++;
      }
    } catch (error) {
      if (!(error instanceof NetlifyApiError)) throw error;
      fail(`Deleted ${deleted} of ${published.length} submissions at Netlify, then: ${error.message}`);
    }
    console.log(
      deleted === 0
        ? `Deleted no submission at Netlify: none of those it holds is in the comments files${thanksForm ? ` or ${thanksFile}` : ""}.`
        : `Deleted ${deleted} ${deleted === 1 ? "submission" : "submissions"} at Netlify, email addresses and all: ${deleted === 1 ? "its comment is" : "their comments are"} in the comments files${thanksForm ? ` or ${thanksFile}` : ""}.`,
    );
  }
} catch (error) {
  if (error instanceof NetlifyApiError || error instanceof ProjectFileError) fail(error.message);
  throw error;
}
