import assert from "node:assert/strict";
import { test } from "node:test";
import { englishNumber, frenchSpacing, render, translator } from "../../docs/javascripts/checker/i18n/i18n.js";
import { fromPython } from "./support.js";

test("every catalog template renders in JavaScript exactly as pycore.common.messages renders it", () => {
  const cases = fromPython("cases");
  assert.ok(cases.some((item) => item.key.startsWith("ui.")) && cases.some((item) => item.key.startsWith("work.")));
  assert.deepEqual([...new Set(cases.map((item) => item.locale))].sort(), ["en-CA", "fr-CA"]);
  for (const { key, template, facts, text, locale } of cases) {
    assert.equal(render(template, facts, locale), text, `${locale} ${key} with ${JSON.stringify(facts)}`);
  }
});

test("a placeholder with no fact is an error, not a blank", () => {
  assert.throws(() => render("Counted: {counted_hours:plural:hour}.", {}), /counted_hours/);
});

test("an unknown catalog key is an error", () => {
  const t = translator({ "ui.locale": "en-CA", "ui.x": "{n:plural:year}" });
  assert.equal(t("ui.x", { n: 2 }), "2 years");
  assert.throws(() => t("ui.missing"), /ui\.missing/);
});

test("a data label reads in the page's language through t.label, and as given when it has none", () => {
  const t = translator({ "ui.locale": "fr-CA" }, { "Skilled military recruits": "Recrues militaires qualifiées" });
  assert.equal(t.label("Skilled military recruits"), "Recrues militaires qualifiées");
  assert.equal(t.label("Transport"), "Transport");
  assert.equal(translator({ "ui.locale": "en-CA" }).label("Transport"), "Transport");
});

test("figures read as pycore.common.formatting writes them: ties to even, thousands, both languages", () => {
  const french = translator({ "ui.locale": "fr-CA" });
  for (const [value, english, inFrench] of fromPython("numbers")) {
    assert.equal(englishNumber(value), english, String(value));
    assert.equal(french.number(value), inFrench, String(value));
  }
});

test("French spacing is written as pycore.common.typography writes it, on every French template", () => {
  const pairs = fromPython("spacing");
  assert.ok(pairs.length > 100);
  for (const [text, spaced] of pairs) assert.equal(frenchSpacing(text), spaced, text);
});

test("a French sentence has a no-break space before its colon and inside « », none before ; ? !", () => {
  const t = translator({ "ui.locale": "fr-CA", "ui.x": "Code «{code}»: {n} ; vrai ?", "ui.y": "Code: {n}" });
  assert.equal(t("ui.x", { code: "TEER 1", n: 2 }), "Code «\u00a0TEER 1\u00a0»\u00a0: 2; vrai?");
  assert.equal(t("ui.x", { code: "12:30", n: 1 }), "Code «\u00a012:30\u00a0»\u00a0: 1; vrai?");
  const english = translator({ "ui.locale": "en-CA", "ui.y": "Code: {n}" });
  assert.equal(english("ui.y", { n: 2 }), "Code: 2");
});
