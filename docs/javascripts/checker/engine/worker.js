// Module Web Worker running the rules core (pycore) in Pyodide.
// One message API, JSON strings both ways:
//   in:  {"type":"start","runtime":{"indexURL":...,"wheelURL":...,
//                                   "roles":{"loader"|"glue"|"wasm"|"lock"|"stdlib": name},
//                                   "files":{name:published name},
//                                   "integrity":{published name:"sha256-..."},
//                                   "compressed":{published name:its gzip copy},
//                                   "lazyModule":"<module loading the rest of the stdlib>",
//                                   "lock":{"info":...,"packages":{}},
//                                   "lang":"en"|"fr" (the page's: the warm-up's sentences)}}
//        (names and roles come from the build: site_scripts/runtime/paths.py)
//        {"type":"check","id":N,"profile":"<profile JSON>"}
//   out: {"type":"progress","step":N,"steps":M,"label":<a ui.* catalog key>}
//        {"type":"ready","restored":"device"|"build"|null} (Python's memory restored from the
//        copy this device kept, from the build's snapshot, or started) | {"type":"failed",...}
//        {"type":"result","id":N,"output":"<assessment or errors JSON>"}

// kept.js, aside.js and unpack.js serve snapshot.js and verify.js: named here so every module
// loads at once (one round trip).
import "./aside.js";
import { failure, httpFailure, IntegrityError } from "./engine-errors.js";
import "./kept.js";
import { fastLink } from "./link.js";
import { installRules } from "./rules-wheel.js";
import { forgetSnapshot, hasKeptSnapshot, keepSnapshotAside, keptSnapshotAside, snapshotKey } from "./snapshot.js";
import "./unpack.js";
import { createVerifier } from "./verify.js";

const STEPS = 4;
const KEEP_SNAPSHOT_AFTER_MS = 1000;
let engine = null; // Promise of the check function; started once per worker

function send(message) {
  self.postMessage(JSON.stringify(message));
}

function progress(step, label) {
  send({ type: "progress", step, steps: STEPS, label });
}

/**
 * A promise that rejects when a runtime download fails or the wasm cannot be instantiated.
 * loadPyodide only logs those failures and then waits forever, so they are watched here.
 * Returns {failed, stop}; stop() puts the originals back.
 */
function watchRuntime() {
  const originalFetch = self.fetch;
  const originalInstantiate = WebAssembly.instantiateStreaming;
  let reject;
  const failed = new Promise((_, no) => (reject = no));
  const name = (input) =>
    String(input.url || input)
      .split("/")
      .pop();
  self.fetch = (input, init) =>
    originalFetch.call(self, input, init).then(
      (response) => {
        if (!response.ok) reject(httpFailure(name(input), response.status));
        return response;
      },
      (error) => {
        reject(failure("ui.engine_download_failed", { file: name(input) }));
        throw error;
      },
    );
  if (originalInstantiate) {
    WebAssembly.instantiateStreaming = (...args) => {
      const result = originalInstantiate.apply(WebAssembly, args);
      result.catch((error) => reject(failure("ui.engine_wasm_failed", { reason: error.message })));
      return result;
    };
  }
  const stop = () => {
    self.fetch = originalFetch;
    if (originalInstantiate) WebAssembly.instantiateStreaming = originalInstantiate;
  };
  return { failed, stop };
}

/** The bytes at ``url``, synchronously (for an import, which cannot wait): a Uint8Array. */
function downloadNow(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer"; // allowed for synchronous requests in workers
  request.send();
  if (request.status !== 200) throw httpFailure(url.split("/").pop(), request.status);
  return new Uint8Array(request.response);
}

/** Start Python: from the snapshot an earlier visit kept when there is one (snapshot.js). */
async function startPython(runtime, files, loadPyodide, glue, snapshot) {
  const watch = watchRuntime();
  try {
    return await Promise.race([
      loadPyodide({
        indexURL: runtime.indexURL,
        // Bytecode made at build time by this very Python (precompile_stdlib.mjs): start-up
        // no longer compiles the standard library, which was most of the wait.
        stdLibURL: files.url(runtime.roles.stdlib),
        createPyodideModule: glue.default, // imported and checked above
        ...(runtime.lock ? { lockFileContents: runtime.lock } : {}),
        // Pyodide's memory snapshot options (its own, underscored: pinned runtime, tested).
        ...(snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true }),
        stdout: () => {},
        stderr: () => {},
      }),
      watch.failed,
      files.refused,
    ]);
  } finally {
    watch.stop();
  }
}

/**
 * Load Pyodide from the site's own folder and the pycore wheel; resolve to check(text) -> text.
 * Kept as one function so caching, precompiled stdlib and integrity checks fit in one place.
 */
async function loadEngine(runtime) {
  progress(1, "ui.engine_step_download");
  const { roles } = runtime;
  // Performance and integrity (verify.js): the runtime files are requested at once and checked
  // against their build-time SHA-256 before use; the wasm compiles while it downloads.
  const files = createVerifier(runtime.indexURL, runtime.files, runtime.integrity, runtime.compressed);
  const snapshotAt = snapshotKey(runtime.indexURL, runtime.files, runtime.wheelURL);
  const kept = keptSnapshotAside(snapshotAt); // read and checked aside while the runtime downloads
  // No copy on this device yet and a fast link: the build's snapshot, downloaded (and checked)
  // alongside the wasm. Any failure leaves the usual start.
  const built =
    roles.snapshot && runtime.files[roles.snapshot] && fastLink()
      ? hasKeptSnapshot(snapshotAt)
          .then((has) => (has ? null : files.unpackedBytes(roles.snapshot)))
          .catch(() => null)
      : Promise.resolve(null);
  // Everything but the rest of the standard library, which is fetched only if imported, the
  // lock file when the page brought its contents, the build's snapshot (above) and the rules
  // wheel: Python needs it only once started, so it is asked for when the wasm (the largest
  // file, requested with the standard library) has arrived, and it downloads while Python
  // starts instead of sharing a slow link with them.
  const wheelName = runtime.wheelURL.split("/").pop();
  const skipped = new Set([roles.stdlib_rest, runtime.lock ? roles.lock : null, roles.snapshot]);
  const needed = Object.keys(runtime.files).filter((known) => !skipped.has(known));
  files.prefetch(needed.map((known) => runtime.files[known]).filter((name) => name !== wheelName));
  files.install();
  let wheelBytes = null;
  const wheel = () => (wheelBytes ??= files.bytes(runtime.wheelURL)); // asked for once
  const wasmChecked = files.checked(runtime.files[roles.wasm]);
  wasmChecked.then(wheel).catch(() => {}); // failures reach the start through files.refused
  const [{ loadPyodide }, glue] = await Promise.all([files.importModule(roles.loader), files.importModule(roles.glue)]);
  progress(2, "ui.engine_step_python");
  let snapshot = await kept;
  let restored = snapshot ? "device" : null; // where Python's memory came from, if restored
  if (!snapshot) {
    snapshot = await built;
    restored = snapshot ? "build" : null;
  }
  let pyodide;
  try {
    pyodide = await startPython(runtime, files, loadPyodide, glue, snapshot);
  } catch (error) {
    if (!snapshot || error instanceof IntegrityError) throw error;
    forgetSnapshot(snapshotAt); // refused by this runtime: start the usual way
    snapshot = null;
    restored = null;
    pyodide = await startPython(runtime, files, loadPyodide, glue, null);
  }
  progress(3, "ui.engine_step_rules");
  // Files are not part of the snapshot: the wheel is written on every start (one file).
  installRules(pyodide, await wheel()); // asked for now if the wasm's check went unseen
  const api = pyodide.pyimport("pycore.api"); // already imported when restored
  // The standard library modules the engine does not use are in a second zip, fetched only if
  // something imports one (site_scripts/runtime/lazy_stdlib.py checks it against its digest).
  // Its module is imported before the snapshot (the build's has it too), installed after.
  const rest = runtime.files[roles.stdlib_rest];
  const lazy = rest && runtime.lazyModule ? pyodide.pyimport(runtime.lazyModule) : null;
  // Started afresh: the rules' data is read now, by checking the built-in sample (its answer
  // dropped), so the first check of the person's answers takes what any check takes, and the
  // copy below is warm too. A restored snapshot is already warm.
  if (!restored) api.warm_up(runtime.lang === "fr" ? "fr" : "en");
  // Copied before any check of the person's answers, so none is ever kept, and before Python
  // holds a JavaScript function; hashed and stored a little later on the helper thread, off
  // the first verdict's path and the next checks'. The build's snapshot, once restored, is
  // kept as it is.
  if (restored !== "device") {
    try {
      const image = snapshot || pyodide.makeMemorySnapshot();
      setTimeout(() => keepSnapshotAside(snapshotAt, image), KEEP_SNAPSHOT_AFTER_MS);
    } catch {
      // no copy this time (Pyodide refused): the checker works, the next visit starts as usual
    }
  }
  lazy?.install(files.url(roles.stdlib_rest), runtime.integrity[rest], downloadNow);
  // The page's language ("en" or "fr") picks the sentences; codes and figures do not change.
  // The day the check runs, on the person's own calendar (pycore never reads the clock): the
  // result says which values were not checked against their sources recently enough, and an
  // invitation's safe days start today, never on days past.
  const check = (text, lang) => api.check_json(text, false, lang === "fr" ? "fr" : "en", localDay(new Date()));
  return { check, restored };
}

/** A date as YYYY-MM-DD on the local calendar (toISOString would give the UTC day). */
function localDay(now) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function start(runtime) {
  if (engine) return;
  engine = loadEngine(runtime);
  engine.then(
    ({ restored }) => send({ type: "ready", restored }),
    (error) => send({ type: "failed", message: String(error?.message || error), facts: error?.facts }),
  );
}

async function check(id, profile, lang) {
  let check_json;
  try {
    ({ check: check_json } = await engine);
  } catch (error) {
    send({ type: "failed", message: String(error?.message || error), facts: error?.facts });
    return;
  }
  try {
    send({ type: "result", id, output: check_json(profile, lang) });
  } catch (error) {
    send({ type: "result", id, error: String(error?.message || error) });
  }
}

self.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "start") start(message.runtime);
  else if (message.type === "check") check(message.id, message.profile, message.lang);
};
