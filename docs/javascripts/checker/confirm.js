// A yes-or-no question in a modal <dialog>: the browser keeps focus inside it, Escape answers
// no, and focus returns where it was. Resolves to true only for the confirming button.

import { h } from "./dom.js";

/** Ask `text` under `title`; `yes` and `no` label the buttons. Resolves to a boolean. */
export function ask({ title, text, yes, no }) {
  return new Promise((resolve) => {
    const titleId = "cec-confirm-title";
    const textId = "cec-confirm-text";
    const noButton = h("button", { type: "button", class: "md-button" }, no);
    const yesButton = h("button", { type: "button", class: "md-button md-button--primary" }, yes);
    const dialog = h(
      "dialog",
      { class: "cec-confirm md-typeset", "aria-labelledby": titleId, "aria-describedby": textId },
      h("h2", { id: titleId }, title),
      h("p", { id: textId }, text),
      h("div", { class: "cec-confirm-buttons" }, noButton, yesButton),
    );
    const answer = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    noButton.addEventListener("click", () => answer(false));
    yesButton.addEventListener("click", () => answer(true));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      answer(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    noButton.focus(); // the safe answer first
  });
}
