import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { commentsFileText, readArticles } from "../../tools/comments-import/comment-files.ts";
import { planImport } from "../../tools/comments-import/import-plan.ts";
import { commentSubmission, submissionId } from "../helpers/netlify-api.ts";
import { buildSite, copyProject, temporaryDir } from "../helpers/project.ts";
import { readPage } from "../helpers/site.ts";

// The form's email field never reaches the site: submissions as Netlify's API gives them, email
// addresses and all, imported as `npm run comments:import` does and built.

// The day after the submissions were sent (17 January 2027): the build takes no comment dated more than a day after its clock.
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 0, 18) / 1000) };

/** Every file of a built site, pages, feeds, data, scripts and pictures alike. */
const builtFiles = (siteDir: string) =>
  readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)));

describe("comments imported from Netlify, with the email addresses the form took", () => {
  it("reach their pages, and no file of the site holds any of those addresses", async () => {
    const page = "/articles/building-community-learning-legacy/";
    const submissions = [
      commentSubmission({ n: 1, page, name: "Ada Obi", email: "ada.obi.private@example.org" }),
      commentSubmission({ n: 2, page, replyTo: submissionId(1) }),
      commentSubmission({ n: 3, page: "/", website: "https://visitor3.example" }),
    ];
    const projectDir = await copyProject();
    const plan = planImport({
      submissions,
      existing: new Map(),
      reviewed: new Map(),
      articles: await readArticles(projectDir),
    });
    expect(plan.imported).toHaveLength(3);
    mkdirSync(join(projectDir, "_data/comments"), { recursive: true });
    for (const [name, entries] of plan.files) {
      writeFileSync(join(projectDir, `_data/comments/${name}.json`), commentsFileText(entries));
    }
    const importedSite = await temporaryDir("imd-imported-comments-site-");
    await buildSite({ projectDir, outputDir: importedSite, env });

    expect(
      readPage(importedSite, page)
        .querySelectorAll(".comments__replies article.comment")
        .map((c) => c.id),
    ).toEqual([`comment-${submissionId(2)}`]);
    expect(readPage(importedSite, "/").querySelector(`#comment-${submissionId(3)}`)).not.toBeNull();
    const addresses = submissions.map((submission) => submission.email);
    expect(addresses).toContain("visitor2@example.org");
    const published = builtFiles(importedSite);
    expect(published).toContain("feed.json");
    for (const file of published) {
      const text = readFileSync(join(importedSite, file), "latin1");
      for (const address of addresses) expect(text.includes(address as string), `${address} in ${file}`).toBe(false);
    }
  });
});
