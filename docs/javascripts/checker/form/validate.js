// Checks the form runs before asking the engine, so obvious slips are shown at once and without
// waiting for Python. Pure: the profile as the form reads it and the form metadata in, the
// contract's error list out ({field: "jobs[0].end", code, message}). Every bound comes from the
// metadata; the engine (pycore/validation.py) stays the judge of anything these miss.

import { ABILITIES, scaleOn, scaleText } from "../i18n/metadata.js";
import { codePoints } from "../storage/answers.js";

/**
 * The errors in `profile`; `ongoing[i]` is true when job i's end was left open on purpose
 * ("I still work here"), which a null `end` alone cannot tell from a forgotten one.
 */
export function validate(profile, metadata, ongoing = []) {
  const { t } = metadata;
  const errors = [];
  const add = (field, code, facts = {}) => errors.push({ field, code, message: t(code, facts) });
  if (!profile.application_date) add("application_date", "ui.check_application_date");
  for (const [i, job] of profile.jobs.entries()) checkJob(job, `jobs[${i}]`, Boolean(ongoing[i]), metadata, add);
  for (const [i, result] of profile.language_tests.entries()) {
    checkTest(result, `language_tests[${i}]`, metadata, add);
  }
  return errors;
}

function checkJob(job, path, ongoing, { nocCode, hoursBounds, limits }, add) {
  // Counted as the engine counts it (code points): the field's maxlength counts UTF-16 units.
  if (job.title !== undefined && codePoints(job.title) > limits.titleCharacters)
    add(`${path}.title`, "ui.check_title_length", { most: limits.titleCharacters });
  if (job.noc_code !== undefined) {
    const digit = job.noc_code[nocCode.teerDigit];
    if (!nocCode.pattern.test(job.noc_code)) add(`${path}.noc_code`, "ui.check_noc_format");
    else if (job.teer !== null && Number(digit) !== job.teer)
      add(`${path}.noc_code`, "ui.check_noc_teer", { noc_code: job.noc_code, digit, teer: job.teer });
  }
  if (job.teer === null) add(`${path}.teer`, "ui.check_teer");
  if (!job.start) add(`${path}.start`, "ui.check_start");
  if (!ongoing && !job.end) add(`${path}.end`, "ui.check_end");
  if (job.start && job.end && job.end < job.start) add(`${path}.end`, "ui.check_end_before_start");
  const hours = job.hours_per_week;
  if (hours === null || !Number.isFinite(hours)) add(`${path}.hours_per_week`, "ui.check_hours");
  else if (hours <= hoursBounds.above || hours > hoursBounds.max)
    add(`${path}.hours_per_week`, "ui.check_hours_range", { lowest: hoursBounds.above, highest: hoursBounds.max });
}

function checkTest(result, path, metadata, add) {
  const test = metadata.testsById[result.test];
  if (!test) add(`${path}.test`, "ui.check_test");
  if (!result.date) add(`${path}.date`, "ui.check_test_date");
  for (const ability of ABILITIES) {
    const score = result[ability];
    const name = metadata.abilityLabel(ability).toLowerCase();
    if (score === null || !Number.isFinite(score)) {
      add(`${path}.${ability}`, "ui.check_score", { ability: name });
    } else if (test) {
      const scale = scaleOn(test, result.date);
      const { min, max, step } = scale[ability];
      const steps = (score - min) / step;
      if (score < min || score > max || Math.abs(steps - Math.round(steps)) > 1e-9) {
        const facts = { test_name: test.name, ability: name, scale: scaleText(metadata.t, scale, ability) };
        add(`${path}.${ability}`, "ui.check_score_range", facts);
      }
    }
  }
}
