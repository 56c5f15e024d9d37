"""The result's footnote says how fresh the data is (pycore/assessment.py data_verified): the
newest verified date of the data and the last day of the rounds, not the newest rule change."""

from __future__ import annotations

from datetime import date
from typing import Any

from support.rules import APP

from pycore.assessment import VERIFIED_FILES, assess, data_verified, rules_version
from pycore.common import messages
from pycore.common.parameters import load
from pycore.validation import parse_profile


def verified_dates(value: Any) -> list[date]:
    """Every ``verified`` date in a parsed TOML value."""
    if isinstance(value, list):
        return [d for item in value for d in verified_dates(item)]
    if isinstance(value, dict):
        own = [value["verified"]] if isinstance(value.get("verified"), date) else []
        return own + [d for item in value.values() for d in verified_dates(item)]
    return []


def test_the_footnote_dates_come_from_the_data() -> None:
    """data_verified is the newest verified key; rounds_until is draws.toml's data_until."""
    newest = max(d for name in VERIFIED_FILES for d in verified_dates(load(name)))
    assert data_verified() == {
        "data_verified": newest.isoformat(),
        "rounds_until": load("draws")["data_until"].isoformat(),
    }


def test_every_assessment_carries_them() -> None:
    """The assessment the page renders has both dates beside rules_version."""
    profile = parse_profile(
        {
            "application_date": APP.isoformat(),
            "plans_to_live_in_quebec": False,
            "jobs": [],
            "language_tests": [],
        }
    )
    result = assess(profile)
    assert result["data_verified"] == data_verified()["data_verified"]
    assert result["rules_version"] == rules_version()


def test_the_footnote_speaks_of_verification_in_both_languages() -> None:
    """The sentence names both dates, in English and in French."""
    facts = {"verified": "2026-12-06", "rounds_until": "2026-10-01"}
    assert "December 6, 2026" in messages.render("ui.fineprint_verified", facts, "en")
    assert "1er octobre 2026" in messages.render("ui.fineprint_verified", facts, "fr")
