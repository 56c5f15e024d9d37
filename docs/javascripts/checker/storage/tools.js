// The save-or-share panel: a share link out and (pasted) in, an answers file out and in, and
// the opt-in "remember on this device". Answers only ever go to the clipboard, a file the person
// saves, or this browser's storage.

import { bidi, h, isolate } from "../dom.js";
import { Refused } from "./answers.js";
import * as share from "./share.js";

/** Why answers were refused, in words: a Refused's reason, else a plain "could not be read". */
export const reasonText = (t, error) =>
  error instanceof Refused ? t(error.key, error.facts) : t("ui.reason_unreadable");

/** The panel for `form`; `onLoaded()` checks answers just loaded from a file or a pasted link. */
export function buildTools(formElement, form, { t, limits, onLoaded }) {
  const note = h("p", { class: "cec-tools-note", role: "status" });
  const say = (key, facts) => {
    note.textContent = t(key, facts);
  };
  const linkBox = h("input", {
    type: "text",
    readonly: true,
    class: "cec-share-box",
    "aria-label": t("ui.share_box_label"),
    hidden: true,
  });
  const fileInput = h("input", {
    type: "file",
    id: "cec-load-file",
    accept: "application/json,.json",
    class: "cec-file",
  });
  const pasteInput = h("input", {
    type: "text",
    id: "cec-paste-link",
    class: "cec-paste-box",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "cec-paste-hint",
  });
  const rememberBox = h("input", { type: "checkbox", id: "cec-remember", "aria-describedby": "cec-remember-hint" });
  const forgetButton = h("button", { type: "button", class: "md-button" }, t("ui.forget"));

  const copy = async () => {
    const link = share.shareLink(form.readProfile());
    try {
      await navigator.clipboard.writeText(link);
      say("ui.share_copied");
      linkBox.hidden = true;
    } catch {
      // No clipboard (permission, insecure context): show the link to copy by hand.
      linkBox.value = link;
      linkBox.hidden = false;
      linkBox.select();
      say("ui.share_copy_yourself");
    }
  };
  // Keep the answers when "remember" is on; when storage is full or blocked, say so and untick.
  const keep = (profile) => {
    if (share.remember(profile)) return true;
    rememberBox.checked = false;
    say("ui.remember_failed");
    return false;
  };
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    fileInput.value = "";
    let answers;
    try {
      answers = await share.readProfileFile(file, limits); // the size is checked before reading
    } catch (error) {
      say("ui.load_failed", { reason: reasonText(t, error) });
      return;
    }
    if (!(await form.fillProfile(answers.profile))) return;
    note.replaceChildren(
      ...bidi([t("ui.loaded", { file: isolate(file.name) }), oddText(answers.odd)].join(" ").trim()),
    );
    onLoaded();
  });
  const oddText = (count) => (count ? t("ui.answers_odd_values", { count }) : "");
  // A pasted link opens like a visited one (same checks), minus the visit: no history entry.
  const openPasted = async () => {
    let answers;
    try {
      answers = share.profileFromPasted(pasteInput.value, limits);
    } catch (error) {
      pasteInput.setAttribute("aria-invalid", "true");
      say("ui.paste_failed", { reason: reasonText(t, error) });
      return;
    }
    pasteInput.removeAttribute("aria-invalid");
    if (!(await form.fillProfile(answers.profile))) return;
    pasteInput.value = ""; // the link holds the answers: not left on the page
    note.textContent = [t("ui.paste_opened"), oddText(answers.odd)].join(" ").trim();
    onLoaded();
  };
  pasteInput.addEventListener("input", () => pasteInput.removeAttribute("aria-invalid"));
  rememberBox.addEventListener("change", () => {
    if (rememberBox.checked) {
      if (keep(form.readProfile())) say("ui.remember_on");
    } else {
      share.forget();
      say("ui.remember_off");
    }
  });
  forgetButton.addEventListener("click", async () => {
    rememberBox.checked = false;
    await share.forget();
    say("ui.forgotten");
  });
  formElement.addEventListener("change", () => {
    if (rememberBox.checked) keep(form.readProfile());
  });

  const button = (text, onclick) => h("button", { type: "button", class: "md-button", onclick }, text);
  const section = h(
    "section",
    { class: "cec-tools", "aria-labelledby": "cec-tools-title" },
    h("h2", { id: "cec-tools-title" }, t("ui.tools_title")),
    h(
      "div",
      { class: "cec-tools-buttons" },
      button(t("ui.share_copy"), copy),
      button(t("ui.download"), () => share.downloadProfile(form.readProfile())),
    ),
    h("p", { class: "cec-hint" }, t("ui.share_explain")),
    linkBox,
    h("div", { class: "cec-field" }, h("label", { for: fileInput.id }, t("ui.load_label")), fileInput),
    h(
      "div",
      { class: "cec-field cec-paste" },
      h("label", { for: pasteInput.id }, t("ui.paste_label")),
      h("p", { class: "cec-hint", id: "cec-paste-hint" }, t("ui.paste_hint")),
      // Its own small form, so Enter in the field opens the link (the check form is apart).
      h(
        "form",
        {
          class: "cec-paste-row",
          novalidate: true,
          onsubmit: (event) => {
            event.preventDefault();
            openPasted();
          },
        },
        pasteInput,
        h("button", { type: "submit", class: "md-button" }, t("ui.paste_open")),
      ),
    ),
    h(
      "div",
      { class: "cec-check" },
      rememberBox,
      h("label", { for: rememberBox.id }, t("ui.remember_label")),
      h("p", { class: "cec-hint", id: "cec-remember-hint" }, t("ui.remember_hint")),
    ),
    forgetButton,
    note,
  );
  return { section, rememberBox, keep, say, oddText };
}
