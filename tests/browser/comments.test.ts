import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeSettings, axeViolations } from "../helpers/axe.ts";
import { serveSite, watchedPage } from "../helpers/browser.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { projectRoot } from "../helpers/project.ts";

// Replying to a comment in Chromium, on an article with a thread (tests/fixtures/comments-thread.json),
// in the global setup's site with comments.

const threadJson = readFileSync(join(projectRoot, "tests/fixtures/comments-thread.json"), "utf8");
const thread = JSON.parse(threadJson) as { id: string; name: string }[];
const [ama, ben, chidi] = thread;
const articlePath = "/articles/storytelling-humanism-mentoring/";

let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchChromium(), serveSite(inject("commentsSiteDir"))]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What the form says about the comment it answers, as a visitor and the browser see it. */
const formState = (page: Page) =>
  page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form.comment-form")!;
    const replying = form.querySelector<HTMLElement>(".comment-form__replying")!;
    return {
      replyTo: (form.elements.namedItem("reply-to") as HTMLInputElement).value,
      shown: replying.checkVisibility() ? (replying.textContent ?? "").replace(/\s+/g, " ").trim() : "",
      focused: document.activeElement?.id,
      describedBy: document.getElementById("new-comment-text")?.getAttribute("aria-describedby"),
    };
  });

describe("Reply, with scripts", () => {
  it("makes the form an answer to the comment: its id in reply-to, 'Replying to NAME', focus in the comment", async () => {
    const { page, problems, close } = await watchedPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(site.origin + articlePath);
    const reply = page.locator(`#comment-${ben!.id} button.comment__reply`);
    expect(await reply.isVisible()).toBe(true);
    expect(await reply.textContent()).toBe("Reply to Ben Carter");
    const before = await formState(page);
    expect(before).toMatchObject({ replyTo: "", shown: "", describedBy: "new-comment-note" });
    expect(before.focused).not.toBe("new-comment-text");
    await reply.click();
    expect(await formState(page)).toEqual({
      replyTo: ben!.id,
      shown: "Replying to Ben Carter Cancel reply",
      focused: "new-comment-text",
      describedBy: "reply-status new-comment-note",
    });
    // The textarea, where focus went, is on screen.
    expect(await page.locator("#new-comment-text").isVisible()).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], failedRequests: [] });
    await close();
  });

  it("answers the last comment chosen, and shows a name with markup in it as text", async () => {
    const { page, close } = await watchedPage(browser);
    await page.goto(site.origin + articlePath);
    await page.locator(`#comment-${ama!.id} button.comment__reply`).click();
    await page.locator(`#comment-${chidi!.id} button.comment__reply`).click();
    const state = await formState(page);
    expect(state.replyTo).toBe(chidi!.id);
    expect(state.shown).toBe(`Replying to ${chidi!.name} Cancel reply`);
    expect(await page.locator(".comment-form__replying script").count()).toBe(0);
    await close();
  });

  it("Cancel reply makes it a new comment again, and keeps focus in the form", async () => {
    const { page, close } = await watchedPage(browser);
    await page.goto(site.origin + articlePath);
    await page.locator(`#comment-${ama!.id} button.comment__reply`).click();
    await page.locator("#new-comment-text").fill("Thank you, Ama.");
    await page.locator("button.comment-form__cancel").click();
    expect(await formState(page)).toEqual({
      replyTo: "",
      shown: "",
      focused: "new-comment-text",
      describedBy: "new-comment-note",
    });
    expect(await page.locator("#new-comment-text").inputValue()).toBe("Thank you, Ama.");
    await close();
  });

  it("a permalink leads to its comment", async () => {
    const { page, close } = await watchedPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(site.origin + articlePath);
    await page.locator(`#comment-${chidi!.id} a.comment__permalink`).click();
    expect(new URL(page.url()).hash).toBe(`#comment-${chidi!.id}`);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(`comment-${chidi!.id}`);
    await page.waitForFunction(() => {
      const box = document.querySelector(":target")!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    await close();
  });
});

describe("without scripts", () => {
  it("there is no Reply, and the form has its fields, reply-to empty", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.origin + articlePath);
    expect(await page.locator("article.comment").count()).toBe(thread.length);
    expect(await page.locator("button.comment__reply").count()).toBe(thread.length);
    for (const button of await page.locator("button.comment__reply, .comment-form__replying").all())
      expect(await button.isVisible()).toBe(false);
    expect(await page.getByText("Reply", { exact: true }).count()).toBe(0);
    for (const field of ["#new-comment-text", "#new-comment-name", "#new-comment-email", "#new-comment-website"])
      expect(await page.locator(field).isVisible(), field).toBe(true);
    expect(await page.locator('form.comment-form input[name="reply-to"]').inputValue()).toBe("");
    expect(await page.locator('form.comment-form button[type="submit"]').isVisible()).toBe(true);
    await context.close();
  });
});

describe.each(axeSettings)("WCAG 2.2 A and AA on a thread, $colorScheme at $width px", ({ colorScheme, width }) => {
  // axe is injected as a script of its own, which the CSP rightly refuses: bypassed here alone.
  const open = async () => {
    const watched = await watchedPage(browser, { bypassCSP: true, colorScheme, viewport: { width, height: 800 } });
    await watched.page.goto(site.origin + articlePath);
    return watched;
  };

  it("finds no violation on the page", async () => {
    const { page, close } = await open();
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it("finds no violation while replying", async () => {
    const { page, close } = await open();
    await page.locator(`#comment-${ben!.id} button.comment__reply`).click();
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });
});
