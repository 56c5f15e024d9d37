// The engine's loading progress repeated beside the submit button, where a person on a phone is
// looking when they press it (the status line at the top of the page is off screen by then).
// A copy for the eye only (aria-hidden): the status line itself stays the one that is announced.

import { h } from "../dom.js";

/** A progress line that follows the page's engine status; hidden once the engine is ready. */
export function submitProgress(form) {
  const root = form.closest("[data-cec-checker]");
  const status = root?.querySelector("[data-cec-engine-status]");
  const text = h("span", { class: "cec-submit-progress-text" });
  const bar = h("progress", { max: "1", value: "0" });
  const line = h("p", { class: "cec-submit-progress", "aria-hidden": "true", hidden: true }, bar, text);
  if (!status) return line;
  const source = status.querySelector("[data-cec-engine-text]");
  const progress = status.querySelector("[data-cec-engine-progress]");
  const follow = () => {
    const max = Number(progress?.max || 0);
    const value = Number(progress?.value || 0);
    const done = !progress || progress.hidden || (max > 0 && value >= max) || status.hidden;
    line.hidden = done;
    bar.max = max || 1;
    bar.value = value;
    text.textContent = source ? source.textContent : "";
  };
  new MutationObserver(follow).observe(status, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["value", "max", "hidden"],
  });
  follow();
  return line;
}
