// One job's row of the form: built from the metadata (TEER list, weekly cap), filled from and
// read into the contract's job shape.

import { h } from "../dom.js";
import { checkbox, field, fieldNumber, fieldValue, nextId, teerFollowsCode } from "./fields.js";
import { occupationSearch } from "./noc-search.js";

// The facts that decide whether a job counts, with the form's starting answer for each and
// their catalog keys (the rule itself is in pycore.programs.cec.work_experience).
const FACTS = [
  ["paid", true, "ui.paid_label", "ui.paid_hint"],
  ["self_employed", false, "ui.self_employed_label", "ui.self_employed_hint"],
  ["full_time_student", false, "ui.full_time_student_label", "ui.full_time_student_hint"],
  ["work_authorized", true, "ui.work_authorized_label", "ui.work_authorized_hint"],
  ["in_canada", true, "ui.in_canada_label", "ui.in_canada_hint"],
];

function teerSelect({ t, teers }) {
  const select = h("select", { dataset: { field: "teer" } }, h("option", { value: "" }, t("ui.teer_choose")));
  for (const { teer, description } of teers) {
    select.append(h("option", { value: String(teer) }, t("ui.teer_option", { teer, description })));
  }
  return select;
}

// Until the occupation search is there: the TEER field says whose TEER it is, with a link.
function teerField(t, teer) {
  const wrapper = field(t, {
    label: t("ui.teer_label"),
    control: teer,
    hint: t("ui.teer_hint"),
    className: "cec-wide",
  });
  const guide = h(
    "a",
    { href: "../eligibility/work-experience/#your-duties-decide-not-your-job-title" },
    t("ui.teer_hint_link"),
  );
  wrapper.querySelector(".cec-hint").append(" ", guide);
  return wrapper;
}

/** A job row; `onDuplicate(row)` and `onRemove(row)` are the form's (they renumber the rows). */
export function jobRow(metadata, job, { onDuplicate, onRemove }) {
  const { t, nocCode, hoursBounds } = metadata;
  const input = (type, fieldName, extra = {}) => h("input", { type, ...extra, dataset: { field: fieldName } });
  const noc = input("text", "noc_code", {
    inputmode: "numeric",
    maxlength: String(nocCode.length),
    autocomplete: "off",
  });
  const teer = teerSelect(metadata);
  // Choosing an occupation fills the code and its TEER (the TEER can still be chosen alone).
  const search = occupationSearch(metadata, {
    onPick: ({ code, teer: digit }) => {
      noc.value = code;
      teer.value = String(digit);
    },
  });
  const end = input("date", "end");
  const hours = input("number", "hours_per_week", {
    inputmode: "decimal",
    min: String(hoursBounds.min),
    max: String(hoursBounds.max),
    step: String(hoursBounds.step),
  });
  const ongoing = h("input", { type: "checkbox", id: nextId("c"), dataset: { field: "ongoing" } });
  const duplicate = h("button", { type: "button", class: "cec-link-button", dataset: { action: "duplicate" } });
  const remove = h("button", { type: "button", class: "cec-link-button", dataset: { action: "remove" } });

  const row = h(
    "fieldset",
    { class: "cec-row cec-job", dataset: { kind: "job" } },
    h("legend", {}),
    h(
      "div",
      { class: "cec-grid" },
      field(t, {
        label: t("ui.job_title_label"),
        // maxlength counts UTF-16 units, two for some characters: room for the most characters the
        // engine takes (code points), which validate.js counts.
        control: input("text", "title", {
          autocomplete: "off",
          maxlength: String(2 * metadata.limits.titleCharacters),
        }),
        optional: true,
      }),
      field(t, { label: t("ui.noc_label"), control: noc, optional: true, hint: t("ui.noc_hint") }),
      search.element,
      teerField(t, teer),
      field(t, { label: t("ui.start_label"), control: input("date", "start") }),
      h(
        "div",
        { class: "cec-end" },
        field(t, { label: t("ui.end_label"), control: end }),
        h("div", { class: "cec-check cec-ongoing" }, ongoing, h("label", { for: ongoing.id }, t("ui.ongoing_label"))),
      ),
      field(t, {
        label: t("ui.hours_label"),
        control: hours,
        hint: t("ui.hours_hint", { weekly_hours_cap: metadata.weeklyCap }),
      }),
    ),
    h(
      "fieldset",
      { class: "cec-facts" },
      h("legend", {}, t("ui.facts_legend")),
      FACTS.map(([name, checked, label, hint]) =>
        checkbox({ label: t(label), hint: t(hint), checked, fieldName: name }),
      ),
    ),
    h("div", { class: "cec-row-actions" }, duplicate, remove),
  );

  teerFollowsCode(noc, teer, nocCode, search.showCode);
  ongoing.addEventListener("change", () => {
    end.disabled = ongoing.checked;
  });
  duplicate.addEventListener("click", () => onDuplicate(row));
  remove.addEventListener("click", () => onRemove(row));
  fillJob(row, job);
  search.showCode(noc.value.trim()); // names the code when the titles are already loaded
  return row;
}

function fillJob(row, job) {
  const set = (name, value) => {
    const control = row.querySelector(`[data-field="${name}"]`);
    if (control.type === "checkbox") control.checked = Boolean(value);
    else control.value = value === null || value === undefined ? "" : String(value);
  };
  for (const name of ["title", "noc_code", "teer", "start", "end", "hours_per_week"]) set(name, job[name]);
  const ongoing = row.querySelector('[data-field="ongoing"]');
  ongoing.checked = Boolean(job.start) && job.end === null;
  row.querySelector('[data-field="end"]').disabled = ongoing.checked;
  for (const [name, fallback] of FACTS) set(name, name in job ? job[name] : fallback);
}

/** Whether the row's end was left open on purpose ("I still work here"). */
export const isOngoing = (row) => row.querySelector('[data-field="ongoing"]').checked;

/** The row as the contract's job. */
export function readJob(row) {
  const job = {};
  if (fieldValue(row, "title")) job.title = fieldValue(row, "title");
  if (fieldValue(row, "noc_code")) job.noc_code = fieldValue(row, "noc_code");
  job.teer = fieldNumber(row, "teer");
  job.start = fieldValue(row, "start") || null;
  job.end = isOngoing(row) ? null : fieldValue(row, "end") || null;
  job.hours_per_week = fieldNumber(row, "hours_per_week");
  for (const [name] of FACTS) job[name] = row.querySelector(`[data-field="${name}"]`).checked;
  return job;
}
