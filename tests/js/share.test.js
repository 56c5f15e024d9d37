import assert from "node:assert/strict";
import { test } from "node:test";
import { Refused } from "../../docs/javascripts/checker/storage/answers.js";
import {
  decodeProfile,
  encodeProfile,
  HASH_PREFIX,
  profileFromHash,
  shareLink,
} from "../../docs/javascripts/checker/storage/share.js";
import { metadata } from "./support.js";

const { limits } = metadata();
const decoded = (text) => decodeProfile(text, limits).profile;

const profile = {
  application_date: "2026-11-21",
  plans_to_live_in_quebec: false,
  jobs: [{ title: "Développeuse ✓", teer: 1, start: "2024-01-01", end: null, hours_per_week: 37.5 }],
  language_tests: [],
};

test("a profile survives encoding, non-ASCII text included", () => {
  assert.deepEqual(decoded(encodeProfile(profile)), profile);
});

test("the encoding is base64url without padding", () => {
  for (let length = 0; length < 4; length++) {
    const encoded = encodeProfile({ ...profile, pad: "x".repeat(length) });
    assert.match(encoded, /^[A-Za-z0-9_-]+$/);
  }
});

test("the encoding is the contract's: base64url of the UTF-8 JSON", () => {
  const expected = Buffer.from(JSON.stringify(profile), "utf-8").toString("base64url");
  assert.equal(encodeProfile(profile), expected);
});

test("valid JSON that is not a set of answers is refused as such; broken text as cut short", () => {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const refusedFor = (key) => (error) => error instanceof Refused && error.key === key;
  for (const value of [[1, 2], 3, null, "answers", { name: "cec", version: "1.0.0" }]) {
    assert.throws(() => decoded(encode(value)), refusedFor("ui.reason_not_answers"));
  }
  assert.throws(() => decoded("%%%"), refusedFor("ui.reason_cut_short"));
  assert.throws(() => decoded(encode(profile).slice(0, -5)), refusedFor("ui.reason_cut_short"));
  const invalidUtf8 = Buffer.from([0x7b, 0xff, 0x7d]).toString("base64url");
  assert.throws(() => decoded(invalidUtf8), refusedFor("ui.reason_cut_short"));
});

test("a link longer than the size limit is refused before it is decoded", () => {
  const long = "A".repeat(Math.ceil((limits.bytes * 4) / 3) + 8);
  assert.throws(
    () => decoded(long),
    (error) => error instanceof Refused && error.key === "ui.reason_too_large",
  );
});

test("a share link carries the profile after #profile= and opens back to it", () => {
  const location = { origin: "http://127.0.0.1:8000", pathname: "/checker/" };
  const link = shareLink(profile, location);
  assert.ok(link.startsWith(`http://127.0.0.1:8000/checker/${HASH_PREFIX}`));
  assert.deepEqual(profileFromHash(limits, link.slice(link.indexOf("#"))).profile, profile);
  assert.equal(profileFromHash(limits, "#other"), null);
  assert.equal(profileFromHash(limits, ""), null);
});
