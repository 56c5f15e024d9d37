// The language part of the result: a table of levels per valid test, the invalid ones with the
// engine's reason, and the next steps (what to raise, when the best result expires).

import { h } from "../dom.js";
import { abilityOrder } from "../form/language-tests.js";
import { levelExplanation, targetLines } from "./results-explain.js";

/** A next step: "Next step: " in bold, then the sentence. */
export const nextStep = (t, text) => h("p", { class: "cec-next" }, h("strong", {}, t("ui.next_step")), text);

export function languageFigures(requirement, { profile, assessment, metadata }) {
  const { t } = metadata;
  const facts = requirement.facts || {};
  const required = facts.required_clb ?? assessment.required_clb;
  const known = required !== null && required !== undefined;
  const out = levelExplanation(t, facts).map((line) => h("p", { class: "cec-level-why" }, line));
  const target = targetLines(t, facts, metadata.abilityLabel);
  if (target) {
    out.push(
      h(
        "div",
        { class: "cec-target", "data-testid": "language-target" },
        h("p", {}, target.intro),
        h(
          "ul",
          {},
          target.lines.map((line) => h("li", {}, line)),
        ),
      ),
    );
  }
  (profile.language_tests || []).forEach((test, index) => {
    const result = (assessment.language_tests || [])[index] || {};
    const info = metadata.testsById[test.test];
    const caption = t("ui.test_caption", {
      test_name: info ? info.name : test.test,
      date: test.date ? t.date(test.date) : "",
    });
    if (!result.valid) {
      const reason = result.message || t("ui.test_not_valid", { reason: result.invalid_because });
      out.push(h("p", { class: "cec-test-invalid" }, h("strong", {}, caption), t("ui.colon"), reason));
      return;
    }
    const clb = result.clb || {};
    const level = (value) => {
      if (value === undefined) return "–";
      return info && value < info.lowestLevel ? t("ui.level_below", { level: info.lowestLevel }) : String(value);
    };
    const header = (key) => h("th", { scope: "col" }, key);
    out.push(
      h(
        "table",
        { class: "cec-levels" },
        h("caption", {}, caption, result.valid_until ? t("ui.test_valid_until", { date: result.valid_until }) : ""),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            header(t("ui.levels_ability")),
            header(t("ui.levels_score")),
            header(info ? info.levelName : result.level_name),
            header(t("ui.levels_needed")),
          ),
        ),
        h(
          "tbody",
          {},
          abilityOrder(info).map((ability) => {
            const short = known && clb[ability] < required;
            return h(
              "tr",
              { class: short ? "cec-short" : null },
              h("th", { scope: "row" }, metadata.abilityLabel(ability)),
              h("td", {}, String(test[ability])),
              h("td", {}, level(clb[ability]), short ? h("span", { class: "cec-sr" }, t("ui.level_short")) : null),
              h("td", {}, known ? String(required) : "–"),
            );
          }),
        ),
      ),
    );
  });
  for (const step of languageNextSteps(requirement, { profile, assessment, metadata })) out.push(nextStep(t, step));
  return out;
}

/** Sentences on what to raise (from the engine's shortfalls) and when the best test expires. */
function languageNextSteps(requirement, { profile, assessment, metadata }) {
  const { t } = metadata;
  const facts = requirement.facts || {};
  const steps = [];
  const shortfalls = facts.shortfalls || [];
  if (shortfalls.length) {
    const parts = shortfalls.map((item) =>
      t("ui.next_raise_part", { ability: metadata.abilityLabel(item.ability).toLowerCase(), score: item.score_needed }),
    );
    steps.push(t("ui.next_raise", { parts, test_name: facts.test_name || t("ui.next_your_test") }));
  } else if (
    (requirement.reasons || []).some((code) => code === "language.no_test" || code === "language.no_valid_test")
  ) {
    steps.push(t("ui.next_take_test", { validity_years: metadata.validityYears }));
  }
  const best = Number.isInteger(facts.best_test) ? (assessment.language_tests || [])[facts.best_test] : null;
  if (best?.valid && best.valid_until) {
    const info = metadata.testsById[profile.language_tests[facts.best_test]?.test];
    steps.push(t("ui.next_valid_until", { test_name: info ? info.name : best.name, date: best.valid_until }));
  }
  return steps;
}
