import assert from "node:assert/strict";
import { test } from "node:test";
import {
  answersFrom,
  checkSize,
  codePoints,
  nestingDepth,
  parseAnswers,
  Refused,
} from "../../docs/javascripts/checker/storage/answers.js";
import { metadata } from "./support.js";

const { limits } = metadata();
const refusedFor = (key) => (error) => error instanceof Refused && error.key === key;
const job = { title: "Cook", teer: 3, start: "2024-01-01", end: null, hours_per_week: 30, paid: true };
const result = { test: "celpip_general", date: "2025-01-01", reading: 9, writing: 9, listening: 9, speaking: 9 };
const profile = {
  application_date: "2026-11-21",
  plans_to_live_in_quebec: false,
  jobs: [job],
  language_tests: [result],
};

test("answers within the limits come back unchanged, with nothing left out", () => {
  assert.deepEqual(parseAnswers(JSON.stringify(profile), limits), { profile, odd: 0 });
});

test("the size limit: at the limit accepted, one byte over refused", () => {
  checkSize(limits.bytes, limits);
  assert.throws(() => checkSize(limits.bytes + 1, limits), refusedFor("ui.reason_too_large"));
  const padded = JSON.stringify(profile) + " ".repeat(limits.bytes);
  assert.throws(() => parseAnswers(padded, limits), refusedFor("ui.reason_too_large"));
});

test("nesting is counted outside strings; deeper than the limit is refused before parsing", () => {
  assert.equal(nestingDepth('{"a": "[[[{{{", "b": [[1]]}'), 3);
  assert.equal(nestingDepth('{"a": "\\"[["}'), 1);
  const nested = (depth) => `{"jobs": [${"[".repeat(depth - 2)}${"]".repeat(depth - 2)}]}`;
  assert.doesNotThrow(() => parseAnswers(nested(limits.depth), limits));
  assert.throws(() => parseAnswers(nested(limits.depth + 1), limits), refusedFor("ui.reason_too_deep"));
});

test("JSON that is not a set of answers (a package.json) is refused, not read as empty answers", () => {
  const packageJson = { name: "cec", version: "1.0.0", scripts: { test: "node --test" } };
  for (const value of [packageJson, {}, [], "x", 3, null, { jobs: "many" }, { language_tests: {} }]) {
    assert.throws(() => answersFrom(value, limits), refusedFor("ui.reason_not_answers"));
  }
  assert.throws(() => parseAnswers("{not json", limits), refusedFor("ui.reason_not_json"));
});

test("rows and titles over the limits are refused; at the limits accepted", () => {
  const jobs = (count) => ({ jobs: Array.from({ length: count }, () => job) });
  assert.equal(answersFrom(jobs(limits.jobs), limits).profile.jobs.length, limits.jobs);
  assert.throws(() => answersFrom(jobs(limits.jobs + 1), limits), refusedFor("ui.reason_too_many_jobs"));
  const tests = (count) => ({ language_tests: Array.from({ length: count }, () => result) });
  assert.equal(answersFrom(tests(limits.tests), limits).profile.language_tests.length, limits.tests);
  assert.throws(() => answersFrom(tests(limits.tests + 1), limits), refusedFor("ui.reason_too_many_tests"));
  const titled = (length) => ({ jobs: [{ ...job, title: "x".repeat(length) }] });
  assert.doesNotThrow(() => answersFrom(titled(limits.titleCharacters), limits));
  assert.throws(() => answersFrom(titled(limits.titleCharacters + 1), limits), refusedFor("ui.reason_title_too_long"));
});

test("only text and numbers are values: odd ones are left out and counted, never thrown", () => {
  const odd = {
    application_date: { toString: 0 },
    plans_to_live_in_quebec: "yes",
    jobs: [{ ...job, title: { toString: 0 }, teer: [[[3]]], paid: "true" }, 7, null],
    language_tests: [{ ...result, reading: { valueOf: 0 }, date: Number.NaN }],
  };
  const { profile: clean, odd: count } = answersFrom(odd, limits);
  assert.equal(count, 9);
  assert.deepEqual(clean.jobs, [{ start: job.start, end: null, hours_per_week: job.hours_per_week }, {}, {}]);
  assert.equal("reading" in clean.language_tests[0], false);
  assert.equal("application_date" in clean, false);
  for (const value of Object.values(clean.jobs[0])) assert.ok(value === null || typeof value !== "object");
});

test("the invitation date and the ranking section (crs, its spouse and their test) are kept", () => {
  const { limits } = metadata();
  const crs = {
    date_of_birth: "1997-03-10",
    education: "bachelors",
    canadian_education: "none",
    foreign_work_years: 2,
    canadian_work_years: null,
    certificate_of_qualification: false,
    provincial_nomination: true,
    sibling_in_canada: false,
    spouse: {
      education: "masters",
      canadian_work_years: 1,
      language_test: { test: "celpip_general", date: "2026-03-01", reading: 7, writing: 7, listening: 8, speaking: 7 },
    },
  };
  const value = { application_date: "2026-11-21", invitation_date: "2026-12-01", jobs: [], language_tests: [], crs };
  const { profile, odd } = answersFrom(value, limits);
  assert.equal(odd, 0);
  assert.equal(profile.invitation_date, "2026-12-01");
  assert.deepEqual(profile.crs, crs);
  assert.deepEqual(answersFrom({ ...value, crs: { ...crs, spouse: null } }, limits).profile.crs.spouse, null);
  assert.equal("spouse" in answersFrom({ ...value, crs: { education: "none" } }, limits).profile.crs, false);
  assert.equal("crs" in answersFrom({ ...value, crs: null }, limits).profile, false);
});

test("odd values in the ranking section are left out and counted", () => {
  const { limits } = metadata();
  const value = { jobs: [], crs: { education: { toString: 0 }, sibling_in_canada: "yes", spouse: [1] } };
  const { profile, odd } = answersFrom(value, limits);
  assert.equal(odd, 3);
  assert.deepEqual(profile.crs, {}); // the spouse question left unanswered, not "yes"
});

test("a malformed spouse is left out and counted, never read as an accompanying spouse", () => {
  for (const spouse of [5, "yes", true, [], [{ education: "masters" }]]) {
    const { profile, odd } = answersFrom({ jobs: [], crs: { spouse } }, limits);
    assert.equal(odd, 1, JSON.stringify(spouse));
    assert.equal("spouse" in profile.crs, false, JSON.stringify(spouse));
  }
});

test("a choice the form does not offer (education, test) is left out and counted", () => {
  const crs = {
    education: "doctorate_from_mars",
    canadian_education: "a_long_course",
    spouse: { education: "x", language_test: { ...result, test: "toefl" } },
  };
  const value = {
    jobs: [],
    language_tests: [
      { ...result, test: "toefl" },
      { ...result, test: 7 },
    ],
    crs,
  };
  const { profile, odd } = answersFrom(value, limits);
  assert.equal(odd, 6);
  assert.equal("education" in profile.crs, false);
  assert.equal("canadian_education" in profile.crs, false);
  assert.deepEqual(Object.keys(profile.crs.spouse), ["language_test"]);
  assert.equal("test" in profile.crs.spouse.language_test, false);
  for (const row of profile.language_tests) assert.equal("test" in row, false);
  // Every choice the form offers is kept, and null (unanswered) stays.
  for (const value of limits.known.education) {
    assert.equal(answersFrom({ jobs: [], crs: { education: value } }, limits).profile.crs.education, value);
  }
  assert.equal(answersFrom({ jobs: [], crs: { canadian_education: "none" } }, limits).odd, 0);
  assert.equal(answersFrom({ jobs: [], crs: { education: null } }, limits).profile.crs.education, null);
});

test("a title's length is counted in code points, as Python counts it", () => {
  const titled = (title) => ({ jobs: [{ ...job, title }] });
  const astral = "\u{1F6E0}"; // two UTF-16 units, one character
  assert.equal(codePoints(astral.repeat(3)), 3);
  assert.doesNotThrow(() => answersFrom(titled(astral.repeat(limits.titleCharacters)), limits));
  assert.throws(
    () => answersFrom(titled(astral.repeat(limits.titleCharacters + 1)), limits),
    refusedFor("ui.reason_title_too_long"),
  );
});
