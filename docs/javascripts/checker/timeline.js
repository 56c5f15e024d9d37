// The timeline picture: the window of years before the application date, with each job drawn
// on it (the counted ones solid, the ones left out hatched). Drawing only: the hours and the
// window that decide the result come from the engine.

import { formatDate, s } from "./dom.js";

const DAY = 86400000;
const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);

/** The first day of the window: the same calendar day `years` earlier (28 February for 29 February). */
export function windowStart(applicationDate, years) {
  const [y, m, d] = applicationDate.split("-").map(Number);
  const leapDay = m === 2 && d === 29;
  const day = leapDay ? 28 : d;
  return `${String(y - years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const shortDate = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const short = (time) => shortDate.format(new Date(time));

/** The SVG picture; `width` is the space available in CSS pixels, so text keeps its size. */
export function timeline(profile, assessment, years, width = 720) {
  // The engine reports the window it used; compute it only when it does not (unsupported dates).
  const work = (assessment.requirements || []).find((item) => item.id === "work_experience");
  const start = toTime((work && work.facts && work.facts.window_start) || windowStart(assessment.as_of, years));
  const end = toTime(assessment.as_of); // exclusive: the window's last day is the day before
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
      const span = `${job.start ? formatDate(job.start) : "?"} to ${job.end ? formatDate(job.end) : "now"}`;
      return `Job ${index + 1}${job.title ? ` (${job.title})` : ""}: ${span}. ${result.message || ""}`;
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
    s("title", { id: titleId }, `Your jobs in the ${years} years before ${formatDate(assessment.as_of)}`),
    s("desc", { id: descId }, description || "No jobs entered."),
    s(
      "defs",
      {},
      s(
        "pattern",
        { id: `${titleId}-hatch`, width: "6", height: "6", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("rect", { width: "6", height: "6", class: "cec-tl-excluded-bg" }),
        s("line", { x1: "0", y1: "0", x2: "0", y2: "6", class: "cec-tl-hatch" }),
      ),
    ),
  );

  // The window as a band, with a tick on the first of January of each year in it.
  svg.append(s("rect", { x: left, y: top - 4, width: width - left - right, height: bottom - top + 4, class: "cec-tl-window" }));
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const tx = x(Date.UTC(year, 0, 1));
    svg.append(s("line", { x1: tx, x2: tx, y1: top - 8, y2: bottom, class: "cec-tl-tick" }));
    if (tx < width - 40) svg.append(s("text", { x: tx + 3, y: 14, class: "cec-tl-label" }, String(year)));
  }
  svg.append(
    s("text", { x: left, y: height - 6, class: "cec-tl-label" }, short(start)),
    s("text", { x: width - right, y: height - 6, class: "cec-tl-label", "text-anchor": "end" }, `apply ${short(end)}`),
  );

  jobs.forEach((job, index) => {
    const result = (assessment.jobs || [])[index] || {};
    const y = top + index * rowHeight;
    const excluded = Boolean(result.excluded_because);
    const name = `Job ${index + 1}${job.title ? `: ${job.title}` : ""}`;
    const jobStart = job.start ? toTime(job.start) : NaN;
    const jobEnd = job.end ? toTime(job.end) + DAY : end;
    const outside = !(jobEnd > start && jobStart < end);
    const status = excluded ? " (not counted)" : outside ? " (outside the window)" : "";
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

