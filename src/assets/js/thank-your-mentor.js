// @ts-check
// /thank-your-mentor/: draws the card on a canvas as the visitor types (laid out by
// thanks-card.js, the module the build draws the wall's cards with), and saves or shares it as a
// PNG. Everything happens here: nothing typed is sent anywhere unless the visitor submits the
// form. Without this script the preview stays hidden, and the page says what it would do.

/** @typedef {import("./shared/thanks-card.js").CardFormat} CardFormat */
/** @typedef {import("./shared/thanks-card.js").CardDesign} CardDesign */
/** @typedef {import("./shared/thanks-card.js").CardLayout} CardLayout */

const form = /** @type {HTMLFormElement | null} */ (document.querySelector("form[data-thanks-maker]"));
const layoutModule = /** @type {HTMLLinkElement | null} */ (document.querySelector("link[data-thanks-card]"));
const markLink = /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel="icon"]'));

if (form && layoutModule) void start(form, layoutModule.href);

/** @param {HTMLFormElement} form @param {string} moduleUrl */
async function start(form, moduleUrl) {
  // The layout module is published under a fingerprinted name, which the page's <link> knows.
  const card = /** @type {typeof import("./shared/thanks-card.js")} */ (await import(moduleUrl));
  /** The card's words in each language it may speak, the site's first (src/lib/words/card-languages.ts). */
  const languages =
    /** @type {{ site: string, words: Record<string, import("./shared/thanks-card.js").CardWords> }} */ (
      JSON.parse(form.dataset.cardLanguages ?? "{}")
    );
  const palette = JSON.parse(form.dataset.palette ?? "{}");
  const status = JSON.parse(form.dataset.status ?? "{}");
  const preview = /** @type {HTMLElement} */ (form.querySelector(".thanks-preview"));
  const canvas = /** @type {HTMLCanvasElement} */ (form.querySelector(".thanks-preview__canvas"));
  const statusLine = /** @type {HTMLElement} */ (form.querySelector(".thanks-preview__status"));
  const count = /** @type {HTMLElement} */ (form.querySelector(".thanks-maker__count"));
  const shareButton = /** @type {HTMLButtonElement} */ (form.querySelector("button[data-share]"));
  const field = (/** @type {string} */ name) =>
    /** @type {HTMLInputElement | HTMLTextAreaElement} */ (form.elements.namedItem(name));

  const mark = new Image();
  mark.src = markLink?.href ?? "/favicon.svg";
  await mark.decode().catch(() => undefined);

  /** @returns {import("./shared/thanks-card.js").CardText} */
  const typed = () => ({ mentor: field("mentor").value, message: field("message").value, name: field("name").value });
  /** The words of the card being made: in the language chosen, or the one its words say (card-language.js). */
  const cardWords = () => {
    const lang = field("lang")?.value || undefined;
    const tag = card.cardLanguage({ ...typed(), lang }, Object.keys(languages.words), languages.site);
    return (
      languages.words[tag] ??
      /** @type {import("./shared/thanks-card.js").CardWords} */ (languages.words[languages.site])
    );
  };
  const chosenDesign = () =>
    /** @type {CardDesign} */ (
      /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="design"]:checked'))?.value ?? "teal"
    );

  /**
   * Lays the card out and draws it on `target`: canvas measures with the fonts it will draw with.
   * @param {HTMLCanvasElement} target @param {CardFormat} format
   */
  const drawOn = (target, format) => {
    const context = /** @type {CanvasRenderingContext2D} */ (target.getContext("2d"));
    /** @type {import("./shared/thanks-card.js").Measure} */
    const measure = (text, size, weight, paragraph) => {
      context.font = card.canvasFont(size, weight, paragraph);
      context.direction = card.paragraphDirection(paragraph);
      return context.measureText(text).width;
    };
    const layout = card.cardLayout(typed(), chosenDesign(), format, cardWords(), palette, measure);
    target.width = layout.width;
    target.height = layout.height;
    draw(context, layout, mark, card.canvasFont);
    return layout;
  };

  // The fonts' slices load as the canvas first asks for their characters: drawn again once they are in.
  const fontsLoaded = () => document.fonts.ready.then(() => undefined);
  const say = (/** @type {string} */ message) => {
    if (statusLine.textContent !== message) statusLine.textContent = message;
  };
  // Until there are words, the preview is named as the page names it ("Your card").
  const emptyLabel = canvas.getAttribute("aria-label") ?? "";
  let queued = false;
  const update = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const layout = drawOn(canvas, "square");
      // The text alternative says what the card shows: a message it shortened ends in "…" there too.
      canvas.setAttribute("aria-label", card.hasWords(typed()) ? card.cardAlt(layout.shown, cardWords()) : emptyLabel);
      const left = card.messageMaxLength - Array.from(field("message").value).length;
      count.textContent = card.fillIn(form.dataset.charactersLeft ?? "", { count: String(left) });
      if (layout.shortened) say(status.shortened);
      else if (statusLine.textContent === status.shortened) say("");
    });
  };
  form.addEventListener("input", update);
  document.fonts.addEventListener("loadingdone", update);
  preview.hidden = false;
  update();

  /** A PNG of the card in `format`, drawn once every font it needs has loaded. @param {CardFormat} format */
  const png = async (format) => {
    const target = document.createElement("canvas");
    drawOn(target, format);
    await fontsLoaded();
    drawOn(target, format);
    return new Promise((resolve, reject) =>
      target.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(status.cannotDraw))), "image/png"),
    );
  };
  /** @param {CardFormat} format */
  const fileName = (format) => {
    const { width, height } = card.cardFormats[format];
    return `${form.dataset.fileName}-${width}x${height}.png`;
  };
  /** Whether there is a card to give: else the status says what is missing, and the first empty field is focused. */
  const ready = () => {
    if (card.hasWords(typed())) return true;
    say(status.needWords);
    const empty = ["mentor", "message"].map(field).find((input) => !card.saysSomething(input.value));
    empty?.focus();
    return false;
  };

  for (const button of form.querySelectorAll(/** @type {"button"} */ ("button[data-download]"))) {
    button.addEventListener("click", async () => {
      const format = /** @type {CardFormat} */ (button.dataset.download);
      if (!ready()) return;
      say(status.drawing);
      try {
        const blob = await png(format);
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName(format);
        link.hidden = true;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        say(card.fillIn(status.saved, { file: link.download }));
      } catch {
        say(status.cannotDraw);
      }
    });
  }

  // Share only where the browser can hand a picture to an app (phones, mostly).
  const probe = new File([new Uint8Array(0)], "card.png", { type: "image/png" });
  if (navigator.canShare?.({ files: [probe] })) {
    shareButton.hidden = false;
    shareButton.addEventListener("click", async () => {
      if (!ready()) return;
      try {
        const file = new File([await png("square")], fileName("square"), { type: "image/png" });
        await navigator.share({ files: [file], title: card.fillIn(form.dataset.shareTitle ?? "", typed()) });
        say(status.shared);
      } catch (error) {
        say(error instanceof DOMException && error.name === "AbortError" ? status.shareCancelled : status.cannotDraw);
      }
    });
  }
}

/**
 * The layout's shapes on a canvas, in order.
 * @param {CanvasRenderingContext2D} context @param {CardLayout} layout @param {HTMLImageElement} mark
 * @param {typeof import("./shared/thanks-card.js").canvasFont} canvasFont
 */
function draw(context, layout, mark, canvasFont) {
  context.clearRect(0, 0, layout.width, layout.height);
  for (const shape of layout.shapes) {
    if (shape.kind === "rect") {
      context.fillStyle = shape.fill;
      context.fillRect(shape.x, shape.y, shape.width, shape.height);
    } else if (shape.kind === "circle") {
      context.fillStyle = shape.fill;
      context.beginPath();
      context.arc(shape.cx, shape.cy, shape.r, 0, 2 * Math.PI);
      context.fill();
    } else if (shape.kind === "mark") {
      if (mark.complete && mark.naturalWidth > 0) context.drawImage(mark, shape.x, shape.y, shape.size, shape.size);
    } else {
      context.save();
      if (shape.clipped) {
        context.beginPath();
        context.rect(layout.clip.x, layout.clip.y, layout.clip.width, layout.clip.height);
        context.clip();
      }
      context.font = canvasFont(shape.size, shape.weight, shape.paragraph);
      context.direction = shape.direction;
      context.textAlign = "left";
      context.textBaseline = "alphabetic";
      context.fillStyle = shape.fill;
      context.fillText(shape.text, shape.x, shape.y);
      context.restore();
    }
  }
}
