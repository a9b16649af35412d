// @ts-check
// Progressive enhancement for "Share this article": every share link works without
// this script; it only adds what needs one (copy link, the device's share sheet,
// a Mastodon server of the visitor's choosing).

/** @param {HTMLElement} section @param {string} message */
function announce(section, message) {
  const status = section.querySelector(".share__status");
  if (status) status.textContent = message;
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
      announce(section, "Link copied.");
    } catch {
      announce(section, "Could not copy the link. Copy it from the address bar instead.");
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
      // The same rule as mastodonShareUrl in src/lib/share-links.ts, which makes the server links:
      // the browser gets plain files, with no bundler to share that module with it.
      const host = input.value
        .trim()
        .replace(/^https?:\/\//, "")
        .replace(/\/+$/, "")
        .toLowerCase();
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) {
        announce(section, "Enter your Mastodon server's name, like mastodon.social.");
        input.focus();
        return;
      }
      const text = encodeURIComponent(mastodonForm.dataset.shareText ?? "");
      window.open(`https://${host}/share?text=${text}`, "_blank", "noopener");
    });
  }
}
