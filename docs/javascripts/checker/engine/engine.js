// The page's side of the engine worker: started once per document (the module-level variable
// survives Material's instant page swaps), with status updates and check(text) -> Promise<text>.
// A watchdog restarts the worker when a ready engine has not answered for ANSWER_WITHIN_MS:
// the check it was running is rejected with TooLong, the ones queued behind it are sent again.

// The costliest profiles found within the input limits take under 0.2 s in Pyodide under Node
// (bench/worst_profiles.py, bench/README.md); a realistic one about a millisecond. Five
// seconds leaves a slow phone twenty times that, so silence that long means the worker is
// stuck (or busy with work no person asked for), not a valid profile still being checked.
const ANSWER_WITHIN_MS = 5000;

/** The check the engine was running when it was restarted for taking too long. */
export class TooLong extends Error {}

let engine = null;

/** The engine for this document, started on the first call. */
export function getEngine(runtime) {
  if (!engine) engine = createEngine(runtime);
  return engine;
}

function createEngine(runtime) {
  const listeners = new Set();
  const pending = new Map();
  let nextId = 1;
  let status = { state: "loading", step: 0, steps: 4, label: "ui.engine_step_start" };
  let worker = null;
  let watchdog = null;

  function update(next) {
    status = { ...status, ...next };
    for (const listener of listeners) listener(status);
  }

  // `message` is a catalog key with its `facts`, or the browser's own words.
  function fail(message, facts) {
    if (status.state === "failed") return;
    update({ state: "failed", message, facts });
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
  }

  function onMessage(event) {
    const message = JSON.parse(event.data);
    if (message.type === "progress") {
      update({ step: message.step, steps: message.steps, label: message.label });
    } else if (message.type === "ready") {
      // The bench and the tests read whether Python was restored: "device", "build" or false.
      performance.mark("cec:ready", { detail: { restored: message.restored || false } });
      update({ state: "ready", step: status.steps, label: "ui.engine_step_ready" });
    } else if (message.type === "failed") {
      fail(message.message, message.facts);
    } else if (message.type === "result") {
      const request = pending.get(message.id);
      pending.delete(message.id);
      if (!request) return;
      if ("output" in message) request.resolve(message.output);
      else request.reject(new Error(message.error));
    }
    watch(); // an answer (or progress) from the worker: it is alive
  }

  // While a ready engine owes answers, it must give one within ANSWER_WITHIN_MS.
  function watch() {
    clearTimeout(watchdog);
    if (status.state === "ready" && pending.size) watchdog = setTimeout(restart, ANSWER_WITHIN_MS);
  }

  function restart() {
    if (!pending.size) return;
    worker.terminate();
    const [stuck, ...queued] = pending.keys(); // the worker answers in order: the oldest was running
    const request = pending.get(stuck);
    pending.delete(stuck);
    request.reject(new TooLong("ui.check_too_long"));
    update({ state: "loading", step: 0, label: "ui.engine_step_restart" });
    startWorker();
    for (const id of queued) post(id, pending.get(id).profile);
  }

  function post(id, profileText) {
    // The worker answers in the page's language (<html lang>, "en" or "fr").
    const lang = globalThis.document?.documentElement.lang || "en";
    worker.postMessage(JSON.stringify({ type: "check", id, profile: profileText, lang }));
  }

  function startWorker() {
    worker = new Worker(new URL("./worker.js", import.meta.url), {
      type: "module",
      name: "cec-engine",
    });
    worker.onmessage = onMessage;
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || "ui.engine_script_failed");
    };
    const indexURL = new URL(runtime.dir, document.baseURI).href;
    worker.postMessage(
      JSON.stringify({
        type: "start",
        runtime: {
          indexURL,
          wheelURL: new URL(runtime.wheel, indexURL).href,
          roles: runtime.roles, // which file is the loader, the glue, the stdlib... (build)
          files: runtime.files, // Pyodide's file names -> published, content-hashed names
          integrity: runtime.integrity, // SHA-256 per file, recorded at build time
          compressed: runtime.compressed, // published name -> its gzip copy (wasm, snapshot)
          lazyModule: runtime.lazyModule, // Python module fetching the rest of the stdlib
          lock: runtime.lock, // the lock file's info (no package is loaded)
          lang: globalThis.document?.documentElement.lang || "en", // the warm-up's language
        },
      }),
    );
  }

  if (typeof WebAssembly !== "object") {
    status = { ...status, state: "failed", message: "ui.engine_no_wasm" };
  } else {
    try {
      startWorker();
    } catch (error) {
      status = { ...status, state: "failed", message: String(error.message || error) };
    }
  }

  return {
    get status() {
      return status;
    },
    /** Call listener now and on every status change; returns the unsubscribe function. */
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    /** Run check_json in the worker; queued until the engine is ready. */
    check(profileText) {
      if (status.state === "failed") return Promise.reject(new Error(status.message));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, profile: profileText });
        post(id, profileText);
        if (pending.size === 1) watch();
      });
    },
  };
}
