// The result's details as sections that fold: a <details> with a stable id per section, its
// heading in the <summary> (the summary under the verdict links to these ids). Folded on
// screen, open in print: the browser prints a closed <details> closed, so they open before
// printing and fold back after.

import { h } from "../dom.js";
import { build } from "./lazy-section.js";

/** `nodes` in a folded section `id` under `heading` (an h3 element, or its text). Empty in,
 * empty out, so a part the result does not have adds nothing. */
export function fold(id, heading, nodes) {
  const body = nodes.filter(Boolean);
  if (!body.length) return [];
  const title = typeof heading === "string" ? h("h3", {}, heading) : heading;
  return [h("details", { class: "cec-detail", id }, h("summary", {}, title), ...body)];
}

/** A section element (or a list of one) folded under its own first h3, which moves into the
 * <summary>: its aria-labelledby keeps pointing at it. */
export function foldSection(id, sections) {
  const [section, ...rest] = sections;
  if (!section) return [];
  const heading = section.querySelector(":scope > h3");
  if (heading) heading.remove();
  return fold(id, heading || h("h3", {}, id), [section, ...rest]);
}

/** Open folded section `details`, its body built first if it is lazy. */
export function reopen(details) {
  build(details);
  details.open = true;
}

/** Open the folded section holding `target` (an element or an id) and bring it into view. */
export function reveal(target) {
  const element = typeof target === "string" ? document.getElementById(target) : target;
  if (!element) return;
  for (let node = element.closest("details"); node; node = node.parentElement?.closest("details")) reopen(node);
  element.scrollIntoView({ block: "start" });
  const focusable = element.tagName === "DETAILS" ? element.querySelector(":scope > summary") : element;
  focusable?.focus({ preventScroll: true });
}

let printing = null;
/** Open every folded section for printing and fold back those that were closed, once bound. */
export function openForPrint() {
  if (printing) return;
  printing = [];
  window.addEventListener("beforeprint", () => {
    printing = [...document.querySelectorAll("details.cec-detail:not([open])")];
    for (const details of printing) reopen(details); // lazy bodies built before print layout
  });
  window.addEventListener("afterprint", () => {
    for (const details of printing) details.open = false;
    printing = [];
  });
}
