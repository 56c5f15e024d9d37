"""Rule values and calendar arithmetic for the tests, read from ``pycore/data``.

The date helpers are the suite's own, not ``pycore.common.dates``: tests check the engine's dates
against an independent reading of the contract. Two ways to count days of work differ on
purpose: ``exact_days_for`` for a boundary that must fall on a whole day (an error otherwise),
``days_to_reach`` for the first whole day on which the hours are reached.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from pycore.common.parameters import parameter

APP = date(2026, 11, 21)  # the application date tests are judged on unless they say otherwise


def rule(file: str, key: str, on: date = APP) -> Any:
    """A rule value in force on ``on`` from ``pycore/data/<file>.toml``."""
    return parameter(file, key).value_at(on)


REQUIRED = rule("work_experience", "hours_required")  # on APP
CAP = rule("work_experience", "weekly_hours_cap")  # on APP


def level_for_teer(teer: int, on: date = APP) -> int:
    """The language level a main occupation of TEER ``teer`` needs (language.minimum_level)."""
    for item in rule("language", "minimum_level", on):
        if teer in item["teers"]:
            return int(item["level"])
    raise LookupError(f"language.minimum_level gives no level for TEER {teer} on {on}")


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 28 February when that day does not exist."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def years_after(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 28 February when that day does not exist."""
    return years_before(day, -years)


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it has none."""
    year, month = divmod(day.month - 1 + months, 12)
    first_next = date(day.year + year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return min(
        date(day.year + year, month + 1, 1) + timedelta(days=day.day - 1),
        first_next - timedelta(days=1),
    )


def exact_days_for(hours: int | Fraction, per_week: int | Fraction) -> int:
    """Days at ``per_week / 7`` hours a day that accrue exactly ``hours``; error if not whole."""
    days = Fraction(hours) * 7 / Fraction(per_week)
    if days.denominator != 1:
        raise ValueError(f"{hours} h at {per_week} h/week is not a whole number of days")
    return int(days)


def days_to_reach(hours: int | Fraction, per_week: int | Fraction) -> int:
    """The fewest whole days at ``per_week / 7`` hours a day that accrue at least ``hours``."""
    return -(-Fraction(hours) * 7 // Fraction(per_week))
