// Recent rounds beside the CRS estimate: the last Canadian Experience Class cut-offs drawn as a
// chart with the person's score across it, the same rounds as a table (the chart's text
// alternative), and the latest general and category rounds. Facts from the engine, not a
// prediction; words from the catalog.

import { h, s } from "../dom.js";

export function rounds(crs, t, width) {
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
