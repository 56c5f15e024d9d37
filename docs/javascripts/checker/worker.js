// Module Web Worker running the rules core (pycore) in Pyodide.
// One message API, JSON strings both ways:
//   in:  {"type":"start","runtime":{"indexURL":...,"wheelURL":...}}
//        {"type":"check","id":N,"profile":"<profile JSON>"}
//   out: {"type":"progress","step":N,"steps":M,"label":...}
//        {"type":"ready"} | {"type":"failed","message":...}
//        {"type":"result","id":N,"output":"<assessment or errors JSON>"}

const STEPS = 4;
let engine = null; // Promise of the check function; started once per worker

function send(message) {
  self.postMessage(JSON.stringify(message));
}

function progress(step, label) {
  send({ type: "progress", step, steps: STEPS, label });
}

/**
 * Load Pyodide from the site's own folder and the pycore wheel; resolve to check(text) -> text.
 * Kept as one function so caching, precompiled stdlib and integrity checks fit in one place.
 */
async function loadEngine(runtime) {
  progress(1, "Downloading the Python runtime");
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime.indexURL).href);
  progress(2, "Starting Python");
  const pyodide = await loadPyodide({
    indexURL: runtime.indexURL,
    stdout: () => {},
    stderr: () => {},
  });
  progress(3, "Loading the rules");
  const response = await fetch(runtime.wheelURL);
  if (!response.ok) throw new Error(`the rules file answered HTTP ${response.status}`);
  pyodide.unpackArchive(new Uint8Array(await response.arrayBuffer()), "wheel");
  const api = pyodide.pyimport("pycore.api");
  return (text) => api.check_json(text);
}

function start(runtime) {
  if (engine) return;
  engine = loadEngine(runtime);
  engine.then(
    () => send({ type: "ready" }),
    (error) => send({ type: "failed", message: String((error && error.message) || error) }),
  );
}

async function check(id, profile) {
  let check_json;
  try {
    check_json = await engine;
  } catch (error) {
    send({ type: "failed", message: String((error && error.message) || error) });
    return;
  }
  try {
    send({ type: "result", id, output: check_json(profile) });
  } catch (error) {
    send({ type: "result", id, error: String((error && error.message) || error) });
  }
}

self.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === "start") start(message.runtime);
  else if (message.type === "check") check(message.id, message.profile);
};
