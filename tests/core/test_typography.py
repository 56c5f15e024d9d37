"""French typography (issue 24, Le guide du rédacteur): a no-break space before « : » and inside
« », none before ; ? !, in the engine's French catalogs and in every French result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.french import typography_faults
from support.scenarios import all_scenarios

from pycore import api
from pycore.common import messages
from pycore.common.typography import NBSP, french_spacing

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("written", "spaced"),
    [
        ("Note: oui", f"Note{NBSP}: oui"),
        ("Note : oui", f"Note{NBSP}: oui"),
        ("« TEER »", f"«{NBSP}TEER{NBSP}»"),
        ("«TEER»", f"«{NBSP}TEER{NBSP}»"),
        ("Vrai ? Oui ; non !", "Vrai? Oui; non!"),
        ("12:30, https://x.ca/a:b, {on:date}", "12:30, https://x.ca/a:b, {on:date}"),
        (" : ", f"{NBSP}: "),
    ],
)
def test_french_spacing(written: str, spaced: str) -> None:
    """Colons ending a phrase and guillemets get a no-break space; times, addresses and
    placeholders keep their colon; a space before ; ? ! goes; spacing twice changes nothing."""
    assert french_spacing(written) == spaced
    assert french_spacing(spaced) == spaced


def test_the_french_catalog_is_spaced_and_the_english_one_untouched() -> None:
    """Every French template follows the rules; English keeps its own punctuation."""
    faults = [
        f"{key}: {fault}"
        for key, template in messages.catalog("fr").items()
        for fault in typography_faults(template)
    ]
    assert not faults, faults[:10]
    assert any(f"{NBSP}:" in t for t in messages.catalog("fr").values())
    assert not any(NBSP + ":" in t for t in messages.catalog("en").values())


def _messages(value: Any) -> list[str]:
    """Every sentence of a result (messages, reasons), at any depth."""
    if isinstance(value, str):
        return []
    if isinstance(value, dict):
        own = [value["message"]] if isinstance(value.get("message"), str) else []
        own += [r for r in value.get("reason_messages") or [] if isinstance(r, str)]
        return own + [m for v in value.values() for m in _messages(v)]
    if isinstance(value, list):
        return [m for item in value for m in _messages(item)]
    return []


def test_every_french_result_follows_the_rules() -> None:
    """Every scenario replayed in French gives sentences with French spacing and no en-dash
    range (the facts typed by a person aside: scenarios type none with a colon)."""
    faults = []
    sentences = 0
    for scenario in all_scenarios():
        for sentence in _messages(json.loads(api.check_json(scenario.text, lang="fr"))):
            sentences += 1
            faults += [f"{scenario.name}: {fault}" for fault in typography_faults(sentence)]
    assert sentences > 100
    assert not faults, faults[:10]


def test_the_french_command_line_report_follows_the_rules(tmp_path: Path) -> None:
    """`check --format text --lang fr` writes French spacing in its labels and sentences."""
    scenario = next(s for s in all_scenarios() if '"crs"' in s.text)
    profile = tmp_path / "p.json"
    profile.write_text(scenario.text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pycore", "check", str(profile), "--format", "text", "--lang", "fr"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip(), done.stderr
    assert f"{NBSP}:" in done.stdout
    assert not typography_faults(done.stdout), typography_faults(done.stdout)[:10]
