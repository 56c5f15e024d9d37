// The ranking section's answers and the contract's `crs` object (checker contract, "CRS
// estimate"), each made from the other. Pure, apart from the form so that the mapping every
// share link, answers file and remembered profile goes through is tested without a browser.

// Yes/no answers of the contract, with their catalog keys.
export const FLAGS = [
  ["certificate_of_qualification", "ui.crs_certificate_label", "ui.crs_certificate_hint"],
  ["provincial_nomination", "ui.crs_nomination_label", "ui.crs_nomination_hint"],
  ["sibling_in_canada", "ui.crs_sibling_label", "ui.crs_sibling_hint"],
];

const blank = (value) => value === null || value === undefined || value === "";
/** A typed number as a number, or null when nothing was typed. */
export const number = (text) => (blank(text) ? null : Number(text));
const text = (value) => (blank(value) ? "" : String(value));

/**
 * The contract's `crs` object from the section's answers (strings as the controls hold them,
 * booleans for the boxes; `spouse` is "" unanswered, "no" or "yes"; `spouse_test` a test
 * result or null). Empty answers are null, which the engine lists in `missing`.
 */
export function crsFromAnswers(answers) {
  const crs = {
    date_of_birth: answers.date_of_birth || null,
    education: answers.education || null,
    canadian_education: answers.canadian_education || null,
    foreign_work_years: number(answers.foreign_work_years),
    canadian_work_years: number(answers.canadian_work_years),
  };
  for (const [name] of FLAGS) crs[name] = Boolean(answers[name]);
  if (answers.spouse === "no") crs.spouse = null;
  else if (answers.spouse === "yes") {
    crs.spouse = {
      education: answers.spouse_education || null,
      canadian_work_years: number(answers.spouse_canadian_work_years),
      language_test: answers.spouse_test || null,
    };
  }
  return crs;
}

/** The section's answers from a `crs` object (the inverse of crsFromAnswers). */
export function answersFromCrs(crs) {
  const spouse = crs.spouse && typeof crs.spouse === "object" && !Array.isArray(crs.spouse) ? crs.spouse : null;
  const answers = {
    date_of_birth: text(crs.date_of_birth),
    education: text(crs.education),
    canadian_education: text(crs.canadian_education),
    foreign_work_years: text(crs.foreign_work_years),
    canadian_work_years: text(crs.canadian_work_years),
    // Only null is "no spouse counted"; anything but an object or null is an unanswered question.
    spouse: crs.spouse === null ? "no" : spouse ? "yes" : "",
    spouse_education: text(spouse?.education),
    spouse_canadian_work_years: text(spouse?.canadian_work_years),
    spouse_test: spouse?.language_test && typeof spouse.language_test === "object" ? spouse.language_test : null,
  };
  for (const [name] of FLAGS) answers[name] = crs[name] === true;
  return answers;
}
