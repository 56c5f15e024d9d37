// Time pycore.api.check_json inside Pyodide (Python 3.14) under Node.
//
// Usage: node bench/bench_core_pyodide.mjs WHEEL PROFILE.json REPEAT NUMBER
// Prints JSON: {"python", "load_seconds", "import_seconds", "per_evaluation_seconds": [REPEAT values]}.
// Each value is the mean of NUMBER evaluations timed inside Python with time.perf_counter, so
// the JS/Python boundary is crossed once per repeat, not per evaluation.
// PROFILE.json may instead be {"profiles": {name: profile JSON text}} (bench_core.py --worst):
// then "per_profile_seconds" holds REPEAT values for each name, each checked NUMBER times.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheelPath, profilePath, repeat = "7", number = "200"] = process.argv.slice(2);
if (!wheelPath || !profilePath) {
  console.error("usage: node bench_core_pyodide.mjs WHEEL PROFILE.json [REPEAT] [NUMBER]");
  process.exit(64);
}

const indexURL = fileURLToPath(new URL("../node_modules/pyodide/", import.meta.url));
const started = performance.now();
const pyodide = await loadPyodide({
  indexURL,
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
const loaded = performance.now();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
pyodide.runPython("import pycore.api");
const imported = performance.now();

pyodide.globals.set("PROFILE", readFileSync(profilePath, "utf8"));
pyodide.globals.set("REPEAT", Number(repeat));
pyodide.globals.set("NUMBER", Number(number));
const timings = pyodide.runPython(`
import json, sys, time
from pycore.api import check_json

def timed(text):
    check_json(text)  # warm caches (data files, charts) as the worker's first check does
    per_evaluation = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        for _ in range(NUMBER):
            check_json(text)
        per_evaluation.append((time.perf_counter() - start) / NUMBER)
    return per_evaluation

given = json.loads(PROFILE)
result = {"python": ".".join(map(str, sys.version_info[:3]))}
if isinstance(given, dict) and set(given) == {"profiles"}:
    result["per_profile_seconds"] = {name: timed(text) for name, text in given["profiles"].items()}
else:
    result["per_evaluation_seconds"] = timed(PROFILE)
json.dumps(result)
`);
const result = JSON.parse(timings);
result.load_seconds = (loaded - started) / 1000;
result.import_seconds = (imported - loaded) / 1000;
process.stdout.write(JSON.stringify(result) + "\n");
