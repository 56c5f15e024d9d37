import assert from "node:assert/strict";
import { test } from "node:test";
import { abilityOrder, isEmptyTest } from "../../docs/javascripts/checker/form/language-tests.js";
import { ABILITIES } from "../../docs/javascripts/checker/i18n/metadata.js";
import {
  jobReasons,
  levelExplanation,
  showsWindow,
  targetLines,
} from "../../docs/javascripts/checker/results/results-explain.js";
import {
  openCategories,
  otherPointers,
  reachableCategories,
} from "../../docs/javascripts/checker/results/results-next.js";
import { metadata } from "./support.js";

const meta = metadata();
const { t } = meta;

test("each test's fields follow its print order from the chart data; no test keeps the default", () => {
  for (const item of meta.tests) {
    assert.deepEqual([...abilityOrder(item)].sort(), [...ABILITIES].sort(), item.id);
    assert.deepEqual(abilityOrder(item), item.printOrder, item.id);
  }
  assert.deepEqual(abilityOrder(undefined), ABILITIES);
  const tef = meta.testsById.tef_canada;
  assert.equal(abilityOrder(tef)[0], "reading"); // compréhension écrite prints first
});

test("an untouched test row is no test; any answer makes it a test", () => {
  const empty = { test: null, date: null, ...Object.fromEntries(ABILITIES.map((a) => [a, null])) };
  assert.equal(isEmptyTest(empty), true);
  assert.equal(isEmptyTest({ ...empty, date: "2026-01-01" }), false);
  assert.equal(isEmptyTest({ ...empty, [ABILITIES[0]]: 0 }), false);
});

test("several exclusion reasons are listed; a single one stays in the job's sentence", () => {
  assert.deepEqual(jobReasons({ reason_messages: ["a"] }), []);
  assert.deepEqual(jobReasons({ reason_messages: ["a", "b"] }), ["a", "b"]);
  assert.deepEqual(jobReasons({}), []);
});

test("the level is explained from the main occupation; the tie sentence only on a tie", () => {
  const facts = {
    required_clb: 7,
    level_name: "CLB",
    level_tie: false,
    occupation_hours: [{ occupation: "21231", teer: 1, hours: 1560 }],
  };
  const [line] = levelExplanation(t, facts);
  assert.match(line, /NOC 21231 \(TEER 1\)/);
  assert.match(line, /CLB 7/);
  assert.equal(levelExplanation(t, facts).length, 1);
  const tie = {
    ...facts,
    level_tie: true,
    occupation_hours: [...facts.occupation_hours, { occupation: "teer 3", teer: 3, hours: 1560 }],
  };
  assert.equal(levelExplanation(t, tie).length, 2);
  assert.deepEqual(levelExplanation(t, { ...facts, occupation_hours: [] }), []);
});

test("targets name the level and TEER and list each test's scores as the engine printed them", () => {
  const facts = {
    main_teer: 3,
    target_level: 5,
    targets: [
      {
        name: "IELTS General Training",
        level_name: "CLB",
        level: 5,
        scores: [
          { ability: "listening", text: "5.0" },
          { ability: "reading", text: "4.0" },
        ],
      },
    ],
  };
  const shown = targetLines(t, facts, meta.abilityLabel);
  assert.match(shown.intro, /5 in each ability \(TEER 3\)/);
  assert.equal(shown.lines.length, 1);
  assert.match(shown.lines[0], /listening 5\.0 and reading 4\.0/);
  assert.equal(targetLines(t, { targets: [] }, meta.abilityLabel), null);
});

test("the safe window replaces the verdict only when not eligible on the date and a window exists", () => {
  const invitation = { safe_window: { first: "2026-01-01", last: "2026-02-01" }, application_date_in_window: false };
  assert.equal(showsWindow({ eligible: false, invitation }), true);
  assert.equal(showsWindow({ eligible: true, invitation }), false);
  assert.equal(showsWindow({ eligible: false, invitation: { ...invitation, safe_window: null } }), false);
  assert.equal(showsWindow({ eligible: false, invitation: null }), false);
});

test("pointers: FSW without a counted job, Quebec when planned, TEER 4-5 when a job's TEER was refused", () => {
  const counted = { excluded_because: null, excluded_reasons: [] };
  const teer = { excluded_because: "job.teer_not_eligible", excluded_reasons: ["job.teer_not_eligible"] };
  assert.deepEqual(otherPointers({ plans_to_live_in_quebec: false }, { jobs: [counted] }), []);
  assert.deepEqual(otherPointers({ plans_to_live_in_quebec: true }, { jobs: [] }), ["fsw", "quebec"]);
  assert.deepEqual(otherPointers({}, { jobs: [counted, teer] }), ["teer"]);
  assert.deepEqual(
    openCategories({
      categories: [
        { name: "A", met: true },
        { name: "B", met: null },
      ],
    }),
    ["A"],
  );
});

test("the categories within reach are the summary's (a date or a lever), by name; none without one", () => {
  const summary = {
    categories_within_reach: [
      { category: "french", name: "French", date: null, lever: "french_all_7" },
      { category: "healthcare", name: "Health", date: "2027-05-21", lever: null },
    ],
  };
  assert.deepEqual(reachableCategories({ summary }), ["French", "Health"]);
  assert.deepEqual(reachableCategories({ summary: { categories_within_reach: [] } }), []);
  assert.deepEqual(reachableCategories({}), []);
});
