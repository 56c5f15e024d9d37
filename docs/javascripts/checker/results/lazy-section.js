// A part of the result built the first time someone opens it, not while the result mounts: a
// <details> whose body is made on its first opening. The ranking's tables and chart were the
// largest part of the mount's main-thread time on a slow phone (bench/README.md). Printing
// builds and opens it first (fold.js's openForPrint), so a printout has everything.

import { h } from "../dom.js";

const pending = new WeakMap(); // a lazy <details> -> what builds its body, until built

/** Build the body of `details` now if it is a lazy section not yet built (else nothing). */
export function build(details) {
  pending.get(details)?.();
}

/**
 * A <details> with ``attributes``, its <summary> holding ``summary`` (nodes), and a body of
 * ``make()`` (an array of nodes), made once: on the first opening, on `build` (which fold.js
 * calls before revealing or printing it), or at once when ``attributes.open`` is set.
 */
export function lazySection(attributes, summary, make) {
  const details = h("details", attributes, h("summary", {}, summary));
  const fill = () => {
    if (pending.delete(details)) details.append(...make());
  };
  pending.set(details, fill);
  details.addEventListener("toggle", () => details.open && fill());
  if (details.open) fill();
  return details;
}
