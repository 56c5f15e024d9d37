"""The French edition of the engine: same codes and figures as English, every key in both
catalogs, French numbers, dates and plurals (issue 15)."""

from __future__ import annotations

import json
import string
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support.scenarios import Scenario, all_scenarios

from pycore import api
from pycore.common import formatting, messages
from pycore.common.parameters import load
from pycore.crs import estimate as crs

ROOT = Path(__file__).resolve().parents[2]
NNBSP = "\u202f"  # French Canadian thousands separator (narrow no-break space)


def _fields(template: str) -> set[tuple[str, str]]:
    """The placeholders of a template with their format: {("hours", "plural:hour")} -> names only
    for plurals (the word is the language's), the format itself otherwise."""
    out = set()
    for _, name, spec, _ in string.Formatter().parse(template):
        if name:
            out.add((name, "plural" if (spec or "").startswith("plural:") else spec or ""))
    return out


@pytest.mark.parametrize("name", ["messages", "interface"])
def test_every_catalog_key_is_in_both_languages(name: str) -> None:
    """Each key of <name>.en.toml is in <name>.fr.toml and back; a failure names the keys."""
    english, french = set(load(f"{name}.en")), set(load(f"{name}.fr"))
    assert not english - french, f"missing in {name}.fr.toml: {sorted(english - french)}"
    assert not french - english, f"missing in {name}.en.toml: {sorted(french - english)}"


def test_every_key_has_the_same_placeholders_in_both_languages() -> None:
    """A French template fills the same facts with the same formats as its English twin."""
    english, french = messages.catalog("en"), messages.catalog("fr")
    differ = {
        key: (sorted(_fields(text)), sorted(_fields(french[key])))
        for key, text in english.items()
        if key in french and _fields(text) != _fields(french[key])
    }
    assert differ == {}


def test_french_numbers_dates_and_lists() -> None:
    """French figures: narrow no-break space, decimal comma; dates and lists in French."""
    assert formatting.number(1560, "fr") == f"1{NNBSP}560"
    assert formatting.number(1302.94, "fr") == f"1{NNBSP}302,9"
    assert formatting.as_written(6.5, "fr") == "6,5"
    assert formatting.long_date(date(2026, 11, 30), "fr") == "30 novembre 2026"
    assert formatting.long_date(date(2026, 11, 1), "fr") == "1er novembre 2026"
    assert formatting.series(["0", "1", "2", "3"], "or", "fr") == "0, 1, 2 ou 3"
    assert formatting.series(["a", "b"], "and", "fr") == "a et b"


@pytest.mark.parametrize(
    ("value", "word", "shown"),
    [
        (0, "heure", "0 heure"),
        (1, "heure", "1 heure"),
        (1.5, "heure", "1,5 heure"),
        (2, "heure", "2 heures"),
        (1560, "heure", f"1{NNBSP}560 heures"),
        (3, "mois", "3 mois"),
    ],
)
def test_french_plurals(value: float, word: str, shown: str) -> None:
    """French keeps the singular under 2 and leaves words ending in s as they are."""
    with messages.language("fr"):
        assert messages._show(value, f"plural:{word}") == shown


def test_language_is_restored_after_a_french_check() -> None:
    """A French check leaves English the default for whatever renders next."""
    api.check_json("{}", lang="fr")
    assert messages.current_language() == "en"
    assert messages.render("input.missing", {}) == "This field is required."


_SENTENCES = {"message", "reason_messages"}


def _without_sentences(value: Any) -> Any:
    """The result with every sentence (``message``, ``reason_messages``) left out."""
    if isinstance(value, dict):
        return {k: _without_sentences(v) for k, v in value.items() if k not in _SENTENCES}
    if isinstance(value, list):
        return [_without_sentences(item) for item in value]
    return value


@pytest.mark.parametrize("scenario", all_scenarios(), ids=lambda s: s.name[:60])
def test_scenario_in_french_gives_the_same_codes_and_figures(scenario: Scenario) -> None:
    """Replayed with lang="fr", a scenario gives English's result but for the sentences."""
    english = json.loads(api.check_json(scenario.text, lang="en"))
    french = json.loads(api.check_json(scenario.text, lang="fr"))
    assert _without_sentences(french) == _without_sentences(english)
    english_sentences, french_sentences = _messages(english), _messages(french)
    assert len(french_sentences) == len(english_sentences)
    assert not english_sentences or french_sentences != english_sentences


def _messages(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [value["message"]] if isinstance(value.get("message"), str) else []
        own += value.get("reason_messages") or []
        return own + [m for k, v in value.items() if k not in _SENTENCES for m in _messages(v)]
    if isinstance(value, list):
        return [m for item in value for m in _messages(item)]
    return []


def test_cli_writes_french_json_and_text(tmp_path: Path) -> None:
    """`check --lang fr` answers in French; codes stay the same; text report is French."""
    profile = tmp_path / "p.json"
    profile.write_text(
        json.dumps(
            {
                "application_date": "2026-11-21",
                "plans_to_live_in_quebec": False,
                "jobs": [],
                "language_tests": [],
            }
        ),
        encoding="utf-8",
    )

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "pycore", "check", str(profile), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    english, french = json.loads(run()), json.loads(run("--lang", "fr"))
    assert _without_sentences(french) == _without_sentences(english)
    assert french["requirements"][0]["message"] != english["requirements"][0]["message"]
    text = run("--format", "text", "--lang", "fr")
    assert text.startswith(messages.render("cli.verdict_null", {}, "fr"))
    assert "Expérience de travail" in text


def _data_labels() -> set[str]:
    """Labels the rules data gives as facts or form choices: category names (categories and
    rounds) and CRS credential labels."""
    found: set[str] = set()

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif key == "name" and isinstance(value, str):
            found.add(value)

    walk(load("categories"))
    walk(load("draws").get("category", []))  # category rounds' names, shown beside cut-offs
    grids = [grid for part in ("core", "spouse") for grid in load("crs")[part]]
    for grid in grids:
        if grid["factor"] in ("education", "spouse_education"):
            found.update(row["label"] for row in grid["rows"])
    found.update(row["label"] for row in crs.additional_rows("canadian_education"))
    return found


def test_every_data_label_given_as_a_fact_has_a_french_name() -> None:
    """Category names and credential labels read in French in French sentences."""
    assert _data_labels() - set(messages.labels("fr")) == set()
