"""Projection: the first later application date on which the hours requirement is met."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from fractions import Fraction

import pytest
from support.contract import job
from support.engine import parsed_profile, random_jobs
from support.rules import APP, days_to_reach

from pycore.programs.cec.projection import projected_date
from pycore.programs.cec.work_experience import Rules, counting, qualifying_units, window
from pycore.validation import input_limits

RULES = Rules.on(APP)
FULL_DAYS = days_to_reach(RULES.hours_required, RULES.weekly_cap)  # at the cap
DAY = timedelta(days=1)


def scan(jobs_profile_app: date, basis: object, years: int = 9) -> date | None:
    """The first date found by trying every day (the slow, obvious way)."""
    day = jobs_profile_app + DAY
    while day < jobs_profile_app + timedelta(days=366 * years):
        if qualifying_units(basis, day) >= basis.required:  # type: ignore[arg-type,attr-defined]
            return day
        day += DAY
    return None


def test_met_today_has_no_projection() -> None:
    """When the requirement is already met there is no projected date."""
    jobs = parsed_profile([job(APP - FULL_DAYS * DAY, None)]).jobs
    assert projected_date(counting(jobs, RULES), APP) is None


def test_ongoing_full_time_job_projects_to_the_day_it_completes() -> None:
    """An ongoing job at the cap reaches the hours the day after its required-th day of work."""
    start = APP - 100 * DAY
    jobs = parsed_profile([job(start, None)]).jobs
    assert projected_date(counting(jobs, RULES), APP) == start + FULL_DAYS * DAY


def test_ended_short_job_never_reaches() -> None:
    """A job that has ended short, with nothing ongoing, never reaches the hours."""
    jobs = parsed_profile([job(APP - 200 * DAY, APP - 10 * DAY)]).jobs
    assert projected_date(counting(jobs, RULES), APP) is None


def test_old_hours_leaving_the_window_can_make_it_unreachable() -> None:
    """Part-time hours that leave the window faster than new ones arrive never add up."""
    first, _ = window(APP, RULES)
    jobs = parsed_profile(
        [job(first - 300 * DAY, APP - 400 * DAY, 15), job(APP - 30 * DAY, None, 5)]
    ).jobs
    basis = counting(jobs, RULES)
    assert projected_date(basis, APP) is None is scan(APP, basis)


def test_future_job_counts_once_started() -> None:
    """A job starting after the application date is projected from its start."""
    start = APP + 50 * DAY
    jobs = parsed_profile([job(start, None)]).jobs
    assert projected_date(counting(jobs, RULES), APP) == start + FULL_DAYS * DAY


@pytest.mark.parametrize("seed", range(30))
def test_projection_matches_day_by_day_scan(seed: int) -> None:
    """Random profiles: the piecewise search finds the same date as trying every day."""
    rng = random.Random(1000 + seed)
    app = APP + timedelta(days=rng.randint(-500, 500))
    checked = parsed_profile(random_jobs(rng, app, rng.randint(1, 5)), app=app)
    basis = counting(checked.jobs, Rules.on(app))
    if qualifying_units(basis, app) >= basis.required:
        assert projected_date(basis, app) is None
    else:
        assert projected_date(basis, app) == scan(app, basis)


def test_window_length_in_leap_years_decides_a_marginal_rate() -> None:
    """A rate that reaches the hours only in a window holding 29 February is found there."""
    # Weekly hours such that 1,095 days fall short and 1,096 days reach the requirement,
    # at the precision hours are kept to (0.01).
    step = input_limits().hours_step
    hours = float(math.ceil(RULES.hours_required * 7 / 1096 / step) * step)
    assert Fraction(repr(hours)) * 1095 / 7 < RULES.hours_required
    app = date(2027, 6, 1)  # its window holds no 29 February
    jobs = parsed_profile([job(app - 2000 * DAY, None, hours)], app=app).jobs
    basis = counting(jobs, Rules.on(app))
    assert qualifying_units(basis, app) < basis.required
    assert projected_date(basis, app) == scan(app, basis) is not None
