"""Projection: the first application date on which the work requirement would be met.

IRPR 87.1(2)(a) counts work "within the three years before the date on which
their application for permanent residence is made", so moving the application
date later adds the days worked in between and drops days that leave the
window. Jobs with no end date are assumed to continue as entered; jobs with an
end date stop on it. The rules in force on the entered application date are
used for every later date (no future change is known to the data).

The qualifying total as a function of the application date is piecewise linear:
it changes slope only where a job starts or stops, where such a day leaves the
window, or around 29 February (the window's length in days changes). The search
walks those breakpoints and solves each linear piece, checking each piece is
linear and splitting it otherwise, instead of evaluating day after day.

Not modelled: anything that may change later (new jobs, studies, status).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import pairwise

from pycore.common.dates import ONE_DAY, shift_years, years_before
from pycore.programs.cec.work_experience import Counting, qualifying_units

_LEAP_CYCLE_YEARS = 4  # the window's length in days repeats every four years


def projected_date(basis: Counting, application_date: date) -> date | None:
    """First date after ``application_date`` on which the hours requirement is met, or None.

    None when the requirement is already met on ``application_date`` or can never
    be met with the jobs as entered.
    """
    if qualifying_units(basis, application_date) >= basis.required:
        return None
    years = basis.rules.window_years
    start = application_date.toordinal() + 1
    timeline = basis.timeline
    if not timeline.capped or timeline.capped[-1] == 0:
        # Nothing ongoing: all that will ever accrue from the next window's first day on.
        next_first = years_before(application_date + ONE_DAY, years).toordinal()
        if (
            timeline.accrued_before(max(timeline.starts, default=next_first))
            - timeline.accrued_before(next_first)
            < basis.required
        ):
            return None
    last_change = max(basis.timeline.starts, default=start)
    # Beyond this the window lies wholly after the last change: the total only varies
    # with the window's length, which a full leap cycle covers.
    horizon = max(start, last_change) + 366 * (years + _LEAP_CYCLE_YEARS)
    if horizon > date.max.toordinal():
        horizon = date.max.toordinal()
    points = sorted({start, horizon, *(_breakpoints(basis, start, horizon))})

    def total(day: int) -> int:
        return qualifying_units(basis, date.fromordinal(day))

    for low, high in zip(points, points[1:], strict=False):
        found = _first_in_piece(total, low, high, basis.required)
        if found is not None:
            return date.fromordinal(found)
    return None


def date_falling_below(basis: Counting, application_date: date, units: int) -> date | None:
    """First date after ``application_date`` on which the window holds fewer than ``units``.

    Days leave the window as it moves; jobs still running add days. None when the total
    never falls below ``units`` within the search horizon (a job running on at full time).
    Used by the CRS estimate for the day a year of Canadian work leaves its window.
    """
    years = basis.rules.window_years
    start = application_date.toordinal() + 1
    last_change = max(basis.timeline.starts, default=start)
    horizon = min(max(start, last_change) + 366 * (years + _LEAP_CYCLE_YEARS), date.max.toordinal())
    points = sorted({start, horizon, *(_breakpoints(basis, start, horizon))})

    def shortfall(day: int) -> int:  # at least 1 - units exactly when the total is under units
        return -qualifying_units(basis, date.fromordinal(day))

    for low, high in pairwise(points):
        found = _first_in_piece(shortfall, low, high, 1 - units)
        if found is not None:
            return date.fromordinal(found)
    return None


def _breakpoints(basis: Counting, start: int, horizon: int) -> Iterator[int]:
    """Application dates where the total's daily change may differ from the day before."""
    years = basis.rules.window_years
    for point in basis.timeline.starts:
        if start <= point <= horizon:
            yield point
        # A change point leaves the window when the window's first day passes it.
        leaves = shift_years(date.fromordinal(point), years).toordinal()
        for near in (leaves - 1, leaves, leaves + 1):
            if start <= near <= horizon:
                yield near
    first_year = date.fromordinal(start).year
    last_year = date.fromordinal(horizon).year
    for year in range(first_year, last_year + 1):
        for month, day in ((2, 28), (3, 1), (3, 2)):
            point = date(year, month, day).toordinal()
            if start <= point <= horizon:
                yield point


def _first_in_piece(total: Callable[[int], int], low: int, high: int, required: int) -> int | None:
    """The first day in [low, high) whose total reaches ``required``, or None.

    The piece is solved as a line; if its ends show it is not one (a breakpoint the
    list missed), it is split in two and each half searched, earlier half first.
    """
    stack = [(low, high)]
    while stack:
        lo, hi = stack.pop()
        first = total(lo)
        if first >= required:
            return lo
        if hi - lo <= 1:
            continue
        slope = total(lo + 1) - first
        if total(hi - 1) != first + slope * (hi - 1 - lo):
            middle = (lo + hi) // 2
            stack.append((middle, hi))
            stack.append((lo, middle))
            continue
        if slope > 0:
            steps = -((first - required) // slope)  # ceiling division in integers
            if lo + steps < hi:
                return lo + steps
    return None
