// Work the engine worker hands to a thread of its own (aside-worker.js): reading or unpacking
// Python's 31 MB snapshot and hashing it takes 0.3-0.5 s of a thread, which on a device with
// two cores or more then runs beside the wasm's decompression and the runtime's import instead
// of before them (bench/README.md). Where a worker cannot start one (or the helper fails to
// load), ``here()`` does the same work on this thread.

/** Run ``job`` with ``data`` aside (``transfer``: buffers handed over, not copied): resolves
 * its bytes (or null), rejects if the job failed. */
export function aside(job, data, here, transfer = []) {
  if (typeof Worker !== "function") return here();
  return new Promise((resolve, reject) => {
    let helper;
    try {
      helper = new Worker(new URL("./aside-worker.js", import.meta.url), { type: "module", name: `cec-${job}` });
    } catch {
      here().then(resolve, reject);
      return;
    }
    helper.onmessage = ({ data: answer }) => {
      helper.terminate();
      if (answer.failed) reject(new Error(`${job} failed`));
      else resolve(answer.bytes);
    };
    helper.onerror = (event) => {
      event.preventDefault();
      helper.terminate();
      here().then(resolve, reject); // the helper could not run
    };
    helper.postMessage({ job, ...data }, transfer);
  });
}
