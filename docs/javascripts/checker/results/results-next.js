// "What next", after every verdict: eligible is not invited (the ranking decides), where the
// ranking estimate and the CRS page are, the category rounds the jobs may open, what happens
// after an invitation, and pointers for those the CEC does not fit. Links only; every sentence
// from the catalog and every official address from the form metadata.

import { h } from "../dom.js";

// Guide pages from the checker page (one level down from the site root).
const GUIDE = {
  crs: "../express-entry/#the-comprehensive-ranking-system-crs",
  rounds: "../express-entry/#recent-cut-off-scores-for-cec-draws",
  categories: "../express-entry/categories/",
  afterInvitation: "../after-invitation/",
  otherPrograms: "../faq/#is-the-canadian-experience-class-different-from-express-entry",
  eligibility: "../eligibility/",
};
const RANKING_ANCHOR = "#cec-ranking"; // the ranking section ("ranking" helper's module)

const link = (href, text, external = false) => h("a", { href, rel: external ? "external" : null }, text);

/** The categories whose rounds the jobs and tests may open (met), by name. */
export const openCategories = (assessment) =>
  (assessment.categories || []).filter((item) => item.met === true).map((item) => item.name);

/** The categories not met now but within reach (the summary's: a date on which the jobs as
 * entered meet one, or a lever under the ranking that opens one), by name. */
export const reachableCategories = (assessment) =>
  (assessment.summary?.categories_within_reach || []).map((item) => item.name);

/** Which pointers for people the CEC does not fit apply to this profile. */
export function otherPointers(profile, assessment) {
  const jobs = assessment.jobs || [];
  const reasons = jobs.flatMap((job) => job.excluded_reasons || (job.excluded_because ? [job.excluded_because] : []));
  const pointers = [];
  if (!jobs.some((job) => !job.excluded_because) || reasons.includes("job.outside_canada")) pointers.push("fsw");
  if (profile.plans_to_live_in_quebec === true) pointers.push("quebec");
  if (reasons.includes("job.teer_not_eligible")) pointers.push("teer");
  return pointers;
}

export function whatNext(profile, assessment, metadata) {
  const { t, nextLinks = {} } = metadata;
  const items = [];
  // Someone holding an invitation is past creating a profile: say what counts for them.
  const invited = assessment.invitation;
  const lead = invited
    ? invited.met_at_invitation === false
      ? "ui.whatnext_invited_decline"
      : "ui.whatnext_invited"
    : assessment.eligible === true
      ? "ui.whatnext_eligible"
      : "ui.whatnext_not_yet";
  items.push(h("p", {}, t(lead)));
  const ranking = [link(RANKING_ANCHOR, t("ui.whatnext_ranking")), " · ", link(GUIDE.crs, t("ui.whatnext_crs_page"))];
  if (nextLinks.crs_criteria) ranking.push(" · ", link(nextLinks.crs_criteria.url, nextLinks.crs_criteria.title, true));
  ranking.push(" · ", link(GUIDE.rounds, t("ui.whatnext_rounds")));
  items.push(h("p", {}, t("ui.whatnext_ranking_intro"), ...ranking));
  const open = openCategories(assessment);
  items.push(
    h(
      "p",
      {},
      // Never "none is open" when a lever shown under the ranking would open one.
      open.length
        ? t("ui.whatnext_categories", { names: open.map(t.label) })
        : reachableCategories(assessment).length
          ? t("ui.whatnext_categories_reachable", { names: reachableCategories(assessment).map(t.label) })
          : t("ui.whatnext_categories_none"),
      " ",
      link(GUIDE.categories, t("ui.whatnext_categories_link")),
    ),
  );
  items.push(h("p", {}, t("ui.whatnext_after"), " ", link(GUIDE.afterInvitation, t("ui.whatnext_after_link"))));
  const pointers = otherPointers(profile, assessment);
  const other = [];
  if (pointers.includes("fsw"))
    other.push(h("li", {}, t("ui.whatnext_fsw"), " ", link(GUIDE.otherPrograms, t("ui.whatnext_fsw_link"))));
  if (pointers.includes("quebec")) {
    const quebec = nextLinks.quebec_programs;
    other.push(h("li", {}, t("ui.whatnext_quebec"), " ", quebec ? link(quebec.url, quebec.title, true) : null));
  }
  if (pointers.includes("teer"))
    other.push(h("li", {}, t("ui.whatnext_teer"), " ", link(GUIDE.eligibility, t("ui.whatnext_teer_link"))));
  return h(
    "section",
    { class: "cec-whatnext", "aria-labelledby": "cec-whatnext-title", "data-testid": "what-next" },
    h("h3", { id: "cec-whatnext-title" }, t("ui.whatnext_heading")),
    ...items,
    other.length ? h("h4", {}, t("ui.whatnext_other_heading")) : null,
    other.length ? h("ul", {}, other) : null,
  );
}
