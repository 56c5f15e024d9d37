import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { IntegrityError, sha256 } from "../../docs/javascripts/checker/engine/engine-errors.js";
import { unpackAside, unpackChecked } from "../../docs/javascripts/checker/engine/unpack.js";

// Python's snapshot stands in as bytes that compress well; the copy travels gzipped.
const ORIGINAL = new Uint8Array(300_000).map((_, i) => (i % 251 === 0 ? i % 7 : 0));
const PACKED = gzipSync(ORIGINAL);
const serve =
  (body, status = 200) =>
  async () =>
    new Response(body, { status });

test("the copy matching its digest comes back decompressed", async () => {
  const digest = await sha256(PACKED);
  assert.deepEqual(await unpackChecked("https://x/s.bin.gz", digest, "s.bin", serve(PACKED)), ORIGINAL);
});

test("a copy that does not match its digest is refused, however well it decompresses", async () => {
  const other = await sha256(gzipSync(ORIGINAL.subarray(1)));
  await assert.rejects(unpackChecked("https://x/s.bin.gz", other, "s.bin", serve(PACKED)), IntegrityError);
});

test("a missing copy is a download failure, not a damaged file", async () => {
  const digest = await sha256(PACKED);
  await assert.rejects(unpackChecked("https://x/s.bin.gz", digest, "s.bin", serve("", 404)), (error) => {
    assert.equal(error.message, "ui.engine_file_missing");
    return true;
  });
});

test("where no worker can start, the same runs in this thread", async () => {
  assert.equal(typeof Worker, "undefined"); // Node: no Worker global
  const digest = await sha256(PACKED);
  assert.deepEqual(await unpackAside("https://x/s.bin.gz", digest, "s.bin", serve(PACKED)), ORIGINAL);
});
