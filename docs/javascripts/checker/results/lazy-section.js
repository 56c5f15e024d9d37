// A part of the result built the first time someone opens it, not while the result mounts: a
// <details> whose body is made on its first opening. The ranking's tables and chart were the
// largest part of the mount's main-thread time on a slow phone (bench/README.md). Printing
// builds and opens it first, so a printout has everything.

import { h } from "../dom.js";

/**
 * A <details> with ``attributes``, its <summary> holding ``summary`` (nodes), and a body of
 * ``build()`` (an array of nodes), made once: on the first opening, before printing, or at once
 * when ``attributes.open`` is set.
 */
export function lazySection(attributes, summary, build) {
  const details = h("details", attributes, h("summary", {}, summary));
  let pending = true;
  const fill = () => {
    if (!pending) return;
    pending = false;
    window.removeEventListener("beforeprint", forPrint);
    details.append(...build());
  };
  function forPrint() {
    // A result replaced by a newer one is never printed: let it go.
    if (!details.isConnected) return window.removeEventListener("beforeprint", forPrint);
    fill();
    details.open = true;
  }
  details.addEventListener("toggle", () => details.open && fill());
  window.addEventListener("beforeprint", forPrint);
  if (details.open) fill();
  return details;
}
