"""Calendar arithmetic: years before a day, and when something stops being under n years old."""

from __future__ import annotations

from datetime import date, timedelta

from pycore.common.dates import first_day_not_younger, shift_years, years_before


def test_same_calendar_day() -> None:
    """An ordinary day shifts to the same month and day."""
    assert years_before(date(2026, 11, 21), 3) == date(2023, 11, 21)
    assert shift_years(date(2023, 11, 21), 3) == date(2026, 11, 21)


def test_29_february_becomes_28_february() -> None:
    """29 February shifts to 28 February in a year without one, and stays in a leap year."""
    assert years_before(date(2028, 2, 29), 3) == date(2025, 2, 28)
    assert years_before(date(2028, 2, 29), 4) == date(2024, 2, 29)


def test_first_day_not_younger_is_consistent_with_years_before() -> None:
    """For four years of start days, the day found is the first d with years_before(d) >= start."""
    start = date(2023, 1, 1)
    for offset in range(4 * 366):
        day = start + timedelta(days=offset)
        found = first_day_not_younger(day, 2)
        assert years_before(found, 2) >= day > years_before(found - timedelta(days=1), 2)


def test_29_february_start_is_under_two_years_through_28_february() -> None:
    """Something dated 29 February is still under two years old on 28 February two years on."""
    assert first_day_not_younger(date(2024, 2, 29), 2) == date(2026, 3, 1)
