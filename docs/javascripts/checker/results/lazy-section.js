// A part of the result built the first time someone opens it, not while the result mounts: a
// <details> whose body is made on its first opening. The ranking's tables and chart were the
// largest part of the mount's main-thread time on a slow phone (bench/README.md). Printing
// builds and opens it first, so a printout has everything.

import { h } from "../dom.js";

const pending = new WeakMap(); // a lazy <details> -> what builds its body, until built

/** Build the body of `details` now if it is a lazy section not yet built (else nothing). */
export function build(details) {
  pending.get(details)?.();
}

/**
 * A <details> with ``attributes``, its <summary> holding ``summary`` (nodes), and a body of
 * ``build()`` (an array of nodes), made once: on the first opening, before printing, or at once
 * when ``attributes.open`` is set.
 */
export function lazySection(attributes, summary, build) {
  const details = h("details", attributes, h("summary", {}, summary));
  const fill = () => {
    if (!pending.delete(details)) return;
    window.removeEventListener("beforeprint", forPrint);
    details.append(...build());
  };
  function forPrint() {
    // A result replaced by a newer one is never printed: let it go.
    if (!details.isConnected) return window.removeEventListener("beforeprint", forPrint);
    fill();
    details.open = true;
  }
  pending.set(details, fill);
  details.addEventListener("toggle", () => details.open && fill());
  window.addEventListener("beforeprint", forPrint);
  if (details.open) fill();
  return details;
}
