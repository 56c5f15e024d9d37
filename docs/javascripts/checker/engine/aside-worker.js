// The engine worker's helper thread: one job, then the bytes handed over (transferred, not
// copied). "unpack": the build's snapshot downloaded, checked and decompressed (unpack.js);
// "kept": the device's snapshot read and checked; "keep": a snapshot hashed and kept
// (snapshot.js). A failure answers `failed`.

import { keepSnapshot, keptSnapshot } from "./snapshot.js";
import { unpackChecked } from "./unpack.js";

const JOBS = {
  unpack: ({ url, digest, name }) => unpackChecked(url, digest, name),
  kept: ({ key }) => keptSnapshot(key),
  keep: ({ key, bytes }) => keepSnapshot(key, bytes).then(() => null),
};

self.onmessage = async ({ data }) => {
  try {
    const bytes = await JOBS[data.job](data);
    self.postMessage({ bytes }, bytes ? [bytes.buffer] : []);
  } catch {
    self.postMessage({ failed: true });
  }
};
