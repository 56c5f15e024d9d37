"""Contract input built from parts: a job entry and a profile body (``checker-contract``'s JSON)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common.dates import years_before

from .rules import APP, CAP


def job(
    start: date, end: date | None, hours: float = CAP, teer: int = 1, **facts: Any
) -> dict[str, Any]:
    """A job entry at ``hours`` a week (the weekly cap) that counts unless ``facts`` say not."""
    entry: dict[str, Any] = {
        "teer": teer,
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "hours_per_week": hours,
        "paid": True,
        "self_employed": False,
        "full_time_student": False,
        "work_authorized": True,
        "in_canada": True,
    }
    entry.update(facts)
    return entry


def contract_profile(
    jobs: list[dict[str, Any]] | None = None,
    tests: list[dict[str, Any]] | None = None,
    app: date = APP,
    quebec: bool = False,
) -> dict[str, Any]:
    """A profile body as the contract takes it, judged on ``app``."""
    return {
        "application_date": app.isoformat(),
        "plans_to_live_in_quebec": quebec,
        "jobs": jobs or [],
        "language_tests": tests or [],
    }


def crs_answers(age: int = 30, **changes: Any) -> dict[str, Any]:
    """The ranking answers of a single person ``age`` years old on APP with a bachelor's degree
    and nothing else that scores (no Canadian study, foreign work, certificate, nomination or
    sibling), with ``changes`` over them."""
    answers = {
        "date_of_birth": years_before(APP, age).isoformat(),
        "education": "bachelors",
        "canadian_education": "none",
        "foreign_work_years": 0,
        "canadian_work_years": None,
        "certificate_of_qualification": False,
        "provincial_nomination": False,
        "sibling_in_canada": False,
        "spouse": None,
    }
    return {**answers, **changes}
