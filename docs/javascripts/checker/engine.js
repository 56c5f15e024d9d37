// The page's side of the engine worker: started once per document (the module-level variable
// survives Material's instant page swaps), with status updates and check(text) -> Promise<text>.

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
      performance.mark("cec:ready");
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
  }

  if (typeof WebAssembly !== "object") {
    status = { ...status, state: "failed", message: "ui.engine_no_wasm" };
  } else {
    try {
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
            files: runtime.files, // Pyodide's file names -> published, content-hashed names
            integrity: runtime.integrity, // SHA-256 per file, recorded at build time
          },
        }),
      );
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
        pending.set(id, { resolve, reject });
        // The worker answers in the page's language (<html lang>, "en" or "fr").
        const lang = globalThis.document?.documentElement.lang || "en";
        worker.postMessage(JSON.stringify({ type: "check", id, profile: profileText, lang }));
      });
    },
  };
}
