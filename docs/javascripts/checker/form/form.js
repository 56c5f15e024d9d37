// The checker form: built from the form metadata, read into a profile (the contract's input),
// filled from one, checked (validate.js) and showing field-level errors from those checks or
// the engine ({"errors":[{"field":"jobs[0].end","message":...}]}). Rows live in jobs.js and
// language-tests.js, the error display in errors.js.

import { bidi, h, isolate, today } from "../dom.js";
import { crsSection } from "./crs-form.js";
import { errorDisplay } from "./errors.js";
import { checkbox, field } from "./fields.js";
import { isOngoing, jobRow, readJob } from "./jobs.js";
import { isEmptyTest, readTest, testRow } from "./language-tests.js";
import { programsSection } from "./programs-form.js";
import { submitProgress } from "./submit-progress.js";
import { validate } from "./validate.js";

const ROWS_PER_TURN = 10;

async function buildRows(items, build) {
  const rows = [];
  for (const [index, item] of items.entries()) {
    if (index && index % ROWS_PER_TURN === 0) await new Promise((resolve) => setTimeout(resolve));
    rows.push(build(item));
  }
  return rows;
}

export function createForm(form, metadata, { onSubmit }) {
  const { t } = metadata;
  const applicationDate = h("input", { type: "date", required: true, dataset: { field: "application_date" } });
  applicationDate.value = today();
  const invitationDate = h("input", { type: "date", dataset: { field: "invitation_date" } });
  const quebec = checkbox({
    label: t("ui.quebec_label"),
    hint: t("ui.quebec_hint"),
    checked: false,
    fieldName: "plans_to_live_in_quebec",
  });
  const summary = h(
    "div",
    { class: "cec-error-summary", tabindex: "-1", hidden: true, "aria-labelledby": "cec-error-summary-title" },
    h("h2", { id: "cec-error-summary-title" }, t("ui.errors_title")),
    h("ul"),
  );
  const jobList = h("div", { class: "cec-rows" });
  const testList = h("div", { class: "cec-rows" });
  const addJob = h("button", { type: "button", class: "md-button" }, t("ui.add_job"));
  const addTest = h("button", { type: "button", class: "md-button" }, t("ui.add_test"));
  const submit = h("button", { type: "submit", class: "md-button md-button--primary cec-submit" }, t("ui.submit"));
  const ranking = crsSection(metadata);
  const programs = programsSection(metadata);
  const section = (legend, ...content) => h("fieldset", { class: "cec-section" }, h("legend", {}, legend), ...content);

  form.append(
    summary,
    section(
      t("ui.application_legend"),
      field(t, {
        label: t("ui.application_date_label"),
        control: applicationDate,
        hint: t("ui.application_date_hint"),
      }),
      field(t, {
        label: t("ui.invitation_date_label"),
        control: invitationDate,
        hint: t("ui.invitation_date_hint", { response_days: metadata.itaResponseDays }),
        optional: true,
      }),
      quebec,
    ),
    section(
      t("ui.jobs_legend", { window_years: metadata.windowYears }),
      h("p", { class: "cec-hint" }, t("ui.jobs_hint")),
      jobList,
      addJob,
    ),
    section(t("ui.tests_legend"), h("p", { class: "cec-hint" }, t("ui.tests_hint")), testList, addTest),
    ranking.element,
    programs.element,
    h("div", { class: "cec-actions" }, submit, submitProgress(form)),
  );

  // An untouched test row is no test: it is neither sent nor checked, so error paths
  // (language_tests[i]) count only the rows that hold something.
  const rows = () => ({
    jobs: [...jobList.children],
    tests: [...testList.children].filter((row) => !isEmptyTest(readTest(row))),
  });
  const errors = errorDisplay(form, summary, rows, t);

  // Removing a row moves focus to its neighbour (or the add button), never to the page's top.
  const removeRow = (selector, addButton) => (row) => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    (next ? next.querySelector(selector) : addButton).focus();
  };
  const jobActions = {
    onDuplicate: (row) => {
      const copy = newJob(readJob(row));
      row.after(copy);
      renumber();
      copy.querySelector("input").focus();
    },
    onRemove: removeRow("input", addJob),
  };
  const testActions = { onRemove: removeRow("select", addTest) };
  const newJob = (job = {}) => jobRow(metadata, job, jobActions);
  const newTest = (result = {}) => testRow(metadata, result, testActions);

  // Legends number the rows; the buttons name their row for screen readers.
  function renumber() {
    const label = (button, word, hidden) =>
      button.replaceChildren(word, " ", h("span", { class: "cec-sr" }, bidi(hidden)));
    rows().jobs.forEach((row, index) => {
      const title = row.querySelector('[data-field="title"]').value.trim();
      const number = index + 1;
      const hidden = title ? t("ui.job_named", { number, title: isolate(title) }) : t("ui.job_unnamed", { number });
      row.querySelector("legend").textContent = t("ui.job_legend", { number });
      label(row.querySelector('[data-action="duplicate"]'), t("ui.duplicate"), hidden);
      label(row.querySelector('[data-action="remove"]'), t("ui.remove"), hidden);
    });
    [...testList.children].forEach((row, index) => {
      row.querySelector("legend").textContent = t("ui.test_legend", { number: index + 1 });
      label(row.querySelector('[data-action="remove"]'), t("ui.remove"), t("ui.test_unnamed", { number: index + 1 }));
    });
  }
  jobList.addEventListener("change", (event) => {
    if (event.target.dataset.field === "title") renumber();
  });
  addJob.addEventListener("click", () => {
    const row = newJob();
    jobList.append(row);
    renumber();
    row.querySelector("input").focus();
  });
  addTest.addEventListener("click", () => {
    const row = newTest();
    testList.append(row);
    renumber();
    row.querySelector("select").focus();
  });

  function readProfile() {
    return {
      application_date: applicationDate.value || null,
      ...(invitationDate.value ? { invitation_date: invitationDate.value } : {}),
      plans_to_live_in_quebec: quebec.querySelector("input").checked,
      jobs: rows().jobs.map(readJob),
      language_tests: rows().tests.map(readTest),
      ...ranking.read(),
      ...programs.read(),
    };
  }

  // Rows are built off the page a batch at a time, yielding between batches so that a long list
  // never freezes the page; the form changes at once when every row is ready, and only the
  // newest fill lands.
  let fills = 0;
  async function fillProfile(profile) {
    const mine = ++fills;
    const list = (value) => (Array.isArray(value) ? value : []);
    const entry = (item) => (item && typeof item === "object" ? item : {});
    const jobs = await buildRows(list(profile.jobs), (job) => newJob(entry(job)));
    const tests = await buildRows(list(profile.language_tests), (result) => newTest(entry(result)));
    if (mine !== fills) return false;
    errors.clear();
    applicationDate.value = typeof profile.application_date === "string" ? profile.application_date : "";
    invitationDate.value = typeof profile.invitation_date === "string" ? profile.invitation_date : "";
    quebec.querySelector("input").checked = profile.plans_to_live_in_quebec === true;
    jobList.replaceChildren(...jobs);
    testList.replaceChildren(...tests);
    ranking.fill(profile.crs);
    programs.fill(profile.express_entry);
    renumber();
    return true;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit();
  });

  // No test row to start: someone without a test adds none ("Add a language test").
  fillProfile({ application_date: today(), plans_to_live_in_quebec: false, jobs: [{}], language_tests: [] });

  return {
    readProfile,
    fillProfile,
    validate: () => validate(readProfile(), metadata, rows().jobs.map(isOngoing)),
    showErrors: errors.show,
    clearErrors: errors.clear,
    submit,
  };
}
