// The assessment shown to a person: the verdict, each requirement with its figures, sentence,
// links and next step, each job's counted hours or why it was left out, and the timeline.

import { ABILITIES, ABILITY_LABELS } from "./metadata.js";
import { formatDate, formatNumber, h } from "./dom.js";
import { timeline } from "./timeline.js";

const TITLES = {
  work_experience: "Work experience",
  language: "Language",
  quebec: "Plan to live outside Quebec",
};
// Guide pages, relative to the checker page.
const GUIDE = {
  work_experience: ["../eligibility/work-experience/", "Work experience in the guide"],
  language: ["../eligibility/language/", "Language in the guide"],
  quebec: ["../eligibility/quebec-admissibility/", "Quebec and admissibility in the guide"],
};
// Official provisions per requirement (ids into the sources list of the form metadata).
const PROVISIONS = {
  work_experience: ["irpr_87_1", "irpr_73"],
  language: ["irpr_87_1", "canada_test_equivalency"],
  quebec: ["irpr_87_1"],
};
const STATUS = {
  true: ["Met", "met"],
  false: ["Not met", "not-met"],
  null: ["Needs information", "unknown"],
};

/** The verdict's wording for eligible = true / false / null. */
export function verdictText(eligible) {
  if (eligible === true) return "You appear to meet the minimum requirements of the Canadian Experience Class.";
  if (eligible === false) return "You do not meet every minimum requirement yet.";
  return "More information is needed to tell.";
}

export function renderResults(section, { profile, assessment, metadata }) {
  const requirements = assessment.requirements || [];
  const eligible = assessment.eligible === true ? "true" : assessment.eligible === false ? "false" : "unknown";
  const verdict = h(
    "div",
    { class: `cec-verdict cec-verdict--${eligible}`, "data-testid": "verdict", "data-eligible": eligible },
    h("p", { class: "cec-verdict-date" }, `For an application made on ${formatDate(assessment.as_of)}`),
    h("p", { class: "cec-verdict-text" }, verdictText(assessment.eligible)),
  );
  const heading = section.querySelector("h2");
  section.replaceChildren(
    heading,
    verdict,
    ...requirements.map((requirement) => renderRequirement(requirement, { profile, assessment, metadata })),
    h("h3", {}, "Your jobs on the timeline"),
    h("figure", { class: "cec-figure" }, timeline(profile, assessment, metadata.windowYears ?? 3, Math.round(Math.min(Math.max(section.parentElement.clientWidth, 280), 900)))),
    h(
      "p",
      { class: "cec-fineprint" },
      `Latest rule change in the checker's data: ${formatDate(assessment.rules_version || assessment.as_of)}. Information, not legal advice: `,
      "IRCC decides. Not checked here: duties against the NOC lead statement, admissibility, restricted occupations.",
    ),
    h("div", { class: "cec-print" }, h("button", { type: "button", class: "md-button", onclick: () => window.print() }, "Print this result")),
  );
  section.hidden = false;
  return verdict;
}

function renderRequirement(requirement, context) {
  const [statusText, statusClass] = STATUS[String(requirement.met)] || STATUS.null;
  const body = [];
  if (requirement.id === "work_experience") body.push(...workFigures(requirement, context));
  if (requirement.id === "language") body.push(...languageFigures(requirement, context));
  const links = (PROVISIONS[requirement.id] || [])
    .map((id) => context.metadata.sources[id])
    .filter((source) => source && source.url)
    .map((source) => h("a", { href: source.url, rel: "external" }, source.title));
  if (GUIDE[requirement.id]) links.push(h("a", { href: GUIDE[requirement.id][0] }, GUIDE[requirement.id][1]));
  return h(
    "section",
    { class: `cec-requirement cec-requirement--${statusClass}`, "data-requirement": requirement.id, "aria-labelledby": `cec-req-${requirement.id}` },
    h(
      "h3",
      { id: `cec-req-${requirement.id}` },
      TITLES[requirement.id] || requirement.id,
      " ",
      h("span", { class: `cec-status cec-status--${statusClass}` }, statusText),
    ),
    h("p", { class: "cec-message" }, requirement.message || ""),
    ...body,
    links.length ? h("p", { class: "cec-links" }, "Official rule and guide: ", ...links.flatMap((link, i) => (i ? [" · ", link] : [link]))) : null,
  );
}

function workFigures(requirement, { profile, assessment, metadata }) {
  const facts = requirement.facts || {};
  const hours = Number(facts.qualifying_hours ?? assessment.qualifying_hours ?? 0);
  const required = Number(facts.required_hours ?? metadata.hoursRequired);
  const share = required ? Math.min(hours / required, 1) : 0;
  const fill = h("div", { class: "cec-bar-fill" });
  fill.style.width = `${(share * 100).toFixed(1)}%`; // CSSOM, which the page's CSP allows (a style attribute it would not)
  const out = [
    h(
      "div",
      { class: "cec-bar-figure" },
      h("p", { class: "cec-bar-text" }, h("strong", {}, formatNumber(hours)), ` of ${formatNumber(required)} hours`),
      h("div", { class: "cec-bar", "aria-hidden": "true" }, fill),
    ),
  ];
  if (assessment.projected_work_experience_date) {
    out.push(
      h(
        "p",
        { class: "cec-next" },
        h("strong", {}, "Next step: "),
        `if your current work continues as entered, you would have the hours for an application made on ${formatDate(assessment.projected_work_experience_date)}.`,
      ),
    );
  } else if (requirement.met === false) {
    out.push(h("p", { class: "cec-next" }, h("strong", {}, "Next step: "), "more qualifying work is needed; the jobs as entered do not reach the hours."));
  }
  const jobs = profile.jobs || [];
  if (jobs.length) {
    out.push(
      h(
        "ul",
        { class: "cec-jobs" },
        jobs.map((job, index) => {
          const result = (assessment.jobs || [])[index] || {};
          const name = `Job ${index + 1}${job.title ? ` (${job.title})` : ""}`;
          const detail = [result.message || (result.excluded_because ? `Not counted (${result.excluded_because}).` : `Counted: ${formatNumber(result.counted_hours ?? 0)} hours.`)];
          return h("li", { class: result.excluded_because ? "cec-job-excluded" : "cec-job-counted" }, h("strong", {}, name), ": ", ...detail);
        }),
      ),
    );
  }
  return out;
}

function languageFigures(requirement, { profile, assessment, metadata }) {
  const facts = requirement.facts || {};
  const required = facts.required_clb ?? assessment.required_clb;
  const tests = profile.language_tests || [];
  const out = [];
  tests.forEach((test, index) => {
    const result = (assessment.language_tests || [])[index] || {};
    const info = metadata.tests.find((item) => item.id === test.test);
    const levelName = info ? info.levelName : "CLB";
    const caption = `${info ? info.name : test.test}, ${test.date ? formatDate(test.date) : ""}`;
    if (!result.valid) {
      out.push(h("p", { class: "cec-test-invalid" }, h("strong", {}, caption), ": ", result.message || `not valid (${result.invalid_because}).`));
      return;
    }
    const clb = result.clb || {};
    out.push(
      h(
        "table",
        { class: "cec-levels" },
        h("caption", {}, caption, result.valid_until ? `, valid until ${formatDate(result.valid_until)}` : ""),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Ability"), h("th", { scope: "col" }, "Score"), h("th", { scope: "col" }, levelName), h("th", { scope: "col" }, "Needed"))),
        h(
          "tbody",
          {},
          ABILITIES.map((ability) => {
            const level = clb[ability];
            const short = required !== null && required !== undefined && level < required;
            return h(
              "tr",
              { class: short ? "cec-short" : null },
              h("th", { scope: "row" }, ABILITY_LABELS[ability]),
              h("td", {}, String(test[ability])),
              h("td", {}, level === undefined ? "–" : level < 4 ? "below 4" : String(level), short ? h("span", { class: "cec-sr" }, " (below the level needed)") : null),
              h("td", {}, required === null || required === undefined ? "–" : String(required)),
            );
          }),
        ),
      ),
    );
  });
  for (const step of languageNextSteps(requirement, assessment, profile, metadata)) out.push(h("p", { class: "cec-next" }, h("strong", {}, "Next step: "), step));
  return out;
}

/** Sentences on what to raise (from the engine's shortfalls) and when the best test expires. */
function languageNextSteps(requirement, assessment, profile, metadata) {
  const facts = requirement.facts || {};
  const steps = [];
  const shortfalls = facts.shortfalls || [];
  if (shortfalls.length) {
    const parts = shortfalls.map((item) => `${item.ability} to ${formatNumber(item.score_needed)} or more`);
    steps.push(`raise ${joinList(parts)} on ${facts.test_name || "your test"}, or take another approved test.`);
  } else if ((requirement.reasons || []).some((code) => code === "language.no_test" || code === "language.no_valid_test")) {
    steps.push("take an approved language test; results count for applications made while they are less than " +
      `${metadata.validityYears ?? 2} years old.`);
  }
  const best = Number.isInteger(facts.best_test) ? (assessment.language_tests || [])[facts.best_test] : null;
  if (best && best.valid && best.valid_until) {
    const info = metadata.tests.find((item) => item.id === (profile.language_tests[facts.best_test] || {}).test);
    steps.push(`your ${info ? info.name : "test"} result stays valid for applications made up to ${formatDate(best.valid_until)}.`);
  }
  return steps;
}

function joinList(parts) {
  if (parts.length < 2) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
