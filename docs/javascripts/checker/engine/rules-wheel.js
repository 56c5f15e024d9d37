// The rules (the pycore wheel) put where Python imports them from. A pure wheel is a zip, and
// Python imports from a zip on sys.path (zipimport), so installing is writing one file: no
// unpacking into many (which took 45-145 ms of every start, bench/README.md). The package reads
// its data through importlib.resources, which reads from the zip too.
// Shared by the worker, the build's memory snapshot and the standard library's trace, so all
// three import the rules from the same path: a restored snapshot already holds this path in
// sys.path and the zip's table of contents, so after a restore only the file is written again
// (the same bytes: the snapshot is made from, and keyed by, this wheel).

export const WHEEL_PATH = "/lib/pycore.whl";

/** Write the wheel ``bytes`` (a Uint8Array) and put it first on sys.path (once). */
export function installRules(pyodide, bytes) {
  pyodide.FS.writeFile(WHEEL_PATH, bytes);
  const path = pyodide.pyimport("sys").path; // Python's list, called through its proxy
  try {
    if (!path.count(WHEEL_PATH)) path.insert(0, WHEEL_PATH);
  } finally {
    path.destroy();
  }
}
