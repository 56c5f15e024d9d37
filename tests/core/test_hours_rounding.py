"""One rounding rule for hours (pycore/common/figures.py): the same work reads the same in the
requirements, the jobs and the CRS, and the shortfall adds up with the hours shown."""

from __future__ import annotations

import json
from datetime import timedelta
from fractions import Fraction
from typing import Any

from support.contract import crs_answers, job
from support.rules import APP, REQUIRED

from pycore.api import check_json
from pycore.common.figures import hours

PER_WEEK = 30  # a day is 30/7 hours: most day counts leave a fraction past the tenth


def assess(days: int) -> dict[str, Any]:
    """A job of ``days`` days at 30 hours a week ending the day before the application date."""
    work = job(APP - timedelta(days=days), APP - timedelta(days=1), hours=PER_WEEK)
    profile = {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [work],
        "language_tests": [],
        "crs": crs_answers(date_of_birth="1994-05-01"),
    }
    result: dict[str, Any] = json.loads(check_json(json.dumps(profile)))
    return result


def day_count_rounding_apart() -> int:
    """A number of days under the requirement whose hours, to a tenth, round differently down
    than half up (the case the issue saw: 1,392.9 in one place, 1,392.8 in another)."""
    for days in range(1, 400):
        exact = Fraction(PER_WEEK * days, 7)
        if exact < REQUIRED and (exact * 10) % 1 >= Fraction(1, 2):
            return days
    raise AssertionError("no such day count")


def test_hours_round_down_to_a_tenth() -> None:
    """Hours never read higher than worked: 30/7 a day over 325 days shows 1,392.8."""
    assert hours(Fraction(30 * 325, 7)) == 1392.8
    assert hours(Fraction(1, 20)) == 0


def test_the_same_work_reads_the_same_everywhere() -> None:
    """The requirement, the job and the CRS factor give the same hours for the same work."""
    result = assess(day_count_rounding_apart())
    work = next(r for r in result["requirements"] if r["id"] == "work_experience")
    canadian = next(f for f in result["crs"]["factors"] if f["id"] == "canadian_work")
    shown = result["qualifying_hours"]
    assert work["facts"]["qualifying_hours"] == shown
    assert result["jobs"][0]["counted_hours"] == shown
    assert canadian["facts"]["hours"] == shown


def test_the_shortfall_adds_up_with_the_hours_shown() -> None:
    """Hours shown plus the shortfall shown make the required hours exactly."""
    result = assess(day_count_rounding_apart())
    facts = next(r for r in result["requirements"] if r["id"] == "work_experience")["facts"]
    total = Fraction(str(facts["qualifying_hours"])) + Fraction(str(facts["hours_short"]))
    assert total == Fraction(str(facts["required_hours"]))
