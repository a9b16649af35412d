import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Problem } from "./check.ts";

// A contributor's SVG must be a drawing and nothing more: shapes, paths, gradients,
// patterns, clips, masks, markers and filters, which refer only to parts of the drawing itself.
// Anything that runs (scripts, event handlers), shows another document (foreignObject, links,
// embedded pictures, animation that can change them) or reads another file or address (href,
// CSS url() and @import, entities, style sheets) is refused with a message that says what it
// found, so that a contributor can export the drawing again without it. The build publishes an
// SVG only as pictures sharp drew of it, read from its bytes; this check is what keeps a drawing
// program's output the only kind of SVG the project takes.

const svgNamespace = "http://www.w3.org/2000/svg";

/** The elements of a drawing, by their name in the SVG namespace. */
/** Text in a picture: drawn by whatever fonts the build machine has, so refused (outlines are not). */
const textElements = new Set(["text", "tspan", "textPath"]);

const drawingElements = new Set([
  "svg",
  "g",
  "defs",
  "symbol",
  "use",
  "switch",
  "title",
  "desc",
  "metadata",
  "style",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "linearGradient",
  "radialGradient",
  "stop",
  "pattern",
  "clipPath",
  "mask",
  "marker",
  "filter",
  ...[
    "Blend",
    "ColorMatrix",
    "ComponentTransfer",
    "Composite",
    "ConvolveMatrix",
    "DiffuseLighting",
    "DisplacementMap",
    "DistantLight",
    "DropShadow",
    "Flood",
    "FuncA",
    "FuncB",
    "FuncG",
    "FuncR",
    "GaussianBlur",
    "Image",
    "Merge",
    "MergeNode",
    "Morphology",
    "Offset",
    "PointLight",
    "SpecularLighting",
    "SpotLight",
    "Tile",
    "Turbulence",
  ].map((primitive) => `fe${primitive}`),
]);

/**
 * What drawing programs keep of their own in an SVG (layers, guides, licence): no renderer
 * draws or loads any of it, so it may stay.
 */
const editorNamespaces = new Set([
  "http://www.inkscape.org/namespaces/inkscape",
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://creativecommons.org/ns#",
  "http://web.resource.org/cc/",
  "http://purl.org/dc/elements/1.1/",
  "http://ns.adobe.com/AdobeIllustrator/10.0/",
  "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
  "http://ns.adobe.com/Graphs/1.0/",
  "http://ns.adobe.com/Variables/1.0/",
  "http://ns.adobe.com/SaveForWeb/1.0/",
  "http://ns.adobe.com/Extensibility/1.0/",
  "http://ns.adobe.com/Flows/1.0/",
  "http://ns.adobe.com/ImageReplacement/1.0/",
  "http://ns.adobe.com/GenericCustomNamespace/1.0/",
  "http://ns.adobe.com/XPath/1.0/",
  "http://www.bohemiancoding.com/sketch/ns",
  "http://www.serif.com/",
]);

/** The doctype that older drawing programs write: a public name, no entities. */
const standardDoctype =
  /^<!DOCTYPE\s+svg\s+PUBLIC\s+"-\/\/W3C\/\/DTD SVG 1\.[01]( Tiny| Basic)?\/\/EN"\s+"http:\/\/www\.w3\.org\/(Graphics\/SVG\/1\.1\/DTD\/svg11(-tiny|-basic)?|TR\/2001\/REC-SVG-20010904\/DTD\/svg10)\.dtd"\s*>$/;

const drawing = "expected a drawing (shapes, paths, gradients)";
const localReference = "a part of the drawing itself";

/** XML's own character references, decoded as the SVG renderer will (a Map: names come from the file). */
const predefinedEntities = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

function decoded(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, reference: string) => {
    if (!reference.startsWith("#")) return predefinedEntities.get(reference) ?? whole;
    const code = /^#x/i.test(reference) ? Number.parseInt(reference.slice(2), 16) : Number(reference.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** What is wrong with CSS (a style attribute, a <style> element, any value that may hold url()). */
function cssProblem(css: string): string | undefined {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  // A CSS escape can spell url( or @import in letters no plain search finds: drawings need none.
  if (text.includes("\\")) return "a \\ escape";
  if (/@import/i.test(text)) return "an @import";
  const elsewhere = text.replace(/url\(\s*(["']?)\s*#[^)]*\)/gi, "");
  if (/url\(/i.test(elsewhere)) return "a url() to something other than a part of the drawing itself (url(#name))";
  return undefined;
}

/** "a <g> element", "an <image> element". */
const element = (name: string) => `${/^[aeiou]/i.test(name) ? "an" : "a"} <${name}> element`;

const shortened = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

type XmlNode = Record<string | symbol, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Character references are decoded here, the way the renderer reads them, not by the parser.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
  cdataPropName: "#cdata",
  commentPropName: "#comment",
  captureMetaData: true,
});
// Typed `Symbol` (the wrapper) by the package; it is a symbol.
const metaData = XMLParser.getMetaDataSymbol() as symbol;

/**
 * Every problem with a contributor's SVG, `text` being the whole file and `file` how messages
 * name it (static/images/a.svg): empty when it is a drawing and nothing else.
 */
export function svgProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const lineAt = (index: number) => `line ${text.slice(0, index).split("\n").length}`;
  const problem = (index: number, message: string) => {
    const field = lineAt(index);
    if (!problems.some((known) => known.field === field && known.message === message)) {
      problems.push({ file, field, message });
    }
  };

  // Entities and doctypes are read before anything else: they can pull another file into the text.
  for (const match of text.matchAll(/<!DOCTYPE[^>]*>?|<!ENTITY/gi)) {
    if (!standardDoctype.test(match[0])) {
      problem(
        match.index,
        `expected no DOCTYPE or entities (they can read other files into the drawing), got ${shortened(match[0])}`,
      );
    }
  }
  if (problems.length > 0) return problems;

  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const line = `line ${valid.err.line}`;
    return [
      { file, field: line, message: `expected an SVG file as a drawing program saves it, got: ${valid.err.msg}` },
    ];
  }

  const walk = (nodes: XmlNode[], namespaces: ReadonlyMap<string, string>) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@");
      if (name === undefined || name === "#comment") continue;
      const index = (node[metaData] as { startIndex?: number } | undefined)?.startIndex ?? 0;
      const children = (node[name] as XmlNode[] | undefined) ?? [];
      if (name === "#text" || name === "#cdata") continue;
      if (name.startsWith("?")) {
        if (name !== "?xml") problem(index, `${drawing}, got an <${name}?> instruction`);
        continue;
      }
      const attributes = Object.entries((node[":@"] as Record<string, string> | undefined) ?? {});
      const scope = new Map(namespaces);
      for (const [attribute, value] of attributes) {
        if (attribute === "xmlns") scope.set("", value);
        else if (attribute.startsWith("xmlns:")) scope.set(attribute.slice("xmlns:".length), value);
      }
      const [prefix, local] = name.includes(":")
        ? [name.slice(0, name.indexOf(":")), name.slice(name.indexOf(":") + 1)]
        : ["", name];
      const namespace = scope.get(prefix) ?? (prefix === "" ? svgNamespace : undefined);
      if (namespace !== undefined && editorNamespaces.has(namespace)) {
        // Its own data is inert, but SVG inside it is read as any other (a <style> applies wherever it is).
        walk(children, scope);
        continue;
      }
      if (namespace !== svgNamespace) {
        problem(
          index,
          `${drawing}, got ${element(name)} from another language (${namespace ?? `undeclared prefix ${prefix}:`})`,
        );
        continue;
      }
      if (textElements.has(local)) {
        // librsvg would draw it with whatever fonts the build machine has: not reproducible, and not ours.
        problem(index, `${drawing}, got ${element(name)}: turn text into outlines (paths) in the drawing program`);
        continue;
      }
      if (!drawingElements.has(local)) {
        problem(index, `${drawing}, got ${element(name)}`);
        continue;
      }
      for (const [attribute, raw] of attributes) {
        const value = decoded(raw);
        const localName = attribute.slice(attribute.indexOf(":") + 1);
        if (/^on/i.test(localName)) {
          problem(
            index,
            `${drawing} with no scripts, got an event handler ${attribute}=${shortened(value)} on <${name}>`,
          );
        } else if (localName === "href" && !value.trim().startsWith("#")) {
          problem(
            index,
            `expected references only to ${localReference} (href="#name"), got ${attribute}=${shortened(value)} on <${name}>`,
          );
        } else {
          const css = cssProblem(value);
          if (css)
            problem(
              index,
              `expected a style that only draws, got ${css} in ${attribute}=${shortened(value)} on <${name}>`,
            );
        }
      }
      if (local === "style") {
        // librsvg reads a <style> as one text, comments and CDATA sections joined: so is it checked.
        const css = children
          .map((child) =>
            "#cdata" in child
              ? String((child["#cdata"] as XmlNode[] | undefined)?.[0]?.["#text"] ?? "")
              : "#text" in child
                ? decoded(String(child["#text"]))
                : "",
          )
          .join("");
        const found = cssProblem(css);
        if (found) problem(index, `expected a style that only draws, got ${found} in <style>`);
        continue;
      }
      walk(children, scope);
    }
  };

  const tree = parser.parse(text) as XmlNode[];
  const root = tree.find((node) => !Object.keys(node).some((key) => key.startsWith("?") || key.startsWith("#")));
  const rootName = root && Object.keys(root).find((key) => key !== ":@");
  if (rootName !== "svg" && !rootName?.endsWith(":svg")) {
    return [
      { file, field: "", message: `expected an <svg> element around the drawing, got <${rootName ?? "nothing"}>` },
    ];
  }
  walk(tree, new Map());
  return problems;
}
