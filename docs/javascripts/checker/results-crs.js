// The ranking part of the result (the assessment's `crs`): the total against the most possible,
// a bar per section, a table per section with each factor's points and sentence, what would
// raise it, what will lower it and when, and recent rounds' cut-offs drawn with the estimate.
// Every figure and sentence comes from the engine; words from the catalog.

import { h, s } from "./dom.js";

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

/** The ranking section of the result in a list: empty when the profile had no `crs` object. */
export function renderCrs(assessment, metadata, width = 720) {
  const crs = assessment.crs;
  if (!crs) return [];
  const { t } = metadata;
  const out = h(
    "section",
    { class: "cec-crs", "data-crs": "", "aria-labelledby": "cec-crs-title" },
    h("h3", { id: "cec-crs-title" }, t("ui.crs_heading")),
  );
  if (crs.total === null || crs.total === undefined) {
    out.append(...incomplete(crs, t));
    return [out];
  }
  out.append(
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
    ...sections(crs, t),
    ...factorTables(crs, t),
    ...raises(crs, t),
    ...lowers(crs, t),
    ...rounds(crs, t, width),
  );
  return [out];
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
  return [
    h("h4", {}, t("ui.crs_raise_heading")),
    h("p", { class: "cec-hint" }, t("ui.crs_raise_intro")),
    h(
      "ol",
      { class: "cec-crs-raise" },
      items.map((item) =>
        h(
          "li",
          { dataset: { improvement: item.id } },
          h("span", { class: "cec-crs-gain", "aria-hidden": "true" }, t("ui.crs_gain", { gain: item.gain })),
          h("span", {}, item.message),
        ),
      ),
    ),
  ];
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

function rounds(crs, t, width) {
  const data = crs.rounds;
  if (!data?.cec?.length) return [];
  const out = [h("h4", {}, t("ui.crs_rounds_heading")), h("p", { class: "cec-message" }, data.message)];
  out.push(h("figure", { class: "cec-figure" }, cutoffChart(data, t, width)));
  const verdict = (cleared) => t(cleared ? "ui.crs_at_or_above" : "ui.crs_below");
  const header = (key) => h("th", { scope: "col" }, t(key));
  out.push(
    h(
      "table",
      { class: "cec-crs-rounds" },
      h("caption", { class: "cec-sr" }, t("ui.crs_rounds_heading")),
      h("thead", {}, h("tr", {}, header("ui.crs_col_round"), header("ui.crs_col_cutoff"), header("ui.crs_col_yours"))),
      h(
        "tbody",
        {},
        [...data.cec]
          .reverse()
          .map((round) =>
            h(
              "tr",
              { class: round.cleared ? "cec-crs-cleared" : null },
              h("th", { scope: "row" }, t("ui.crs_round_date", { date: round.date, number: round.number })),
              h("td", {}, t.number(round.cutoff)),
              h("td", {}, verdict(round.cleared)),
            ),
          ),
      ),
    ),
  );
  if (data.latest_general) out.push(h("p", { class: "cec-hint" }, t("ui.crs_latest_general", data.latest_general)));
  if (data.category?.length) {
    out.push(
      h("h4", {}, t("ui.crs_category_heading")),
      h("p", { class: "cec-hint" }, t("ui.crs_category_note")),
      h(
        "table",
        { class: "cec-crs-rounds" },
        h("caption", { class: "cec-sr" }, t("ui.crs_category_heading")),
        h("thead", {}, h("tr", {}, header("ui.crs_col_round"), header("ui.crs_col_cutoff"))),
        h(
          "tbody",
          {},
          [...data.category]
            .reverse()
            .map((round) =>
              h(
                "tr",
                {},
                h(
                  "th",
                  { scope: "row" },
                  t.label(round.name),
                  h("br"),
                  h("span", { class: "cec-hint" }, t.date(round.date)),
                ),
                h("td", {}, t.number(round.cutoff)),
              ),
            ),
        ),
      ),
    );
  }
  return out;
}

/** Cut-offs of the CEC rounds compared, as dots joined by a line, with the estimate drawn across. */
export function cutoffChart(data, t, width = 720) {
  const rounds = data.cec;
  const values = [...rounds.map((round) => round.cutoff), data.total];
  // A band around the figures, on round tens, so small differences stay visible; the axis says so.
  const low = Math.floor((Math.min(...values) - 10) / 10) * 10;
  const high = Math.ceil((Math.max(...values) + 10) / 10) * 10;
  const left = 44;
  const right = 12;
  const top = 12;
  const plot = 150;
  const height = top + plot + 28;
  const x = (index) => left + ((index + 0.5) / rounds.length) * (width - left - right);
  const y = (value) => top + ((high - value) / (high - low)) * plot;
  const shortDate = new Intl.DateTimeFormat(t.locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const day = (iso) => shortDate.format(new Date(`${iso}T00:00:00Z`));
  const step = Math.max(10, Math.ceil((high - low) / 4 / 10) * 10);
  const ticks = [];
  for (let value = low; value <= high; value += step) ticks.push(value);
  const titleId = `cec-crs-chart-${Date.now()}`;
  const yours = y(data.total);
  // Every date when there is room, else the first and the last.
  const labelled = (index) => width >= 560 || index === 0 || index === rounds.length - 1;
  return s(
    "svg",
    {
      class: "cec-crs-chart",
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
      "aria-labelledby": titleId,
    },
    s("title", { id: titleId }, t("ui.crs_chart_title", { compared: rounds.length, total: data.total })),
    ticks.flatMap((value) => [
      s("line", { class: "cec-crs-grid", x1: left, x2: width - right, y1: y(value), y2: y(value) }),
      s("text", { class: "cec-crs-axis", x: left - 6, y: y(value) + 4, "text-anchor": "end" }, t.number(value)),
    ]),
    s("polyline", {
      class: "cec-crs-line",
      points: rounds.map((round, index) => `${x(index)},${y(round.cutoff)}`).join(" "),
    }),
    rounds.flatMap((round, index) => [
      s("circle", { class: "cec-crs-dot", cx: x(index), cy: y(round.cutoff), r: 4 }),
      labelled(index)
        ? s(
            "text",
            { class: "cec-crs-axis", x: x(index), y: top + plot + 18, "text-anchor": "middle" },
            day(round.date),
          )
        : null,
    ]),
    s("line", { class: "cec-crs-you", x1: left, x2: width - right, y1: yours, y2: yours }),
    s(
      "text",
      {
        class: "cec-crs-you-label",
        x: width - right,
        y: yours > top + 16 ? yours - 6 : yours + 16,
        "text-anchor": "end",
      },
      t("ui.crs_chart_you", { total: data.total }),
    ),
  );
}
