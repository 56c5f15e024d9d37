// List the standard-library files the checker's engine uses, by running it in Pyodide under Node.
//
// Why: the browser downloads only these (about a third of the standard library); the rest is
// fetched on first import (lazy_stdlib.py). Traced, not listed by hand, so a new import in
// pycore or in a new Pyodide is picked up by the next build.
//
// Usage: node trace_stdlib.mjs PYODIDE_DIR STDLIB.zip WHEEL INPUTS.json
//   STDLIB.zip: the precompiled standard library; WHEEL: the browser's pycore wheel;
//   INPUTS.json: profile texts to check (a list of strings), as the worker would.
// Prints one JSON object: {"files": [paths inside STDLIB.zip], "missing": [module names]}.
// What runs is what the worker runs: Pyodide's start-up, the wheel installed (rules-wheel.js), import of
// pycore.api, form metadata, checks and the warm-up; "missing" lists imports no finder could satisfy.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { installRules } from "../../docs/javascripts/checker/engine/rules-wheel.js";

const [pyodideDir, stdlib, wheel, inputs] = process.argv.slice(2);
if (!pyodideDir || !stdlib || !wheel || !inputs) {
  console.error("usage: node trace_stdlib.mjs PYODIDE_DIR STDLIB.zip WHEEL INPUTS.json");
  process.exit(2);
}
const indexDir = resolve(pyodideDir);
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: `${indexDir}/`,
  stdLibURL: resolve(stdlib),
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
pyodide.runPython(`
import sys

class Missing:
    """Last finder: records imports nobody found (they would be fetched on demand)."""
    names = []
    def find_spec(self, name, path=None, target=None):
        self.names.append(name)

sys.meta_path.append(Missing())
`);
installRules(pyodide, new Uint8Array(readFileSync(wheel))); // Uint8Array, not Buffer
const api = pyodide.pyimport("pycore.api");
api.form_metadata_json();
for (const text of JSON.parse(readFileSync(inputs, "utf8"))) api.check_json(text);
for (const lang of ["en", "fr"]) api.warm_up(lang);
const result = pyodide.runPython(`
import json, sys
zip_path = next(p for p in sys.path if p.endswith(".zip")) + "/"
files = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    for where in (getattr(spec, "origin", None), getattr(module, "__file__", None)):
        if isinstance(where, str) and where.startswith(zip_path):
            name = where[len(zip_path):]
            files.add(name + "c" if name.endswith(".py") else name)  # frozen ones name a .py
json.dumps({"files": sorted(files), "missing": sorted(set(Missing.names))})
`);
process.stdout.write(result + "\n");
