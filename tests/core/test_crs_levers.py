"""Levers that combine (pycore/crs/levers.py): all four abilities at a level, the trades'
certificate only for a trade, within reach or not, and the category rounds a lever opens."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.contract import crs_answers, job
from support.rules import APP

from pycore.api import check_json
from pycore.common.dates import years_before
from pycore.common.parameters import load

ABILITIES = ("reading", "writing", "listening", "speaking")


def assess(code: str | None = None, levels: tuple[int, ...] = (8, 8, 8, 8)) -> dict[str, Any]:
    """An assessment: age 30, bachelor's, one CELPIP result, a two-year job with ``code``."""
    tests = [
        {
            "test": "celpip_general",
            "date": "2026-06-01",
            **dict(zip(ABILITIES, levels, strict=True)),
        }
    ]
    teer = int(code[1]) if code else 2  # a NOC 2021 code's second digit is its TEER
    work = job(years_before(APP, 2), None, teer=teer, **({"noc_code": code} if code else {}))
    profile = {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [work],
        "language_tests": tests,
        "crs": crs_answers(),
    }
    result: dict[str, Any] = json.loads(check_json(json.dumps(profile)))
    return result


def lever_ids(result: dict[str, Any]) -> list[str]:
    """The ids of the CRS improvements, in the order given."""
    return [item["id"] for item in result["crs"]["improvements"]]


@pytest.mark.parametrize(("code", "offered"), [("72410", True), ("21231", False), (None, False)])
def test_certificate_is_offered_only_for_a_trade(code: str | None, offered: bool) -> None:
    """The certificate of qualification is a lever only when the main occupation is a trade."""
    assert ("certificate" in lever_ids(assess(code))) is offered


def test_certificate_is_not_within_reach() -> None:
    """A certificate takes more than one test or one year: it is grouped as "other"."""
    entry = next(i for i in assess("72410")["crs"]["improvements"] if i["id"] == "certificate")
    assert entry["group"] == "other"


def test_all_four_levels_are_offered_only_above_the_weakest_ability() -> None:
    """Reaching N in all four is offered for each data level above some ability, else not."""
    levels = load("crs")["combined_levels"]["english"]
    weakest = levels[1]
    ids = lever_ids(assess(levels=(weakest, weakest, weakest, weakest)))
    assert [f"english_all_{n}" in ids for n in levels] == [n > weakest for n in levels]


def test_all_four_lever_names_only_the_abilities_below_the_level() -> None:
    """The lever asks for the scores of the abilities under the level, on the person's test."""
    level = load("crs")["combined_levels"]["english"][1]
    result = assess(levels=(level, level, level - 1, level - 1))
    entry = next(i for i in result["crs"]["improvements"] if i["id"] == f"english_all_{level}")
    assert entry["facts"]["abilities"] == ["listening", "speaking"]
    assert entry["facts"]["needs"] == [f"listening {level}", f"speaking {level}"]


def test_levers_are_ranked_by_points() -> None:
    """Improvements come highest gain first, each with the total it gives."""
    crs = assess("72410")["crs"]
    gains = [item["gain"] for item in crs["improvements"]]
    assert gains == sorted(gains, reverse=True)
    assert all(item["total"] - item["gain"] == crs["total"] for item in crs["improvements"])


def test_english_levers_open_no_category() -> None:
    """Only a French lever can open the French category's rounds; English ones open none."""
    items = assess()["crs"]["improvements"]
    assert all(not item["opens"] for item in items if item["id"].startswith("english"))
    french = next(item for item in items if item["id"] == "french_test")
    assert [entry["category"] for entry in french["opens"]] == ["french"]
