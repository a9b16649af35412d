// @ts-check
// The "/" key opens search in a dialog on any page but the search page, where it goes to the
// page's own box. Pagefind's interface and index are fetched only then, so pages that nobody
// searches from never load them. Esc closes the dialog and the browser returns focus to where it was.

const form = document.querySelector("form.site-search");

/** Pagefind's folder, found from the form's action so that a path prefix is respected. */
const pagefindBase = form instanceof HTMLFormElement ? new URL("../pagefind/", form.action).pathname : "/pagefind/";

/**
 * Pagefind's result, as its own template draws it, with the language of the article's words
 * (lang, dir: Pagefind metadata from the article's title) on the title and the excerpt, and the
 * site's excerpts, which wrap (Pagefind's keep to one line, where a phone cut off the word found).
 * A data block, never run.
 */
const resultTemplate = `<li class="pf-result">
  <div class="pf-result-card">
    <div class="pf-result-content">
      <p class="pf-result-title"{{#if meta.lang}} lang="{{ meta.lang }}"{{/if}}{{#if meta.dir}} dir="{{ meta.dir }}"{{/if}}><a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></p>
      {{#if excerpt}}<p class="search-result__excerpt"{{#if meta.lang}} lang="{{ meta.lang }}"{{/if}}{{#if meta.dir}} dir="{{ meta.dir }}"{{/if}}>{{+ excerpt +}}</p>{{/if}}
    </div>
  </div>
  {{#if sub_results}}
  <ul class="pf-heading-chips">
    {{#each sub_results as sub}}
    <li class="pf-heading-chip"{{#if meta.lang}} lang="{{ meta.lang }}"{{/if}}{{#if meta.dir}} dir="{{ meta.dir }}"{{/if}}>
      <a class="pf-heading-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a>
      <p class="search-result__excerpt search-result__excerpt--heading">{{+ sub.excerpt +}}</p>
    </li>
    {{/each}}
  </ul>
  {{/if}}
</li>`;

/**
 * @param {string} name
 * @param {Node[]} children
 */
function dialogPart(name, ...children) {
  const element = document.createElement(name);
  if (name.startsWith("pagefind-") && !name.startsWith("pagefind-modal-")) element.setAttribute("instance", "dialog");
  element.append(...children);
  return element;
}

/** Pagefind's modal as it draws itself, but with the result template above. */
function dialogModal() {
  const template = Object.assign(document.createElement("script"), {
    type: "text/pagefind-template",
    text: resultTemplate,
  });
  return dialogPart(
    "pagefind-modal",
    dialogPart("pagefind-modal-header", dialogPart("pagefind-input")),
    dialogPart("pagefind-modal-body", dialogPart("pagefind-summary"), dialogPart("pagefind-results", template)),
    dialogPart("pagefind-modal-footer", dialogPart("pagefind-keyboard-hints")),
  );
}

/** @type {Promise<HTMLElement & { open(): void }> | undefined} */
let dialog;

function loadDialog() {
  dialog ??= new Promise((resolve, reject) => {
    const stylesheet = Object.assign(document.createElement("link"), {
      rel: "stylesheet",
      href: `${pagefindBase}pagefind-component-ui.css`,
    });
    const script = Object.assign(document.createElement("script"), { src: `${pagefindBase}pagefind-component-ui.js` });
    script.addEventListener("error", () => reject(new Error("Search could not be loaded")));
    script.addEventListener("load", async () => {
      // A script added from here has no document.currentScript for Pagefind to find its folder
      // from, so it is told; Pagefind then also puts the path prefix in front of each result.
      // The dialog has an instance of its own, which loads Pagefind through dialog/pagefind.js:
      // that leaves out the filters' data, which the dialog does not show (src/lib/publishing/search-index-files.ts),
      // and the search page's instance, which shows them, is left as it is.
      const config = document.createElement("pagefind-config");
      config.setAttribute("instance", "dialog");
      config.setAttribute("bundle-path", `${pagefindBase}dialog/`);
      const modal = dialogModal();
      document.body.append(config, modal);
      await customElements.whenDefined("pagefind-modal");
      resolve(/** @type {HTMLElement & { open(): void }} */ (modal));
    });
    document.head.append(stylesheet, script);
  });
  return dialog;
}

/** @param {EventTarget | null} target */
function isTyping(target) {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

document.addEventListener("keydown", async (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  event.preventDefault();
  // The search page's box is the one search box there: "/" goes to it, and opens no dialog beside it.
  const ownBox = document.querySelector(".search-page input");
  if (ownBox instanceof HTMLInputElement) ownBox.focus();
  else (await loadDialog()).open();
});
