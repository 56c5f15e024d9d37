// One language test's row of the form: the tests grouped by language, the result date, and a
// score per ability, asked in the order the chosen test's result prints them (chart data), each
// with its scale beside it on that date. A row left untouched is no test (isEmptyTest).

import { h } from "../dom.js";
import { ABILITIES, scaleNote, scaleOn, scaleText } from "../i18n/metadata.js";
import { field, fieldNumber, fieldValue, nextId } from "./fields.js";

// Catalog keys of the test languages named in the metadata.
const LANGUAGE_KEYS = { english: "ui.language_english", french: "ui.language_french" };

function testSelect({ t, tests }) {
  const select = h("select", { dataset: { field: "test" } }, h("option", { value: "" }, t("ui.test_choose")));
  for (const language of new Set(tests.map((test) => test.language))) {
    const group = h("optgroup", { label: LANGUAGE_KEYS[language] ? t(LANGUAGE_KEYS[language]) : language });
    for (const test of tests.filter((item) => item.language === language)) {
      group.append(h("option", { value: test.id }, test.name));
    }
    select.append(group);
  }
  return select;
}

/** The abilities in the order `test`'s result prints them (the metadata's order without a test). */
export const abilityOrder = (test) => (test?.printOrder?.length === ABILITIES.length ? test.printOrder : ABILITIES);

/** Whether a row read by readTest was left untouched: no test, no date, no score (= no test). */
export const isEmptyTest = (result) =>
  !result.test && !result.date && ABILITIES.every((ability) => result[ability] === null);

/** A test row; `onRemove(row)` is the form's (it renumbers the rows). */
export function testRow(metadata, result, { onRemove }) {
  const { t } = metadata;
  const test = testSelect(metadata);
  const date = h("input", { type: "date", dataset: { field: "date" } });
  const note = h("p", { class: "cec-hint cec-scale", id: nextId("s") });
  const scores = {};
  const scales = {};
  const wrappers = {};
  for (const ability of ABILITIES) {
    scores[ability] = h("input", { type: "number", inputmode: "decimal", step: "any", dataset: { field: ability } });
    scales[ability] = h("span", { class: "cec-scale-one", id: nextId("s") });
    wrappers[ability] = field(t, { label: metadata.abilityLabel(ability), control: scores[ability] });
    wrappers[ability].dataset.ability = ability;
    wrappers[ability].querySelector("label").append(" ", scales[ability]);
    scores[ability].setAttribute("aria-describedby", note.id);
  }
  const grid = h("div", { class: "cec-grid cec-scores" });
  const remove = h("button", { type: "button", class: "cec-link-button", dataset: { action: "remove" } });
  const row = h(
    "fieldset",
    { class: "cec-row cec-test", dataset: { kind: "test" } },
    h("legend", {}),
    h(
      "div",
      { class: "cec-grid" },
      field(t, { label: t("ui.test_label"), control: test }),
      field(t, {
        label: t("ui.test_date_label"),
        control: date,
        hint: t("ui.test_date_hint", { validity_years: metadata.validityYears }),
      }),
    ),
    note,
    grid,
    h("div", { class: "cec-row-actions" }, remove),
  );

  function showScale() {
    const chosen = metadata.testsById[test.value];
    const scale = chosen && scaleOn(chosen, date.value);
    for (const ability of ABILITIES) {
      const input = scores[ability];
      for (const name of ["min", "max"]) input.removeAttribute(name);
      if (chosen) {
        input.min = scale[ability].min;
        input.max = scale[ability].max;
      }
      scales[ability].textContent = chosen ? t("ui.scale_beside", { scale: scaleText(t, scale, ability) }) : "";
    }
    // Fields in the order the result prints them; moving a node keeps its value and focus order.
    grid.replaceChildren(...abilityOrder(chosen).map((ability) => wrappers[ability]));
    note.textContent = scaleNote(metadata, chosen, date.value);
  }
  test.addEventListener("change", showScale);
  date.addEventListener("change", showScale);
  remove.addEventListener("click", () => onRemove(row));

  test.value = result.test || "";
  if (result.test && test.value !== result.test) test.value = "";
  date.value = result.date || "";
  for (const ability of ABILITIES) {
    const score = result[ability];
    scores[ability].value = score === null || score === undefined ? "" : String(score);
  }
  showScale();
  return row;
}

/** The row as the contract's language test result. */
export function readTest(row) {
  const result = { test: fieldValue(row, "test") || null, date: fieldValue(row, "date") || null };
  for (const ability of ABILITIES) result[ability] = fieldNumber(row, ability);
  return result;
}
