import assert from "node:assert/strict";
import { test } from "node:test";
import {
  answersFromExpressEntry,
  expressEntryFromAnswers,
  PROGRAM_FLAGS,
} from "../../docs/javascripts/checker/form/programs-answers.js";
import { answersFrom } from "../../docs/javascripts/checker/storage/answers.js";
import { metadata } from "./support.js";

const { limits } = metadata();
const full = {
  education_assessed: true,
  job_offer: { noc_code: "72200", teer: 2 },
  canadian_study_two_years: false,
  spouse_canadian_study_two_years: false,
  relative_in_canada: true,
  settlement_funds: 16000,
  family_size: 3,
};

test("every answer becomes the contract's express_entry object and comes back the same", () => {
  assert.deepEqual(expressEntryFromAnswers(answersFromExpressEntry(full)), full);
});

test("unanswered questions leave their keys out; 'no offer' is job_offer null", () => {
  const blank = answersFromExpressEntry({});
  assert.deepEqual(expressEntryFromAnswers(blank), {});
  assert.deepEqual(expressEntryFromAnswers({ ...blank, job_offer: "no" }), { job_offer: null });
  assert.equal(answersFromExpressEntry({ job_offer: null }).job_offer, "no");
  assert.equal(answersFromExpressEntry({}).job_offer, "");
});

test("an offer with no code or TEER is sent with nulls, so the engine names the field", () => {
  const answers = { ...answersFromExpressEntry({}), job_offer: "yes" };
  assert.deepEqual(expressEntryFromAnswers(answers), { job_offer: { noc_code: null, teer: null } });
});

test("each yes/no question reads only true or false; anything else is unanswered", () => {
  for (const [name] of PROGRAM_FLAGS) {
    assert.equal(answersFromExpressEntry({ [name]: "yes" })[name], "");
    assert.equal(answersFromExpressEntry({ [name]: false })[name], "no");
  }
});

test("answers from outside keep express_entry's known values and drop odd ones", () => {
  const kept = answersFrom({ jobs: [], express_entry: full }, limits);
  assert.deepEqual(kept, { profile: { jobs: [], language_tests: [], express_entry: full }, odd: 0 });
  const odd = answersFrom(
    { jobs: [], express_entry: { education_assessed: "yes", job_offer: [1], family_size: { n: 1 } } },
    limits,
  );
  assert.deepEqual(odd.profile.express_entry, {}); // no offer invented from a list
  assert.equal(odd.odd, 3);
  assert.deepEqual(answersFrom({ jobs: [], express_entry: { job_offer: null } }, limits).profile.express_entry, {
    job_offer: null,
  });
  assert.equal("express_entry" in answersFrom({ jobs: [], express_entry: null }, limits).profile, false);
});
