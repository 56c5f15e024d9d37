// Entry of the checker page. Loaded by the checker page only; mounts on the element carrying
// data-cec-checker each time Material shows that page (document$ fires on every instant page
// swap) while the engine worker is started once per document and kept across pages. This module
// wires the page and decides where its answers come from (a share link, a re-rendered page,
// remembered answers); the check itself is run-check.js, the engine's status engine-status.js.

import { ask } from "./confirm.js";
import { h } from "./dom.js";
import { getEngine } from "./engine/engine.js";
import { engineStatus } from "./engine/engine-status.js";
import { createForm } from "./form/form.js";
import { readConfig } from "./i18n/metadata.js";
import { checkRunner } from "./run-check.js";
import * as share from "./storage/share.js";
import { buildTools, reasonText } from "./storage/tools.js";

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
  const announcer = root.querySelector("[data-cec-announcer]");
  const results = root.querySelector("[data-cec-results]");
  const formElement = root.querySelector("[data-cec-form]");
  const notice = h("p", { class: "cec-page-message", role: "status", hidden: true });
  formElement.before(notice);

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
  const status = engineStatus(root, engine, { t, submit: form.submit, announce });
  const runCheck = checkRunner(root, { engine, form, tools, status, metadata, results, tell, announce });

  // --- start: a share link wins over remembered answers --------------------------------------
  const unsubscribe = engine.subscribe(status.show);
  const page = { root, form, tools, unsubscribe, runCheck, tell, typed: false };
  page.told = () => notice.textContent;
  page.owesResult = () => status.checking() || !results.hidden;
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
  // The box says whether answers are kept on this device, so it never disagrees with the store.
  // A link's answers are not kept unasked; earlier remembered ones stay (Forget removes them), so
  // the box stays ticked and the page says what happens next. Unticking would have to delete
  // the person's own answers because of a link, or leave them kept under an unticked box.
  const kept = share.hasRemembered();
  page.tools.rememberBox.checked = kept;
  page.tell(kept ? t("ui.link_remember_stays") : "", answers.odd ? page.tools.oddText(answers.odd) : "");
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
