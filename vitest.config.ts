import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Vitest leaves a core free by default: on two cores that is one test file at a time, while
    // most of a site test's time is a build or Chromium in another process.
    maxWorkers: 2,
    projects: [
      {
        // `npm run test:unit`: the modules under src/lib and the tools, with no site built.
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/helpers/remove-temporary-folders.ts"],
          // Encoding AVIF and drawing cards is real work: on a busy 2-core machine it outlasts 5 s.
          testTimeout: 30_000,
          // Some files set up with a build of Eleventy's configuration (the plugins table): as long.
          hookTimeout: 30_000,
        },
      },
      {
        // Built sites and Chromium. They share builds of the site, made once before they run.
        test: {
          name: "site",
          include: ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts"],
          globalSetup: ["tests/helpers/global-setup.ts"],
          setupFiles: ["tests/helpers/remove-temporary-folders.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What Chromium shows after a script has loaded (a search's results, a dialog's focus) can
          // take seconds on a busy 2-core machine: expect.poll waits up to 10 s, not its default 1 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
