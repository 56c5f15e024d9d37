// The category rounds beside the CEC verdict: for each category in force on the date judged,
// whether the person's jobs (or French test) qualify, not yet, or cannot tell, in the engine's
// own sentence (occupation, months counted and needed, what is missing, the projected date),
// with the caveat where the recorded occupation list may be incomplete. Categories none of the
// jobs is listed in share one line, to keep the result short.

import { h } from "../dom.js";
import { categoryProgramsNote } from "./results-programs.js";

// Catalog keys per met value (true / false / null), written out in full.
const STATUS = {
  true: ["ui.category_status_true", "met"],
  false: ["ui.category_status_false", "not-met"],
  null: ["ui.category_status_null", "unknown"],
};
const ORDER = { true: 0, false: 1, null: 2 };
const NOT_LISTED = "category.no_listed_occupation";
const GUIDE = "../express-entry/categories/"; // from the checker page

/** The section (in a list, empty when the assessment has no categories). */
export function renderCategories({ profile, assessment, metadata }) {
  const { t } = metadata;
  const entries = assessment.categories || [];
  if (!entries.length) return [];
  const unlisted = entries.filter((entry) => (entry.reasons || []).includes(NOT_LISTED));
  const shown = entries
    .filter((entry) => !unlisted.includes(entry))
    .sort((a, b) => ORDER[String(a.met)] - ORDER[String(b.met)]);
  // The latest round of each category in the data beside the CRS estimate (engine sentences).
  const latest = new Map((assessment.crs?.rounds?.by_category || []).map((round) => [round.category, round]));
  const items = shown.map((entry) => {
    const [statusKey, statusClass] = STATUS[String(entry.met)] || STATUS.null;
    const facts = entry.facts || {};
    // The engine's sentence already says it when nothing matched because the list is incomplete.
    const caveat = facts.list_complete === false && entry.met !== null;
    return h(
      "li",
      {
        class: `cec-category cec-category--${statusClass}`,
        dataset: {
          category: entry.id,
          met: String(entry.met),
          occupation: facts.occupation ?? "",
          months: facts.months ?? "",
          requiredMonths: facts.required_months ?? "",
          monthsShort: facts.months_short ?? "",
          projected: facts.projected_date ?? "",
        },
      },
      h("span", { class: `cec-status cec-status--${statusClass}` }, t(statusKey)),
      " ",
      entry.message || t.label(entry.name),
      caveat ? h("span", { class: "cec-category-caveat" }, " ", t("ui.category_list_incomplete")) : null,
      entry.met !== false && latest.has(entry.id)
        ? h(
            "span",
            { class: "cec-category-round", dataset: { cutoff: latest.get(entry.id).cutoff } },
            " ",
            latest.get(entry.id).message,
          )
        : null,
      categoryProgramsNote(entry, { profile, metadata }),
    );
  });
  if (unlisted.length) {
    items.push(
      h(
        "li",
        { class: "cec-category cec-category--unlisted", dataset: { categories: unlisted.map((e) => e.id).join(" ") } },
        t("ui.categories_not_listed", { names: unlisted.map((entry) => t.label(entry.name)) }),
      ),
    );
  }
  const section = h(
    "section",
    { id: "cec-categories", class: "cec-categories", tabindex: "-1", "aria-labelledby": "cec-categories-title" },
    h("h3", { id: "cec-categories-title" }, t("ui.categories_heading")),
    h("p", { class: "cec-hint" }, t("ui.categories_intro", { as_of: assessment.as_of })),
    h("ul", { class: "cec-category-list" }, items),
    h("p", { class: "cec-links" }, h("a", { href: GUIDE }, t("ui.categories_guide"))),
  );
  return [section];
}
