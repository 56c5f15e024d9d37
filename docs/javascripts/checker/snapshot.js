// Python's memory after start-up, kept on this device so the next visit skips start-up.
//
// The first visit starts Python as usual, imports the rules and, before any check runs (so no
// answer is ever in it), copies Python's memory (Pyodide's memory snapshot) into the Cache
// API. A revisit restores that copy instead of initialising Python and importing the rules
// again: the slowest part of a start once the runtime is cached (bench/README.md).
// - Kept under a key made of the runtime's content-hashed file names: a new build never
//   restores an old copy (Pyodide also refuses a snapshot from another runtime build).
// - Checked against the SHA-256 recorded when it was kept, read and hashed while the wasm
//   compiles; a damaged or refused copy is forgotten and Python starts the usual way.
// - Storage refused (private mode, quota): nothing kept, every visit starts the usual way.

import { sha256 } from "./verify.js";

const STORE = "cec-snapshot";
const DIGEST_HEADER = "X-Cec-Digest";

/** The Cache API key of the snapshot for this runtime (a URL, as the Cache API requires). */
export function snapshotKey(indexURL, runtimeFiles, wheelURL) {
  const names = [...Object.values(runtimeFiles), wheelURL.split("/").pop()].sort();
  return new URL(`snapshot/${encodeURIComponent(names.join("+"))}`, indexURL).href;
}

async function store() {
  return self.caches ? self.caches.open(STORE) : null;
}

/** The kept snapshot's bytes once their digest matches, else null (nothing kept, or damaged). */
export async function keptSnapshot(key) {
  try {
    const response = await (await store())?.match(key);
    if (!response) return null;
    const bytes = await response.arrayBuffer();
    if ((await sha256(bytes)) === response.headers.get(DIGEST_HEADER)) return new Uint8Array(bytes);
    forgetSnapshot(key);
  } catch {
    // storage refused: start the usual way
  }
  return null;
}

/** Keep ``bytes`` under ``key`` (the only entry: older builds' copies are deleted). */
export async function keepSnapshot(key, bytes) {
  try {
    const cache = await store();
    if (!cache) return;
    const digest = await sha256(bytes);
    for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
    await cache.put(key, new Response(bytes, { headers: { [DIGEST_HEADER]: digest } }));
  } catch {
    // not kept: the next visit starts the usual way
  }
}

export async function forgetSnapshot(key) {
  try {
    await (await store())?.delete(key);
  } catch {
    // nothing kept, nothing to forget
  }
}
