// The checker form: built from the form metadata, read into a profile (the contract's input),
// filled from one, checked for obvious mistakes, and showing field-level errors from either
// these checks or the engine ({"errors":[{"field":"jobs[0].end","message":...}]}).

import { ABILITIES, ABILITY_LABELS, scaleOn } from "./metadata.js";
import { h, today } from "./dom.js";

const FACTS = [
  ["paid", "Paid", "You earned wages or commission; volunteer work and unpaid internships do not count.", true],
  ["self_employed", "Self-employed", "Work as a self-employed person or business owner does not count.", false],
  ["full_time_student", "Full-time student at the time", "Work done while studying full time (co-op terms included) does not count.", false],
  ["work_authorized", "Authorized to work, with temporary resident status", "You had a work permit or other authorization and temporary resident status (not, for example, as a refugee claimant).", true],
  ["in_canada", "Worked physically in Canada", "Remote work done from outside Canada does not count, even for a Canadian employer.", true],
];
const LANGUAGE_NAMES = { english: "English", french: "French", en: "English", fr: "French" };

let uid = 0;
const nextId = (prefix) => `cec-${prefix}${++uid}`;

/** A labelled control with a hint and a slot for its error message. */
function field({ label, control, hint, optional = false, className = "" }) {
  const id = control.id || (control.id = nextId("f"));
  const errorId = `${id}-error`;
  const described = [];
  let hintElement = null;
  if (hint) {
    hintElement = h("p", { class: "cec-hint", id: `${id}-hint` }, hint);
    described.push(hintElement.id);
  }
  if (described.length) control.setAttribute("aria-describedby", described.join(" "));
  return h(
    "div",
    { class: `cec-field ${className}`.trim() },
    h("label", { for: id }, label, optional ? h("span", { class: "cec-optional" }, " (optional)") : null),
    hintElement,
    h("p", { class: "cec-field-error", id: errorId, hidden: true }),
    control,
  );
}

/** A checkbox with its one-line explanation. */
function checkbox({ label, hint, checked, fieldName }) {
  const input = h("input", { type: "checkbox", id: nextId("c"), dataset: { field: fieldName } });
  input.checked = checked;
  const hintId = `${input.id}-hint`;
  input.setAttribute("aria-describedby", hintId);
  return h(
    "div",
    { class: "cec-check" },
    input,
    h("label", { for: input.id }, label),
    h("p", { class: "cec-hint", id: hintId }, hint),
    h("p", { class: "cec-field-error", id: `${input.id}-error`, hidden: true }),
  );
}

export function createForm(form, metadata, { onSubmit }) {
  const testsById = Object.fromEntries(metadata.tests.map((test) => [test.id, test]));

  // --- the application section -------------------------------------------------------
  const applicationDate = h("input", { type: "date", required: true, dataset: { field: "application_date" } });
  applicationDate.value = today();
  const quebec = checkbox({
    label: "I plan to live in Quebec",
    hint: "The Canadian Experience Class is for people who plan to live outside Quebec (Quebec selects its own immigrants).",
    checked: false,
    fieldName: "plans_to_live_in_quebec",
  });
  const summary = h(
    "div",
    { class: "cec-error-summary", tabindex: "-1", hidden: true, "aria-labelledby": "cec-error-summary-title" },
    h("h2", { id: "cec-error-summary-title" }, "Please check these answers"),
    h("ul"),
  );

  const jobList = h("div", { class: "cec-rows" });
  const testList = h("div", { class: "cec-rows" });
  const addJob = h("button", { type: "button", class: "md-button" }, "Add a job");
  const addTest = h("button", { type: "button", class: "md-button" }, "Add a language test");
  const submit = h("button", { type: "submit", class: "md-button md-button--primary cec-submit" }, "Check my eligibility");

  form.append(
    summary,
    h(
      "fieldset",
      { class: "cec-section" },
      h("legend", {}, "Your application"),
      field({
        label: "Date you would apply",
        control: applicationDate,
        hint: "Everything is judged as of this day. Today is filled in; choose a later day to plan ahead.",
      }),
      quebec,
    ),
    h(
      "fieldset",
      { class: "cec-section" },
      h("legend", {}, `Work experience in the ${metadata.windowYears ?? "three"} years before that day`),
      h(
        "p",
        { class: "cec-hint" },
        "One entry per job, or per stretch of a job whose facts changed (for example a period of full-time study).",
      ),
      jobList,
      addJob,
    ),
    h(
      "fieldset",
      { class: "cec-section" },
      h("legend", {}, "Language tests"),
      h("p", { class: "cec-hint" }, "Enter the scores as printed on your results. Leave this empty if you have not taken a test yet."),
      testList,
      addTest,
    ),
    h("div", { class: "cec-actions" }, submit),
  );

  // --- jobs ----------------------------------------------------------------------------
  function teerSelect() {
    const select = h("select", { dataset: { field: "teer" } }, h("option", { value: "" }, "Choose a TEER category"));
    for (const { teer, description } of metadata.teers) {
      select.append(h("option", { value: String(teer) }, `TEER ${teer}: ${description}`));
    }
    return select;
  }

  function jobRow(job = {}) {
    const title = h("input", { type: "text", autocomplete: "organization-title", dataset: { field: "title" } });
    const noc = h("input", { type: "text", inputmode: "numeric", maxlength: "5", autocomplete: "off", dataset: { field: "noc_code" } });
    const teer = teerSelect();
    const start = h("input", { type: "date", dataset: { field: "start" } });
    const end = h("input", { type: "date", dataset: { field: "end" } });
    const hours = h("input", { type: "number", inputmode: "decimal", min: "0", max: "168", step: "any", dataset: { field: "hours_per_week" } });
    const ongoing = h("input", { type: "checkbox", id: nextId("c"), dataset: { field: "ongoing" } });
    const legend = h("legend", {});
    const duplicate = h("button", { type: "button", class: "cec-link-button", dataset: { action: "duplicate" } });
    const remove = h("button", { type: "button", class: "cec-link-button", dataset: { action: "remove" } });

    const row = h(
      "fieldset",
      { class: "cec-row cec-job", dataset: { kind: "job" } },
      legend,
      h(
        "div",
        { class: "cec-grid" },
        field({ label: "Job title", control: title, optional: true }),
        field({ label: "NOC 2021 code", control: noc, optional: true, hint: "Five digits; the TEER category follows from the second digit." }),
        field({ label: "TEER category", control: teer, className: "cec-wide" }),
        field({ label: "First day worked", control: start }),
        h(
          "div",
          { class: "cec-end" },
          field({ label: "Last day worked", control: end }),
          h("div", { class: "cec-check cec-ongoing" }, ongoing, h("label", { for: ongoing.id }, "I still work here")),
        ),
        field({ label: "Paid hours a week (average)", control: hours, hint: `At most ${metadata.weeklyCap ?? 30} hours a week count, across all jobs together.` }),
      ),
      h(
        "fieldset",
        { class: "cec-facts" },
        h("legend", {}, "During this job"),
        FACTS.map(([name, label, hint, checked]) => checkbox({ label, hint, checked, fieldName: name })),
      ),
      h("div", { class: "cec-row-actions" }, duplicate, remove),
    );

    noc.addEventListener("input", () => {
      const code = noc.value.trim();
      if (/^\d{5}$/.test(code) && teer.querySelector(`option[value="${code[1]}"]`)) teer.value = code[1];
    });
    ongoing.addEventListener("change", () => {
      end.disabled = ongoing.checked;
    });
    duplicate.addEventListener("click", () => {
      const copy = jobRow(readJob(row));
      row.after(copy);
      renumber();
      copy.querySelector("input").focus();
    });
    remove.addEventListener("click", () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      (next ? next.querySelector("input") : addJob).focus();
    });
    fillJob(row, job);
    return row;
  }

  function fillJob(row, job) {
    const set = (name, value) => {
      const input = row.querySelector(`[data-field="${name}"]`);
      if (input.type === "checkbox") input.checked = Boolean(value);
      else input.value = value === null || value === undefined ? "" : String(value);
    };
    set("title", job.title);
    set("noc_code", job.noc_code);
    set("teer", job.teer);
    set("start", job.start);
    set("end", job.end);
    set("hours_per_week", job.hours_per_week);
    const ongoing = row.querySelector('[data-field="ongoing"]');
    ongoing.checked = "start" in job && job.end === null;
    row.querySelector('[data-field="end"]').disabled = ongoing.checked;
    for (const [name, , , fallback] of FACTS) set(name, name in job ? job[name] : fallback);
  }

  function readJob(row) {
    const value = (name) => row.querySelector(`[data-field="${name}"]`).value.trim();
    const checked = (name) => row.querySelector(`[data-field="${name}"]`).checked;
    const job = {};
    if (value("title")) job.title = value("title");
    if (value("noc_code")) job.noc_code = value("noc_code");
    job.teer = value("teer") === "" ? null : Number(value("teer"));
    job.start = value("start") || null;
    job.end = checked("ongoing") ? null : value("end") || null;
    job.hours_per_week = value("hours_per_week") === "" ? null : Number(value("hours_per_week"));
    for (const [name] of FACTS) job[name] = checked(name);
    return job;
  }

  // --- language tests ------------------------------------------------------------------
  function testSelect() {
    const select = h("select", { dataset: { field: "test" } }, h("option", { value: "" }, "Choose the test"));
    for (const language of [...new Set(metadata.tests.map((test) => test.language))]) {
      const group = h("optgroup", { label: LANGUAGE_NAMES[language] || language });
      for (const test of metadata.tests.filter((item) => item.language === language)) {
        group.append(h("option", { value: test.id }, test.name));
      }
      select.append(group);
    }
    return select;
  }

  function scaleText(scale, ability) {
    const { min, max, step } = scale[ability];
    const steps = step === 1 ? "whole numbers" : `steps of ${step}`;
    return `${min} to ${max}, ${steps}`;
  }

  function testRow(result = {}) {
    const test = testSelect();
    const date = h("input", { type: "date", dataset: { field: "date" } });
    const scaleNote = h("p", { class: "cec-hint cec-scale", id: nextId("s") }, "Choose the test to see its score scale.");
    const scores = ABILITIES.map((ability) =>
      h("input", { type: "number", inputmode: "decimal", step: "any", dataset: { field: ability } }),
    );
    const legend = h("legend", {});
    const remove = h("button", { type: "button", class: "cec-link-button", dataset: { action: "remove" } });
    const row = h(
      "fieldset",
      { class: "cec-row cec-test", dataset: { kind: "test" } },
      legend,
      h(
        "div",
        { class: "cec-grid" },
        field({ label: "Test", control: test }),
        field({ label: "Test date", control: date, hint: "The day you took the test (or the results date, if that is the one you have)." }),
      ),
      scaleNote,
      h(
        "div",
        { class: "cec-grid cec-scores" },
        ABILITIES.map((ability, index) => {
          const wrapper = field({ label: ABILITY_LABELS[ability], control: scores[index] });
          scores[index].setAttribute("aria-describedby", scaleNote.id);
          return wrapper;
        }),
      ),
      h("div", { class: "cec-row-actions" }, remove),
    );

    function showScale() {
      const chosen = testsById[test.value];
      const scale = chosen && scaleOn(chosen, date.value);
      scores.forEach((input, index) => {
        const ability = ABILITIES[index];
        for (const name of ["min", "max"]) input.removeAttribute(name);
        if (chosen) {
          input.min = scale[ability].min;
          input.max = scale[ability].max;
        }
      });
      if (!chosen) {
        scaleNote.textContent = "Choose the test to see its score scale.";
      } else {
        const parts = ABILITIES.map((ability) => scaleText(scale, ability));
        scaleNote.textContent = parts.every((part) => part === parts[0])
          ? `${chosen.name} scores: ${parts[0]}.`
          : `${chosen.name} scores: ` +
            ABILITIES.map((ability, i) => `${ABILITY_LABELS[ability].toLowerCase()} ${parts[i]}`).join("; ") + ".";
      }
    }
    test.addEventListener("change", showScale);
    date.addEventListener("change", showScale);
    remove.addEventListener("click", () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      (next ? next.querySelector("select") : addTest).focus();
    });

    test.value = result.test || "";
    if (result.test && test.value !== result.test) test.value = "";
    date.value = result.date || "";
    scores.forEach((input, index) => {
      const score = result[ABILITIES[index]];
      input.value = score === null || score === undefined ? "" : String(score);
    });
    showScale();
    return row;
  }

  function readTest(row) {
    const value = (name) => row.querySelector(`[data-field="${name}"]`).value.trim();
    const result = { test: value("test") || null, date: value("date") || null };
    for (const ability of ABILITIES) result[ability] = value(ability) === "" ? null : Number(value(ability));
    return result;
  }

  // --- rows, numbering -----------------------------------------------------------------
  const jobRows = () => [...jobList.children];
  const testRows = () => [...testList.children];

  function renumber() {
    jobRows().forEach((row, index) => {
      const name = row.querySelector('[data-field="title"]').value.trim();
      row.querySelector("legend").textContent = `Job ${index + 1}`;
      row.querySelector('[data-action="duplicate"]').replaceChildren("Duplicate", h("span", { class: "cec-sr" }, ` job ${index + 1}${name ? ` (${name})` : ""}`));
      row.querySelector('[data-action="remove"]').replaceChildren("Remove", h("span", { class: "cec-sr" }, ` job ${index + 1}${name ? ` (${name})` : ""}`));
    });
    testRows().forEach((row, index) => {
      row.querySelector("legend").textContent = `Language test ${index + 1}`;
      row.querySelector('[data-action="remove"]').replaceChildren("Remove", h("span", { class: "cec-sr" }, ` language test ${index + 1}`));
    });
  }
  jobList.addEventListener("change", (event) => {
    if (event.target.dataset.field === "title") renumber();
  });

  addJob.addEventListener("click", () => {
    const row = jobRow();
    jobList.append(row);
    renumber();
    row.querySelector("input").focus();
  });
  addTest.addEventListener("click", () => {
    const row = testRow();
    testList.append(row);
    renumber();
    row.querySelector("select").focus();
  });

  // --- profile in and out --------------------------------------------------------------
  function readProfile() {
    return {
      application_date: applicationDate.value || null,
      plans_to_live_in_quebec: quebec.querySelector("input").checked,
      jobs: jobRows().map(readJob),
      language_tests: testRows().map(readTest),
    };
  }

  function fillProfile(profile) {
    clearErrors();
    applicationDate.value = typeof profile.application_date === "string" ? profile.application_date : "";
    quebec.querySelector("input").checked = profile.plans_to_live_in_quebec === true;
    const jobs = Array.isArray(profile.jobs) ? profile.jobs : [];
    const tests = Array.isArray(profile.language_tests) ? profile.language_tests : [];
    jobList.replaceChildren(...jobs.map((job) => jobRow(job && typeof job === "object" ? job : {})));
    testList.replaceChildren(...tests.map((test) => testRow(test && typeof test === "object" ? test : {})));
    renumber();
  }

  // --- client-side checks ---------------------------------------------------------------
  function validate() {
    const errors = [];
    const add = (path, message) => errors.push({ field: path, message });
    if (!applicationDate.value) add("application_date", "Enter the date you would apply.");
    jobRows().forEach((row, i) => {
      const job = readJob(row);
      const path = `jobs[${i}]`;
      if (job.noc_code !== undefined) {
        if (!/^\d{5}$/.test(job.noc_code)) add(`${path}.noc_code`, "A NOC 2021 code has five digits, for example 21232.");
        else if (job.teer !== null && Number(job.noc_code[1]) !== job.teer)
          add(`${path}.noc_code`, `The second digit of ${job.noc_code} says TEER ${job.noc_code[1]}, but TEER ${job.teer} is chosen; correct one of them.`);
      }
      if (job.teer === null) add(`${path}.teer`, "Choose the job's TEER category.");
      if (!job.start) add(`${path}.start`, "Enter the first day you worked in this job.");
      const ongoing = row.querySelector('[data-field="ongoing"]').checked;
      if (!ongoing && !job.end) add(`${path}.end`, "Enter the last day you worked, or tick “I still work here”.");
      if (job.start && job.end && job.end < job.start) add(`${path}.end`, "The last day is before the first day.");
      if (job.hours_per_week === null || !Number.isFinite(job.hours_per_week))
        add(`${path}.hours_per_week`, "Enter the average paid hours a week.");
      else if (job.hours_per_week <= 0 || job.hours_per_week > 168)
        add(`${path}.hours_per_week`, "Hours a week must be more than 0 and at most 168.");
    });
    testRows().forEach((row, i) => {
      const result = readTest(row);
      const path = `language_tests[${i}]`;
      const test = testsById[result.test];
      if (!test) add(`${path}.test`, "Choose the test.");
      if (!result.date) add(`${path}.date`, "Enter the test date.");
      for (const ability of ABILITIES) {
        const score = result[ability];
        if (score === null || !Number.isFinite(score)) {
          add(`${path}.${ability}`, `Enter the ${ability} score.`);
        } else if (test) {
          const scale = scaleOn(test, result.date);
          const { min, max, step } = scale[ability];
          const steps = (score - min) / step;
          if (score < min || score > max || Math.abs(steps - Math.round(steps)) > 1e-9)
            add(`${path}.${ability}`, `${test.name} ${ability} scores run from ${scaleText(scale, ability)}.`);
        }
      }
    });
    return errors;
  }

  // --- errors ----------------------------------------------------------------------------
  /** The control an error's field path names, or null when it names none on the form. */
  function controlFor(path) {
    const match = /^(jobs|language_tests)\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (!match) return form.querySelector(`[data-field="${path}"]`);
    const rows = match[1] === "jobs" ? jobRows() : testRows();
    const row = rows[Number(match[2])];
    if (!row) return null;
    if (!match[3]) return row.querySelector("input, select");
    return row.querySelector(`[data-field="${match[3]}"]`);
  }

  function clearErrors() {
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    for (const message of form.querySelectorAll(".cec-field-error")) {
      message.hidden = true;
      message.textContent = "";
      const control = message.parentElement.querySelector("[data-field]");
      if (control) {
        const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== message.id);
        if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
        else control.removeAttribute("aria-describedby");
      }
    }
    summary.hidden = true;
    summary.querySelector("ul").replaceChildren();
  }

  /** Show errors beside their fields and in the summary; focus the first; returns its label. */
  function showErrors(errors) {
    clearErrors();
    const list = summary.querySelector("ul");
    let first = null;
    for (const error of errors) {
      const control = controlFor(error.field);
      const label = control ? labelOf(control) : error.field;
      if (control) {
        const slot = control.parentElement.querySelector(".cec-field-error");
        control.setAttribute("aria-invalid", "true");
        if (slot) {
          slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
          slot.hidden = false;
          const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          if (!ids.includes(slot.id)) control.setAttribute("aria-describedby", [slot.id, ...ids].join(" "));
        }
        first = first || control;
        list.append(h("li", {}, h("a", { href: `#${control.id}`, onclick: (event) => { event.preventDefault(); control.focus(); } }, `${label}: ${error.message}`)));
      } else {
        list.append(h("li", {}, `${error.field}: ${error.message}`));
      }
    }
    summary.hidden = errors.length === 0;
    if (first) first.focus();
    else if (errors.length) summary.focus();
    return errors.length ? `${errors.length === 1 ? "One answer needs" : `${errors.length} answers need`} checking. ${list.firstChild.textContent}` : "";
  }

  function labelOf(control) {
    const row = control.closest(".cec-row");
    const label = form.querySelector(`label[for="${control.id}"]`);
    const text = label ? label.firstChild.textContent.trim() : control.dataset.field;
    return row ? `${row.querySelector("legend").textContent}, ${text}` : text;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit();
  });

  fillProfile({ application_date: today(), plans_to_live_in_quebec: false, jobs: [{}], language_tests: [{}] });

  return { readProfile, fillProfile, validate, showErrors, clearErrors, submit };
}
