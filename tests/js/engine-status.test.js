import assert from "node:assert/strict";
import { test } from "node:test";
import { httpFailure } from "../../docs/javascripts/checker/engine/engine-errors.js";
import {
  busySentence,
  statusSentence,
  unavailableSentence,
} from "../../docs/javascripts/checker/engine/engine-status.js";
import { metadata } from "./support.js";

const { t } = metadata();
const HOLE = "\u0000";
// The "could not start" sentence around its reason, as the two pieces either side of the reason.
const frame = t("ui.engine_unavailable", { reason: HOLE }).split(HOLE);
const framed = (text) => text.startsWith(frame[0]) && text.endsWith(frame[1]);

test("a loading status names its step in words and how far along it is, never a catalog key", () => {
  const text = statusSentence(t, { state: "loading", step: 2, steps: 4, label: "ui.engine_step_download" });
  assert.ok(text.includes(t("ui.engine_step_download")), text);
  assert.match(text, /\b2\b.*\b4\b/);
  assert.ok(!text.includes("ui."), text);
});

test("loading, ready and failed each read differently", () => {
  const loading = { state: "loading", step: 0, steps: 4, label: "ui.engine_step_start" };
  const sentences = ["loading", "ready", "failed"].map((state) => statusSentence(t, { ...loading, state }));
  assert.equal(new Set(sentences).size, 3);
});

test("a failure's reason is given in words inside the 'could not start' sentence", () => {
  const http = unavailableSentence(t, { message: "ui.engine_http", facts: { file: "python.wasm", status: 404 } });
  assert.ok(framed(http) && http.includes("python.wasm") && http.includes("404"), http);
  const browser = "NetworkError when attempting to fetch resource.";
  assert.ok(framed(unavailableSentence(t, { message: browser })));
  assert.ok(unavailableSentence(t, { message: browser }).includes(browser));
  const none = unavailableSentence(t, { message: undefined });
  assert.ok(framed(none) && none.includes(t("ui.engine_stopped")), none);
});

test("a damaged file is its own sentence naming the file, not blamed on the browser", () => {
  const text = unavailableSentence(t, { message: "ui.engine_file_damaged", facts: { file: "rules.whl" } });
  assert.ok(text.includes("rules.whl"), text);
  assert.ok(!framed(text), text);
});

test("while a check is owed, the busy line says checking only once the engine is ready", () => {
  const ready = busySentence(t, { state: "ready" });
  assert.equal(busySentence(t, { state: "loading" }), busySentence(t, { state: "failed" }));
  assert.notEqual(busySentence(t, { state: "loading" }), ready);
  assert.ok(!ready.includes("ui.") && !busySentence(t, { state: "loading" }).includes("ui."));
});

test("a runtime file answered with 404 or 410 is missing, its own sentence; other statuses say theirs", () => {
  for (const status of [404, 410]) {
    const error = httpFailure("python_stdlib.zip", status);
    assert.equal(error.message, "ui.engine_file_missing");
    const text = unavailableSentence(t, { message: error.message, facts: error.facts });
    assert.ok(text.includes("python_stdlib.zip") && !framed(text), text);
    assert.ok(!text.includes(t("ui.engine_file_damaged", { file: "python_stdlib.zip" })), text);
  }
  const other = httpFailure("python_stdlib.zip", 503);
  assert.equal(other.message, "ui.engine_http");
  assert.ok(framed(unavailableSentence(t, { message: other.message, facts: other.facts })));
});
