// The form metadata embedded in the page at build time (from pycore.api.form_metadata_json()),
// read into the one shape the form and the results use.

export const ABILITIES = ["reading", "writing", "listening", "speaking"];
export const ABILITY_LABELS = { reading: "Reading", writing: "Writing", listening: "Listening", speaking: "Speaking" };

/** The page's embedded configuration: {runtime, metadata}. */
export function readConfig(root) {
  const block = root.ownerDocument.getElementById("cec-config");
  if (!block) throw new Error("the checker's configuration is missing from the page");
  const config = JSON.parse(block.textContent);
  return { runtime: config.runtime, metadata: normalize(config.metadata) };
}

function pick(object, ...names) {
  for (const name of names) if (object && object[name] !== undefined) return object[name];
  return undefined;
}

function normalize(raw) {
  raw = raw || {};
  const thresholds = pick(raw, "thresholds") || {};
  const tests = (pick(raw, "tests") || []).map((test) => ({
    id: test.id,
    name: test.name,
    language: test.language,
    levelName: pick(test, "level_name", "levelName") || "CLB",
    acceptedFrom: pick(test, "accepted_from") || null,
    scale: readScale(test.scale),
    // A test's scale can change with the test date (TEF Canada moved to 0-699 in 2023).
    versions: (test.versions || [])
      .map((version) => ({ effective: version.effective, scale: readScale(version.scale) }))
      .sort((a, b) => (a.effective < b.effective ? -1 : 1)),
  }));
  const teerRaw = pick(raw, "teer", "teers") || [];
  const teers = Array.isArray(teerRaw)
    ? teerRaw.map((item) => ({ teer: Number(item.teer), description: item.description }))
    : Object.entries(teerRaw).map(([teer, description]) => ({ teer: Number(teer), description }));
  const sources = pick(raw, "provisions") || [];
  return {
    tests,
    teers,
    hoursRequired: pick(thresholds, "hours_required"),
    weeklyCap: pick(thresholds, "weekly_hours_cap", "weekly_cap"),
    windowYears: pick(thresholds, "window_years"),
    validityYears: pick(thresholds, "validity_years", "result_validity_years"),
    sources: Object.fromEntries(sources.map((source) => [source.id, source])),
  };
}

function readScale(scale = {}) {
  return Object.fromEntries(
    ABILITIES.map((ability) => {
      const s = scale[ability] || {};
      return [ability, { min: Number(s.min), max: Number(s.max), step: Number(s.step) }];
    }),
  );
}

/** The test's scale for a test taken on `date` (ISO; the newest scale when no date yet). */
export function scaleOn(test, date) {
  let scale = test.scale;
  if (date) {
    for (const version of test.versions) if (version.effective <= date) scale = version.scale;
  }
  return scale;
}
