// @ts-check
// /search/?q=word (the header's form, with or without scripts) opens with its results.

/** @typedef {{ getInstanceManager(): { getInstance(name: string): { triggerSearch(term: string): void } } }} PagefindComponents */

const query = new URLSearchParams(location.search).get("q")?.trim();

if (query) {
  customElements.whenDefined("pagefind-input").then(() => {
    const input = document.querySelector("pagefind-input input");
    if (input instanceof HTMLInputElement) input.value = query;
    const { PagefindComponents } = /** @type {{ PagefindComponents?: PagefindComponents }} */ (
      /** @type {unknown} */ (window)
    );
    PagefindComponents?.getInstanceManager().getInstance("default").triggerSearch(query);
  });
}

// Pagefind's topic filter is a button with role="combobox", and a combobox takes no name from
// its text: screen readers would announce an unnamed combobox. It is named after the label the
// page gives the filter, once Pagefind has drawn it.
customElements.whenDefined("pagefind-filter-dropdown").then(() => {
  const nameTriggers = () => {
    for (const dropdown of document.querySelectorAll("pagefind-filter-dropdown[label]")) {
      const trigger = dropdown.querySelector(".pf-dropdown-trigger");
      if (trigger && !trigger.hasAttribute("aria-label"))
        trigger.setAttribute("aria-label", dropdown.getAttribute("label") ?? "");
    }
  };
  nameTriggers();
  new MutationObserver(nameTriggers).observe(document.querySelector(".search-page") ?? document.body, {
    childList: true,
    subtree: true,
  });
});
