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
