import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/project.ts";

const workflow = load(readFileSync(join(projectRoot, ".github/workflows/yearly-rebuild.yml"), "utf8")) as {
  on: { schedule: { cron: string }[] };
};

/** The days of January (1–31) a cron line of the form "minute hour days 1 *" runs on. */
function januaryDays(cron: string): number[] {
  const [, , days = "", month] = cron.split(" ");
  if (month !== "1") return [];
  return days.split(",").flatMap((part) => {
    const [from = 0, to = from] = part.split("-").map(Number);
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  });
}

describe(".github/workflows/yearly-rebuild.yml", () => {
  it("rebuilds the site every day of January, so past events leave /events/ on time, and on the 18th for the year", () => {
    const days = workflow.on.schedule.flatMap(({ cron }) => januaryDays(cron)).sort((a, b) => a - b);
    expect(days).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));
    expect(workflow.on.schedule.map(({ cron }) => cron)).toContain("0 1 18 1 *");
  });
});
