// The result in short, under the verdict (the assessment's `summary`, pycore/summary.py): the
// CEC verdict with its date, the CRS estimate, the cut-offs of recent rounds the person could be
// invited in, the categories met or within reach, and the change worth most points. Each line's
// label links to the folded section with its detail (fold.js), which the link opens.

import { h } from "../dom.js";
import { reveal } from "./fold.js";
import { build } from "./lazy-section.js";

const CEC = { true: "ui.summary_cec_true", false: "ui.summary_cec_false", null: "ui.summary_cec_null" };
const NOTICE = {
  "category.no_program_met": "ui.summary_categories_no_program",
  "category.program_unknown": "ui.summary_categories_program_unknown",
};
const ROUNDS_GUIDE = "../express-entry/#recent-cut-off-scores-for-cec-draws"; // from the checker page

/** A lowest-to-highest range of scores (word joiners keep it on one line), or the one score. */
const range = (t, { low, high }) => (low === high ? t.number(low) : `${t.number(low)}\u2060–\u2060${t.number(high)}`);

/** The summary section, or null when the assessment has none. `ids` names the folded sections
 * this result has (requirements, crs, rounds, categories; a key is absent without one). */
export function renderSummary({ assessment, metadata }, ids) {
  const { t } = metadata;
  const summary = assessment.summary;
  if (!summary) return null;
  const lines = [];
  // `target`: an element id on this page, a function finding the element, or a guide page.
  const line = (key, target, label, ...value) => {
    const guide = typeof target === "string" && target.startsWith("../");
    const find = typeof target === "function" ? target : () => document.getElementById(target);
    const go = (event) => {
      // A target inside the ranking (the lever) exists once that lazy section is built.
      if (typeof target === "function") build(document.getElementById(ids.crs));
      const element = find();
      if (!element) return;
      event.preventDefault();
      reveal(element);
    };
    const href = guide ? target : `#${typeof target === "function" ? ids.crs : target}`;
    lines.push(
      h(
        "li",
        { dataset: { summary: key } },
        h("a", { href, onclick: guide ? null : go }, label),
        t("ui.colon"),
        ...value,
      ),
    );
  };
  const invitation = assessment.invitation;
  if (invitation?.met_at_invitation === false) {
    line(
      "invitation",
      "cec-invitation",
      t("ui.summary_invitation_label"),
      h("strong", {}, t("ui.summary_invitation_decline", { deadline: invitation.submission_deadline })),
    );
  }
  line(
    "cec",
    ids.requirements,
    t("ui.summary_cec_label"),
    t(CEC[String(assessment.eligible)] || CEC.null, { as_of: assessment.as_of }),
  );
  const total = summary.crs_total;
  line(
    "crs",
    total === null || !ids.crs ? "cec-ranking" : ids.crs,
    t("ui.summary_crs_label"),
    total === null ? t("ui.summary_crs_missing") : h("strong", {}, t("ui.summary_crs", { total })),
  );
  if (summary.cutoffs.length) {
    const parts = summary.cutoffs.map((item) =>
      item.program === "cec"
        ? t("ui.summary_cutoff_cec", { first: item.first, last: item.last, range: range(t, item) })
        : item.last
          ? t("ui.summary_cutoff_category", {
              name: t.label(item.name),
              year: item.year,
              last: item.last,
              range: range(t, item),
            })
          : t("ui.summary_cutoff_category_undated", {
              name: t.label(item.name),
              year: item.year,
              range: range(t, item),
            }),
    );
    line("cutoffs", ids.rounds || ROUNDS_GUIDE, t("ui.summary_cutoffs_label"), parts.join(t("ui.summary_separator")));
  }
  const met = summary.categories_met.map((item) => t.label(item.name));
  const reach = summary.categories_within_reach.map((item) =>
    item.date
      ? t("ui.summary_reach_date", { name: t.label(item.name), date: item.date })
      : t("ui.summary_reach_lever", { name: t.label(item.name) }),
  );
  if (ids.categories) {
    const said = [];
    if (met.length) said.push(t("ui.summary_categories_met", { names: met }));
    // A category round invites only people who meet a program (the categories' own notice).
    if (met.length && summary.programs_notice) said.push(t(NOTICE[summary.programs_notice]));
    if (reach.length) said.push(t("ui.summary_categories_reach", { names: reach }));
    if (!said.length && summary.categories_unknown) {
      said.push(t("ui.summary_categories_unknown", { count: summary.categories_unknown }));
    } else if (!said.length) said.push(t("ui.summary_categories_none"));
    line("categories", ids.categories, t("ui.summary_categories_label"), said.join(t("ui.summary_separator")));
  }
  const best = summary.best_lever;
  if (best && ids.crs) {
    const lever = () => document.querySelector(`[data-improvement="${CSS.escape(best.id)}"]`);
    line("lever", lever, t("ui.summary_lever_label"), best.message);
  }
  return h(
    "section",
    { class: "cec-summary", "aria-labelledby": "cec-summary-title", "data-testid": "summary" },
    h("h3", { id: "cec-summary-title", class: "cec-sr" }, t("ui.summary_heading")),
    h("ul", {}, lines),
  );
}
