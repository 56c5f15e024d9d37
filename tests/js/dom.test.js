import assert from "node:assert/strict";
import { test } from "node:test";
import { isolate } from "../../docs/javascripts/checker/dom.js";

const FSI = "\u2068";
const PDI = "\u2069";

test("typed text is wrapped in one FSI...PDI pair; overrides inside stay, closed by the PDI", () => {
  assert.equal(isolate("Cook"), `${FSI}Cook${PDI}`);
  assert.equal(isolate("a\u202Eb"), `${FSI}a\u202Eb${PDI}`);
});

test("the text's own isolate controls (U+2066-U+2069) are dropped, so it cannot close ours early", () => {
  const shown = isolate("x\u2069\u202Ey\u2067z\u2066\u2068");
  assert.equal(shown, `${FSI}x\u202Eyz${PDI}`);
  assert.equal([...shown].filter((ch) => ch === FSI || ch === PDI).length, 2);
  assert.equal(isolate(42), `${FSI}42${PDI}`);
});
