// What the result says beyond met / not met, as sentences from the catalog and the engine's
// facts (no rule or number of its own): every reason a job was left out, why this language
// level, the scores that reach it without a valid result, and whether the verdict should show
// the invitation's safe window. Pure functions (t and the engine's JSON in, text out), so Node
// tests can check them.

/** A job's lines: the engine's sentence, then each reason when there is more than one. */
export function jobReasons(result) {
  const reasons = result.reason_messages || [];
  return reasons.length > 1 ? reasons : [];
}

/** An occupation as the result names it: its NOC code, or "TEER n work" without one. */
function occupationName(t, item) {
  return /^\d+$/.test(item.occupation)
    ? t("ui.level_occupation_code", { code: item.occupation, teer: item.teer })
    : t("ui.level_occupation_teer", { teer: item.teer });
}

/** Why this language level: the occupation with the most experience, its TEER, the tie rule. */
export function levelExplanation(t, facts) {
  const ranked = facts.occupation_hours || [];
  const level = facts.required_clb;
  if (!ranked.length || level === null || level === undefined) return [];
  const main = ranked[0];
  const levelName = facts.level_name || "CLB";
  const lines = [
    t(ranked.length > 1 ? "ui.level_why_several" : "ui.level_why", {
      occupation: occupationName(t, main),
      hours: main.hours,
      teer: main.teer,
      level_name: levelName,
      level,
    }),
  ];
  if (facts.level_tie) {
    const tied = ranked.filter((item) => item.hours === main.hours).map((item) => occupationName(t, item));
    lines.push(t("ui.level_tie", { occupations: tied, level_name: levelName, level }));
  }
  return lines;
}

/** The target without a valid result: "you need CLB 5 in each ability (TEER 3)" and per test. */
export function targetLines(t, facts, abilityLabel) {
  const targets = facts.targets || [];
  if (!targets.length) return null;
  const intro =
    facts.main_teer === null || facts.main_teer === undefined
      ? t("ui.target_intro_any", { level: facts.target_level })
      : t("ui.target_intro", { level: facts.target_level, teer: facts.main_teer });
  const lines = targets.map((target) =>
    t("ui.target_test", {
      test_name: target.name,
      level_name: target.level_name,
      level: target.level,
      scores: target.scores.map((item) =>
        t("ui.target_score", { ability: abilityLabel(item.ability).toLowerCase(), score: item.text }),
      ),
    }),
  );
  return { intro, lines };
}

/** Whether the verdict shows the invitation's safe window instead of "not met". */
export const showsWindow = (assessment) =>
  assessment.eligible === false &&
  Boolean(assessment.invitation?.safe_window) &&
  !assessment.invitation.application_date_in_window;
