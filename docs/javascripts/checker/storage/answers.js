// Answers that come from outside the form (a share link, an answers file, this browser's
// storage) checked before the form is touched: size and nesting first (nothing parsed when they
// are over the limits), then the shape (a set of answers, not any JSON), then the limits on
// rows and titles, then each value (only text and numbers are values; a choice the form does not
// offer, such as an unknown test, is no value either). Pure: no DOM, no storage.
// A refusal carries a catalog key and its facts; the page words it for its context.

/** Answers refused: `key` is the catalog key of the reason, `facts` its placeholders. */
export class Refused extends Error {
  constructor(key, facts = {}) {
    super(key);
    this.key = key;
    this.facts = facts;
  }
}

// A set of answers names at least one of these (a package.json names none).
const PROFILE_KEYS = ["application_date", "plans_to_live_in_quebec", "jobs", "language_tests"];
const JOB_TEXT = ["title", "noc_code", "start", "end"];
const JOB_NUMBERS = ["teer", "hours_per_week"];
const JOB_FACTS = ["paid", "self_employed", "full_time_student", "work_authorized", "in_canada"];
const TEST_TEXT = ["test", "date"];
const TEST_NUMBERS = ["reading", "writing", "listening", "speaking"];
// The optional ranking section (the contract's `crs` object) and its spouse.
const CRS_NUMBERS = ["foreign_work_years", "canadian_work_years"];
const CRS_FACTS = ["certificate_of_qualification", "provincial_nomination", "sibling_in_canada"];
const SPOUSE_NUMBERS = ["canadian_work_years"];
// The optional "Other Express Entry programs" section (the contract's `express_entry` object).
const PROGRAM_FACTS = [
  "education_assessed",
  "canadian_study_two_years",
  "spouse_canadian_study_two_years",
  "relative_in_canada",
];
const PROGRAM_NUMBERS = ["settlement_funds", "family_size"];

const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const own = (record, key) => Object.hasOwn(record, key);
/** Characters as Python counts them (code points), so both sides refuse the same titles. */
export const codePoints = (text) => [...String(text)].length;

/** Refuse `bytes` over the size limit (before the text is read or parsed). */
export function checkSize(bytes, limits) {
  if (bytes > limits.bytes) throw new Refused("ui.reason_too_large", { most_bytes: limits.bytes });
}

/** The deepest nesting of lists and objects in JSON `text`, brackets inside strings ignored. */
export function nestingDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
    else if (ch === "]" || ch === "}") depth--;
  }
  return deepest;
}

/** {profile, odd} from JSON `text`: checked for size, depth, JSON and shape; throws Refused. */
export function parseAnswers(text, limits) {
  checkSize(new TextEncoder().encode(text).length, limits);
  if (nestingDepth(text) > limits.depth) throw new Refused("ui.reason_too_deep", { most_depth: limits.depth });
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Refused("ui.reason_not_json");
  }
  return answersFrom(value, limits);
}

/**
 * {profile, odd}: the answers in `value` as the form can hold them, and how many values were
 * left out for being neither text nor a number (nor true/false where a yes/no is asked).
 */
export function answersFrom(value, limits) {
  if (!isRecord(value) || !PROFILE_KEYS.some((key) => own(value, key))) throw new Refused("ui.reason_not_answers");
  for (const key of ["jobs", "language_tests"]) {
    if (own(value, key) && !Array.isArray(value[key])) throw new Refused("ui.reason_not_answers");
  }
  const jobs = value.jobs || [];
  const tests = value.language_tests || [];
  if (jobs.length > limits.jobs) throw new Refused("ui.reason_too_many_jobs", { most: limits.jobs });
  if (tests.length > limits.tests) throw new Refused("ui.reason_too_many_tests", { most: limits.tests });

  let odd = 0;
  const copy = (from, to, key, accepts) => {
    if (!own(from, key) || from[key] === undefined) return;
    if (accepts(from[key])) to[key] = from[key];
    else odd++;
  };
  const text = (item) => typeof item === "string" || (typeof item === "number" && Number.isFinite(item));
  const textOrNull = (item) => item === null || text(item);
  const yesNo = (item) => typeof item === "boolean";
  // A choice outside the form's list (limits.known, from the metadata) would show as blank.
  const known = limits.known || {};
  const oneOf = (name) => (item) => item === null || !known[name] || known[name].has(item);
  const choice = (from, to, key, name) => {
    copy(from, to, key, textOrNull);
    if (own(to, key) && !oneOf(name)(to[key])) {
      delete to[key];
      odd++;
    }
  };
  const record = (item) => {
    if (isRecord(item)) return item;
    odd++;
    return {};
  };

  const profile = {};
  copy(value, profile, "application_date", text);
  copy(value, profile, "plans_to_live_in_quebec", yesNo);
  profile.jobs = jobs.map((raw) => {
    const item = record(raw);
    const job = {};
    for (const key of JOB_TEXT) copy(item, job, key, key === "end" ? textOrNull : text);
    for (const key of JOB_NUMBERS) copy(item, job, key, textOrNull);
    for (const key of JOB_FACTS) copy(item, job, key, yesNo);
    if (job.title !== undefined && codePoints(job.title) > limits.titleCharacters) {
      throw new Refused("ui.reason_title_too_long", { most: limits.titleCharacters });
    }
    return job;
  });
  const testFrom = (raw) => {
    const item = record(raw);
    const result = {};
    for (const key of TEST_TEXT) copy(item, result, key, text);
    if (own(result, "test") && !oneOf("test")(result.test)) {
      delete result.test;
      odd++;
    }
    for (const key of TEST_NUMBERS) copy(item, result, key, textOrNull);
    return result;
  };
  profile.language_tests = tests.map(testFrom);
  copy(value, profile, "invitation_date", text);
  if (own(value, "crs") && value.crs !== null) {
    const item = record(value.crs);
    const crs = {};
    copy(item, crs, "date_of_birth", textOrNull);
    choice(item, crs, "education", "education");
    choice(item, crs, "canadian_education", "canadian_education");
    for (const key of CRS_NUMBERS) copy(item, crs, key, textOrNull);
    for (const key of CRS_FACTS) copy(item, crs, key, yesNo);
    // The spouse: absent (not answered), null (none counted) or their answers. Anything else is
    // left out (not answered), never read as "yes, a spouse".
    if (own(item, "spouse") && item.spouse === null) crs.spouse = null;
    else if (own(item, "spouse") && !isRecord(item.spouse)) odd++;
    else if (own(item, "spouse")) {
      const given = item.spouse;
      const spouse = {};
      choice(given, spouse, "education", "education");
      for (const key of SPOUSE_NUMBERS) copy(given, spouse, key, textOrNull);
      if (own(given, "language_test") && given.language_test !== null)
        spouse.language_test = testFrom(given.language_test);
      crs.spouse = spouse;
    }
    profile.crs = crs;
  }
  if (own(value, "express_entry") && value.express_entry !== null) {
    const item = record(value.express_entry);
    const entry = {};
    for (const key of PROGRAM_FACTS) copy(item, entry, key, yesNo);
    for (const key of PROGRAM_NUMBERS) copy(item, entry, key, textOrNull);
    // The offer: absent (not answered), null ("no offer") or its code and TEER. Anything else is
    // left out (not answered), never read as "yes, an offer".
    if (own(item, "job_offer") && item.job_offer === null) entry.job_offer = null;
    else if (own(item, "job_offer") && !isRecord(item.job_offer)) odd++;
    else if (own(item, "job_offer")) {
      const offer = {};
      copy(item.job_offer, offer, "noc_code", textOrNull);
      copy(item.job_offer, offer, "teer", textOrNull);
      entry.job_offer = offer;
    }
    profile.express_entry = entry;
  }
  return { profile, odd };
}
