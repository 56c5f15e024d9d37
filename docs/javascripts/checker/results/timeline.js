// The timeline picture: the window of years before the application date, with each job drawn
// on it (the counted ones solid, the ones left out hatched). Drawing only: the hours and the
// window (the work requirement's window_start and window_end) come from the engine.

import { isolate, s } from "../dom.js";

const DAY = 86400000;
const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
/** The SVG picture; `width` is the space available in CSS pixels, so text keeps its size. */
export function timeline(profile, assessment, metadata, width = 720) {
  const { t } = metadata;
  const shortDate = new Intl.DateTimeFormat(t.locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  const short = (time) => shortDate.format(new Date(time));
  const work = assessment.requirements.find((item) => item.id === "work_experience");
  const start = toTime(work.facts.window_start);
  const end = toTime(work.facts.window_end) + DAY; // exclusive: the day of the application
  const left = 2;
  const right = 2;
  const rowHeight = 40;
  const top = 24;
  const jobs = profile.jobs || [];
  const bottom = top + Math.max(jobs.length, 1) * rowHeight;
  const height = bottom + 22;
  const x = (time) => left + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * (width - left - right);

  const titleId = `cec-timeline-${Date.now()}`;
  const descId = `${titleId}-desc`;
  const description = jobs
    .map((job, index) => {
      const result = (assessment.jobs || [])[index] || {};
      const number = index + 1;
      const span = t("ui.timeline_span", {
        start: job.start ? t.date(job.start) : t("ui.timeline_unknown_day"),
        end: job.end ? t.date(job.end) : t("ui.timeline_now"),
      });
      const title = job.title ? isolate(job.title) : null;
      const name = title ? t("ui.job_result_name", { number, title }) : t("ui.job_legend", { number });
      return t("ui.timeline_job", { name, span, message: result.message || "" });
    })
    .join(" ");

  const svg = s(
    "svg",
    {
      class: "cec-timeline",
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
    },
    s(
      "title",
      { id: titleId },
      t("ui.timeline_title", { window_years: metadata.windowYears, as_of: assessment.as_of }),
    ),
    s("desc", { id: descId }, description || t("ui.timeline_none")),
    s(
      "defs",
      {},
      s(
        "pattern",
        {
          id: `${titleId}-hatch`,
          width: "6",
          height: "6",
          patternUnits: "userSpaceOnUse",
          patternTransform: "rotate(45)",
        },
        s("rect", { width: "6", height: "6", class: "cec-tl-excluded-bg" }),
        s("line", { x1: "0", y1: "0", x2: "0", y2: "6", class: "cec-tl-hatch" }),
      ),
    ),
  );

  // The window as a band, with a tick on the first of January of each year in it.
  svg.append(
    s("rect", { x: left, y: top - 4, width: width - left - right, height: bottom - top + 4, class: "cec-tl-window" }),
  );
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const tx = x(Date.UTC(year, 0, 1));
    svg.append(s("line", { x1: tx, x2: tx, y1: top - 8, y2: bottom, class: "cec-tl-tick" }));
    if (tx < width - 40) svg.append(s("text", { x: tx + 3, y: 14, class: "cec-tl-label" }, String(year)));
  }
  svg.append(
    s("text", { x: left, y: height - 6, class: "cec-tl-label" }, short(start)),
    s(
      "text",
      { x: width - right, y: height - 6, class: "cec-tl-label", "text-anchor": "end" },
      t("ui.timeline_apply", { date: short(end) }),
    ),
  );

  jobs.forEach((job, index) => {
    const result = (assessment.jobs || [])[index] || {};
    const y = top + index * rowHeight;
    const excluded = Boolean(result.excluded_because);
    const number = index + 1;
    const name = job.title
      ? t("ui.timeline_label_titled", { number, title: isolate(job.title) })
      : t("ui.job_legend", { number });
    const jobStart = job.start ? toTime(job.start) : NaN;
    const jobEnd = job.end ? toTime(job.end) + DAY : end;
    const outside = !(jobEnd > start && jobStart < end);
    const status = excluded ? t("ui.timeline_not_counted") : outside ? t("ui.timeline_outside") : "";
    svg.append(s("text", { x: left + 4, y: y + 12, class: "cec-tl-job-label" }, name + status));
    if (outside || Number.isNaN(jobStart)) return;
    const x1 = x(jobStart);
    const x2 = Math.max(x(jobEnd), x1 + 2);
    svg.append(
      s("rect", {
        x: x1,
        y: y + 17,
        width: x2 - x1,
        height: 14,
        rx: 2,
        class: excluded ? "cec-tl-job-excluded" : "cec-tl-job",
        fill: excluded ? `url(#${titleId}-hatch)` : null,
      }),
    );
  });
  return svg;
}
