import { execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.ts";
import {
  buildSite,
  copyProject,
  fixtureArticle,
  projectRoot,
  siteFixtureDir,
  temporaryDir,
} from "../helpers/project.ts";
import { readPage } from "../helpers/site.ts";

// A corpus of pull requests, careless and hostile: for each, `npm run check:content` and the build
// both fail, list the same problems (file and field), and publish nothing.

const env = { SOURCE_DATE_EPOCH: "1796083200" };
const article = fixtureArticle("surgtime-telemedicine-mentoring.md");
const corpus = (name: string) => readFileSync(join(projectRoot, "tests/fixtures/invalid-articles", name), "utf8");
const withField = (field: string, value: string) =>
  article.replace(new RegExp(`^${field}: .*$`, "m"), `${field}: ${value}`);
const withBody = (body: string) => `${article.trimEnd()}\n\n${body}\n`;
/** The line of the file that `withBody`'s body starts on (after the fixture article and one empty line). */
const bodyLine = article.trimEnd().split("\n").length + 2;
const failure = (error: unknown) => error as { code: number; stdout: string; stderr: string };

/** The problem lines of a run's output, as a contributor reads them: `file: field: message`. */
function problemLines(output: string): string[] {
  return output
    .split("\n")
    .map((line) => line.replace(/^\[11ty\] /, ""))
    .filter((line) => /^(articles|static|_data)(\/\S*)?: /.test(line));
}

async function checkContent(projectDir: string) {
  return promisify(execFile)(process.execPath, ["src/cli/check-content.ts"], {
    cwd: projectDir,
    env: { ...process.env, ...env },
  }).then(() => ({ code: 0, stdout: "", stderr: "" }), failure);
}

interface Case {
  /** What the pull request does. */
  does: string;
  changes: Record<string, string | Buffer>;
  /** Symbolic links it adds (or puts in place of what is there): path → target. */
  links?: Record<string, string>;
  /** The problem lines both the check and the build must give, exactly. */
  problems: string[];
}

const cases: Case[] = [
  {
    does: "opens its front matter with ---js",
    changes: { "articles/runs-code.md": corpus("js-front-matter.md") },
    problems: [
      'articles/runs-code.md: front matter: expected the first line to be --- alone (front matter is YAML only), got "---js"',
    ],
  },
  {
    does: "nests an article in a sub-folder",
    changes: { "articles/sub/x.md": article },
    problems: [
      "articles/sub: expected articles directly in articles/, got a folder: move the file up into articles/",
      'articles/sub/x.md: expected an article, a Markdown file named like my-article.md, got "sub/x.md"',
    ],
  },
  {
    does: "adds a template that would take the home page's address",
    changes: { "articles/home.njk": "---\npermalink: /index.html\n---\nmine now" },
    problems: ['articles/home.njk: expected an article, a Markdown file named like my-article.md, got "home.njk"'],
  },
  {
    does: "adds a template data file that moves another article",
    changes: { "articles/scholarship-mentoring-stem.11tydata.json": '{ "permalink": "/index.html" }' },
    problems: [
      'articles/scholarship-mentoring-stem.11tydata.json: expected an article, a Markdown file named like my-article.md, got "scholarship-mentoring-stem.11tydata.json"',
    ],
  },
  {
    does: "changes the articles' own directory data",
    changes: { "articles/articles.11tydata.json": '{ "layout": "layouts/base.njk", "permalink": "/404.html" }' },
    problems: [
      "articles/articles.11tydata.json: is the project's own and must not change: it gives every article its layout",
    ],
  },
  {
    does: "links a picture to a file outside the project",
    changes: { "articles/linked.md": withField("title", "Linked").replace(/src: .*$/m, "src: /images/secret.png") },
    links: { "static/images/secret.png": "/etc/hostname" },
    problems: [
      "static/images/secret.png: expected a file, got a symbolic link: add the file itself",
      "articles/linked.md: image.src: expected a file at static/images/secret.png, got nothing",
    ],
  },
  {
    does: "climbs out of /images/ with a percent-encoded .. in its body, through folders named %2e%2e",
    changes: {
      "static/images/%2e%2e/%2e%2e/outside.png": readFileSync(join(projectRoot, "tests/fixtures/reference-card.png")),
      "articles/encoded.md": withBody("![A picture](/images/%2e%2e/%2e%2e/outside.png)"),
    },
    problems: [
      `articles/encoded.md: body (line ${bodyLine}): expected a picture from static/images/, written /images/…, got "/images/../../outside.png"`,
    ],
  },
  {
    does: "puts a link to another folder in place of articles/",
    changes: {},
    links: { articles: join(siteFixtureDir, "articles") },
    problems: ["articles: expected a folder, got a symbolic link: the folder itself must be in the project"],
  },
  {
    does: "names an article home, the home page's own name, to take its comments",
    changes: { "articles/home.md": article },
    problems: [
      'articles/home.md: file name: expected another name than "home", the home page\'s own (its comments are _data/comments/home.json)',
    ],
  },
  {
    does: "climbs out of /images/ with ..",
    changes: { "articles/climbs.md": article.replace(/src: .*$/m, "src: /images/../../package.png") },
    problems: [
      'articles/climbs.md: image.src: expected a path inside /images/ with no .. in it, got "/images/../../package.png"',
    ],
  },
  {
    does: "adds a Netlify _redirects file among the pictures",
    changes: { "static/images/_redirects": "/* https://evil.example/ 301!" },
    problems: [
      'static/images/_redirects: expected a picture named .svg, .png, .jpg, .webp or .avif, got "no extension"',
    ],
  },
  {
    does: "names a page that is not a picture .png",
    changes: { "static/images/page.png": "<html><script>alert(1)</script></html>" },
    problems: [
      "static/images/page.png: expected a PNG picture as its name says, got a file that is no picture the site can use",
    ],
  },
  {
    does: "dates an article 30 February, unquoted, and another month 13, quoted",
    changes: {
      "articles/thirtieth.md": withField("date", "2025-02-30"),
      "articles/thirteenth.md": withField("date", '"2025-13-01"'),
    },
    problems: [
      'articles/thirteenth.md: date: expected a date like 2027-01-17, got "2025-13-01"',
      'articles/thirtieth.md: date: expected a date like 2027-01-17, got "2025-02-30"',
    ],
  },
  {
    does: "shows a picture from another site, and one that is not there, in its body",
    changes: {
      "articles/pictures.md": withBody("![A pixel](https://tracker.example/p.png)\n\n![A chart](/images/chart.png)"),
    },
    problems: [
      `articles/pictures.md: body (line ${bodyLine}): expected a picture from static/images/, written /images/…, got "https://tracker.example/p.png"`,
      `articles/pictures.md: body (line ${bodyLine + 2}): expected a file at static/images/chart.png, got nothing`,
    ],
  },
  {
    does: "has a title with a character none of the cards' typefaces has",
    changes: { "articles/emoji.md": withField("title", '"Mentoring 😀 in winter"') },
    problems: [
      'articles/emoji.md: title: expected characters the social card\'s typefaces (Atkinson Hyperlegible Bold with Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans JP, KR and SC) can draw, got "😀" (U+1F600)',
    ],
  },
  {
    does: "adds comments for a page that does not exist",
    changes: { "_data/comments/nowhere.json": '[{ "id": "a1", "name": "A", "date": "2026-11-30", "text": "Hi" }]' },
    problems: [
      '_data/comments/nowhere.json: expected home.json or an article\'s file name with .json (like building-community-learning-legacy.json), got "nowhere.json", for which there is no page',
    ],
  },
];

/** `npm run check:content` and `npm run build` on a copy of the project with a pull request's files. */
async function checkAndBuild(changes: Case["changes"], links: Case["links"] = {}) {
  const projectDir = await copyProject(changes);
  for (const [path, target] of Object.entries(links)) {
    rmSync(join(projectDir, path), { recursive: true, force: true });
    symlinkSync(target, join(projectDir, path));
  }
  const checked = await checkContent(projectDir);
  const outputDir = await temporaryDir("imd-hostile-site-");
  const built = (await buildSite({ projectDir, outputDir, env }).then(() => undefined, failure)) ?? {
    code: 0,
    stdout: "",
    stderr: "",
  };
  return { projectDir, outputDir, checked, built };
}

/** What a failed run must hold besides its problem lines: no stack trace, nothing published, no code run. */
function expectRefused({ projectDir, outputDir, checked, built }: Awaited<ReturnType<typeof checkAndBuild>>) {
  expect(checked.code).toBe(1);
  expect(built.code).toBe(1);
  expect(built.stderr).not.toMatch(/^\s+at |\(via \w+\)/m);
  expect(readdirSync(outputDir)).toEqual([]);
  expect(existsSync(join(projectDir, "front-matter-ran.txt"))).toBe(false);
}

describe("a hostile or careless pull request", () => {
  // Cases that add different files are also one pull request together: one check and one build
  // for them all (a build is seconds), in which each case's lines must be found, and only they.
  const together = cases.filter((pullRequest) => !pullRequest.links);
  let all: ReturnType<typeof checkAndBuild>;
  beforeAll(() => {
    all = checkAndBuild(Object.assign({}, ...together.map((pullRequest) => pullRequest.changes)));
  });

  it("of all of the cases below at once fails the check and the build with the same lines, each once, and publishes nothing", async () => {
    const run = await all;
    expectRefused(run);
    const expected = together.flatMap((pullRequest) => pullRequest.problems).sort();
    expect(problemLines(run.checked.stderr).sort()).toEqual(expected);
    expect(problemLines(run.built.stderr).sort()).toEqual(expected);
  });

  for (const { does, changes, problems } of together) {
    it(`that ${does} fails the check and the build, which name its files`, async () => {
      const run = await all;
      // The lines about this case's files: a file it adds, or a folder it adds one in.
      const ours = (line: string) => {
        const file = line.slice(0, line.indexOf(": "));
        return Object.keys(changes).some((path) => path === file || path.startsWith(`${file}/`));
      };
      expect(problemLines(run.checked.stderr).filter(ours).sort()).toEqual([...problems].sort());
      expect(problemLines(run.built.stderr).filter(ours).sort()).toEqual([...problems].sort());
    });
  }

  for (const { does, changes, links, problems } of cases.filter((pullRequest) => pullRequest.links)) {
    it(`that ${does} fails the check and the build alike, and publishes nothing`, async () => {
      const run = await checkAndBuild(changes, links);
      expectRefused(run);
      expect(problemLines(run.checked.stderr).sort()).toEqual([...problems].sort());
      expect(problemLines(run.built.stderr).sort()).toEqual([...problems].sort());
    });
  }
});

describe("front matter that asks for JavaScript", () => {
  it("is refused by npm start too, and its code never runs: the file it would write stays absent", async () => {
    const projectDir = await copyProject({ "articles/runs-code.md": corpus("js-front-matter.md") });
    const server = spawn(
      process.execPath,
      // npm start's own command.
      ["src/cli/start.ts", `--port=${await freePort()}`],
      { cwd: projectDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
    );
    let output = "";
    const seen = new Promise<void>((resolve) => {
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("articles/runs-code.md")) resolve();
      };
      server.stdout.on("data", listen);
      server.stderr.on("data", listen);
      setTimeout(resolve, 30_000);
    });
    await seen;
    server.kill("SIGKILL");
    expect(output).toContain("articles/runs-code.md: front matter: expected the first line to be --- alone");
    expect(existsSync(join(projectDir, "front-matter-ran.txt"))).toBe(false);
  });
});

describe("a pull request that may build", () => {
  it("adds an article named constructor: it has its own page and no one else's comments", async () => {
    const projectDir = await copyProject({
      "articles/constructor.md": withField("title", "Constructing a mentoring programme"),
    });
    const outputDir = await temporaryDir("imd-constructor-site-");
    await buildSite({ projectDir, outputDir, env });
    const page = readPage(outputDir, "/articles/constructor/");
    expect(page.querySelector("h1")?.textContent).toBe("Constructing a mentoring programme");
    expect(page.querySelectorAll(".comments__list > li")).toHaveLength(0);
  });

  it("adds an untouched scaffold: a draft, so nothing of it is published", async () => {
    const projectDir = await copyProject();
    await promisify(execFile)(process.execPath, ["src/cli/new-article.ts", "Peer mentoring in nursing"], {
      cwd: projectDir,
    });
    expect(readFileSync(join(projectDir, "articles/peer-mentoring-in-nursing.md"), "utf8")).toMatch(/^draft: true$/m);
    expect((await checkContent(projectDir)).code).toBe(0);
    const outputDir = await temporaryDir("imd-scaffold-site-");
    await buildSite({ projectDir, outputDir, env });
    expect(existsSync(join(outputDir, "articles/peer-mentoring-in-nursing"))).toBe(false);
    expect(readFileSync(join(outputDir, "sitemap.xml"), "utf8")).not.toContain("peer-mentoring-in-nursing");
  });
});
