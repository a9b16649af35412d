// @ts-check
// Filling the `{name}` placeholders of the interface's words, in the browser (the thank-you card
// maker) and in the build (every page's words, the cards) alike. A placeholder without a value
// is an error, never shown to a visitor as `{name}`.

/**
 * `pattern` with each `{name}` replaced by its value; `text` turns the words around the
 * placeholders into what is written (escaped as HTML, for words with links in them).
 * @param {string} pattern
 * @param {Readonly<Record<string, string | number>>} values
 * @param {(words: string) => string} [text]
 * @returns {string}
 */
export function fillIn(pattern, values, text = (words) => words) {
  return pattern
    .split(/(\{\w+\})/)
    .map((part, index) => {
      // split puts each placeholder it matched at an odd index, the words between at the even ones.
      if (index % 2 === 0) return text(part);
      const name = part.slice(1, -1);
      if (!Object.hasOwn(values, name)) throw new Error(`expected a value for ${part} in "${pattern}", got none`);
      return String(values[name]);
    })
    .join("");
}
