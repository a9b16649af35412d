// @ts-check
// Progressive enhancement for "Share this article": every share link works without
// this script; it only adds what needs one (copy link, the device's share sheet,
// a Mastodon server of the visitor's choosing). What it says is the page's: the status element
// carries it (data-copied, data-copy-failed, data-bad-server), in the site's language.

/** @param {HTMLElement} section @param {"copied" | "copyFailed" | "badServer"} message */
function announce(section, message) {
  const status = section.querySelector(/** @type {"p"} */ (".share__status"));
  if (status) status.textContent = status.dataset[message] ?? "";
}

for (const section of document.querySelectorAll(/** @type {"section"} */ ("section.share"))) {
  const reveal = (/** @type {string} */ need) => {
    for (const item of section.querySelectorAll(`[data-needs="${need}"]`)) item.removeAttribute("hidden");
  };

  if (navigator.clipboard) reveal("clipboard");
  if (typeof navigator.share === "function") reveal("share");

  section.querySelector(".copy-link")?.addEventListener("click", async (event) => {
    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
    try {
      await navigator.clipboard.writeText(button.dataset.url ?? location.href);
      announce(section, "copied");
    } catch {
      announce(section, "copyFailed");
    }
  });

  section.querySelector(".native-share")?.addEventListener("click", async (event) => {
    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
    try {
      await navigator.share({ title: button.dataset.title, url: button.dataset.url });
    } catch {
      // The visitor closed the share sheet: nothing to report.
    }
  });

  const mastodonForm = section.querySelector(/** @type {"form"} */ (".mastodon-form"));
  if (mastodonForm) {
    mastodonForm.hidden = false;
    mastodonForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const input = /** @type {HTMLInputElement} */ (mastodonForm.elements.namedItem("server"));
      // The same rule as mastodonShareUrl in src/lib/publishing/share-links.ts, which makes the server links:
      // the browser gets plain files, with no bundler to share that module with it.
      const host = input.value
        .trim()
        .replace(/^https?:\/\//, "")
        .replace(/\/+$/, "")
        .toLowerCase();
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) {
        announce(section, "badServer");
        input.focus();
        return;
      }
      const text = encodeURIComponent(mastodonForm.dataset.shareText ?? "");
      window.open(`https://${host}/share?text=${text}`, "_blank", "noopener");
    });
  }
}
