import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  ECHO_MOST,
  echoed,
  fold,
  matchOccupations,
  occupationIndex,
  unitGroupUrl,
} from "../../docs/javascripts/checker/form/noc-match.js";
import { fromPython } from "./support.js";

// The real titles, read from the same file the build turns into the page's titles file.
const TSV = readFileSync(new URL("../../pycore/data/noc_2021_titles.tsv", import.meta.url), "utf-8");
const ROWS = TSV.trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split("\t"));
const english = occupationIndex(ROWS.map(([code, en]) => [code, en]));
const french = occupationIndex(ROWS.map(([code, , fr]) => [code, fr]));
const codes = (found) => found.results.map((entry) => entry.code);

const sample = occupationIndex([
  ["63200", "Cooks"],
  ["62200", "Chefs"],
  ["63201", "Butchers - retail and wholesale"],
  ["13201", "Production and transportation logistics coordinators"],
  ["21232", "Software developers and programmers"],
  ["21231", "Software engineers and designers"],
  ["21311", "Computer engineers (except software engineers and designers)"],
  ["22300", "Génie civil: technologues"],
]);

test("accents and case are ignored on both sides", () => {
  assert.equal(fold("Génie CIVIL"), "genie civil");
  assert.deepEqual(codes(matchOccupations(sample, "genie")), ["22300"]);
  assert.deepEqual(codes(matchOccupations(sample, "GÉNIE civ")), ["22300"]);
});

test("every typed word must be found; one inside a longer word counts from three letters", () => {
  assert.deepEqual(codes(matchOccupations(sample, "soft dev")), ["21232"]);
  assert.deepEqual(codes(matchOccupations(sample, "cook zebra")), []);
  assert.deepEqual(codes(matchOccupations(sample, "oftware")).sort(), ["21231", "21232", "21311"]);
  assert.deepEqual(codes(matchOccupations(sample, "ok")), []); // not inside "Cooks": too short
});

test("whole words first, then word starts, then words inside; a title start first in each", () => {
  const index = occupationIndex([
    ["10000", "Hardware mechanics"], // "ware" inside a word
    ["20000", "Warehouse workers"], // a word starting with "ware", at the title's start
    ["30000", "Kitchen ware sellers"], // the whole word, not at the start
    ["40000", "Waxers"], // no match
    ["50000", "Sellers of warehouse goods"], // a word starting with "ware", not at the start
    ["60000", "Ware testers"], // the whole word at the title's start
  ]);
  assert.deepEqual(codes(matchOccupations(index, "ware")), ["60000", "30000", "20000", "50000", "10000"]);
});

test("ties go to the shorter text, then the lower code, the same way each time", () => {
  const index = occupationIndex([
    ["30000", "Cooks and bakers"],
    ["20000", "Cooks"],
    ["10000", "Cooks and bakers"],
  ]);
  for (let turn = 0; turn < 3; turn += 1) {
    assert.deepEqual(codes(matchOccupations(index, "cooks")), ["20000", "10000", "30000"]);
  }
});

test("another name finds its unit group and says it was the one matched", () => {
  const index = occupationIndex(
    [
      ["31301", "Registered nurses and registered psychiatric nurses"],
      ["33102", "Nurse aides, orderlies and patient service associates"],
    ],
    1,
    [
      ["RN", "31301"],
      ["nurse", "31301"],
      ["PSW", "33102"],
    ],
  );
  const found = matchOccupations(index, "rn");
  assert.deepEqual(codes(found), ["31301"]);
  assert.equal(found.results[0].matched, "RN");
  assert.deepEqual(codes(matchOccupations(index, "nurse")), ["31301", "33102"]);
  assert.equal(matchOccupations(index, "registered").results[0].matched, null); // the title
  assert.deepEqual(codes(matchOccupations(index, "psw")), ["33102"]);
});

test("a title starting with what was typed comes before one that has it later", () => {
  const found = codes(matchOccupations(sample, "software"));
  assert.deepEqual(found.slice(0, 2).sort(), ["21231", "21232"]);
  assert.equal(found.at(-1), "21311");
});

test("a whole word (or its plural) ranks above the start of a longer word", () => {
  const index = occupationIndex([
    ["10000", "Cookery coordinators"],
    ["20000", "Cooks"],
  ]);
  assert.deepEqual(codes(matchOccupations(index, "cook")), ["20000", "10000"]);
});

test("digits find codes by their start, listed in code order", () => {
  assert.deepEqual(codes(matchOccupations(sample, "632")), ["63200", "63201"]);
  assert.deepEqual(codes(matchOccupations(sample, "21232")), ["21232"]);
  assert.deepEqual(codes(matchOccupations(sample, "2123 software")), ["21231", "21232"]);
});

test("the TEER is the code's second digit", () => {
  for (const entry of english) assert.equal(entry.teer, Number(entry.code[1]));
});

test("the limit cuts the list but the total counts every match", () => {
  const found = matchOccupations(english, "s", 8);
  assert.equal(found.results.length, 8);
  assert.ok(found.total > 8);
  assert.deepEqual(matchOccupations(english, "  ", 8), { total: 0, results: [] });
});

test("'cook' and 'software' find their unit groups first in the real titles", () => {
  const cooks = ROWS.find(([, en]) => en === "Cooks");
  assert.equal(codes(matchOccupations(english, "cook"))[0], cooks[0]);
  const software = ROWS.filter(([, en]) => en.startsWith("Software")).map(([code]) => code);
  assert.ok(software.length >= 2);
  assert.deepEqual(codes(matchOccupations(english, "software")).slice(0, software.length).sort(), software.sort());
  // A few keystrokes are enough: the first letters already put them in the list.
  assert.ok(codes(matchOccupations(english, "coo", 8)).includes(cooks[0]));
  for (const code of software) assert.ok(codes(matchOccupations(english, "sof", 8)).includes(code));
});

test("the French titles are searched without accents", () => {
  const row = ROWS.find(([, , fr]) => fold(fr).startsWith("developpeurs"));
  assert.ok(codes(matchOccupations(french, "developpeur")).includes(row[0]));
});

test("a unit group's page is the pattern with its code", () => {
  assert.equal(unitGroupUrl("https://example.org/p?CPV={code}&x=1", "21232"), "https://example.org/p?CPV=21232&x=1");
});

test("a search repeated in a sentence is bounded: a 2 MB paste is cut to the first characters", () => {
  assert.equal(echoed("cook"), "cook");
  const exact = "é".repeat(ECHO_MOST);
  assert.equal(echoed(exact), exact);
  const pasted = "\u{1F6E0}".repeat(2 * 1024 * 1024);
  const shown = echoed(pasted);
  assert.equal([...shown].length, ECHO_MOST + 1); // the characters kept and the ellipsis
  assert.ok(shown.endsWith("…") && shown.startsWith("\u{1F6E0}"));
});

// The titles documents the page fetches (site_scripts/tables/noc_search.py), with the everyday
// names of pycore/data/noc_everyday_names.toml and any Statistics Canada example titles.
const documents = fromPython("titles");
const published = (language) => {
  const data = documents[language];
  return occupationIndex(data.units, 1, [...data.names, ...data.examples]);
};
// The queries and the unit group each must find first, named by its class title.
const unitTitled = (language, start) => {
  const found = documents[language].units.filter(([, title]) => title.startsWith(start));
  assert.equal(found.length, 1, start);
  return found[0][0];
};
const EXPECTED = [
  ["en", "personal support worker", "Nurse aides, orderlies"],
  ["en", "PSW", "Nurse aides, orderlies"],
  ["en", "line cook", "Cooks"],
  ["en", "RN", "Registered nurses"],
  ["en", "nurse", "Registered nurses"],
  ["fr", "camionneur", "Conducteurs/conductrices de camions de transport"],
  ["fr", "prepose aux beneficiaires", "Aides-infirmiers"],
  ["fr", "infirmiere", "Infirmiers autorisés"],
];

for (const [language, query, title] of EXPECTED) {
  test(`"${query}" (${language}) finds the unit group titled "${title}…" first`, () => {
    assert.equal(codes(matchOccupations(published(language), query, 8))[0], unitTitled(language, title));
  });
}

test("every everyday name finds its unit group among the first listed, in its language", () => {
  for (const language of ["en", "fr"]) {
    const index = published(language);
    for (const [name, code] of documents[language].names) {
      assert.ok(codes(matchOccupations(index, name, 8)).includes(code), `${language}: ${name} -> ${code}`);
    }
  }
});
