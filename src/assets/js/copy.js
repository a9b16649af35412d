// @ts-check
// Progressive enhancement for the toolkit's posts: a Copy button for each. Without this
// script the buttons stay hidden and the posts can be selected and copied by hand. What it says
// is the page's: the status element's data-copied and data-copy-failed, in the site's language.

const status = document.querySelector(/** @type {"p"} */ (".copy-status"));
/** @param {string} message */
const announce = (message) => {
  if (status) status.textContent = message;
};

if (navigator.clipboard) {
  for (const button of document.querySelectorAll(/** @type {"button"} */ ("button[data-copy]"))) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const post = document.getElementById(button.dataset.copy ?? "");
      try {
        await navigator.clipboard.writeText((post?.textContent ?? "").replace(/\s+/g, " ").trim());
        announce(status?.dataset.copied ?? "");
      } catch {
        announce(status?.dataset.copyFailed ?? "");
      }
    });
  }
}
