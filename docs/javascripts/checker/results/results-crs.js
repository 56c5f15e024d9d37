// The ranking part of the result (the assessment's `crs`): the total against the most possible,
// a bar per section, a table per section with each factor's points and sentence, what would
// raise it and what will lower it and when (recent rounds' cut-offs: results-crs-rounds.js,
// a section of their own).
// Every figure and sentence comes from the engine; words from the catalog.

import { h } from "../dom.js";
import { lazySection } from "./lazy-section.js";

// Catalog keys per section and per factor, written out so a test can see every key in use.
const SECTIONS = {
  core: "ui.crs_section_core",
  spouse: "ui.crs_section_spouse",
  transferability: "ui.crs_section_transferability",
  additional: "ui.crs_section_additional",
};
const FACTORS = {
  age: ["core", "ui.crs_factor_age"],
  education: ["core", "ui.crs_factor_education"],
  first_language: ["core", "ui.crs_factor_first_language"],
  second_language: ["core", "ui.crs_factor_second_language"],
  canadian_work: ["core", "ui.crs_factor_canadian_work"],
  spouse_education: ["spouse", "ui.crs_factor_spouse_education"],
  spouse_language: ["spouse", "ui.crs_factor_spouse_language"],
  spouse_canadian_work: ["spouse", "ui.crs_factor_spouse_canadian_work"],
  transferability_education: ["transferability", "ui.crs_factor_transferability_education"],
  transferability_foreign_work: ["transferability", "ui.crs_factor_transferability_foreign_work"],
  transferability_certificate: ["transferability", "ui.crs_factor_transferability_certificate"],
  provincial_nomination: ["additional", "ui.crs_factor_provincial_nomination"],
  sibling: ["additional", "ui.crs_factor_sibling"],
  french: ["additional", "ui.crs_factor_french"],
  canadian_education: ["additional", "ui.crs_factor_canadian_education"],
};

/** A bar filled to `share` (0 to 1), hidden from screen readers (the figures are in text). */
function bar(share) {
  const fill = h("div", { class: "cec-bar-fill" });
  fill.style.width = `${(Math.min(Math.max(share, 0), 1) * 100).toFixed(1)}%`; // CSSOM: the CSP allows it
  return h("div", { class: "cec-bar", "aria-hidden": "true" }, fill);
}

/**
 * The ranking section of the result, folded as section `id` (fold.js's look) under its heading,
 * in a list: empty when the profile had no `crs` object. Its body is built when first opened
 * (lazy-section.js): its tables were the largest part of the mount's time on a slow phone.
 */
export function renderCrs(assessment, metadata, id) {
  const crs = assessment.crs;
  if (!crs) return [];
  const { t } = metadata;
  const heading = h("h3", { id: "cec-crs-title" }, t("ui.crs_heading"));
  const section = () => [
    h("section", { class: "cec-crs", "data-crs": "", "aria-labelledby": "cec-crs-title" }, ...body(crs, metadata)),
  ];
  return [lazySection({ class: "cec-detail", id }, heading, section)];
}

function body(crs, metadata) {
  const { t } = metadata;
  if (crs.total === null || crs.total === undefined) return incomplete(crs, t);
  return [
    h(
      "div",
      { class: "cec-crs-total" },
      h(
        "p",
        { class: "cec-bar-text" },
        h("span", { class: "cec-sr" }, t("ui.crs_total_label")),
        h("strong", { "data-testid": "crs-total" }, t.number(crs.total)),
        t("ui.crs_total_of", { max_total: crs.max_total }),
      ),
      bar(crs.total / crs.max_total),
    ),
    h(
      "p",
      { class: "cec-crs-note" },
      t("ui.crs_not_prediction", { grid_effective: crs.grid_effective }),
      " ",
      guideLinks(metadata),
    ),
    // A newer grid reported but not sourced: the engine's sentence says which grid was used.
    crs.grid_notice ? h("p", { class: "cec-crs-note", "data-crs-grid-notice": "" }, crs.grid_notice.message) : null,
    ...sections(crs, t),
    ...factorTables(crs, t),
    ...raises(crs, t),
    ...lowers(crs, t),
  ].filter(Boolean); // the grid notice may be absent
}

function guideLinks({ t, crs }) {
  // Guide paths are from the site root; the checker page is one level down.
  return h(
    "span",
    { class: "cec-links" },
    h("a", { href: `../${crs.guide}` }, t("ui.crs_guide_link")),
    " · ",
    h("a", { href: `../${crs.changesAhead}` }, t("ui.crs_changes_link")),
  );
}

/** The inputs still needed, each a link to its control on the form. */
function incomplete(crs, t) {
  const items = crs.missing.map((path) => {
    const control = document.querySelector(`[data-field="${path}"]`);
    const label = control && document.querySelector(`label[for="${control.id}"]`);
    if (!label) return h("li", {}, path);
    const focus = (event) => {
      event.preventDefault();
      control.focus();
    };
    return h("li", {}, h("a", { href: `#${control.id}`, onclick: focus }, label.firstChild.textContent.trim()));
  });
  return [h("p", { class: "cec-message" }, t("ui.crs_incomplete")), h("ul", { class: "cec-crs-missing" }, items)];
}

function sections(crs, t) {
  const most = crs.section_max || {};
  const shown = Object.keys(SECTIONS).filter((id) => most[id] > 0);
  const items = shown.map((id) =>
    h(
      "li",
      { dataset: { section: id } },
      h(
        "p",
        { class: "cec-bar-text" },
        h("span", {}, t(SECTIONS[id])),
        h("strong", {}, t("ui.crs_section_points", { points: crs[id], max: most[id] })),
      ),
      bar(crs[id] / most[id]),
    ),
  );
  return [h("h4", {}, t("ui.crs_sections_heading")), h("ul", { class: "cec-crs-sections" }, items)];
}

function factorTables(crs, t) {
  const out = [h("h4", {}, t("ui.crs_factors_heading"))];
  if (!crs.with_spouse) out.push(h("p", { class: "cec-hint" }, t("ui.crs_no_spouse")));
  for (const section of Object.keys(SECTIONS)) {
    const factors = crs.factors.filter((factor) => FACTORS[factor.id]?.[0] === section);
    if (!factors.length || (section === "spouse" && !crs.with_spouse)) continue;
    const header = (key) => h("th", { scope: "col" }, t(key));
    out.push(
      h(
        "table",
        { class: "cec-crs-factors", dataset: { section } },
        h("caption", {}, t(SECTIONS[section])),
        h("thead", {}, h("tr", {}, header("ui.crs_col_factor"), header("ui.crs_col_points"), header("ui.crs_col_max"))),
        h(
          "tbody",
          {},
          factors.flatMap((factor) => [
            h(
              "tr",
              { class: "cec-crs-factor", dataset: { factor: factor.id } },
              h("th", { scope: "row" }, t(FACTORS[factor.id][1])),
              h("td", { class: "cec-crs-points" }, t.number(factor.points)),
              h("td", {}, t.number(factor.max)),
            ),
            h("tr", { class: "cec-crs-why" }, h("td", { colspan: "3" }, factor.message)),
          ]),
        ),
      ),
    );
  }
  return out;
}

function raises(crs, t) {
  const items = [...(crs.improvements || [])].sort((a, b) => b.gain - a.gain);
  if (!items.length) return [];
  // Within reach (one test, one more year) first; a credential or a licence under "other".
  const groups = [
    ["within_reach", "ui.crs_raise_within"],
    ["other", "ui.crs_raise_other"],
  ]
    .map(([group, heading]) => [heading, items.filter((item) => (item.group || "within_reach") === group)])
    .filter(([, listed]) => listed.length);
  return [
    h("h4", {}, t("ui.crs_raise_heading")),
    h("p", { class: "cec-hint" }, t("ui.crs_raise_intro")),
    ...groups.flatMap(([heading, listed]) => [
      h("h5", { class: "cec-crs-raise-group" }, t(heading)),
      h("ol", { class: "cec-crs-raise" }, listed.map(raiseItem)),
    ]),
  ];
  function raiseItem(item) {
    return h(
      "li",
      { dataset: { improvement: item.id } },
      h("span", { class: "cec-crs-gain", "aria-hidden": "true" }, t("ui.crs_gain", { gain: item.gain })),
      h("span", {}, item.message),
      // The category rounds this lever would open, with their cut-offs.
      ...(item.opens || []).map((opened) =>
        h("p", { class: "cec-crs-opens", dataset: { opens: opened.category } }, opened.message),
      ),
    );
  }
}

function lowers(crs, t) {
  const items = [...(crs.lowers || [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!items.length) return [];
  return [
    h("h4", {}, t("ui.crs_lower_heading")),
    h(
      "ul",
      { class: "cec-crs-lower" },
      items.map((item) => h("li", { dataset: { lower: item.id } }, item.message)),
    ),
  ];
}
