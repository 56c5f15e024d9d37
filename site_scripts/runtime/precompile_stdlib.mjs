// Precompile a zip of Python sources to Python 3.14 bytecode with Pyodide's own Python under Node.
//
// Why: the npm python_stdlib.zip ships only .py files, so every visitor's browser compiles the
// standard library at start-up (most of Pyodide's ~1.9 s boot). Bytecode made here by the very
// interpreter the browser runs has the right magic number and is loaded as is.
//
// Usage: node precompile_stdlib.mjs PYODIDE_DIR IN.zip OUT.zip [--mode stdlib|wheel]
//   stdlib: each foo.py becomes foo.pyc beside it (zipimport loads sourceless .pyc); every other
//           entry is copied, so no module is dropped.
//   wheel:  sources stay and __pycache__/foo.cpython-314.pyc is added (the wheel is unpacked to disk).
// Bytecode is "unchecked hash" based: valid whatever the file times, and the output is reproducible.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, inZip, outZip, ...rest] = process.argv.slice(2);
if (!pyodideDir || !inZip || !outZip) {
  console.error("usage: node precompile_stdlib.mjs PYODIDE_DIR IN.zip OUT.zip [--mode stdlib|wheel]");
  process.exit(2);
}
const modeAt = rest.indexOf("--mode");
const mode = modeAt >= 0 ? rest[modeAt + 1] : "stdlib";
if (mode !== "stdlib" && mode !== "wheel") {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}

const indexDir = resolve(pyodideDir);
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);
const pyodide = await loadPyodide({ indexURL: `${indexDir}/` });

// Uint8Array, not a Buffer: Pyodide's FS wants a plain typed array.
pyodide.FS.writeFile("/tmp/in.zip", new Uint8Array(readFileSync(inZip)));
pyodide.globals.set("MODE", mode);
const summary = pyodide.runPython(`
import importlib.util, marshal, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# Tracebacks name the file where the zip is mounted in the browser (e.g. /lib/python314.zip/json/decoder.py).
STDLIB_ZIP = next(p for p in sys.path if p.endswith(".zip"))
TAG = sys.implementation.cache_tag
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # reproducible output: same input, same bytes, same hash

def entry(name):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o644 << 16
    return info

def put(out, name, data):
    out.writestr(entry(name), data, compresslevel=9)  # a little smaller than the default level

def bytecode(source, filename):
    code = compile(source, filename, "exec", dont_inherit=True, optimize=0)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)

compiled = copied = 0
with zipfile.ZipFile("/tmp/in.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in src.infolist():
        data = src.read(info)
        name = info.filename
        if not name.endswith(".py"):
            put(out, name, data)
            copied += 1
            continue
        # Sourceless bytecode beside where the source was (Python imports a lone .pyc there, not
        # from __pycache__): the sources were 92 KB of the rules wheel's 0.42 MB on the wire.
        # The wheel's RECORD still lists the sources; unpacking it does not read RECORD.
        where = f"{STDLIB_ZIP}/{name}" if MODE == "stdlib" else name
        put(out, name + "c", bytecode(data, where))
        compiled += 1
f"{compiled} compiled, {copied} copied, magic {importlib.util.MAGIC_NUMBER.hex()}, {TAG}"
`);
writeFileSync(outZip, pyodide.FS.readFile("/tmp/out.zip"));
console.log(`${outZip}: ${summary}`);
