"""FSW minimum requirements (IRPR 75(2)): one continuous year in one skilled occupation in
10 years, the language threshold in all four abilities, an assessed education."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from pycore.common.parameters import parameter
from pycore.common.profile import Job, Profile
from pycore.common.skilled_work import (
    Judged,
    answers,
    by_occupation,
    continuous_runs,
    excluded,
    hours,
    hours_between,
    reaches,
    test_facts,
    valid_results,
    weekly_cap,
    window,
)


def counting_jobs(profile: Profile, day: date) -> list[Job]:
    """The jobs whose hours count for FSW: TEER 0-3 and not excluded by their facts."""
    teers = set(parameter("fsw", "eligible_teers").value_at(day))
    return [job for job in profile.jobs if job.teer in teers and excluded(job) is None]


def best_continuous(profile: Profile, day: date) -> tuple[str | None, Fraction]:
    """The occupation with the most hours in one unbroken run inside the window, and those hours."""
    first, last = window(day, int(parameter("fsw", "window_years").value_at(day)))
    cap = weekly_cap(day)
    best: tuple[str | None, Fraction] = (None, Fraction(0))
    for key, jobs in sorted(by_occupation(counting_jobs(profile, day)).items()):
        for run in continuous_runs(jobs, last):
            got = hours_between(run, first, last, cap)
            if got > best[1]:
                best = (key, got)
    return best


def work_experience(profile: Profile, day: date) -> Judged:
    """At least the year's hours in one occupation over a continuous period, in the window."""
    years = int(parameter("fsw", "window_years").value_at(day))
    required = Fraction(parameter("fsw", "hours_required").value_at(day))
    first, last = window(day, years)
    occupation, got = best_continuous(profile, day)
    facts: dict[str, Any] = {
        "best_continuous_hours": hours(got, below=required),
        "required_hours": hours(required),
        "hours_short": hours(max(required - got, Fraction(0))),
        "primary_occupation": occupation,
        "window_start": first.isoformat(),
        "window_end": last.isoformat(),
        "window_years": years,
    }
    if not profile.jobs:
        return Judged("work_experience", None, "fsw.work_no_jobs", facts, ("jobs",))
    if got >= required:
        return Judged("work_experience", True, "fsw.work_met", facts)
    return Judged("work_experience", False, "fsw.work_short", facts)


def language(profile: Profile, day: date) -> Judged:
    """A valid result at the threshold in all four abilities of one official language."""
    level = int(parameter("fsw", "language_minimum_clb").value_at(day))
    facts: dict[str, Any] = {"level_needed": level}
    if not profile.language_tests:
        return Judged("language", None, "fsw.language_no_test", facts, ("language_tests",))
    results = valid_results(profile)
    if not results:
        return Judged("language", False, "fsw.language_no_valid_test", facts)
    needed = dict.fromkeys(("reading", "writing", "listening", "speaking"), level)
    meeting = [result for result in results if reaches(result, needed)]
    best = meeting[0] if meeting else max(results, key=lambda r: r.lowest_level)
    facts.update(test_facts(best))
    facts["lowest_level"] = best.lowest_level
    if meeting:
        return Judged("language", True, "fsw.language_met", facts)
    return Judged("language", False, "fsw.language_below", facts)


def education(profile: Profile) -> Judged:
    """A Canadian credential, or a foreign one with an equivalency assessment (75(2)(e))."""
    ee = answers(profile)
    level = profile.crs.education if profile.crs else None
    facts: dict[str, Any] = {"education": level}
    missing = tuple(
        path
        for path, value in (
            ("crs.education", level),
            ("express_entry.education_assessed", ee.education_assessed),
        )
        if value is None
    )
    if level == "none":
        return Judged("education", False, "fsw.education_none", facts)
    if ee.education_assessed is False:
        return Judged("education", False, "fsw.education_not_assessed", facts)
    if missing:
        return Judged("education", None, "fsw.education_missing", facts, missing)
    return Judged("education", True, "fsw.education_met", facts)
