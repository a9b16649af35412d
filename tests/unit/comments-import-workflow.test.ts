import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/project.ts";

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  run?: string;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown; push?: { branches?: string[]; paths?: string[] } };
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const workflow = load(readFileSync(join(projectRoot, ".github/workflows/comments.yml"), "utf8"), {
  schema: CORE_SCHEMA,
}) as Workflow;
/** A GitHub Actions expression as the workflow writes it: `${{ … }}`. */
const expression = (inner: string) => `\${{ ${inner} }}`;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const importSteps = workflow.jobs.import?.steps ?? [];

describe(".github/workflows/comments.yml", () => {
  it("runs every hour and by hand, and after a push to main that changes the comments, the thanks, the events or the programmes", () => {
    expect(workflow.on.schedule).toHaveLength(1);
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^[0-5]?\d \* \* \* \*$/);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.on.push).toEqual({
      branches: ["main"],
      paths: ["_data/comments/**", "_data/thanks.json", "events/**", "programmes/**"],
    });
  });

  it("runs on the Node of .nvmrc, installed with npm ci", () => {
    for (const job of Object.values(workflow.jobs)) {
      const setup = job.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
      expect(setup?.with?.["node-version-file"]).toBe(".nvmrc");
      expect(job.steps.some((step) => step.run?.startsWith("npm ci"))).toBe(true);
    }
  });

  it("gives npm run comments:import the two Netlify secrets, and nothing else does get them", () => {
    const importing = steps.filter((step) => step.run?.includes("npm run --silent comments:import"));
    expect(importing.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) {
      const secrets = Object.values(step.env ?? {}).filter((value) => value.includes("secrets."));
      if (importing.includes(step)) {
        expect(step.env).toEqual({
          NETLIFY_AUTH_TOKEN: expression("secrets.NETLIFY_AUTH_TOKEN"),
          NETLIFY_SITE_ID: expression("secrets.NETLIFY_SITE_ID"),
        });
      } else {
        expect(secrets).toEqual([]);
      }
    }
  });

  it("deletes at Netlify only what main publishes: the import on the branch never deletes", () => {
    const onBranch = importSteps.find((step) => step.run?.includes("comments:import >"));
    expect(onBranch?.run).not.toContain("--delete");
    const deleting = steps.filter((step) => step.run?.includes("--delete"));
    expect(deleting.map((step) => step.run)).toEqual([
      "npm run --silent comments:import -- --delete-published",
      "npm run --silent comments:import -- --delete-published",
    ]);
    // The deletion on the hourly run comes before the switch to the pull request's branch.
    expect(importSteps.indexOf(deleting[0]!)).toBeLessThan(
      importSteps.findIndex((step) => step.run?.includes('git switch --quiet -c "$BRANCH"')),
    );
  });

  it("opens or updates one pull request, titled Comments awaiting approval, from a fixed branch", () => {
    const publish = importSteps.at(-1)?.run ?? "";
    expect(publish).toContain('gh pr create --base main --head "$BRANCH" --title "Comments awaiting approval"');
    expect(publish).toContain('gh pr list --head "$BRANCH" --base main --state open');
    expect(publish).not.toMatch(/push[^\n]*(--force|-f\b)/);
    expect(publish).toContain(
      "git add _data/comments _data/thanks.json events programmes tools/comments-import/reviewed.json",
    );
    expect(workflow.env.BRANCH).toBe("comments/awaiting-approval");
    expect(workflow.permissions).toEqual({ contents: "write", "pull-requests": "write" });
  });
});
