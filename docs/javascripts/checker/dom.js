// Small DOM helpers shared by the form and the results.

/** Create an element: h("p", {class: "x", hidden: true}, "text", child). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "dataset") Object.assign(element.dataset, value);
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

// Text a person typed (a job title, a file name, a search) goes into sentences isolated, so that
// direction controls in it (U+202E, U+2067...) cannot reorder the words around it: between FSI
// and PDI in plain and SVG text, in a <bdi> in HTML. Its own isolate controls (U+2066-U+2069)
// are dropped, so a stray PDI cannot close the isolation early; the PDI also ends any override
// or embedding left open inside.
const ISOLATED = /\u2068([^\u2066-\u2069]*)\u2069/;

/** `text` between FSI and PDI, without isolate controls of its own. */
export const isolate = (text) => `\u2068${String(text).replace(/[\u2066-\u2069]/g, "")}\u2069`;

/** A sentence with isolate()d parts as nodes for HTML: each part in a <bdi>, the rest as text. */
export function bidi(sentence) {
  return String(sentence)
    .split(ISOLATED)
    .map((part, index) => (index % 2 ? h("bdi", {}, part) : part))
    .filter((part) => part !== "");
}

const SVG = "http://www.w3.org/2000/svg";

/** Create an SVG element with attributes. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** Today's date in the person's own time zone, as YYYY-MM-DD. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
