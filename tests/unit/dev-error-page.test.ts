import { describe, expect, it } from "vitest";
import en from "../../_data/locales/en.ts";
import { devErrorPage, isPageAddress } from "../../src/lib/build/dev-error-page.ts";
import { ContentError } from "../../src/lib/content/check.ts";
import es from "../fixtures/locale-es.ts";

const problem = { file: "articles/a.md", field: "title", message: "expected a title as text, got 42 <b>" };

describe("devErrorPage", () => {
  it("lists every problem of the content, escaped, under a heading that counts them", () => {
    const page = devErrorPage(new ContentError([problem]), { language: "en-GB", words: en.devErrors });
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain("<h1>The content has 1 problem; nothing was written.</h1>");
    expect(page).toContain("<li>articles/a.md: title: expected a title as text, got 42 &lt;b&gt;</li>");
    expect(page).toContain("<p>Fix the file and save it: the page comes back by itself.</p>");
  });

  it("shows another failure's messages, its causes' included, without a stack", () => {
    const error = new Error("Having trouble rendering njk", { cause: new Error("words is undefined") });
    const page = devErrorPage(error, { language: "en", words: en.devErrors });
    expect(page).toContain("<h1>The build failed.</h1>");
    expect(page).toContain("<li>Having trouble rendering njk</li>\n<li>words is undefined</li>");
    expect(page).not.toMatch(/^\s*at /m);
  });

  it("speaks the site's language", () => {
    const page = devErrorPage(new ContentError([problem, problem]), { language: "es-ES", words: es.devErrors });
    expect(page).toContain('<html lang="es-ES">');
    expect(page).toContain("<h1>El contenido tiene 2 problemas; no se ha escrito nada.</h1>");
    expect(page).toContain("<p>Corrige el archivo y guárdalo: la página vuelve sola.</p>");
  });
});

describe("isPageAddress", () => {
  it("is true of a page's address, whether it ends in a slash, in .html or in neither", () => {
    for (const page of ["/", "/articles/", "/articles/a/", "/404.html", "/thank-your-mentor"]) {
      expect(isPageAddress(page), page).toBe(true);
    }
  });

  it("is false of a stylesheet, a script, a picture or a feed, which are served as they are", () => {
    for (const file of ["/assets/css/site.0123456789.css", "/assets/js/share.js", "/img/a-1-400.avif", "/feed.xml"]) {
      expect(isPageAddress(file), file).toBe(false);
    }
  });
});
