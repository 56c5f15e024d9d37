// Entry of the checker page. Loaded by the checker page only; mounts on the element carrying
// data-cec-checker each time Material shows that page (document$ fires on every instant page
// swap) while the engine worker is started once per document and kept across pages.

import { getEngine } from "./engine.js";
import { createForm } from "./form.js";
import { readConfig } from "./metadata.js";
import { renderResults, verdictText } from "./results.js";
import * as share from "./share.js";
import { buildTools } from "./tools.js";

let config = null;
let engine = null;
let current = null; // the mounted page: {root, form, unsubscribe}

function mount(root) {
  if (root.dataset.cecMounted) return;
  root.dataset.cecMounted = "true";
  root.hidden = false; // hidden in the HTML so that without JavaScript only the <noscript> note shows
  if (current) current.unsubscribe();
  config = config || readConfig(root);
  engine = getEngine(config.runtime);
  // Test and automation hook: profile JSON in, assessment (or errors) JSON out.
  window.cecCheck = (text) => engine.check(text);

  const { metadata } = config;
  const { t } = metadata;
  const statusText = root.querySelector("[data-cec-engine-text]");
  const progress = root.querySelector("[data-cec-engine-progress]");
  const unavailable = root.querySelector("[data-cec-unavailable]");
  const announcer = root.querySelector("[data-cec-announcer]");
  const results = root.querySelector("[data-cec-results]");
  const formElement = root.querySelector("[data-cec-form]");
  let sequence = 0;

  const announce = (text) => {
    // Clear first so the same sentence twice is announced twice.
    announcer.textContent = "";
    setTimeout(() => (announcer.textContent = text), 50);
  };

  const form = createForm(formElement, metadata, { onSubmit: () => runCheck({ fromPerson: true }) });
  const tools = buildTools(formElement, form, { t, onLoaded: () => runCheck({ fromPerson: true }) });
  formElement.after(tools.section);

  async function runCheck({ fromPerson }) {
    const errors = form.validate();
    if (errors.length) {
      results.hidden = true; // an older result would no longer match the answers
      announce(form.showErrors(errors));
      return;
    }
    form.clearErrors();
    const profile = form.readProfile();
    if (tools.rememberBox.checked) share.remember(profile);
    const mine = ++sequence;
    if (engine.status.state === "loading") {
      form.submit.setAttribute("aria-busy", "true");
      announce(t("ui.announce_waiting"));
    }
    let output;
    try {
      output = await engine.check(JSON.stringify(profile));
    } catch {
      form.submit.removeAttribute("aria-busy");
      showUnavailable();
      return;
    }
    form.submit.removeAttribute("aria-busy");
    if (mine !== sequence) return; // a newer check was submitted meanwhile
    const answer = JSON.parse(output);
    if (answer.errors) {
      results.hidden = true;
      announce(form.showErrors(answer.errors));
      return;
    }
    const verdict = renderResults(results, { profile, assessment: answer, metadata });
    performance.mark("cec:result");
    announce(t("ui.announce_result", { verdict: verdictText(t, answer.eligible) }));
    if (fromPerson) results.focus({ preventScroll: true });
    verdict.scrollIntoView({ block: "start" });
  }

  function showUnavailable() {
    const { message, facts } = engine.status;
    const reason = message ? t.orText(message, facts) : t("ui.engine_stopped");
    root.querySelector("[data-cec-unavailable-reason]").textContent = t("ui.engine_unavailable", { reason });
    unavailable.hidden = false;
    announce(t("ui.announce_unavailable"));
  }

  function showStatus(status) {
    if (status.state === "ready") {
      statusText.textContent = t("ui.engine_ready");
      progress.hidden = true;
    } else if (status.state === "failed") {
      statusText.textContent = t("ui.engine_failed");
      progress.hidden = true;
      showUnavailable();
    } else {
      statusText.textContent = t("ui.engine_loading", {
        step: status.step,
        steps: status.steps,
        label: t.orText(status.label),
      });
      progress.max = status.steps;
      progress.value = status.step;
    }
  }

  // --- start: a share link wins over remembered answers --------------------------------------
  const unsubscribe = engine.subscribe(showStatus);
  current = { root, form, unsubscribe, runCheck };
  if (!openShareLink()) {
    const saved = share.remembered();
    if (saved) {
      form.fillProfile(saved);
      tools.rememberBox.checked = true;
      announce(t("ui.announce_remembered"));
    }
  }
}

/** Fill and check the profile in a #profile= link; true when the URL had one. */
function openShareLink() {
  if (!current) return false;
  let profile;
  try {
    profile = share.profileFromHash();
  } catch {
    current.root.querySelector("[data-cec-announcer]").textContent = config.metadata.t("ui.announce_bad_link");
    return true;
  }
  if (!profile) return false;
  current.form.fillProfile(profile);
  current.runCheck({ fromPerson: false });
  return true;
}

function bind() {
  const root = document.querySelector("[data-cec-checker]");
  if (root) mount(root);
}

window.addEventListener("hashchange", () => {
  if (current && document.contains(current.root)) openShareLink();
});

if (window.document$) window.document$.subscribe(bind);
else bind();
