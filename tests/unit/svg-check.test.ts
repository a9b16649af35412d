import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/content/check.ts";
import { svgProblems } from "../../src/lib/content/svg-check.ts";
import { projectRoot, siteFixtureDir } from "../helpers/project.ts";

const file = "static/images/x.svg";
const svg = (inner: string, attributes = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>\n${inner}\n</svg>`;
/** The problems as a contributor reads them. */
const lines = (text: string) => svgProblems(file, text).map(formatProblem);
const drawing = "expected a drawing (shapes, paths, gradients)";

describe("svgProblems accepts drawings", () => {
  // The articles' real pictures pass `npm run check:content`: tests/build/real-content.test.ts.
  it("takes every SVG the project ships, and the site fixture's articles' drawings", () => {
    const folders = [join(projectRoot, "static/images"), join(siteFixtureDir, "static/images/articles")];
    const files = folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith(".svg"))
        .map((name) => join(folder, name)),
    );
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const path of files) {
      const file = relative(path.startsWith(siteFixtureDir) ? siteFixtureDir : projectRoot, path);
      expect(svgProblems(file, readFileSync(path, "utf8")), file).toEqual([]);
    }
  });

  it("takes shapes, gradients, filters and references to parts of the drawing itself", () => {
    const text = svg(`<defs>
  <linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient>
  <filter id="f"><feGaussianBlur stdDeviation="2"/><feOffset dx="1"/></filter>
  <clipPath id="c"><circle r="4"/></clipPath>
  <symbol id="s"><path d="M0 0h4v4z"/></symbol>
</defs>
<style><![CDATA[ .a { fill: url(#g); } ]]></style>
<g clip-path="url(#c)" filter="url( '#f' )" style="stroke: url(&quot;#g&quot;)">
  <rect class="a" width="10" height="10" fill="url(#g)"/>
  <use href="#s"/><use xlink:href=" #s"/>
</g>`);
    expect(svgProblems(file, text)).toEqual([]);
  });

  it("takes what drawing programs keep of their own: an XML declaration, Inkscape's layers, a licence, SVG 1.1's doctype", () => {
    const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" width="10" height="10">
  <sodipodi:namedview id="base" inkscape:zoom="1"><inkscape:grid type="xygrid"/></sodipodi:namedview>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
    <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer"><path sodipodi:nodetypes="cc" d="M0 0L10 10"/></g>
</svg>`;
    expect(svgProblems(file, inkscape)).toEqual([]);
    const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
${svg('<rect width="10" height="10"/>')}`;
    expect(svgProblems(file, illustrator)).toEqual([]);
  });
});

describe("svgProblems refuses anything but a drawing, saying what it found and where", () => {
  it("a script, in any spelling of its namespace", () => {
    expect(lines(svg("<script>alert(1)</script>"))).toEqual([`${file}: line 2: ${drawing}, got a <script> element`]);
    expect(lines(svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg" href="/a.js"/>'))).toEqual([
      `${file}: line 2: ${drawing}, got a <svg:script> element`,
    ]);
    expect(lines(svg('<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'))).toEqual([
      `${file}: line 2: ${drawing}, got a <script> element from another language (http://www.w3.org/1999/xhtml)`,
    ]);
  });

  it("an event handler attribute", () => {
    expect(lines(svg('<rect width="1" height="1"/>', ' onload="alert(1)"'))).toEqual([
      `${file}: line 1: ${drawing} with no scripts, got an event handler onload="alert(1)" on <svg>`,
    ]);
    expect(lines(svg('<rect width="1" height="1" ONCLICK="x()"/>'))).toEqual([
      `${file}: line 2: ${drawing} with no scripts, got an event handler ONCLICK="x()" on <rect>`,
    ]);
  });

  it("a foreignObject, a link, an embedded picture, an animation", () => {
    expect(
      lines(
        svg(`<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">Hi</div></foreignObject>
<a href="https://example.org/"><rect width="1" height="1"/></a>
<image href="https://tracker.example/pixel.png" width="1" height="1"/>
<set attributeName="href" to="javascript:alert(1)"/>`),
      ),
    ).toEqual([
      `${file}: line 2: ${drawing}, got a <foreignObject> element`,
      `${file}: line 3: ${drawing}, got an <a> element`,
      `${file}: line 4: ${drawing}, got an <image> element`,
      `${file}: line 5: ${drawing}, got a <set> element`,
    ]);
  });

  it("a reference to anything but a part of the drawing: a file, an address, javascript: or a data: URI", () => {
    const references = [
      '<use href="file:///etc/passwd#a"/>',
      '<use xlink:href="javascript:alert(1)"/>',
      '<use href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>',
      '<use href="other.svg#shape"/>',
      // Written with character references, as the renderer decodes them: "javascript:".
      '<use href="&#x6a;avascript:alert(1)"/>',
      '<feImage xmlns:l="http://www.w3.org/1999/xlink" l:href="https://tracker.example/"/>',
    ];
    expect(references.map((reference) => lines(svg(reference)))).toEqual([
      [
        `${file}: line 2: expected references only to a part of the drawing itself (href="#name"), got href="file:///etc/passwd#a" on <use>`,
      ],
      [
        `${file}: line 2: expected references only to a part of the drawing itself (href="#name"), got xlink:href="javascript:alert(1)" on <use>`,
      ],
      [
        `${file}: line 2: expected references only to a part of the drawing itself (href="#name"), got href="data:text/html,<script>alert(1)</script>" on <use>`,
      ],
      [
        `${file}: line 2: expected references only to a part of the drawing itself (href="#name"), got href="other.svg#shape" on <use>`,
      ],
      [
        `${file}: line 2: expected references only to a part of the drawing itself (href="#name"), got href="javascript:alert(1)" on <use>`,
      ],
      [
        `${file}: line 2: expected references only to a part of the drawing itself (href="#name"), got l:href="https://tracker.example/" on <feImage>`,
      ],
    ]);
  });

  it("CSS that loads something: url() to elsewhere, @import, escapes that could spell either", () => {
    expect(lines(svg('<rect width="1" height="1" fill="url(https://tracker.example/p.svg#g)"/>'))).toEqual([
      `${file}: line 2: expected a style that only draws, got a url() to something other than a part of the drawing itself (url(#name)) in fill="url(https://tracker.example/p.svg#g)" on <rect>`,
    ]);
    expect(lines(svg('<rect width="1" height="1" style="fill: URL( \'//tracker.example/\' )"/>'))).toHaveLength(1);
    expect(lines(svg("<style>@import 'https://tracker.example/a.css';</style>"))).toEqual([
      `${file}: line 2: expected a style that only draws, got an @import in <style>`,
    ]);
    expect(lines(svg("<style><![CDATA[ rect { fill: \\75 rl(https://tracker.example/) } ]]></style>"))).toEqual([
      `${file}: line 2: expected a style that only draws, got a \\ escape in <style>`,
    ]);
    // Spelt with a character reference, "url(" appears only once decoded.
    expect(lines(svg("<style>rect { background: &#x75;rl(https://tracker.example/) }</style>"))).toHaveLength(1);
  });

  it("entities, a doctype of its own, other languages' elements, style sheet instructions", () => {
    expect(
      lines(
        `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n${svg("<text>&secret;</text>")}`,
      ),
    ).toEqual([
      `${file}: line 2: expected no DOCTYPE or entities (they can read other files into the drawing), got "<!DOCTYPE svg [<!ENTITY secret SYSTEM \\"file:///etc/passwd\\">"`,
    ]);
    expect(
      lines(svg('<g><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/hostname" parse="text"/></g>')),
    ).toEqual([
      `${file}: line 2: ${drawing}, got a <xi:include> element from another language (http://www.w3.org/2001/XInclude)`,
    ]);
    expect(lines(`<?xml version="1.0"?>\n<?xml-stylesheet href="https://tracker.example/a.css"?>\n${svg("")}`)).toEqual(
      [`${file}: line 2: ${drawing}, got an <?xml-stylesheet?> instruction`],
    );
  });

  it("text, which the build machine's fonts would draw, with the way to keep it", () => {
    expect(lines(svg('<text x="1" y="8">Tom</text>'))).toEqual([
      `${file}: line 2: ${drawing}, got a <text> element: turn text into outlines (paths) in the drawing program`,
    ]);
  });

  it("a style sheet that imports or points elsewhere once its pieces are joined, as librsvg joins them", () => {
    for (const style of [
      '<style>@imp<!-- -->ort "file:///etc/x.css";</style>',
      "<style>@imp<![CDATA[ort 'x.css';]]></style>",
      "<style>rect{fill:ur<!-- -->l(file:///etc/x)}</style>",
    ]) {
      expect(lines(svg(style)), style).toHaveLength(1);
      expect(lines(svg(style))[0], style).toMatch(/expected a style that only draws, got (an @import|a url\(\))/);
    }
  });

  it("SVG inside what a drawing program keeps of its own", () => {
    expect(
      lines(
        svg(
          '<s:namedview xmlns:s="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"><script>alert(1)</script></s:namedview>',
        ),
      ),
    ).toEqual([`${file}: line 2: ${drawing}, got a <script> element`]);
  });

  it("a file that is not well-formed XML, or not an SVG drawing at all", () => {
    expect(lines(svg("<g><rect></g>"))).toEqual([
      `${file}: line 2: expected an SVG file as a drawing program saves it, got: Expected closing tag 'rect' (opened in line 2, col 4) instead of closing tag 'g'.`,
    ]);
    expect(lines('<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>')).toEqual([
      `${file}: expected an <svg> element around the drawing, got <html>`,
    ]);
    expect(lines('<svg xmlns="http://www.w3.org/1999/xhtml"/>')).toEqual([
      `${file}: line 1: ${drawing}, got a <svg> element from another language (http://www.w3.org/1999/xhtml)`,
    ]);
  });

  it("lists every problem of a file at once", () => {
    const text = svg('<script>1</script>\n<rect width="1" height="1" onclick="2"/>\n<use href="https://a.example/"/>');
    expect(svgProblems(file, text).map((found) => found.field)).toEqual(["line 2", "line 3", "line 4"]);
  });
});
