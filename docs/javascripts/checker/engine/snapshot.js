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

import { sha256 } from "./engine-errors.js";
import { keptStore } from "./kept.js";

const snapshots = keptStore("cec-snapshot");
const DIGEST_HEADER = "X-Cec-Digest";

/** The Cache API key of the snapshot for this runtime (a URL, as the Cache API requires). */
export function snapshotKey(indexURL, runtimeFiles, wheelURL) {
  const names = [...Object.values(runtimeFiles), wheelURL.split("/").pop()].sort();
  return new URL(`snapshot/${encodeURIComponent(names.join("+"))}`, indexURL).href;
}

/** The kept snapshot's bytes once their digest matches, else null (nothing kept, or damaged). */
export async function keptSnapshot(key) {
  const response = await snapshots.get(key);
  try {
    const bytes = response && (await response.arrayBuffer());
    if (bytes && (await sha256(bytes)) === response.headers.get(DIGEST_HEADER)) return new Uint8Array(bytes);
  } catch {
    // unreadable: as damaged
  }
  if (response) snapshots.forget(key);
  return null;
}

/** Whether a snapshot is kept under ``key`` (not read: a quick look before any download). */
export const hasKeptSnapshot = async (key) => Boolean(await snapshots.get(key));

/** Keep ``bytes`` under ``key``, with their digest. */
export async function keepSnapshot(key, bytes) {
  const digest = await sha256(bytes).catch(() => null);
  if (digest) await snapshots.put(key, bytes, { [DIGEST_HEADER]: digest });
}

export const forgetSnapshot = (key) => snapshots.forget(key);
