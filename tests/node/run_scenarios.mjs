// Run the scenario profiles through pycore.api.check_json in Pyodide (Python 3.14) under Node.
//
// Usage: node tests/node/run_scenarios.mjs WHEEL INPUTS.json
//   INPUTS.json: [{"name": "...", "text": "<profile JSON text>"}, ...]
// Prints one JSON object: {"python": "3.14.x", "compiled": [file names], "compile_errors": [...],
//   "outputs": {name: output}, "outputs_fr": {name: output}}.
// Pyodide's own console output goes to stderr so stdout stays one JSON document.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const [wheelPath, inputsPath] = process.argv.slice(2);
if (!wheelPath || !inputsPath) {
  console.error("usage: node run_scenarios.mjs WHEEL INPUTS.json");
  process.exit(64);
}

const indexURL = fileURLToPath(new URL("../../node_modules/pyodide/", import.meta.url));
const pyodide = await loadPyodide({
  indexURL,
  stdout: (line) => process.stderr.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
// In Node unpackArchive needs a Uint8Array, not a Buffer.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
pyodide.globals.set("INPUTS_JSON", readFileSync(inputsPath, "utf8"));

const result = pyodide.runPython(`
import json, sys
from importlib import resources

def compile_all():
    """Compile every pycore source with this interpreter: (files compiled, syntax errors)."""
    compiled, problems = [], []
    def walk(folder):
        for item in folder.iterdir():
            if item.is_dir():
                walk(item)
            elif item.name.endswith(".py"):
                try:
                    compile(item.read_text(encoding="utf-8"), str(item), "exec")
                    compiled.append(item.name)
                except SyntaxError as error:
                    problems.append(f"{item}: {error}")
    walk(resources.files("pycore"))
    return sorted(compiled), problems

from pycore.api import check_json

outputs = {}
outputs_fr = {}  # the French edition: same codes and figures, French sentences
for item in json.loads(INPUTS_JSON):
    outputs[item["name"]] = check_json(item["text"])
    outputs_fr[item["name"]] = check_json(item["text"], False, "fr")
compiled, problems = compile_all()
json.dumps({
    "python": ".".join(map(str, sys.version_info[:3])),
    "compiled": compiled,
    "compile_errors": problems,
    "outputs": outputs,
    "outputs_fr": outputs_fr,
})
`);
process.stdout.write(result + "\n");
