// The Express Entry programs beside the CEC verdict (checker contract, "Other Express Entry
// programs"): each program in IRCC's order with its status, what is still needed when it cannot
// tell, each requirement in the engine's sentence, the Federal Skilled Worker selection grid
// factor by factor and the Federal Skilled Trades trade and its bar. Shown only when the person
// answered the form's programs section, so someone who only wants the CEC verdict sees nothing
// new. Also the line each category gets about the programs met.

import { h } from "../dom.js";

// Catalog keys, written out in full.
const NAMES = { cec: "ui.program_name_cec", fsw: "ui.program_name_fsw", fst: "ui.program_name_fst" };
const STATUS = {
  true: ["ui.program_status_met", "met"],
  false: ["ui.program_status_not_met", "not-met"],
  null: ["ui.program_status_unknown", "unknown"],
};
const REQUIREMENTS = {
  work_experience: "ui.requirement_work_experience",
  language: "ui.requirement_language",
  education: "ui.program_requirement_education",
  points: "ui.program_requirement_points",
  funds: "ui.program_requirement_funds",
  job_offer_or_certificate: "ui.program_requirement_job_offer_or_certificate",
};
const FACTORS = {
  language: "ui.program_factor_language",
  education: "ui.program_factor_education",
  experience: "ui.program_factor_experience",
  age: "ui.program_factor_age",
  arranged_employment: "ui.program_factor_arranged_employment",
  adaptability: "ui.program_factor_adaptability",
};
// The form's label for each answer a program can still need.
const ANSWERS = {
  "crs.date_of_birth": "ui.crs_birth_label",
  "crs.education": "ui.crs_education_label",
  "crs.certificate_of_qualification": "ui.crs_certificate_label",
  "crs.spouse": "ui.crs_spouse_label",
  "express_entry.education_assessed": "ui.program_q_education_assessed",
  "express_entry.job_offer": "ui.program_q_job_offer",
  "express_entry.canadian_study_two_years": "ui.program_q_canadian_study_two_years",
  "express_entry.spouse_canadian_study_two_years": "ui.program_q_spouse_canadian_study_two_years",
  "express_entry.relative_in_canada": "ui.program_q_relative_in_canada",
  "express_entry.settlement_funds": "ui.program_q_settlement_funds",
  "express_entry.family_size": "ui.program_q_family_size",
};

const programName = (t, id) => (NAMES[id] ? t(NAMES[id]) : id);
const status = (met) => STATUS[String(met)] || STATUS.null;

/** The section (in a list, empty unless the profile answered the programs section). */
export function renderPrograms({ profile, assessment, metadata }) {
  const { t } = metadata;
  const programs = assessment.programs || [];
  if (!programs.length || !profile.express_entry) return [];
  return [
    h(
      "section",
      { id: "cec-programs-result", class: "cec-programs-result", "aria-labelledby": "cec-programs-title" },
      h("h3", { id: "cec-programs-title" }, t("ui.programs_heading")),
      h("p", { class: "cec-hint" }, t("ui.programs_order")),
      ...programs.map((program) => renderProgram(program, t)),
    ),
  ];
}

function renderProgram(program, t) {
  const [statusKey, statusClass] = status(program.met);
  const body = [];
  if (program.id === "cec") body.push(h("p", { class: "cec-message" }, t("ui.program_cec_see_above")));
  if ((program.missing || []).length) {
    body.push(
      h(
        "div",
        { class: "cec-program-missing", dataset: { missing: program.missing.join(" ") } },
        h("p", {}, t("ui.program_missing")),
        h(
          "ul",
          {},
          program.missing.map((path) => h("li", {}, ANSWERS[path] ? t(ANSWERS[path]) : h("code", {}, path))),
        ),
      ),
    );
  }
  if (program.id === "fst" && program.requirements?.length) body.push(tradeLine(program, t));
  if ((program.requirements || []).length) {
    body.push(
      h(
        "ul",
        { class: "cec-program-requirements" },
        program.requirements.map((requirement) => {
          const [key, css] = status(requirement.met);
          return h(
            "li",
            { dataset: { requirement: requirement.id, met: String(requirement.met) } },
            h("span", { class: `cec-status cec-status--${css}` }, t(key)),
            " ",
            h("strong", {}, REQUIREMENTS[requirement.id] ? t(REQUIREMENTS[requirement.id]) : requirement.id),
            t("ui.colon"),
            requirement.message || "",
          );
        }),
      ),
    );
  }
  if (program.points) body.push(...grid(program.points, t));
  return h(
    "section",
    {
      class: `cec-program cec-program--${statusClass}`,
      dataset: { program: program.id, met: String(program.met) },
      "aria-labelledby": `cec-program-${program.id}`,
    },
    h(
      "h4",
      { id: `cec-program-${program.id}` },
      programName(t, program.id),
      " ",
      h("span", { class: `cec-status cec-status--${statusClass}` }, t(statusKey)),
    ),
    ...body,
  );
}

/** The FSW grid: the total against the pass mark, then each factor's points, maximum and reason. */
function grid(points, t) {
  const { total, known, pass_mark: passMark, points_short: short } = points;
  let summary;
  if (total === null || total === undefined) summary = t("ui.program_grid_incomplete", { known, pass_mark: passMark });
  else if (short) summary = t("ui.program_grid_short", { total, pass_mark: passMark, points_short: short });
  else summary = t("ui.program_grid_met", { total, pass_mark: passMark });
  const header = (key) => h("th", { scope: "col" }, t(key));
  // The CRS factor tables' look (checker.css): a row of figures, then the reason across the table.
  const rows = (points.factors || []).flatMap((factor) => [
    h(
      "tr",
      { class: "cec-crs-factor", dataset: { factor: factor.id, points: factor.points ?? "" } },
      h("th", { scope: "row" }, FACTORS[factor.id] ? t(FACTORS[factor.id]) : factor.id),
      h(
        "td",
        { class: "cec-crs-points" },
        factor.points === null || factor.points === undefined
          ? t("ui.program_status_unknown")
          : t.number(factor.points),
      ),
      h("td", {}, t.number(factor.max)),
    ),
    h("tr", { class: "cec-crs-why" }, h("td", { colspan: "3" }, factor.message || "")),
  ]);
  return [
    h("p", { class: "cec-program-grid-total", dataset: { total: total ?? "", short: short ?? "" } }, summary),
    h(
      "table",
      { class: "cec-crs-factors cec-program-grid" },
      h("caption", {}, t("ui.program_grid_caption")),
      h("thead", {}, h("tr", {}, header("ui.crs_col_factor"), header("ui.crs_col_points"), header("ui.crs_col_max"))),
      h("tbody", {}, rows),
    ),
  ];
}

/** The FST trade with the most hours, its hours and the bar (the work requirement's facts). */
function tradeLine(program, t) {
  const work = program.requirements.find((requirement) => requirement.id === "work_experience");
  const facts = work?.facts || {};
  const trade = program.trade;
  const required = facts.required_hours ?? 0;
  const text = trade?.noc_code
    ? t("ui.program_trade", {
        noc_code: trade.noc_code,
        hours: trade.hours ?? 0,
        window_start: facts.window_start,
        window_end: facts.window_end,
        required_hours: required,
      })
    : t("ui.program_trade_none", { required_hours: required });
  return h("p", { class: "cec-program-trade", dataset: { trade: trade?.noc_code ?? "" } }, text);
}

/** A category line's note on programs: the engine's notice, or the programs met when asked. */
export function categoryProgramsNote(entry, { profile, metadata }) {
  const { t } = metadata;
  if (entry.programs_notice?.message) {
    return h(
      "span",
      { class: "cec-category-programs", dataset: { notice: entry.programs_notice.code } },
      " ",
      entry.programs_notice.message,
    );
  }
  const met = entry.programs_met || [];
  if (!profile?.express_entry || !met.length) return null;
  return h(
    "span",
    { class: "cec-category-programs", dataset: { programsMet: met.join(" ") } },
    " ",
    t("ui.program_category_met", { programs: met.map((id) => programName(t, id)) }),
  );
}
