// The form's optional "Other Express Entry programs" section: what the Federal Skilled Worker
// and Federal Skilled Trades programs need beyond jobs, tests and the ranking section, read into
// the profile's `express_entry` object (checker contract, "Other Express Entry programs") and
// filled from one. Off by default: then the profile has no `express_entry` key and nothing new
// is asked of someone who only wants the CEC verdict. Controls carry their field path
// (`express_entry.family_size`), so the engine's errors land on them. The mapping between the
// controls and the object is programs-answers.js.

import { h } from "../dom.js";
import { checkbox, field, nextId, teerFollowsCode } from "./fields.js";
import { occupationSearch } from "./noc-search.js";
import { answersFromExpressEntry, expressEntryFromAnswers, PROGRAM_FLAGS } from "./programs-answers.js";

const PATH = "express_entry";

function yesNo(t, name) {
  return h(
    "select",
    { dataset: { field: `${PATH}.${name}` } },
    h("option", { value: "" }, t("ui.program_choose")),
    h("option", { value: "yes" }, t("ui.program_answer_yes")),
    h("option", { value: "no" }, t("ui.program_answer_no")),
  );
}

/** The section; `read()` gives `{express_entry}` when it is switched on, `{}` otherwise. */
export function programsSection(metadata) {
  const { t, nocCode, teers } = metadata;
  const about = metadata.programs;
  const bodyId = nextId("programs");
  const toggle = checkbox({
    label: t("ui.programs_toggle_label"),
    hint: t("ui.programs_toggle_hint"),
    checked: false,
    fieldName: PATH,
  });
  const on = toggle.querySelector("input");
  on.setAttribute("aria-controls", bodyId);
  on.setAttribute("aria-expanded", "false");

  const teer = h(
    "select",
    { dataset: { field: `${PATH}.job_offer.teer` } },
    h("option", { value: "" }, t("ui.teer_choose")),
  );
  for (const item of teers) {
    teer.append(h("option", { value: String(item.teer) }, t("ui.teer_option", item)));
  }
  const controls = {
    job_offer: yesNo(t, "job_offer"),
    offer_noc_code: h("input", {
      type: "text",
      inputmode: "numeric",
      maxlength: String(nocCode.length),
      autocomplete: "off",
      dataset: { field: `${PATH}.job_offer.noc_code` },
    }),
    offer_teer: teer,
    settlement_funds: h("input", {
      type: "number",
      inputmode: "numeric",
      min: "0",
      max: String(about.most_settlement_funds),
      step: "any",
      dataset: { field: `${PATH}.settlement_funds` },
    }),
    family_size: h("input", {
      type: "number",
      inputmode: "numeric",
      min: "1",
      max: String(about.most_family_size),
      step: "1",
      dataset: { field: `${PATH}.family_size` },
    }),
  };
  for (const [name] of PROGRAM_FLAGS) controls[name] = yesNo(t, name);

  // Choosing an occupation fills the offer's code and TEER, as in a job row.
  const search = occupationSearch(metadata, {
    onPick: ({ code, teer: digit }) => {
      controls.offer_noc_code.value = code;
      controls.offer_teer.value = String(digit);
    },
  });
  teerFollowsCode(controls.offer_noc_code, controls.offer_teer, nocCode, search.showCode);
  const offerBox = h(
    "div",
    { class: "cec-grid cec-program-offer", hidden: true },
    search.element,
    field(t, { label: t("ui.program_offer_noc_label"), control: controls.offer_noc_code }),
    field(t, { label: t("ui.program_offer_teer_label"), control: controls.offer_teer, className: "cec-wide" }),
  );
  const body = h(
    "div",
    { id: bodyId, class: "cec-programs-body", hidden: true },
    h("p", { class: "cec-hint" }, t("ui.programs_intro")),
    h(
      "div",
      { class: "cec-grid" },
      ...PROGRAM_FLAGS.map(([name, label, hint]) =>
        field(t, { label: t(label), control: controls[name], hint: hint ? t(hint) : null, className: "cec-wide" }),
      ),
      field(t, {
        label: t("ui.program_q_job_offer"),
        control: controls.job_offer,
        hint: t("ui.program_q_job_offer_hint"),
        className: "cec-wide",
      }),
    ),
    offerBox,
    h(
      "div",
      { class: "cec-grid" },
      field(t, {
        label: t("ui.program_q_settlement_funds"),
        control: controls.settlement_funds,
        // No figure here: the form metadata's funds table is the one in force on the rules
        // version date, which can be older than the application date's; the result names it.
        hint: t("ui.program_q_settlement_funds_hint"),
      }),
      field(t, {
        label: t("ui.program_q_family_size"),
        control: controls.family_size,
        hint: t("ui.program_q_family_size_hint"),
      }),
    ),
  );
  const element = h(
    "fieldset",
    { class: "cec-section cec-programs", id: "cec-programs" },
    h("legend", {}, t("ui.programs_legend")),
    toggle,
    body,
  );

  const show = () => {
    body.hidden = !on.checked;
    on.setAttribute("aria-expanded", String(on.checked));
    offerBox.hidden = controls.job_offer.value !== "yes";
  };
  on.addEventListener("change", show);
  controls.job_offer.addEventListener("change", show);

  function read() {
    if (!on.checked) return {};
    const answers = {};
    for (const [name, control] of Object.entries(controls)) answers[name] = control.value.trim();
    return { [PATH]: expressEntryFromAnswers(answers) };
  }

  function fill(entry) {
    const given = entry && typeof entry === "object" && !Array.isArray(entry);
    on.checked = Boolean(given);
    const answers = answersFromExpressEntry(given ? entry : {});
    for (const [name, control] of Object.entries(controls)) {
      control.value = answers[name];
      if (control.value !== answers[name]) control.value = ""; // an unknown choice
    }
    show();
  }

  fill(null);
  return { element, read, fill };
}
