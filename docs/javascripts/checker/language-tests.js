// One language test's row of the form: the tests grouped by language, the date, and a score per
// ability whose range follows the chosen test's scale on that date.

import { h } from "./dom.js";
import { field, fieldNumber, fieldValue, nextId } from "./fields.js";
import { ABILITIES, scaleNote, scaleOn } from "./metadata.js";

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

/** A test row; `onRemove(row)` is the form's (it renumbers the rows). */
export function testRow(metadata, result, { onRemove }) {
  const { t } = metadata;
  const test = testSelect(metadata);
  const date = h("input", { type: "date", dataset: { field: "date" } });
  const note = h("p", { class: "cec-hint cec-scale", id: nextId("s") });
  const scores = ABILITIES.map((ability) =>
    h("input", { type: "number", inputmode: "decimal", step: "any", dataset: { field: ability } }),
  );
  const remove = h("button", { type: "button", class: "cec-link-button", dataset: { action: "remove" } });
  const row = h(
    "fieldset",
    { class: "cec-row cec-test", dataset: { kind: "test" } },
    h("legend", {}),
    h(
      "div",
      { class: "cec-grid" },
      field(t, { label: t("ui.test_label"), control: test }),
      field(t, { label: t("ui.test_date_label"), control: date, hint: t("ui.test_date_hint") }),
    ),
    note,
    h(
      "div",
      { class: "cec-grid cec-scores" },
      ABILITIES.map((ability, index) => {
        const wrapper = field(t, { label: metadata.abilityLabel(ability), control: scores[index] });
        scores[index].setAttribute("aria-describedby", note.id);
        return wrapper;
      }),
    ),
    h("div", { class: "cec-row-actions" }, remove),
  );

  function showScale() {
    const chosen = metadata.testsById[test.value];
    const scale = chosen && scaleOn(chosen, date.value);
    scores.forEach((input, index) => {
      for (const name of ["min", "max"]) input.removeAttribute(name);
      if (chosen) {
        input.min = scale[ABILITIES[index]].min;
        input.max = scale[ABILITIES[index]].max;
      }
    });
    note.textContent = scaleNote(metadata, chosen, date.value);
  }
  test.addEventListener("change", showScale);
  date.addEventListener("change", showScale);
  remove.addEventListener("click", () => onRemove(row));

  test.value = result.test || "";
  if (result.test && test.value !== result.test) test.value = "";
  date.value = result.date || "";
  scores.forEach((input, index) => {
    const score = result[ABILITIES[index]];
    input.value = score === null || score === undefined ? "" : String(score);
  });
  showScale();
  return row;
}

/** The row as the contract's language test result. */
export function readTest(row) {
  const result = { test: fieldValue(row, "test") || null, date: fieldValue(row, "date") || null };
  for (const ability of ABILITIES) result[ability] = fieldNumber(row, ability);
  return result;
}
