// Python's memory after start-up and the rules' import, made at build time by the pinned Pyodide
// under Node: a fast link's first visit restores it instead of starting Python (worker.js).
//
// It is made exactly as the worker starts (the same precompiled standard library, the lock's
// info inline, the rules wheel unpacked, pycore.api imported) and before any check, so no answer
// can be in it. Pyodide's snapshot options are its own, underscored ones: the version is pinned
// and the restore is tested on every build (tests/browser/test_engine_snapshot.py).
//
// Usage: node make_snapshot.mjs PYODIDE_DIR STDLIB.zip WHEEL.whl LOCK_INFO.json OUT.bin
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, wheel, lockInfo, out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node make_snapshot.mjs PYODIDE_DIR STDLIB.zip WHEEL.whl LOCK_INFO.json OUT.bin");
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
// Uint8Array, not a Buffer: Pyodide's unpackArchive wants a plain typed array.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.pyimport("pycore.api");
const image = pyodide.makeMemorySnapshot();
writeFileSync(out, image);
console.log(`${out}: ${image.length} bytes`);
