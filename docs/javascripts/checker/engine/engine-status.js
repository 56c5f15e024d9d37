// The engine's state as the checker page shows it: the status line and progress bar at the top,
// the "unavailable" box when the engine cannot run, and a busy line beside the submit button
// while a check waits for the engine or runs. Kept apart from main.js (which wires the page) so
// that what the page says about the engine is in one place, its sentences in pure functions.

import { h } from "../dom.js";

/** The status line for an engine status ({state, step, steps, label}). */
export function statusSentence(t, status) {
  if (status.state === "ready") return t("ui.engine_ready");
  if (status.state === "failed") return t("ui.engine_failed");
  return t("ui.engine_loading", { step: status.step, steps: status.steps, label: t.orText(status.label) });
}

const OWN_SENTENCE = new Set(["ui.engine_file_damaged", "ui.engine_file_missing"]);

/** Why the engine cannot run, from a failed status's `message` (a catalog key or the browser's words). */
export function unavailableSentence(t, { message, facts }) {
  const reason = message ? t.orText(message, facts) : t("ui.engine_stopped");
  // A damaged or missing file is no fault of the browser: its own sentence names the file.
  return OWN_SENTENCE.has(message) ? reason : t("ui.engine_unavailable", { reason });
}

/** The busy line while a check is owed: checking, or waiting for an engine that is not ready. */
export const busySentence = (t, status) => (status.state === "ready" ? t("ui.checking") : t("ui.announce_waiting"));

/**
 * The engine's state on the page `root`, the busy line after the `submit` button; `announce`
 * speaks to screen readers. `show(status)` follows the engine (subscribe it), `setBusy(on)`
 * brackets a check, `showUnavailable()` explains a failure, `checking()` says whether one is owed.
 */
export function engineStatus(root, engine, { t, submit, announce }) {
  const statusText = root.querySelector("[data-cec-engine-text]");
  const progress = root.querySelector("[data-cec-engine-progress]");
  const unavailable = root.querySelector("[data-cec-unavailable]");
  const busy = h("p", { class: "cec-busy", role: "status", hidden: true, "data-cec-busy": "" });
  submit.after(busy);
  let checking = false;

  // While a check runs the page says so: waiting for the engine, or checking.
  function setBusy(on) {
    checking = on;
    busy.hidden = !on;
    if (on) {
      submit.setAttribute("aria-busy", "true");
      busy.textContent = busySentence(t, engine.status);
    } else {
      submit.removeAttribute("aria-busy");
      busy.textContent = "";
    }
  }

  function showUnavailable() {
    root.querySelector("[data-cec-unavailable-reason]").textContent = unavailableSentence(t, engine.status);
    unavailable.hidden = false;
    announce(t("ui.announce_unavailable"));
  }

  function show(status) {
    statusText.textContent = statusSentence(t, status);
    progress.hidden = status.state === "ready" || status.state === "failed";
    if (status.state === "failed") showUnavailable();
    else if (status.state !== "ready") {
      progress.max = status.steps;
      progress.value = status.step;
    }
    if (checking) setBusy(true); // "as soon as the engine is ready" only while it is not
  }

  return { show, setBusy, showUnavailable, checking: () => checking };
}
