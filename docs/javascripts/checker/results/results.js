// The assessment shown to a person: the verdict, each requirement with its figures, sentence,
// links and next step, each job's counted hours or why it was left out, and the timeline.
// Provisions and guide pages per requirement come from the form metadata.

import { bidi, h, isolate } from "../dom.js";
import { fold, foldSection, openForPrint, reopen } from "./fold.js";
import { renderCategories } from "./results-categories.js";
import { renderCrs } from "./results-crs.js";
import { rounds } from "./results-crs-rounds.js";
import { jobReasons, showsWindow } from "./results-explain.js";
import { languageFigures, nextStep } from "./results-language.js";
import { whatNext } from "./results-next.js";
import { renderPrograms } from "./results-programs.js";
import { renderSummary } from "./results-summary.js";
import { timeline } from "./timeline.js";

// Catalog keys per requirement and per met value (true / false / null), written out in full.
const TITLES = {
  work_experience: "ui.requirement_work_experience",
  language: "ui.requirement_language",
  quebec: "ui.requirement_quebec",
};
const GUIDES = {
  work_experience: "ui.guide_work_experience",
  language: "ui.guide_language",
  quebec: "ui.guide_quebec",
};
const STATUS = {
  true: ["ui.status_true", "met"],
  false: ["ui.status_false", "not-met"],
  null: ["ui.status_null", "unknown"],
};
// The folded sections' ids (stable: the summary links to them, a section may render lazily).
const IDS = {
  requirements: "cec-detail-requirements",
  programs: "cec-detail-programs",
  categories: "cec-detail-categories",
  jobs: "cec-detail-jobs",
  crs: "cec-detail-crs",
  rounds: "cec-detail-rounds",
};
const VERDICTS = { true: "ui.verdict_true", false: "ui.verdict_false", null: "ui.verdict_null" };

/** The verdict's wording for eligible = true / false / null. */
export const verdictText = (t, eligible) => t(VERDICTS[String(eligible)] || VERDICTS.null);

export function renderResults(section, { profile, assessment, metadata }) {
  const { t } = metadata;
  const requirements = assessment.requirements || [];
  const eligible = assessment.eligible === true ? "true" : assessment.eligible === false ? "false" : "unknown";
  // Someone invited who meets every requirement on some days to the deadline, but not on the
  // date entered, is shown those days rather than a red "not met".
  const window = showsWindow(assessment) ? assessment.invitation.safe_window : null;
  const verdict = h(
    "div",
    {
      class: `cec-verdict cec-verdict--${window ? "window" : eligible}`,
      "data-testid": "verdict",
      "data-eligible": eligible,
    },
    h("p", { class: "cec-verdict-date" }, t("ui.verdict_date", { as_of: assessment.as_of })),
    h(
      "p",
      { class: "cec-verdict-text" },
      window ? t("ui.verdict_window", { first: window.first, last: window.last }) : verdictText(t, assessment.eligible),
    ),
  );
  const invitation = assessment.invitation ? renderInvitation(assessment.invitation, metadata) : null;
  const notices = (assessment.notices || []).map((notice) =>
    h("p", { class: "cec-notice", "data-notice": notice.code }, h("strong", {}, t("ui.notice_lead")), notice.message),
  );
  const width = Math.round(Math.min(Math.max(section.parentElement.clientWidth, 280), 900));
  const context = { profile, assessment, metadata };
  // The details, each a folded section with a stable id that the summary's lines link to.
  const details = {
    requirements: fold(
      IDS.requirements,
      t("ui.details_requirements"),
      requirements.map((requirement) => renderRequirement(requirement, context)),
    ),
    programs: foldSection(IDS.programs, renderPrograms(context)),
    categories: foldSection(IDS.categories, renderCategories(context)),
    jobs: fold(IDS.jobs, t("ui.timeline_heading"), [
      h("figure", { class: "cec-figure" }, timeline(profile, assessment, metadata, width)),
    ]),
    crs: renderCrs(assessment, metadata, IDS.crs),
    rounds:
      assessment.crs?.total == null ? [] : fold(IDS.rounds, t("ui.details_rounds"), rounds(assessment.crs, t, width)),
  };
  const present = Object.fromEntries(
    Object.keys(details)
      .filter((key) => details[key].length)
      .map((key) => [key, IDS[key]]),
  );
  const summary = renderSummary(context, present);
  openForPrint();
  // A section the reader opened stays open when the result is replaced (an answer changed).
  const opened = new Set([...section.querySelectorAll("details.cec-detail[open]")].map((d) => d.id));
  section.replaceChildren(
    section.querySelector("h2"),
    verdict,
    ...(summary ? [summary] : []), // replaceChildren would write a null as the text "null"
    ...(invitation ? [invitation] : []),
    ...notices,
    ...details.requirements,
    ...details.programs,
    ...details.categories,
    whatNext(profile, assessment, metadata),
    ...details.jobs,
    ...details.crs,
    ...details.rounds,
    // How fresh the data is (verified keys, rounds' data_until), not the newest rule's date.
    h(
      "p",
      { class: "cec-fineprint" },
      t("ui.fineprint_verified", {
        verified: assessment.data_verified || assessment.as_of,
        rounds_until: assessment.rounds_until || assessment.as_of,
      }),
    ),
    h(
      "div",
      { class: "cec-print" },
      h("button", { type: "button", class: "md-button", onclick: () => window.print() }, t("ui.print")),
    ),
  );
  for (const details of section.querySelectorAll("details.cec-detail")) {
    if (opened.has(details.id)) reopen(details);
  }
  section.hidden = false;
  return verdict;
}

function renderRequirement(requirement, context) {
  const { t, sources, requirements } = context.metadata;
  const [statusKey, statusClass] = STATUS[String(requirement.met)] || STATUS.null;
  const body = [];
  if (requirement.id === "work_experience") body.push(...workFigures(requirement, context));
  if (requirement.id === "language") body.push(...languageFigures(requirement, context));
  const about = requirements[requirement.id];
  const links = (about ? about.provisions : [])
    .map((id) => sources[id])
    .filter((source) => source?.url)
    .map((source) => h("a", { href: source.url, rel: "external", lang: source.lang }, source.title));
  // Guide paths are from the site root; the checker page is one level down.
  if (about && GUIDES[requirement.id]) links.push(h("a", { href: `../${about.guide}` }, t(GUIDES[requirement.id])));
  return h(
    "section",
    {
      class: `cec-requirement cec-requirement--${statusClass}`,
      "data-requirement": requirement.id,
      "aria-labelledby": `cec-req-${requirement.id}`,
    },
    h(
      "h3",
      { id: `cec-req-${requirement.id}` },
      TITLES[requirement.id] ? t(TITLES[requirement.id]) : requirement.id,
      " ",
      h("span", { class: `cec-status cec-status--${statusClass}` }, t(statusKey)),
    ),
    h("p", { class: "cec-message" }, requirement.message || ""),
    ...body,
    links.length
      ? h("p", { class: "cec-links" }, t("ui.links_intro"), ...links.flatMap((link, i) => (i ? [" · ", link] : [link])))
      : null,
  );
}

function workFigures(requirement, { profile, assessment, metadata }) {
  const { t } = metadata;
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
      h(
        "p",
        { class: "cec-bar-text" },
        h("strong", {}, t.number(hours)),
        t("ui.hours_of_required", { required_hours: required }),
      ),
      h("div", { class: "cec-bar", "aria-hidden": "true" }, fill),
    ),
  ];
  if (assessment.projected_work_experience_date) {
    out.push(nextStep(t, t("ui.next_projected", { date: assessment.projected_work_experience_date })));
  } else if (requirement.met === false) {
    out.push(nextStep(t, t("ui.next_more_work")));
  }
  const jobs = profile.jobs || [];
  if (jobs.length) {
    const items = jobs.map((job, index) => {
      const result = (assessment.jobs || [])[index] || {};
      const number = index + 1;
      const name = bidi(
        job.title ? t("ui.job_result_name", { number, title: isolate(job.title) }) : t("ui.job_legend", { number }),
      );
      const detail =
        result.message ||
        (result.excluded_because
          ? t("ui.job_not_counted", { reason: result.excluded_because })
          : t("ui.job_counted", { hours: result.counted_hours ?? 0 }));
      const kind = result.excluded_because ? "cec-job-excluded" : "cec-job-counted";
      const reasons = jobReasons(result);
      if (reasons.length) {
        // Every reason it was left out, not only the first.
        const lines = reasons.map((line) => h("li", {}, line));
        return h(
          "li",
          { class: kind },
          h("strong", {}, name),
          t("ui.colon"),
          t("ui.job_reasons_intro", { count: reasons.length }),
          h("ul", { class: "cec-job-reasons" }, lines),
        );
      }
      return h("li", { class: kind }, h("strong", {}, name), t("ui.colon"), detail);
    });
    out.push(h("ul", { class: "cec-jobs" }, items));
  }
  return out;
}

/** The invitation block; when the requirements were not met on the invitation day it is an
 * alert (decline, do not submit) with the official page on declining and the guide's section. */
function renderInvitation(invitation, metadata) {
  const { t, nextLinks = {} } = metadata;
  const decline = invitation.met_at_invitation === false;
  const official = nextLinks.decline_invitation;
  return h(
    "section",
    {
      id: "cec-invitation",
      class: decline ? "cec-invitation cec-invitation-decline" : "cec-invitation",
      "data-testid": "invitation",
      "aria-labelledby": "cec-invitation-title",
      ...(decline ? { role: "alert" } : {}),
    },
    h("h3", { id: "cec-invitation-title" }, t(decline ? "ui.invitation_decline_heading" : "ui.invitation_heading")),
    h("p", {}, invitation.message || ""),
    decline
      ? h(
          "p",
          { class: "cec-links" },
          ...(official ? [h("a", { href: official.url, rel: "noopener" }, official.title), " · "] : []),
          h("a", { href: "../after-invitation/#declining" }, t("ui.invitation_decline_guide")),
        )
      : null,
  );
}
