import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ABILITIES,
  readMetadata,
  scaleNote,
  scaleOn,
  scaleText,
} from "../../docs/javascripts/checker/i18n/metadata.js";
import { metadata, rawMetadata } from "./support.js";

test("the metadata is read under the names form_metadata() sends", () => {
  const raw = rawMetadata();
  const read = readMetadata(raw);
  assert.equal(read.weeklyCap, raw.thresholds.weekly_hours_cap);
  assert.equal(read.windowYears, raw.thresholds.window_years);
  assert.equal(read.validityYears, raw.thresholds.validity_years);
  assert.equal(read.hoursBounds.max, raw.bounds.hours_per_week.max);
  assert.deepEqual(
    read.teers.map((item) => item.teer),
    raw.teer.map((item) => item.teer),
  );
  assert.deepEqual(
    read.tests.map((item) => [item.id, item.levelName, item.lowestLevel]),
    raw.tests.map((item) => [item.id, item.level_name, item.lowest_level]),
  );
  assert.deepEqual(Object.keys(read.requirements), ["work_experience", "language", "quebec"]);
  for (const requirement of raw.requirements) {
    for (const id of requirement.provisions) assert.ok(read.sources[id], `${requirement.id} cites ${id}`);
  }
});

test("a name Python does not send is not guessed from an alias", () => {
  const raw = rawMetadata();
  raw.teers = raw.teer;
  delete raw.teer;
  assert.throws(() => readMetadata(raw), TypeError);
  const renamed = rawMetadata();
  renamed.thresholds.weekly_cap = renamed.thresholds.weekly_hours_cap;
  delete renamed.thresholds.weekly_hours_cap;
  assert.equal(readMetadata(renamed).weeklyCap, undefined);
});

test("a test's scale is the one in force on the test date, the newest without a date", () => {
  const meta = metadata();
  const changed = meta.tests.find((item) => item.versions.length > 1);
  assert.ok(changed, "some test has had two scales");
  const [older, newer] = changed.versions.slice(-2);
  const dayBefore = new Date(Date.parse(`${newer.effective}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
  assert.deepEqual(scaleOn(changed, dayBefore), older.scale);
  assert.deepEqual(scaleOn(changed, newer.effective), newer.scale);
  assert.deepEqual(scaleOn(changed, null), changed.scale);
});

test("the scale sentence names whole numbers or steps, once when all abilities share it", () => {
  const meta = metadata();
  for (const item of meta.tests) {
    const scale = scaleOn(item, null);
    for (const ability of ABILITIES) {
      const { min, max, step } = scale[ability];
      const text = scaleText(meta.t, scale, ability);
      assert.ok(text.startsWith(`${min} to ${max}, `), text);
      assert.ok(step === 1 ? text.endsWith("whole numbers") : text.endsWith(`steps of ${step}`), text);
    }
    const note = scaleNote(meta, item, null);
    const same = new Set(ABILITIES.map((ability) => scaleText(meta.t, scale, ability))).size === 1;
    assert.ok(note.startsWith(`${item.name} scores: `), note);
    assert.equal(note.includes(";"), !same, note);
  }
  assert.equal(scaleNote(meta, undefined, null), meta.t("ui.scale_choose"));
});
