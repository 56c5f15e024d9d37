// The "Other Express Entry programs" section's answers and the contract's `express_entry`
// object, each made from the other. Pure, so the mapping that share links, answers files and
// remembered profiles go through is tested without a browser. An unanswered question leaves its
// key out (the engine lists it in `missing`); "no offer" is `job_offer: null`.

// Yes/no questions of the contract, with their catalog keys (label, hint or null).
export const PROGRAM_FLAGS = [
  ["education_assessed", "ui.program_q_education_assessed", null],
  ["canadian_study_two_years", "ui.program_q_canadian_study_two_years", null],
  ["spouse_canadian_study_two_years", "ui.program_q_spouse_canadian_study_two_years", null],
  ["relative_in_canada", "ui.program_q_relative_in_canada", "ui.program_q_relative_hint"],
];
export const PROGRAM_NUMBERS = ["settlement_funds", "family_size"];

const blank = (value) => value === null || value === undefined || value === "";

/**
 * The `express_entry` object from the answers as the controls hold them: "" (unanswered),
 * "yes" or "no" for each flag and for `job_offer`; text for the offer's code and TEER and for
 * the two numbers.
 */
export function expressEntryFromAnswers(answers) {
  const entry = {};
  for (const [name] of PROGRAM_FLAGS) {
    if (answers[name] === "yes" || answers[name] === "no") entry[name] = answers[name] === "yes";
  }
  if (answers.job_offer === "no") entry.job_offer = null;
  else if (answers.job_offer === "yes") {
    entry.job_offer = {
      noc_code: blank(answers.offer_noc_code) ? null : String(answers.offer_noc_code),
      teer: blank(answers.offer_teer) ? null : Number(answers.offer_teer),
    };
  }
  for (const name of PROGRAM_NUMBERS) {
    if (!blank(answers[name])) entry[name] = Number(answers[name]);
  }
  return entry;
}

/** The answers from an `express_entry` object (the inverse of expressEntryFromAnswers). */
export function answersFromExpressEntry(entry) {
  const given = entry && typeof entry === "object" && !Array.isArray(entry) ? entry : {};
  const yesNo = (value) => (value === true ? "yes" : value === false ? "no" : "");
  const text = (value) => (blank(value) ? "" : String(value));
  const offer = given.job_offer;
  const isOffer = offer !== null && typeof offer === "object" && !Array.isArray(offer);
  const answers = {
    job_offer: Object.hasOwn(given, "job_offer") && offer === null ? "no" : isOffer ? "yes" : "",
    offer_noc_code: text(isOffer ? offer.noc_code : ""),
    offer_teer: text(isOffer ? offer.teer : ""),
  };
  for (const [name] of PROGRAM_FLAGS) answers[name] = yesNo(given[name]);
  for (const name of PROGRAM_NUMBERS) answers[name] = text(given[name]);
  return answers;
}
