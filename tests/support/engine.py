"""Engine-level helpers: a parsed profile, random jobs, and day-by-day oracles.

The oracles recount hours one day at a time with Fractions, the slow obvious way,
so the engine's segment arithmetic is checked against the contract's own words.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from pycore.common.dates import years_before
from pycore.common.profile import Job, Profile
from pycore.programs.cec.work_experience import Rules
from pycore.validation import parse_profile

from .contract import contract_profile, job
from .rules import APP

# The reason codes agreed for the contract's results (requirement reasons, job exclusions,
# test validity); the scenario suite must expect each and the engine must emit each.
AGREED_REASON_CODES = frozenset(
    {
        "work.meets_year",
        "work.short_of_year",
        "work.no_jobs",
        "language.meets_clb",
        "language.below_clb",
        "language.no_test",
        "language.no_valid_test",
        "language.level_unknown",
        "quebec.outside_quebec",
        "quebec.plans_quebec",
        "rules.date_not_supported",
        "job.teer_not_eligible",
        "job.unpaid",
        "job.self_employed",
        "job.full_time_student",
        "job.not_authorized",
        "job.outside_canada",
        "job.outside_window",
        "test.expired",
        "test.after_application",
        "test.not_yet_accepted",
    }
)


def parsed_profile(
    jobs: list[dict[str, Any]] | None = None,
    tests: list[dict[str, Any]] | None = None,
    app: date = APP,
    quebec: bool = False,
) -> Profile:
    """A checked profile (pycore's own type) from contract entries."""
    return parse_profile(contract_profile(jobs, tests, app, quebec))


def naive_hours(jobs: tuple[Job, ...], app: date) -> tuple[Fraction, list[Fraction]]:
    """Total and per-job qualifying hours counted one day at a time (the contract's words)."""
    rules = Rules.on(app)
    first, last = years_before(app, rules.window_years), app - timedelta(days=1)
    per_job = [Fraction(0)] * len(jobs)
    total = Fraction(0)
    cap = rules.weekly_cap / 7
    day = first
    while day <= last:
        active = [
            i
            for i, j in enumerate(jobs)
            if j.teer in rules.eligible_teers
            and j.paid
            and not j.self_employed
            and not j.full_time_student
            and j.work_authorized
            and j.in_canada
            and j.start <= day
            and (j.end is None or day <= j.end)
        ]
        rate = sum((jobs[i].hours_per_week / 7 for i in active), Fraction(0))
        counted = min(rate, cap)
        total += counted
        for i in active:
            per_job[i] += jobs[i].hours_per_week / 7 * counted / rate
        day += timedelta(days=1)
    return total, per_job


def random_jobs(rng: random.Random, app: date, count: int) -> list[dict[str, Any]]:
    """Random overlapping jobs around the window, some ongoing, some excluded."""
    result = []
    for _ in range(count):
        start = app - timedelta(days=rng.randint(-200, 1600))
        end = None if rng.random() < 0.3 else start + timedelta(days=rng.randint(0, 900))
        hours = rng.choice([5, 10, 12.5, 15, 20, 22.5, 30, 37.5, 40, 7.3])
        teer = rng.choice([0, 1, 2, 3, 3, 4])
        result.append(job(start, end, hours, teer, paid=rng.random() > 0.1))
    return result
