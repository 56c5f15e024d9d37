// Labelled controls: each with its hint and an (empty, hidden) slot for its error message, so
// errors can be shown beside the field and tied to it with aria-describedby.

import { h } from "../dom.js";

let uid = 0;
export const nextId = (prefix) => `cec-${prefix}${++uid}`;

/** A labelled control with a hint and a slot for its error message. */
export function field(t, { label, control, hint, optional = false, className = "" }) {
  if (!control.id) control.id = nextId("f");
  const id = control.id;
  let hintElement = null;
  if (hint) {
    hintElement = h("p", { class: "cec-hint", id: `${id}-hint` }, hint);
    control.setAttribute("aria-describedby", hintElement.id);
  }
  return h(
    "div",
    { class: `cec-field ${className}`.trim() },
    h("label", { for: id }, label, optional ? h("span", { class: "cec-optional" }, ` ${t("ui.optional")}`) : null),
    hintElement,
    h("p", { class: "cec-field-error", id: `${id}-error`, hidden: true }),
    control,
  );
}

/** A checkbox with its one-line explanation. */
export function checkbox({ label, hint, checked, fieldName }) {
  const input = h("input", { type: "checkbox", id: nextId("c"), dataset: { field: fieldName } });
  input.checked = checked;
  const hintId = `${input.id}-hint`;
  input.setAttribute("aria-describedby", hintId);
  return h(
    "div",
    { class: "cec-check" },
    input,
    h("label", { for: input.id }, label),
    h("p", { class: "cec-hint", id: hintId }, hint),
    h("p", { class: "cec-field-error", id: `${input.id}-error`, hidden: true }),
  );
}

/** The trimmed value of the row's control for `name`. */
export const fieldValue = (row, name) => row.querySelector(`[data-field="${name}"]`).value.trim();

/** A number input's value as a number, or null when empty. */
export const fieldNumber = (row, name) => (fieldValue(row, name) === "" ? null : Number(fieldValue(row, name)));

/**
 * Fill the TEER ``select`` from the NOC code typed in ``input`` once the code is complete (its
 * digit names the TEER; ``nocCode`` is the form metadata's code format). Calls ``onCode(code)``
 * on every change (the occupation search names the code typed).
 */
export function teerFollowsCode(input, select, nocCode, onCode = () => {}) {
  input.addEventListener("input", () => {
    const code = input.value.trim();
    const digit = code[nocCode.teerDigit];
    if (nocCode.pattern.test(code) && select.querySelector(`option[value="${digit}"]`)) select.value = digit;
    onCode(code);
  });
}
