// One check, from the answers to the result on the page: the form's own checks, the engine's
// answer (or its errors on the fields), the result rendered and announced. Kept apart from
// main.js (which wires the page) because this is the cycle every submit, loaded file and share
// link goes through, with its one rule about order: only the newest check may show a result.

import { TooLong } from "./engine/engine.js";
import { renderResults, verdictText } from "./results/results.js";

/**
 * `runCheck({fromPerson})` for the page `root`: `fromPerson` is true when the person asked
 * (submit, a loaded file), which keeps the answers if "remember" is on and moves focus to the
 * result. `status` is the page's engineStatus; `tell` and `announce` speak to the person.
 */
export function checkRunner(root, { engine, form, tools, status, metadata, results, tell, announce }) {
  const { t } = metadata;
  let sequence = 0;

  return async function runCheck({ fromPerson }) {
    const mine = ++sequence; // a newer check supersedes this one
    const errors = form.validate();
    if (errors.length) {
      status.setBusy(false);
      results.hidden = true; // an older result would no longer match the answers
      announce(form.showErrors(errors));
      return;
    }
    form.clearErrors();
    const profile = form.readProfile();
    if (fromPerson && tools.rememberBox.checked) tools.keep(profile);
    status.setBusy(true);
    let output;
    try {
      output = await engine.check(JSON.stringify(profile));
    } catch (error) {
      if (mine !== sequence) return;
      status.setBusy(false);
      if (error instanceof TooLong) {
        results.hidden = true;
        tell(t("ui.check_too_long"));
      } else status.showUnavailable();
      return;
    }
    // A newer check was submitted meanwhile, or Material re-rendered the page (the new one checks).
    if (mine !== sequence || !document.contains(root)) return;
    status.setBusy(false);
    const answer = JSON.parse(output);
    if (answer.errors) {
      results.hidden = true;
      announce(form.showErrors(answer.errors));
      return;
    }
    const verdict = renderResults(results, { profile, assessment: answer, metadata });
    performance.mark("cec:result");
    announce(t("ui.announce_result", { verdict: verdictText(t, answer.eligible) }));
    if (fromPerson) results.focus({ preventScroll: true });
    verdict.scrollIntoView({ block: "start" });
  };
}
