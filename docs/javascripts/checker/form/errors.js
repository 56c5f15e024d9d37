// Errors shown to a person: beside each field they name (tied to it by aria-describedby) and
// in a summary at the top of the form, whether they came from validate.js or from the engine.

import { h } from "../dom.js";

/** The error display of `form`; `rows()` gives {jobs, tests}, the current rows in order. */
export function errorDisplay(form, summary, rows, t) {
  /** The control an error's field path names, or null when it names none on the form. */
  function controlFor(path) {
    const match = /^(jobs|language_tests)\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (!match) return form.querySelector(`[data-field="${path}"]`);
    const row = (match[1] === "jobs" ? rows().jobs : rows().tests)[Number(match[2])];
    if (!row) return null;
    if (!match[3]) return row.querySelector("input, select");
    return row.querySelector(`[data-field="${match[3]}"]`);
  }

  function labelOf(control) {
    const row = control.closest(".cec-row");
    const label = form.querySelector(`label[for="${control.id}"]`);
    const text = label ? label.firstChild.textContent.trim() : control.dataset.field;
    return row ? t("ui.error_label_in_row", { row: row.querySelector("legend").textContent, label: text }) : text;
  }

  const describedBy = (control) => (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);

  function clear() {
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    for (const message of form.querySelectorAll(".cec-field-error")) {
      message.hidden = true;
      message.textContent = "";
      const control = message.parentElement.querySelector("[data-field]");
      if (control) {
        const ids = describedBy(control).filter((id) => id !== message.id);
        if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
        else control.removeAttribute("aria-describedby");
      }
    }
    summary.hidden = true;
    summary.querySelector("ul").replaceChildren();
  }

  /** Show errors beside their fields and in the summary; focus the first; returns the announcement. */
  function show(errors) {
    clear();
    const list = summary.querySelector("ul");
    let first = null;
    for (const error of errors) {
      const control = controlFor(error.field);
      if (!control) {
        list.append(h("li", {}, t("ui.error_item", { label: error.field, message: error.message })));
        continue;
      }
      const slot = control.parentElement.querySelector(".cec-field-error");
      control.setAttribute("aria-invalid", "true");
      if (slot) {
        slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
        slot.hidden = false;
        const ids = describedBy(control);
        if (!ids.includes(slot.id)) control.setAttribute("aria-describedby", [slot.id, ...ids].join(" "));
      }
      first = first || control;
      const text = t("ui.error_item", { label: labelOf(control), message: error.message });
      const focus = (event) => {
        event.preventDefault();
        control.focus();
      };
      list.append(h("li", {}, h("a", { href: `#${control.id}`, onclick: focus }, text)));
    }
    summary.hidden = errors.length === 0;
    if (first) first.focus();
    else if (errors.length) summary.focus();
    if (!errors.length) return "";
    const facts = { count: errors.length, first: list.firstChild.textContent };
    return errors.length === 1 ? t("ui.errors_one", facts) : t("ui.errors_many", facts);
  }

  return { show, clear };
}
