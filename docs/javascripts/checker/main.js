// Entry of the checker page. Loaded by the checker page only; mounts on the element carrying
// data-cec-checker each time Material shows that page (document$ fires on every instant page
// swap) while the engine worker is started once per document and kept across pages.

import { ask } from "./confirm.js";
import { h } from "./dom.js";
import { getEngine, TooLong } from "./engine.js";
import { createForm } from "./form.js";
import { readConfig } from "./metadata.js";
import { renderResults, verdictText } from "./results.js";
import * as share from "./share.js";
import { buildTools, reasonText } from "./tools.js";

let config = null;
let engine = null;
let current = null; // the mounted page: {root, form, tools, unsubscribe, runCheck, tell, typed}

function mount(root) {
  if (root.dataset.cecMounted) return;
  root.dataset.cecMounted = "true";
  root.hidden = false; // hidden in the HTML so that without JavaScript only the <noscript> note shows
  // Material re-renders the page when only the address's #profile= changed: the answers on the
  // page it replaced come along, so that a link never wipes them unasked.
  const before = current && !document.contains(current.root) ? current : null;
  if (current) current.unsubscribe();
  config = config || readConfig(root);
  engine = getEngine(config.runtime);
  // Test and automation hook: profile JSON in, assessment (or errors) JSON out.
  window.cecCheck = (text) => engine.check(text);

  const { metadata } = config;
  const { t, limits } = metadata;
  const statusText = root.querySelector("[data-cec-engine-text]");
  const progress = root.querySelector("[data-cec-engine-progress]");
  const unavailable = root.querySelector("[data-cec-unavailable]");
  const announcer = root.querySelector("[data-cec-announcer]");
  const results = root.querySelector("[data-cec-results]");
  const formElement = root.querySelector("[data-cec-form]");
  const notice = h("p", { class: "cec-page-message", role: "status", hidden: true });
  formElement.before(notice);
  let sequence = 0;
  let checking = false;

  const announce = (text) => {
    // Clear first so the same sentence twice is announced twice.
    announcer.textContent = "";
    setTimeout(() => (announcer.textContent = text), 50);
  };
  // A message about where the answers came from: shown above the form and announced.
  const tell = (...texts) => {
    const text = texts.filter(Boolean).join(" ");
    notice.textContent = text;
    notice.hidden = !text;
    if (text) announce(text);
  };

  const form = createForm(formElement, metadata, { onSubmit: () => runCheck({ fromPerson: true }) });
  const tools = buildTools(formElement, form, { t, limits, onLoaded: () => runCheck({ fromPerson: true }) });
  formElement.after(tools.section);
  const busy = h("p", { class: "cec-busy", role: "status", hidden: true, "data-cec-busy": "" });
  form.submit.after(busy);

  // While a check runs the page says so: waiting for the engine, or checking.
  function setBusy(on) {
    checking = on;
    busy.hidden = !on;
    if (on) {
      form.submit.setAttribute("aria-busy", "true");
      busy.textContent = engine.status.state === "ready" ? t("ui.checking") : t("ui.announce_waiting");
    } else {
      form.submit.removeAttribute("aria-busy");
      busy.textContent = "";
    }
  }

  async function runCheck({ fromPerson }) {
    const mine = ++sequence; // a newer check supersedes this one
    const errors = form.validate();
    if (errors.length) {
      setBusy(false);
      results.hidden = true; // an older result would no longer match the answers
      announce(form.showErrors(errors));
      return;
    }
    form.clearErrors();
    const profile = form.readProfile();
    if (fromPerson && tools.rememberBox.checked) tools.keep(profile);
    setBusy(true);
    let output;
    try {
      output = await engine.check(JSON.stringify(profile));
    } catch (error) {
      if (mine !== sequence) return;
      setBusy(false);
      if (error instanceof TooLong) {
        results.hidden = true;
        tell(t("ui.check_too_long"));
      } else showUnavailable();
      return;
    }
    // A newer check was submitted meanwhile, or Material re-rendered the page (the new one checks).
    if (mine !== sequence || !document.contains(root)) return;
    setBusy(false);
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
    // A damaged file is no fault of the browser: its own sentence names the file and says reload.
    const text = message === "ui.engine_file_damaged" ? reason : t("ui.engine_unavailable", { reason });
    root.querySelector("[data-cec-unavailable-reason]").textContent = text;
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
      progress.hidden = false;
      progress.max = status.steps;
      progress.value = status.step;
    }
    if (checking) setBusy(true); // "as soon as the engine is ready" only while it is not
  }

  // --- start: a share link wins over remembered answers --------------------------------------
  const unsubscribe = engine.subscribe(showStatus);
  const page = { root, form, tools, unsubscribe, runCheck, tell, typed: false };
  page.told = () => notice.textContent;
  page.owesResult = () => checking || !results.hidden;
  current = page;
  formElement.addEventListener("input", () => (page.typed = true));
  formElement.addEventListener("change", () => (page.typed = true));
  start(page, before);
}

async function start(page, before) {
  const { t, limits } = config.metadata;
  if (before) {
    // The same page re-rendered: its answers (and the person's choice to remember) carry over.
    await page.form.fillProfile(before.form.readProfile());
    page.tools.rememberBox.checked = before.tools.rememberBox.checked;
    page.typed = before.typed;
    page.tell(before.told());
    if (before.owesResult()) page.runCheck({ fromPerson: false });
    await openShareLink();
    return;
  }
  if (await openShareLink()) return;
  let saved = null;
  try {
    saved = share.remembered(limits);
  } catch (error) {
    page.tell(t("ui.announce_remembered_failed", { reason: reasonText(t, error) }));
    return;
  }
  if (saved && (await page.form.fillProfile(saved.profile))) {
    page.tools.rememberBox.checked = true;
    page.tell(t("ui.announce_remembered"), page.tools.oddText(saved.odd));
  }
}

// The #profile= last read. Material may re-render the page when only the fragment changed, and
// put the address back as it was; a link is read (and asked about) once.
let handledLink = null;

/**
 * Fill and check the answers in a #profile= link; true when the address had one. The answers
 * leave the address at once (so history keeps none); typed answers are replaced only when the
 * person says so, and a broken link leaves the form as it was.
 */
async function openShareLink() {
  const { t, limits } = config.metadata;
  const hash = window.location.hash;
  if (!hash.startsWith(share.HASH_PREFIX)) return false;
  share.clearHash();
  if (hash === handledLink) return true;
  handledLink = hash;
  let answers;
  try {
    answers = share.profileFromHash(limits, hash);
  } catch (error) {
    current.tell(t("ui.announce_bad_link", { reason: reasonText(t, error) }));
    return true;
  }
  if (current.typed) {
    const replace = await ask({
      title: t("ui.replace_title"),
      text: t("ui.replace_text"),
      yes: t("ui.replace_yes"),
      no: t("ui.replace_no"),
    });
    if (!replace) {
      current.tell(t("ui.replace_kept"));
      return true;
    }
  }
  let page = current; // the page mounted now (Material may have re-rendered it meanwhile)
  if (!(await page.form.fillProfile(answers.profile))) return true;
  if (page !== current) {
    page = current;
    await page.form.fillProfile(answers.profile);
  }
  page.typed = false;
  // A link's answers are kept on this device only if the person asks (ticks "remember").
  page.tools.rememberBox.checked = false;
  page.tell(answers.odd ? page.tools.oddText(answers.odd) : "");
  page.runCheck({ fromPerson: false });
  return true;
}

function bind() {
  const root = document.querySelector("[data-cec-checker]");
  if (root) mount(root);
  else if (current) {
    current.unsubscribe(); // another page: its answers are not carried back
    current = null;
    handledLink = null;
  }
}

// A #profile= typed into the address is handled here (hashchange), not by Material's instant
// navigation, which re-renders the page on the first history change and so wiped typed answers.
// Capturing listeners on window run before Material's.
window.addEventListener(
  "popstate",
  (event) => {
    if (current && window.location.hash.startsWith(share.HASH_PREFIX)) event.stopImmediatePropagation();
  },
  true,
);

window.addEventListener("hashchange", () => {
  if (current && document.contains(current.root)) openShareLink();
});

if (window.document$) window.document$.subscribe(bind);
else bind();
