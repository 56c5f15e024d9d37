// Entry of the checker page. Loaded by the checker page only; mounts on the element carrying
// data-cec-checker each time Material shows that page (document$ fires on every instant page
// swap) while the engine worker is started once per document and kept across pages.

import { getEngine } from "./engine.js";
import { createForm } from "./form.js";
import { h } from "./dom.js";
import { readConfig } from "./metadata.js";
import { renderResults, verdictText } from "./results.js";
import * as share from "./share.js";

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
  const tools = buildTools();
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
      announce("Your answers will be checked as soon as the rules engine is ready.");
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
    announce(`Result: ${verdictText(answer.eligible)} Details follow the form.`);
    if (fromPerson) results.focus({ preventScroll: true });
    verdict.scrollIntoView({ block: "start" });
  }

  function showUnavailable() {
    const reason = engine.status.message || "it stopped while loading";
    root.querySelector("[data-cec-unavailable-reason]").textContent =
      `The rules engine could not start (${reason}). It needs a browser with WebAssembly and module workers, ` +
      "and its files must be reachable (on a first visit the page needs the network once).";
    unavailable.hidden = false;
    announce("The checker could not start in this browser. Your answers are still in the form; a summary of the requirements is shown.");
  }

  function showStatus(status) {
    if (status.state === "ready") {
      statusText.textContent = "The rules engine is ready. Nothing you enter leaves this page.";
      progress.hidden = true;
    } else if (status.state === "failed") {
      statusText.textContent = "The rules engine could not start.";
      progress.hidden = true;
      showUnavailable();
    } else {
      statusText.textContent = `Loading the rules engine (${status.step} of ${status.steps}): ${status.label}. You can fill in the form meanwhile.`;
      progress.max = status.steps;
      progress.value = status.step;
    }
  }

  // --- save and share ----------------------------------------------------------------------
  function buildTools() {
    const note = h("p", { class: "cec-tools-note", role: "status" });
    const linkBox = h("input", { type: "text", readonly: true, class: "cec-share-box", "aria-label": "Share link", hidden: true });
    const fileInput = h("input", { type: "file", id: "cec-load-file", accept: "application/json,.json", class: "cec-file" });
    const rememberBox = h("input", { type: "checkbox", id: "cec-remember", "aria-describedby": "cec-remember-hint" });
    const forgetButton = h("button", { type: "button", class: "md-button" }, "Forget my answers");

    const copy = async () => {
      const link = share.shareLink(form.readProfile());
      try {
        await navigator.clipboard.writeText(link);
        note.textContent = "Share link copied. Anyone who opens it sees your answers, so share it only with people you trust.";
        linkBox.hidden = true;
      } catch {
        linkBox.value = link;
        linkBox.hidden = false;
        linkBox.select();
        note.textContent = "Copy this link (it holds your answers; the part after # is never sent to a server).";
      }
    };
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files[0];
      if (!file) return;
      try {
        form.fillProfile(await share.readProfileFile(file));
        note.textContent = `Answers loaded from ${file.name}.`;
        runCheck({ fromPerson: true });
      } catch (error) {
        note.textContent = `That file could not be read as checker answers (${error.message}). Your current answers are unchanged.`;
      }
      fileInput.value = "";
    });
    rememberBox.addEventListener("change", () => {
      if (rememberBox.checked) {
        share.remember(form.readProfile());
        note.textContent = "Your answers will be kept in this browser until you choose Forget.";
      } else {
        share.forget();
        note.textContent = "Your answers are no longer kept in this browser.";
      }
    });
    forgetButton.addEventListener("click", () => {
      share.forget();
      rememberBox.checked = false;
      note.textContent = "Your answers were removed from this browser. The form still shows them until you leave the page.";
    });
    formElement.addEventListener("change", () => {
      if (rememberBox.checked) share.remember(form.readProfile());
    });

    const section = h(
      "section",
      { class: "cec-tools", "aria-labelledby": "cec-tools-title" },
      h("h2", { id: "cec-tools-title" }, "Save or share your answers"),
      h(
        "div",
        { class: "cec-tools-buttons" },
        h("button", { type: "button", class: "md-button", onclick: copy }, "Copy share link"),
        h("button", { type: "button", class: "md-button", onclick: () => share.downloadProfile(form.readProfile()) }, "Download answers (JSON)"),
      ),
      linkBox,
      h("div", { class: "cec-field" }, h("label", { for: fileInput.id }, "Load answers from a file"), fileInput),
      h(
        "div",
        { class: "cec-check" },
        rememberBox,
        h("label", { for: rememberBox.id }, "Remember my answers on this device"),
        h("p", { class: "cec-hint", id: "cec-remember-hint" }, "Off unless you turn it on. Kept only in this browser's storage, never sent anywhere."),
      ),
      forgetButton,
      note,
    );
    return { section, rememberBox };
  }

  // --- start: a share link wins over remembered answers --------------------------------------
  const unsubscribe = engine.subscribe(showStatus);
  current = { root, form, unsubscribe, runCheck };
  if (!openShareLink()) {
    const saved = share.remembered();
    if (saved) {
      form.fillProfile(saved);
      tools.rememberBox.checked = true;
      announce("Your remembered answers were filled in.");
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
    current.root.querySelector("[data-cec-announcer]").textContent =
      "The link's answers could not be read; it may have been cut short. The form is empty.";
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
