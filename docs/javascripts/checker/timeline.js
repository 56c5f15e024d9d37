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

export function timeline(profile, assessment, years) {
  const start = toTime(windowStart(assessment.as_of, years));
  const end = toTime(assessment.as_of); // exclusive: the window's last day is the day before
  const width = 720;
  const left = 8;
  const right = 8;
  const rowHeight = 30;
  const top = 34;
  const jobs = profile.jobs || [];
  const height = top + Math.max(jobs.length, 1) * rowHeight + 8;
  const x = (time) => left + ((Math.min(Math.max(time, start), end) - start) / (end - start)) * (width - left - right);

  const titleId = `cec-timeline-title-${Date.now()}`;
  const descId = `${titleId}-desc`;
  const description = jobs
    .map((job, index) => {
      const result = (assessment.jobs || [])[index] || {};
      const span = `${job.start ? formatDate(job.start) : "?"} to ${job.end ? formatDate(job.end) : "now"}`;
      const counted = result.excluded_because ? "left out" : `${result.counted_hours ?? 0} hours counted`;
      return `Job ${index + 1}${job.title ? ` (${job.title})` : ""}: ${span}, ${counted}.`;
    })
    .join(" ");

  const svg = s(
    "svg",
    {
      class: "cec-timeline",
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      preserveAspectRatio: "xMinYMin meet",
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

  // Axis: the window as a band, with a tick on the first of January of each year in it.
  svg.append(s("rect", { x: left, y: top - 6, width: width - left - right, height: height - top, class: "cec-tl-window" }));
  const firstYear = new Date(start).getUTCFullYear() + 1;
  const lastYear = new Date(end).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const tx = x(Date.UTC(year, 0, 1));
    svg.append(
      s("line", { x1: tx, x2: tx, y1: top - 10, y2: height, class: "cec-tl-tick" }),
      s("text", { x: tx + 3, y: top - 14, class: "cec-tl-label" }, String(year)),
    );
  }
  svg.append(
    s("text", { x: left, y: 12, class: "cec-tl-label" }, formatDate(windowStartIso(start))),
    s("text", { x: width - right, y: 12, class: "cec-tl-label", "text-anchor": "end" }, `${formatDate(assessment.as_of)} (apply)`),
  );

  jobs.forEach((job, index) => {
    if (!job.start) return;
    const result = (assessment.jobs || [])[index] || {};
    const jobStart = toTime(job.start);
    const jobEnd = job.end ? toTime(job.end) + DAY : end;
    const y = top + index * rowHeight;
    const label = `${index + 1}${job.title ? ` ${job.title}` : ""}`;
    if (jobEnd <= start || jobStart >= end) {
      svg.append(s("text", { x: left + 4, y: y + 15, class: "cec-tl-label" }, `${label}: outside the window`));
      return;
    }
    const x1 = x(jobStart);
    const x2 = Math.max(x(jobEnd), x1 + 2);
    const excluded = Boolean(result.excluded_because);
    svg.append(
      s("rect", {
        x: x1,
        y,
        width: x2 - x1,
        height: rowHeight - 8,
        rx: 3,
        class: excluded ? "cec-tl-job cec-tl-job--excluded" : "cec-tl-job",
        fill: excluded ? `url(#${titleId}-hatch)` : null,
      }),
      s("text", { x: x1 + 4, y: y + 15, class: "cec-tl-job-label" }, label),
    );
  });
  return svg;
}

function windowStartIso(time) {
  return new Date(time).toISOString().slice(0, 10);
}
