// The form metadata embedded in the page at build time (from pycore.api.form_metadata_json()),
// read into the one shape the form and the results use.

const ABILITIES = ["reading", "writing", "listening", "speaking"];
export { ABILITIES };

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
  const thresholds = pick(raw, "thresholds") || {};
  const tests = (pick(raw, "tests") || []).map((test) => ({
    id: test.id,
    name: test.name,
    language: test.language,
    levelName: pick(test, "level_name", "levelName") || "CLB",
    acceptedFrom: pick(test, "accepted_from") || null,
    scale: Object.fromEntries(
      ABILITIES.map((ability) => {
        const s = (test.scale || {})[ability] || {};
        return [ability, { min: Number(s.min), max: Number(s.max), step: Number(s.step) }];
      }),
    ),
  }));
  const teerRaw = pick(raw, "teers", "teer_descriptions") || [];
  const teers = Array.isArray(teerRaw)
    ? teerRaw.map((item) => ({ teer: Number(item.teer), description: item.description }))
    : Object.entries(teerRaw).map(([teer, description]) => ({ teer: Number(teer), description }));
  return {
    tests,
    teers,
    hoursRequired: pick(thresholds, "hours_required"),
    weeklyCap: pick(thresholds, "weekly_hours_cap", "weekly_cap"),
    windowYears: pick(thresholds, "window_years"),
    validityYears: pick(thresholds, "result_validity_years", "validity_years"),
    provisions: pick(raw, "provisions", "provision_links") || {},
    messages: pick(raw, "messages") || {},
  };
}
