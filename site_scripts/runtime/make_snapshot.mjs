// Python's memory after start-up and the rules' import, made at build time by the pinned Pyodide
// under Node: a fast link's first visit restores it instead of starting Python (worker.js).
//
// It is made exactly as the worker starts (the same precompiled standard library, the lock's
// info inline, the rules wheel installed by rules-wheel.js, pycore.api imported), then warmed up:
// the built-in sample profile is checked in both languages and its answer dropped
// (pycore.api.warm_up), so the rules' data is read and a first check is as fast as any. No
// person's answer can be in it. The module fetching the rest of the standard library
// (LAZY_MODULE) is imported too, so a restore only installs it (it then holds a JavaScript
// function, which a snapshot cannot). Pyodide's snapshot options are its own, underscored ones:
// the version is pinned and the restore is tested on every build
// (tests/browser/test_engine_snapshot.py).
//
// Usage: node make_snapshot.mjs PYODIDE_DIR STDLIB.zip WHEEL.whl LOCK_INFO.json OUT.bin LAZY_MODULE
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { installRules } from "../../docs/javascripts/checker/engine/rules-wheel.js";

const [pyodideDir, stdlib, wheel, lockInfo, out, lazyModule] = process.argv.slice(2);
if (!lazyModule) {
  console.error("usage: node make_snapshot.mjs PYODIDE_DIR STDLIB.zip WHEEL.whl LOCK_INFO.json OUT.bin LAZY_MODULE");
  process.exit(2);
}
const indexDir = resolve(pyodideDir);
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({
  indexURL: `${indexDir}/`,
  stdLibURL: resolve(stdlib),
  lockFileContents: JSON.parse(readFileSync(lockInfo, "utf8")),
  _makeSnapshot: true,
  stdout: () => {},
  stderr: () => {},
});
installRules(pyodide, new Uint8Array(readFileSync(wheel))); // a plain typed array, not a Buffer
const api = pyodide.pyimport("pycore.api");
for (const lang of ["en", "fr"]) api.warm_up(lang); // the built-in sample, in both languages
pyodide.pyimport(lazyModule);
const image = pyodide.makeMemorySnapshot();
writeFileSync(out, image);
console.log(`${out}: ${image.length} bytes`);
