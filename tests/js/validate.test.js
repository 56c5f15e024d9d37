import assert from "node:assert/strict";
import { test } from "node:test";
import { validate } from "../../docs/javascripts/checker/form/validate.js";
import { ABILITIES, scaleOn } from "../../docs/javascripts/checker/i18n/metadata.js";
import { metadata } from "./support.js";

const meta = metadata();
const job = (fields = {}) => ({
  teer: 1,
  start: "2024-01-01",
  end: "2025-01-01",
  hours_per_week: 37.5,
  paid: true,
  self_employed: false,
  full_time_student: false,
  work_authorized: true,
  in_canada: true,
  ...fields,
});
const firstTest = meta.tests[0];
const scale = scaleOn(firstTest, null);
const result = (fields = {}) => ({
  test: firstTest.id,
  date: "2025-06-01",
  ...Object.fromEntries(ABILITIES.map((ability) => [ability, scale[ability].max])),
  ...fields,
});
const profile = (jobs = [job()], tests = [result()]) => ({
  application_date: "2026-11-21",
  plans_to_live_in_quebec: false,
  jobs,
  language_tests: tests,
});
const fields = (errors) => errors.map((error) => error.field);

test("a complete profile passes", () => {
  assert.deepEqual(validate(profile(), meta), []);
});

test("hours a week are checked against the bounds in the metadata", () => {
  const { above, max } = meta.hoursBounds;
  assert.deepEqual(validate(profile([job({ hours_per_week: max })]), meta), []);
  for (const hours of [max + 1, above]) {
    const errors = validate(profile([job({ hours_per_week: hours })]), meta);
    assert.deepEqual(fields(errors), ["jobs[0].hours_per_week"]);
    assert.equal(errors[0].code, "ui.check_hours_range");
    assert.ok(errors[0].message.includes(String(max)), errors[0].message);
  }
});

test("a NOC code must have the metadata's shape and its TEER digit must match the TEER", () => {
  const digit = meta.nocCode.teerDigit;
  const code = (teer) => "21232".slice(0, digit) + teer + "21232".slice(digit + 1);
  assert.deepEqual(validate(profile([job({ noc_code: code(1) })]), meta), []);
  const mismatch = validate(profile([job({ noc_code: code(2) })]), meta);
  assert.deepEqual(
    mismatch.map((error) => [error.field, error.code]),
    [["jobs[0].noc_code", "ui.check_noc_teer"]],
  );
  assert.equal(validate(profile([job({ noc_code: "2123" })]), meta)[0].code, "ui.check_noc_format");
});

test("an open end needs the ongoing box; an end before the start is an error", () => {
  const open = profile([job({ end: null })]);
  assert.deepEqual(fields(validate(open, meta)), ["jobs[0].end"]);
  assert.deepEqual(validate(open, meta, [true]), []);
  const backwards = validate(profile([job({ end: "2023-12-31" })]), meta);
  assert.deepEqual(
    backwards.map((error) => error.code),
    ["ui.check_end_before_start"],
  );
});

test("missing answers are named by their contract paths", () => {
  const empty = { teer: null, start: null, end: null, hours_per_week: null };
  const blank = { test: null, date: null, ...Object.fromEntries(ABILITIES.map((ability) => [ability, null])) };
  const errors = validate({ ...profile([job(empty)], [blank]), application_date: null }, meta);
  assert.deepEqual(fields(errors), [
    "application_date",
    "jobs[0].teer",
    "jobs[0].start",
    "jobs[0].end",
    "jobs[0].hours_per_week",
    "language_tests[0].test",
    "language_tests[0].date",
    ...ABILITIES.map((ability) => `language_tests[0].${ability}`),
  ]);
  assert.ok(errors.every((error) => error.message && !error.message.includes("{")));
});

test("a score outside the test's scale or between its steps is an error", () => {
  const { max, step } = scale.reading;
  const over = validate(profile([job()], [result({ reading: max + step })]), meta);
  assert.deepEqual(fields(over), ["language_tests[0].reading"]);
  assert.ok(over[0].message.startsWith(`${firstTest.name} reading scores run from`), over[0].message);
  const between = validate(profile([job()], [result({ reading: max - step / 2 })]), meta);
  assert.deepEqual(fields(between), ["language_tests[0].reading"]);
});

test("a title is measured in code points, as the engine measures it: at the limit passes", () => {
  const most = meta.limits.titleCharacters;
  const astral = "\u{1F6E0}"; // one character, two UTF-16 units
  assert.deepEqual(validate(profile([job({ title: astral.repeat(most) })]), meta), []);
  const errors = validate(profile([job({ title: astral.repeat(most + 1) })]), meta);
  assert.deepEqual(fields(errors), ["jobs[0].title"]);
  assert.equal(errors[0].code, "ui.check_title_length");
  assert.ok(errors[0].message.includes(String(most)), errors[0].message);
});
