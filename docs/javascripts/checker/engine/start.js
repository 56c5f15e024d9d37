// Starts the rules engine first thing: this small module is loaded async from the checker
// page's head, so the worker begins downloading and starting Python while the page, Material
// and the form's modules are still loading. main.js later gets the same engine (getEngine
// keeps one per document). The configuration block (runtime location and digests) is in the
// head (site_scripts/runtime/runtime_assets.py), so it is parsed before this runs.

import { getEngine } from "./engine.js";

const block = document.getElementById("cec-config");
if (block) {
  try {
    getEngine(JSON.parse(block.textContent).runtime);
  } catch {
    // main.js reports a broken configuration to the person; nothing to add here
  }
}
