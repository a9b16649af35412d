// @ts-check
// The "/" key opens search in a dialog on any page. Pagefind's interface and index are
// fetched only then, so pages that nobody searches from never load them. Esc closes the
// dialog and the browser returns focus to where it was.

const form = document.querySelector("form.site-search");

/** Pagefind's folder, found from the form's action so that a path prefix is respected. */
const pagefindBase = form instanceof HTMLFormElement ? new URL("../pagefind/", form.action).pathname : "/pagefind/";

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
      // that leaves out the filters' data, which the dialog does not show (src/lib/search-index.ts),
      // and the search page's instance, which shows them, is left as it is.
      const config = document.createElement("pagefind-config");
      config.setAttribute("instance", "dialog");
      config.setAttribute("bundle-path", `${pagefindBase}dialog/`);
      const modal = document.createElement("pagefind-modal");
      modal.setAttribute("instance", "dialog");
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
  (await loadDialog()).open();
});
