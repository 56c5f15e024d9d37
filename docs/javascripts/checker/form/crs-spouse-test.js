// The spouse's language test in the ranking section: the form's language-test row, relabelled
// for the spouse and its controls renamed to their field paths (`crs.spouse.language_test.reading`)
// so that the engine's errors land on them. At most one test; "Add" shows while there is none.
// Apart from crs-form.js because it is a row of its own, with its own build, read and fill.

import { h } from "../dom.js";
import { ABILITIES } from "../i18n/metadata.js";
import { number } from "./crs-answers.js";
import { testRow } from "./language-tests.js";

const SPOUSE_TEST = "crs.spouse.language_test";

/**
 * The slot for the spouse's test: `elements` (the row's place and its "Add" button), `read()`
 * the test result or null, `fill(result)` (null for none).
 */
export function spouseTestSlot(metadata) {
  const { t } = metadata;
  const slot = h("div", { class: "cec-rows" });
  const addTest = h("button", { type: "button", class: "md-button" }, t("ui.crs_spouse_add_test"));

  function fill(result) {
    slot.replaceChildren();
    addTest.hidden = Boolean(result);
    if (!result) return null;
    const row = testRow(metadata, result, {
      onRemove: () => {
        fill(null);
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
    slot.append(row);
    return row;
  }
  addTest.addEventListener("click", () => fill({}).querySelector("select").focus());

  function read() {
    const row = slot.querySelector(".cec-test");
    if (!row) return null;
    const value = (name) => row.querySelector(`[data-field="${SPOUSE_TEST}.${name}"]`).value.trim();
    const result = { test: value("test") || null, date: value("date") || null };
    for (const ability of ABILITIES) result[ability] = number(value(ability));
    return result;
  }

  return { elements: [slot, addTest], read, fill };
}
