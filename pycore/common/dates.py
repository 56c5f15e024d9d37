"""Calendar arithmetic shared by every rule that counts years (window, result validity).

One convention everywhere: "n years before a day" is the same calendar day n
years earlier, or 28 February when that day does not exist (29 February in a
non-leap year). A span that must be "less than n years" long is measured with
the same function, so the work window and test validity cannot disagree.
"""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def shift_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (or earlier); 28 February if it does not exist."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` before ``day`` (28 February when that day does not exist)."""
    return shift_years(day, -years)


def first_day_not_younger(start: date, years: int) -> date:
    """The first day ``d`` on which ``start`` is no longer less than ``years`` old.

    Something dated ``start`` is less than ``years`` old on ``d`` when ``start`` is
    after ``years_before(d, years)``. For 29 February that first day is 1 March,
    so a result dated 29 February 2024 is still valid on 28 February 2026.
    """
    candidate = shift_years(start, years)
    while years_before(candidate, years) < start:
        candidate += ONE_DAY
    return candidate


def add_months(day: date, months: int) -> date:
    """The same day ``months`` months later; the last day of that month when it has none."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has 28 days


def age_on(born: date, day: date) -> int:
    """Completed years on ``day`` (a 29 February birthday counts on 28 February)."""
    age = day.year - born.year
    return age if shift_years(born, age) <= day else age - 1
