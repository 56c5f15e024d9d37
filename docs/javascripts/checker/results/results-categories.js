// The category rounds beside the CEC verdict: for each category in force on the date judged,
// whether the person's jobs (or French test) qualify, not yet, or cannot tell, in the engine's
// own sentence (occupation, months counted and needed, what is missing, the projected date),
// with the caveat where the recorded occupation list may be incomplete. The categories met and
// those within reach (the assessment's summary) come first; the others fold into one line, where
// categories none of the jobs is listed in share one line.

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
  // Open first: the categories met and those within reach (a date, or a lever that opens one).
  const reach = new Set((assessment.summary?.categories_within_reach || []).map((item) => item.category));
  const leads = (entry) => entry.met === true || reach.has(entry.id);
  const shown = entries
    .filter((entry) => !unlisted.includes(entry))
    .sort((a, b) => ORDER[String(a.met)] - ORDER[String(b.met)]);
  // The latest round of each category in the data beside the CRS estimate (engine sentences).
  const latest = new Map((assessment.crs?.rounds?.by_category || []).map((round) => [round.category, round]));
  const item = (entry) => {
    const within = entry.met !== true && reach.has(entry.id);
    const [statusKey, statusClass] = within
      ? ["ui.category_status_reach", "reach"]
      : STATUS[String(entry.met)] || STATUS.null;
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
      within && !facts.projected_date ? h("span", {}, " ", t("ui.category_reach_lever")) : null,
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
  };
  const items = shown.filter(leads).map(item);
  const others = shown.filter((entry) => !leads(entry)).map(item);
  if (unlisted.length) {
    others.push(
      h(
        "li",
        { class: "cec-category cec-category--unlisted", dataset: { categories: unlisted.map((e) => e.id).join(" ") } },
        t("ui.categories_not_listed", { names: unlisted.map((entry) => t.label(entry.name)) }),
      ),
    );
  }
  const count = entries.filter((entry) => !leads(entry)).length;
  const section = h(
    "section",
    { id: "cec-categories", class: "cec-categories", tabindex: "-1", "aria-labelledby": "cec-categories-title" },
    h("h3", { id: "cec-categories-title" }, t("ui.categories_heading")),
    h("p", { class: "cec-hint" }, t("ui.categories_intro", { as_of: assessment.as_of })),
    items.length ? h("ul", { class: "cec-category-list" }, items) : null,
    // The rest in one folded line.
    count
      ? h(
          "details",
          { class: "cec-detail cec-category-others" },
          h("summary", {}, t("ui.categories_others", { count })),
          h("ul", { class: "cec-category-list" }, others),
        )
      : null,
    h("p", { class: "cec-links" }, h("a", { href: GUIDE }, t("ui.categories_guide"))),
  );
  return [section];
}
