// A file published only as its gzip copy (the build's memory snapshot: 5 MB, 31 MB unpacked),
// downloaded, checked against the copy's digest and decompressed (about 0.3 s of a thread:
// done aside, aside.js).

import { aside } from "./aside.js";
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

/** The same on a thread of its own when one can start here, else on this one (with
 * ``download``, the fetch to use here); rejects with an IntegrityError on any failure. */
export function unpackAside(url, digest, name, download = fetch) {
  return aside("unpack", { url, digest, name }, () => unpackChecked(url, digest, name, download)).catch((error) => {
    throw error instanceof IntegrityError || error?.facts ? error : new IntegrityError(name);
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
