// The form's optional "Your ranking" section: what the Comprehensive Ranking System scores
// beyond jobs and tests, read into the profile's `crs` object (checker contract, "CRS
// estimate") and filled from one. Off by default: then the profile has no `crs` key and
// eligibility is checked exactly as without the section. Controls carry their field path
// (`crs.spouse.language_test.reading`), so the engine's errors land on them.

import { h } from "./dom.js";
import { checkbox, field, nextId } from "./fields.js";
import { testRow } from "./language-tests.js";
import { ABILITIES } from "./metadata.js";

const SPOUSE_TEST = "crs.spouse.language_test";
// Yes/no answers of the contract, with their catalog keys.
const FLAGS = [
  ["certificate_of_qualification", "ui.crs_certificate_label", "ui.crs_certificate_hint"],
  ["provincial_nomination", "ui.crs_nomination_label", "ui.crs_nomination_hint"],
  ["sibling_in_canada", "ui.crs_sibling_label", "ui.crs_sibling_hint"],
];

const blank = (value) => value === null || value === undefined || value === "";
const number = (text) => (blank(text) ? null : Number(text));
const text = (value) => (blank(value) ? "" : String(value));

/**
 * The contract's `crs` object from the section's answers (strings as the controls hold them,
 * booleans for the boxes; `spouse` is "" unanswered, "no" or "yes"; `spouse_test` a test
 * result or null). Empty answers are null, which the engine lists in `missing`.
 */
export function crsFromAnswers(answers) {
  const crs = {
    date_of_birth: answers.date_of_birth || null,
    education: answers.education || null,
    canadian_education: answers.canadian_education || null,
    foreign_work_years: number(answers.foreign_work_years),
    canadian_work_years: number(answers.canadian_work_years),
  };
  for (const [name] of FLAGS) crs[name] = Boolean(answers[name]);
  if (answers.spouse === "no") crs.spouse = null;
  else if (answers.spouse === "yes") {
    crs.spouse = {
      education: answers.spouse_education || null,
      canadian_work_years: number(answers.spouse_canadian_work_years),
      language_test: answers.spouse_test || null,
    };
  }
  return crs;
}

/** The section's answers from a `crs` object (the inverse of crsFromAnswers). */
export function answersFromCrs(crs) {
  const spouse = crs.spouse && typeof crs.spouse === "object" ? crs.spouse : null;
  const answers = {
    date_of_birth: text(crs.date_of_birth),
    education: text(crs.education),
    canadian_education: text(crs.canadian_education),
    foreign_work_years: text(crs.foreign_work_years),
    canadian_work_years: text(crs.canadian_work_years),
    spouse: !("spouse" in crs) ? "" : spouse ? "yes" : "no",
    spouse_education: text(spouse?.education),
    spouse_canadian_work_years: text(spouse?.canadian_work_years),
    spouse_test: spouse?.language_test && typeof spouse.language_test === "object" ? spouse.language_test : null,
  };
  for (const [name] of FLAGS) answers[name] = crs[name] === true;
  return answers;
}

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
  const testSlot = h("div", { class: "cec-rows" });
  const addTest = h("button", { type: "button", class: "md-button" }, t("ui.crs_spouse_add_test"));
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
    testSlot,
    addTest,
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

  // The spouse's test: the language-test row, its controls renamed to their field paths.
  const spouseTest = () => testSlot.querySelector(".cec-test");
  function setTest(result) {
    testSlot.replaceChildren();
    addTest.hidden = Boolean(result);
    if (!result) return null;
    const row = testRow(metadata, result, {
      onRemove: () => {
        setTest(null);
        addTest.focus();
      },
    });
    row.querySelector("legend").textContent = t("ui.crs_spouse_test_legend");
    row
      .querySelector('[data-action="remove"]')
      .replaceChildren(t("ui.remove"), " ", h("span", { class: "cec-sr" }, t("ui.crs_spouse_test_remove")));
    for (const control of row.querySelectorAll("[data-field]")) {
      control.dataset.field = `${SPOUSE_TEST}.${control.dataset.field}`;
    }
    testSlot.append(row);
    return row;
  }
  addTest.addEventListener("click", () => setTest({}).querySelector("select").focus());

  function readSpouseTest() {
    const row = spouseTest();
    if (!row) return null;
    const value = (name) => row.querySelector(`[data-field="${SPOUSE_TEST}.${name}"]`).value.trim();
    const result = { test: value("test") || null, date: value("date") || null };
    for (const ability of ABILITIES) result[ability] = number(value(ability));
    return result;
  }

  function read() {
    if (!on.checked) return {};
    const answers = { spouse_test: readSpouseTest() };
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
    setTest(answers.spouse_test);
    show();
  }

  fill(null);
  return { element, read, fill };
}
