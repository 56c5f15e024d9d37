import assert from "node:assert/strict";
import { test } from "node:test";
import { fastLink } from "../../docs/javascripts/checker/engine/link.js";

// What Chromium reports on a fast line (its downlink ceiling, a short round trip).
const FAST = { effectiveType: "4g", downlink: 10, rtt: 0, saveData: false };

test("a fast, unmetered line takes the build's snapshot", () => {
  assert.equal(fastLink(FAST), true);
  assert.equal(fastLink({ ...FAST, rtt: 25, type: "wifi" }), true);
});

test("no API, data saver, a cellular link or anything slower starts as before", () => {
  assert.equal(fastLink(undefined), false);
  assert.equal(fastLink({ ...FAST, saveData: true }), false);
  assert.equal(fastLink({ ...FAST, type: "cellular" }), false);
  assert.equal(fastLink({ ...FAST, effectiveType: "3g" }), false);
  assert.equal(fastLink({ ...FAST, downlink: 9.75 }), false); // the bench's 10 Mbit/s phone link
  assert.equal(fastLink({ ...FAST, rtt: 50 }), false); // a 4G phone's round trip
});
