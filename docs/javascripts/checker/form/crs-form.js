// The form's optional "Your ranking" section: what the Comprehensive Ranking System scores
// beyond jobs and tests, read into the profile's `crs` object (checker contract, "CRS
// estimate") and filled from one. Off by default: then the profile has no `crs` key and
// eligibility is checked exactly as without the section. Controls carry their field path
// (`crs.spouse.language_test.reading`), so the engine's errors land on them. This module builds
// the section and reads and fills its controls; the answers become the `crs` object in
// crs-answers.js, and the spouse's test row is crs-spouse-test.js.

import { h } from "../dom.js";
import { answersFromCrs, crsFromAnswers, FLAGS } from "./crs-answers.js";
import { spouseTestSlot } from "./crs-spouse-test.js";
import { checkbox, field, nextId } from "./fields.js";

function choices(t, name, options) {
  const select = h("select", { dataset: { field: name } }, h("option", { value: "" }, t("ui.crs_choose")));
  for (const { value, label } of options) select.append(h("option", { value }, label));
  return select;
}

const yearsInput = (name, max) =>
  h("input", { type: "number", inputmode: "numeric", min: "0", max: String(max), step: "1", dataset: { field: name } });

/** The section; `read()` gives `{crs}` when it is switched on, `{}` otherwise. */
export function crsSection(metadata) {
  const { t } = metadata;
  const { crs: about } = metadata;
  const window_years = about.windowYears;
  const bodyId = nextId("crs");
  const toggle = checkbox({
    label: t("ui.crs_toggle_label"),
    hint: t("ui.crs_toggle_hint"),
    checked: false,
    fieldName: "crs",
  });
  const on = toggle.querySelector("input");
  on.setAttribute("aria-controls", bodyId);
  on.setAttribute("aria-expanded", "false");

  const controls = {
    date_of_birth: h("input", { type: "date", dataset: { field: "crs.date_of_birth" }, autocomplete: "bday" }),
    education: choices(t, "crs.education", about.education),
    canadian_education: choices(t, "crs.canadian_education", [
      { value: "none", label: t("ui.crs_canadian_education_none") },
      ...about.canadianEducation,
    ]),
    foreign_work_years: yearsInput("crs.foreign_work_years", about.yearsMax),
    canadian_work_years: yearsInput("crs.canadian_work_years", about.yearsMax),
    spouse: choices(t, "crs.spouse", [
      { value: "no", label: t("ui.crs_spouse_no") },
      { value: "yes", label: t("ui.crs_spouse_yes") },
    ]),
    spouse_education: choices(t, "crs.spouse.education", about.education),
    spouse_canadian_work_years: yearsInput("crs.spouse.canadian_work_years", about.yearsMax),
  };
  const flags = FLAGS.map(([name, label, hint]) =>
    checkbox({ label: t(label), hint: t(hint), checked: false, fieldName: `crs.${name}` }),
  );
  const spouseTest = spouseTestSlot(metadata);
  const spouseBox = h(
    "fieldset",
    { class: "cec-row cec-crs-spouse", hidden: true },
    h("legend", {}, t("ui.crs_spouse_legend")),
    h(
      "div",
      { class: "cec-grid" },
      field(t, {
        label: t("ui.crs_spouse_education_label"),
        control: controls.spouse_education,
        className: "cec-wide",
      }),
      field(t, {
        label: t("ui.crs_spouse_years_label"),
        control: controls.spouse_canadian_work_years,
        hint: t("ui.crs_spouse_years_hint", { window_years }),
      }),
    ),
    spouseTest.elements,
  );
  const body = h(
    "div",
    { id: bodyId, class: "cec-crs-body", hidden: true },
    h("p", { class: "cec-hint" }, t("ui.crs_intro")),
    h(
      "div",
      { class: "cec-grid" },
      field(t, { label: t("ui.crs_birth_label"), control: controls.date_of_birth, hint: t("ui.crs_birth_hint") }),
      field(t, {
        label: t("ui.crs_foreign_years_label"),
        control: controls.foreign_work_years,
        hint: t("ui.crs_foreign_years_hint", { window_years }),
      }),
      field(t, {
        label: t("ui.crs_canadian_years_label"),
        control: controls.canadian_work_years,
        hint: t("ui.crs_canadian_years_hint", { window_years }),
        optional: true,
      }),
      field(t, {
        label: t("ui.crs_education_label"),
        control: controls.education,
        hint: t("ui.crs_education_hint"),
        className: "cec-wide",
      }),
      field(t, {
        label: t("ui.crs_canadian_education_label"),
        control: controls.canadian_education,
        className: "cec-wide",
      }),
    ),
    flags,
    field(t, {
      label: t("ui.crs_spouse_label"),
      control: controls.spouse,
      hint: t("ui.crs_spouse_hint"),
      className: "cec-wide",
    }),
    spouseBox,
  );
  const element = h(
    "fieldset",
    { class: "cec-section cec-ranking", id: "cec-ranking" },
    h("legend", {}, t("ui.crs_legend")),
    toggle,
    body,
  );

  const show = () => {
    body.hidden = !on.checked;
    on.setAttribute("aria-expanded", String(on.checked));
    spouseBox.hidden = controls.spouse.value !== "yes";
  };
  on.addEventListener("change", show);
  controls.spouse.addEventListener("change", show);

  function read() {
    if (!on.checked) return {};
    const answers = { spouse_test: spouseTest.read() };
    for (const [name, control] of Object.entries(controls)) answers[name] = control.value.trim();
    for (const [index, [name]] of FLAGS.entries()) answers[name] = flags[index].querySelector("input").checked;
    return { crs: crsFromAnswers(answers) };
  }

  function fill(crs) {
    const given = crs && typeof crs === "object" && !Array.isArray(crs);
    on.checked = Boolean(given);
    const answers = answersFromCrs(given ? crs : {});
    for (const [name, control] of Object.entries(controls)) {
      control.value = answers[name];
      if (control.value !== answers[name]) control.value = ""; // an unknown choice
    }
    for (const [index, [name]] of FLAGS.entries()) flags[index].querySelector("input").checked = answers[name];
    spouseTest.fill(answers.spouse_test);
    show();
  }

  fill(null);
  return { element, read, fill };
}
