// The form metadata embedded in the page at build time (pycore.metadata.form_metadata()), read
// into the one shape the form and the results use. It reads exactly the names Python sends:
// a missing one is a build that went wrong, not something to guess around.

import { translator } from "./i18n.js";

export const ABILITIES = ["reading", "writing", "listening", "speaking"];
// Catalog keys of each ability's label, written out so a test can see every key in use.
const ABILITY_KEYS = {
  reading: "ui.ability_reading",
  writing: "ui.ability_writing",
  listening: "ui.ability_listening",
  speaking: "ui.ability_speaking",
};

/** The page's embedded configuration: {runtime, metadata} (with the search's titles digest). */
export function readConfig(root) {
  const block = root.ownerDocument.getElementById("cec-config");
  if (!block) throw new Error("cec-config");
  const config = JSON.parse(block.textContent);
  const metadata = readMetadata(config.metadata);
  metadata.titlesIntegrity = config.titles.integrity; // the search's titles file, checked on fetch
  return { runtime: config.runtime, metadata };
}

/** The metadata as the front end uses it, with `t` rendering its catalog keys. */
export function readMetadata(raw) {
  const { thresholds, bounds } = raw;
  const t = translator(raw.messages, raw.labels);
  const tests = raw.tests.map((test) => ({
    id: test.id,
    name: test.name,
    language: test.language,
    levelName: test.level_name,
    lowestLevel: test.lowest_level,
    acceptedFrom: test.accepted_from,
    scale: readScale(test.scale),
    // The order the test's result prints the four scores in (chart data), so the form asks in it.
    printOrder: test.print_order,
    // A test's scale can change with the test date (TEF Canada moved to 0-699 in 2023).
    versions: test.versions
      .map((version) => ({ effective: version.effective, scale: readScale(version.scale) }))
      .sort((a, b) => (a.effective < b.effective ? -1 : 1)),
  }));
  return {
    t,
    abilityLabel: (ability) => t(ABILITY_KEYS[ability]),
    tests,
    testsById: Object.fromEntries(tests.map((test) => [test.id, test])),
    teers: raw.teer.map((item) => ({ teer: Number(item.teer), description: item.description })),
    hoursRequired: thresholds.hours_required,
    weeklyCap: thresholds.weekly_hours_cap,
    windowYears: thresholds.window_years,
    validityYears: thresholds.validity_years,
    hoursBounds: bounds.hours_per_week,
    limits: {
      bytes: raw.limits.most_profile_bytes,
      jobs: raw.limits.most_jobs,
      tests: raw.limits.most_language_tests,
      titleCharacters: raw.limits.most_title_characters,
      depth: raw.limits.most_nesting_depth,
      // The choices the form offers: answers from outside naming another are left out.
      known: {
        test: new Set(raw.tests.map((test) => test.id)),
        education: new Set(raw.crs.education.map((item) => item.value)),
        canadian_education: new Set(["none", ...raw.crs.canadian_education.map((item) => item.value)]),
      },
    },
    nocCode: {
      pattern: new RegExp(`^(?:${bounds.noc_code.pattern})$`),
      length: bounds.noc_code.length,
      teerDigit: bounds.noc_code.teer_digit,
    },
    sources: Object.fromEntries(raw.provisions.map((source) => [source.id, source])),
    requirements: Object.fromEntries(raw.requirements.map((item) => [item.id, item])),
    nextLinks: raw.next_links,
    itaResponseDays: raw.ita_response_days,
    crs: {
      education: raw.crs.education,
      canadianEducation: raw.crs.canadian_education,
      yearsMax: raw.crs.years_max,
      windowYears: raw.crs.window_years,
      guide: raw.crs.guide,
      changesAhead: raw.crs.changes_ahead,
    },
    // The other Express Entry programs' form facts (pycore/programs_form.py), as Python sends them.
    programs: raw.programs,
  };
}

function readScale(scale) {
  return Object.fromEntries(
    ABILITIES.map((ability) => {
      const { min, max, step } = scale[ability];
      return [ability, { min: Number(min), max: Number(max), step: Number(step) }];
    }),
  );
}

/** The test's scale for a test taken on `date` (ISO; the newest scale when no date yet). */
export function scaleOn(test, date) {
  let scale = test.scale;
  if (date) {
    for (const version of test.versions) if (version.effective <= date) scale = version.scale;
  }
  return scale;
}

/** "0 to 9, steps of 0.5" for one ability of a scale. */
export function scaleText(t, scale, ability) {
  const { min, max, step } = scale[ability];
  return step === 1 ? t("ui.scale_whole", { min, max }) : t("ui.scale_steps", { min, max, step });
}

/** The sentence under a test's scores: one scale for all four abilities, or each in turn. */
export function scaleNote(metadata, test, date) {
  const { t } = metadata;
  if (!test) return t("ui.scale_choose");
  const scale = scaleOn(test, date);
  const parts = ABILITIES.map((ability) => scaleText(t, scale, ability));
  if (parts.every((part) => part === parts[0])) return t("ui.scale_same", { test_name: test.name, scale: parts[0] });
  const each = ABILITIES.map((ability, i) =>
    t("ui.scale_ability", { ability: metadata.abilityLabel(ability).toLowerCase(), scale: parts[i] }),
  );
  return t("ui.scale_each", { test_name: test.name, scales: each.join("; ") });
}
