import assert from "node:assert/strict";
import { test } from "node:test";
import { answersFromCrs, crsFromAnswers } from "../../docs/javascripts/checker/form/crs-answers.js";
import { ABILITIES } from "../../docs/javascripts/checker/i18n/metadata.js";
import { metadata } from "./support.js";

const meta = metadata();
const education = meta.crs.education.map((item) => item.value);
const spouseTest = {
  test: meta.tests[0].id,
  date: "2026-03-01",
  ...Object.fromEntries(ABILITIES.map((ability) => [ability, 7])),
};
const answers = (fields = {}) => ({
  date_of_birth: "1997-03-10",
  education: education.at(-1),
  canadian_education: "none",
  foreign_work_years: "2",
  canadian_work_years: "",
  certificate_of_qualification: false,
  provincial_nomination: true,
  sibling_in_canada: false,
  spouse: "no",
  spouse_education: "",
  spouse_canadian_work_years: "",
  spouse_test: null,
  ...fields,
});

test("answers become the contract's crs object: numbers as numbers, empty as null", () => {
  assert.deepEqual(crsFromAnswers(answers()), {
    date_of_birth: "1997-03-10",
    education: education.at(-1),
    canadian_education: "none",
    foreign_work_years: 2,
    canadian_work_years: null,
    certificate_of_qualification: false,
    provincial_nomination: true,
    sibling_in_canada: false,
    spouse: null,
  });
});

test("an unanswered spouse question leaves the key out (the engine lists it as missing)", () => {
  const crs = crsFromAnswers(answers({ spouse: "", date_of_birth: "", education: "" }));
  assert.equal("spouse" in crs, false);
  assert.equal(crs.date_of_birth, null);
  assert.equal(crs.education, null);
});

test("an accompanying spouse becomes an object with their education, years and test", () => {
  const crs = crsFromAnswers(
    answers({
      spouse: "yes",
      spouse_education: education[1],
      spouse_canadian_work_years: "0",
      spouse_test: spouseTest,
    }),
  );
  assert.deepEqual(crs.spouse, { education: education[1], canadian_work_years: 0, language_test: spouseTest });
  const none = crsFromAnswers(answers({ spouse: "yes" }));
  assert.deepEqual(none.spouse, { education: null, canadian_work_years: null, language_test: null });
});

test("a fractional or typed-over year is passed on as typed, for the engine to judge", () => {
  assert.equal(crsFromAnswers(answers({ foreign_work_years: "1.5" })).foreign_work_years, 1.5);
});

test("answers survive a round trip through the crs object (share links, files, remember)", () => {
  for (const given of [
    answers(),
    answers({ spouse: "" }),
    answers({
      spouse: "yes",
      spouse_education: education[2],
      spouse_canadian_work_years: "3",
      spouse_test: spouseTest,
    }),
    answers({ canadian_work_years: "4", sibling_in_canada: true, certificate_of_qualification: true }),
  ]) {
    const crs = crsFromAnswers(given);
    assert.deepEqual(crsFromAnswers(answersFromCrs(JSON.parse(JSON.stringify(crs)))), crs);
  }
});

test("the metadata offers every education value the engine accepts, each with a label", () => {
  assert.ok(education.length > 1);
  for (const item of [...meta.crs.education, ...meta.crs.canadianEducation]) {
    assert.equal(typeof item.label, "string");
    assert.ok(item.label.length > 0);
  }
  assert.ok(!meta.crs.canadianEducation.some((item) => item.value === "none"));
});

test("a spouse that is neither null nor an object leaves the question unanswered, never yes", () => {
  for (const spouse of [5, "yes", true, [], undefined]) {
    const shown = answersFromCrs({ spouse });
    assert.equal(shown.spouse, "", String(spouse));
  }
  assert.equal(answersFromCrs({ spouse: null }).spouse, "no");
  assert.equal(answersFromCrs({ spouse: {} }).spouse, "yes");
});
