"""The costliest profiles found within every input limit (``pycore/data/input_limits.toml``).

Each shape pushes one part of the engine to its limit with the most jobs and tests allowed,
titles at their longest, an invitation date and a CRS section with a spouse:

- ``invitation_staggered``: issue 20's case, jobs staggered so that the counting changes
  every few days through the window, every requirement met on the invitation day (so each
  day up to the submission deadline is judged);
- ``shared_capped_days``: every job counted, each day over the weekly cap with a different
  total (each job's share has a large common denominator), a different NOC code per job;
- ``crs_ten_years``: the jobs spread over the CRS's ten-year window;
- ``tests_expiring_in_window``: a language result expiring on each day of the invitation window;
- ``category_one_day_steps``: in each listed code, a few hours short of a category's months
  while a light ongoing job adds a little each day (the date the months are reached is sought);
- ``category_continuous``: the same search on a date when the months must be continuous;
- ``projection_walk``: short of the year, many short jobs: the projection walks every
  change point, and the CRS the day each year leaves its window.

Used by ``bench_core.py --worst`` and by ``tests/core/test_bounded_work.py``.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from pycore.categories import eligibility as categories
from pycore.common.parameters import parameter
from pycore.validation import input_limits

APPLICATION_DATE = date(2026, 11, 21)
DAY = timedelta(days=1)
# The longest title, in four-byte characters: the most bytes to read and give back.
TITLE_CHARACTER = "\U0001d538"
SCORES = {"reading": 10, "writing": 10, "listening": 10, "speaking": 10}  # CELPIP: CLB 10
CONTINUOUS = next(
    value.effective
    for value in parameter("categories", "experience_continuous").values
    if value.value
)


def _primes(count: int) -> list[int]:
    found: list[int] = []
    candidate = 11
    while len(found) < count:
        if all(candidate % p for p in found if p * p <= candidate):
            found.append(candidate)
        candidate += 2
    return found


def _job(
    start: date, end: date | None, hours: float | Fraction, code: str | None
) -> dict[str, Any]:
    limits = input_limits()
    return {
        "title": TITLE_CHARACTER * limits.most_title_characters,
        "noc_code": code,
        "teer": int(code[1]) if code else 1,
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "hours_per_week": float(round(Fraction(hours), limits.hours_per_week_decimals)),
        "paid": True,
        "self_employed": False,
        "full_time_student": False,
        "work_authorized": True,
        "in_canada": True,
    }


def _test(taken: date, listening: int = 10) -> dict[str, Any]:
    return {"test": "celpip_general", "date": taken.isoformat(), **SCORES, "listening": listening}


def _tests(last: date) -> list[dict[str, Any]]:
    """The most results allowed, one every 20 days up to ``last``, all meeting CLB 9."""
    return [
        _test(last - DAY * (20 * i), 10 - i % 2) for i in range(input_limits().most_language_tests)
    ]


def _crs() -> dict[str, Any]:
    return {
        "date_of_birth": "1994-03-10",
        "education": "masters",
        "canadian_education": "one_or_two_year",
        "foreign_work_years": 2,
        "canadian_work_years": None,
        "certificate_of_qualification": True,
        "provincial_nomination": False,
        "sibling_in_canada": True,
        "spouse": {
            "education": "bachelors",
            "canadian_work_years": 1,
            "language_test": {
                "test": "ielts_general",
                "date": "2025-06-01",
                "reading": 7,
                "writing": 7,
                "listening": 7,
                "speaking": 7,
            },
        },
    }


def _profile(
    app: date, jobs: list[dict[str, Any]], tests: list[dict[str, Any]], invited: date
) -> dict[str, Any]:
    return {
        "application_date": app.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": jobs,
        "language_tests": tests,
        "invitation_date": invited.isoformat(),
        "crs": _crs(),
    }


def _busiest_codes(day: date, count: int) -> list[str]:
    """``count`` listed NOC codes, those in the most categories in force on ``day`` first."""
    listed = [c for c in categories.in_force(day) if c.kind == "occupation"]
    codes = sorted({code for c in listed for code in c.codes})
    return sorted(codes, key=lambda code: -sum(code in c.codes for c in listed))[:count]


def worst_profiles() -> dict[str, dict[str, Any]]:
    """Each adversarial shape by name (contract profiles within every input limit)."""
    limits = input_limits()
    jobs, app = limits.most_jobs, APPLICATION_DATE
    invited = app - DAY * 10
    cap = Fraction(parameter("work_experience", "weekly_hours_cap").value_at(app))
    codes = _busiest_codes(app, jobs)
    code = [codes[i % len(codes)] for i in range(jobs)]
    primes = _primes(jobs)
    shapes: dict[str, dict[str, Any]] = {}
    shapes["invitation_staggered"] = _profile(
        app,
        [
            _job(app - DAY * (1100 - 8 * i), app - DAY * (400 - 8 * i), 0.3, None)
            for i in range(jobs)
        ],
        [_test(invited)],
        invited,
    )
    shapes["shared_capped_days"] = _profile(
        app,
        [
            _job(
                app - DAY * (1090 - 5 * i),
                None if i % 2 else app - DAY * (2 + 5 * i),
                Fraction(primes[i], 100) + cap * 2 / 3,
                code[i],
            )
            for i in range(jobs)
        ],
        _tests(invited),
        invited,
    )
    shapes["crs_ten_years"] = _profile(
        app,
        [
            _job(
                app - DAY * (3650 - 36 * i),
                app - DAY * (3650 - 36 * i - 720),
                Fraction(primes[i], 100) + 1,
                code[i],
            )
            for i in range(jobs)
        ],
        _tests(invited),
        invited,
    )
    validity = parameter("language", "result_validity_years").value_at(app)
    shapes["tests_expiring_in_window"] = _profile(
        app,
        [_job(app - DAY * (1095 - 10 * i), None, 0.3 + i / 100, code[i]) for i in range(jobs)],
        [
            _test(invited.replace(year=invited.year - validity) + DAY * (2 * i + 1))
            for i in range(limits.most_language_tests)
        ],
        invited,
    )
    shapes["category_one_day_steps"] = _profile(
        app, _one_day_steps(app, jobs // 2, cap), _tests(invited), invited
    )
    continuous_app = max(CONTINUOUS, app.replace(year=app.year - 1))
    if not parameter("categories", "experience_continuous").value_at(continuous_app):
        continuous_app = CONTINUOUS + DAY * 200
    shapes["category_continuous"] = _profile(
        continuous_app,
        _one_day_steps(continuous_app, jobs // 2, cap),
        _tests(continuous_app - DAY * 5),
        continuous_app - DAY * 5,
    )
    shapes["projection_walk"] = _profile(
        app,
        [
            _job(app - DAY * (3000 - 30 * i), app - DAY * (2998 - 30 * i), 0.01 + i / 100, code[i])
            for i in range(jobs)
        ],
        _tests(invited),
        invited,
    )
    return shapes


def _one_day_steps(app: date, codes: int, cap: Fraction) -> list[dict[str, Any]]:
    """Per code, work at the cap ending just before ``app``, a few hours short of a
    category's months, then 0.01 hour a week ongoing: the months are reached (or not) only
    after many days, each adding almost nothing."""
    months = max(
        int(parameter("categories", "experience_months").value_at(app)),
        *(c.months or 0 for c in categories.in_force(app)),
    )
    hours = months * Fraction(parameter("categories", "hours_per_month").value_at(app)) - 3
    days = int(hours * 7 / cap)
    found = []
    for code in _busiest_codes(app, codes):
        found.append(_job(app - DAY * (days + 1), app - DAY * 2, cap, code))
        found.append(_job(app - DAY, None, Fraction(1, 100), code))
    return found
