import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeProfile,
  encodeProfile,
  HASH_PREFIX,
  NotAnswers,
  profileFromHash,
  shareLink,
} from "../../docs/javascripts/checker/share.js";

const profile = {
  application_date: "2026-11-21",
  plans_to_live_in_quebec: false,
  jobs: [{ title: "Développeuse ✓", teer: 1, start: "2024-01-01", end: null, hours_per_week: 37.5 }],
  language_tests: [],
};

test("a profile survives encoding, non-ASCII text included", () => {
  assert.deepEqual(decodeProfile(encodeProfile(profile)), profile);
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

test("valid JSON that is not a set of answers is refused as such; broken text throws", () => {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  for (const value of [[1, 2], 3, null, "answers"]) assert.throws(() => decodeProfile(encode(value)), NotAnswers);
  assert.throws(() => decodeProfile("%%%"));
  assert.throws(() => decodeProfile(encode(profile).slice(0, -5)));
});

test("a share link carries the profile after #profile= and opens back to it", () => {
  const location = { origin: "http://127.0.0.1:8000", pathname: "/checker/" };
  const link = shareLink(profile, location);
  assert.ok(link.startsWith(`http://127.0.0.1:8000/checker/${HASH_PREFIX}`));
  assert.deepEqual(profileFromHash(link.slice(link.indexOf("#"))), profile);
  assert.equal(profileFromHash("#other"), null);
  assert.equal(profileFromHash(""), null);
});
