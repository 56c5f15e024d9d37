// Python's memory after start-up, kept on this device so the next visit skips start-up.
//
// The first visit starts Python as usual, imports the rules, warms them up on the built-in
// sample and, before any check of the person's answers (so none is ever in it), copies
// Python's memory (Pyodide's memory snapshot) into the origin private file system (the Cache
// API where there is none: kept.js). A revisit restores that copy instead of initialising
// Python and importing the rules again: the slowest part of a start once the runtime is
// cached (bench/README.md).
// - Kept under a key made of the runtime's content-hashed file names: a new build never
//   restores an old copy (Pyodide also refuses a snapshot from another runtime build).
// - Checked against the SHA-256 recorded when it was kept, read and hashed while the wasm
//   compiles; a damaged or refused copy is forgotten and Python starts the usual way.
// - Storage refused (private mode, quota): nothing kept, every visit starts the usual way.

import { aside } from "./aside.js";
import { sha256 } from "./engine-errors.js";
import { keptFile } from "./kept.js";

const snapshots = keptFile("cec-snapshot");
const DIGEST_HEADER = "x-cec-digest"; // lower case: the Cache API gives header names so

/** The key of the snapshot for this runtime (a URL, as the Cache API requires). */
export function snapshotKey(indexURL, runtimeFiles, wheelURL) {
  const names = [...Object.values(runtimeFiles), wheelURL.split("/").pop()].sort();
  return new URL(`snapshot/${encodeURIComponent(names.join("+"))}`, indexURL).href;
}

/** The kept snapshot's bytes once their digest matches, else null (nothing kept, or damaged). */
export async function keptSnapshot(key) {
  const kept = await snapshots.get(key);
  if (!kept) return null;
  try {
    if ((await sha256(kept.bytes)) === kept.headers[DIGEST_HEADER]) return kept.bytes;
  } catch {
    // unreadable: as damaged
  }
  snapshots.forget(key);
  return null;
}

/** keptSnapshot on a thread of its own (aside.js): reading and hashing 31 MB takes 0.3-0.5 s. */
export const keptSnapshotAside = (key) => aside("kept", { key }, () => keptSnapshot(key)).catch(() => null);

/** Whether a snapshot is kept under ``key`` (not read: a quick look before any download). */
export const hasKeptSnapshot = (key) => snapshots.has(key);

/** Keep ``bytes`` under ``key``, with their digest. */
export async function keepSnapshot(key, bytes) {
  const digest = await sha256(bytes).catch(() => null);
  if (digest) await snapshots.put(key, bytes, { [DIGEST_HEADER]: digest });
}

/** keepSnapshot on a thread of its own: hashing and writing 31 MB would hold up the person's
 * next checks by 0.1-0.3 s. ``bytes`` are handed over (this thread no longer has them). */
export const keepSnapshotAside = (key, bytes) =>
  aside("keep", { key, bytes }, () => keepSnapshot(key, bytes), [bytes.buffer]).catch(() => {});

export const forgetSnapshot = (key) => snapshots.forget(key);
