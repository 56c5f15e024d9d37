// The engine worker's helper: decompresses and checks one gzip copy (unpack.js) on a thread of
// its own, then hands the bytes over (transferred, not copied); any failure answers no bytes.

import { unpackChecked } from "./unpack.js";

self.onmessage = async ({ data: { url, digest, name } }) => {
  try {
    const bytes = await unpackChecked(url, digest, name);
    self.postMessage({ bytes }, [bytes.buffer]);
  } catch {
    self.postMessage({ bytes: null });
  }
};
