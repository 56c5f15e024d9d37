// A file published only as its gzip copy (the build's memory snapshot: 5 MB, 31 MB unpacked),
// downloaded, checked against the copy's digest and decompressed. Decompressing takes about
// 0.3 s of a thread, so the engine worker hands it to a worker of its own (unpack-worker.js):
// on a device with two cores or more it runs beside the wasm's decompression and the runtime's
// import instead of after them (bench/README.md). Where a worker cannot start one, the engine
// worker runs the same code itself.

import { httpFailure, IntegrityError, sha256 } from "./engine-errors.js";

/** The bytes of the gzip copy at ``url``, decompressed, once the copy matches ``digest``. */
export async function unpackChecked(url, digest, name, download = fetch) {
  const response = await download(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) throw httpFailure(url.split("/").pop(), response.status);
  // Checked as it is decompressed: the copy's digest, 5 MB to hash rather than 31.
  const [sent, unpacking] = response.body.tee();
  const [packed, bytes] = await Promise.all([
    streamBytes(sent),
    streamBytes(unpacking.pipeThrough(new DecompressionStream("gzip"))),
  ]);
  if ((await sha256(packed)) !== digest) throw new IntegrityError(name);
  return bytes;
}

/** The same in a worker of its own when one can start here, else in this thread (with
 * ``download``, the fetch to use here). */
export function unpackAside(url, digest, name, download = fetch) {
  const here = () => unpackChecked(url, digest, name, download);
  if (typeof Worker !== "function") return here();
  return new Promise((resolve, reject) => {
    let helper;
    try {
      helper = new Worker(new URL("./unpack-worker.js", import.meta.url), { type: "module", name: "cec-unpack" });
    } catch {
      here().then(resolve, reject);
      return;
    }
    const done = () => helper.terminate();
    helper.onmessage = ({ data }) => {
      done();
      if (data.bytes) resolve(data.bytes);
      else reject(new IntegrityError(name));
    };
    helper.onerror = (event) => {
      event.preventDefault();
      done();
      here().then(resolve, reject); // the helper could not run
    };
    helper.postMessage({ url, digest, name });
  });
}

/** Every chunk of ``stream`` in one Uint8Array (one copy at the end). */
async function streamBytes(stream) {
  const chunks = [];
  let size = 0;
  for (const reader = stream.getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
