"""Shared machinery of the Federal Skilled Worker and Federal Skilled Trades programs.

Both count work in or outside Canada with the CEC's hours arithmetic (``work_experience``'s
``Timeline``: hours a week / 7 on each day worked, at most the weekly cap a day across the
jobs counted together), but with their own exclusions, recorded as the ``choice`` of
``fsw.hours_rules_abroad``: unpaid work and self-employment never count, work in Canada
counts only with authorization, work while a full-time student counts. Both also need the
same settlement funds (IRPR 76(1)(b), 87.2(5)), a valid language result, and the answers of
the ``express_entry`` object. Programs import this module; it imports no program.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from pycore.common import messages
from pycore.common.dates import ONE_DAY, years_before
from pycore.common.express_entry_profile import UNANSWERED, ExpressEntry, JobOffer
from pycore.common.figures import hours as rounded
from pycore.common.hours import DAYS_PER_WEEK, Timeline
from pycore.common.language_tests import TestResult, judge_test
from pycore.common.parameters import parameter
from pycore.common.profile import Job, Profile

ABILITIES: tuple[str, ...] = ("reading", "writing", "listening", "speaking")


def answers(profile: Profile) -> ExpressEntry:
    """The ``express_entry`` answers, every one missing when the profile has no such object."""
    return profile.express_entry or UNANSWERED


def weekly_cap(day: date) -> Fraction:
    """The most hours a week that count across jobs (the CEC's cap, IRPR 73(1), 80(4))."""
    return Fraction(parameter("work_experience", "weekly_hours_cap").value_at(day))


def excluded(job: Job) -> str | None:
    """Why a job's hours cannot count for FSW or FST whatever its occupation, or None."""
    if not job.paid:
        return "job.unpaid"
    if job.self_employed:
        return "job.self_employed"
    if job.in_canada and not job.work_authorized:
        return "job.not_authorized"
    return None


def hours_between(jobs: Sequence[Job], first: date, last: date, cap: Fraction) -> Fraction:
    """Exact hours the ``jobs`` accrue on days ``first``..``last``, at most ``cap`` a week
    across them all (an ongoing job runs on)."""
    if not jobs or last < first:
        return Fraction(0)
    denominator = math.lcm(cap.denominator, *(job.hours_per_week.denominator for job in jobs))
    spans = [
        (
            job.start.toordinal(),
            job.end.toordinal() if job.end else None,
            int(job.hours_per_week * denominator),
        )
        for job in jobs
    ]
    timeline = Timeline(spans, int(cap * denominator))
    units = timeline.accrued(first.toordinal(), last.toordinal() + 1)
    return Fraction(units, DAYS_PER_WEEK * denominator)


def window(day: date, years: int) -> tuple[date, date]:
    """The ``years`` before the application date: same calendar day, to the day before."""
    return years_before(day, years), day - ONE_DAY


def by_occupation(jobs: Sequence[Job]) -> dict[str, list[Job]]:
    """Jobs grouped by NOC code (by TEER where no code is given), in entry order."""
    groups: dict[str, list[Job]] = {}
    for job in jobs:
        key = job.noc_code if job.noc_code is not None else f"teer {job.teer}"
        groups.setdefault(key, []).append(job)
    return groups


def continuous_runs(jobs: Sequence[Job], last: date) -> list[list[Job]]:
    """The jobs joined into unbroken runs of days: a job starting on or before the day after
    the run's last day joins it (see ``fsw.continuous``)."""
    runs: list[list[Job]] = []
    run_end: date | None = None
    for job in sorted(jobs, key=lambda item: item.start):
        end = min(job.end or last, last)
        if runs and run_end is not None and job.start <= run_end + ONE_DAY:
            runs[-1].append(job)
            run_end = max(run_end, end)
        else:
            runs.append([job])
            run_end = end
    return runs


def authorized_now(profile: Profile) -> bool:
    """Whether a job shows the person authorized to work in Canada on the application date: in
    Canada, authorized, ongoing or ending on or after the day before (``fsw.funds_waiver``)."""
    day_before = profile.application_date - ONE_DAY
    return any(
        job.in_canada and job.work_authorized and (job.end is None or job.end >= day_before)
        for job in profile.jobs
    )


def valid_results(profile: Profile) -> list[TestResult]:
    """The language results valid on the application date, in entry order."""
    results = [judge_test(test, profile.application_date) for test in profile.language_tests]
    return [result for result in results if result.valid and result.levels is not None]


def reaches(result: TestResult, levels: dict[str, int]) -> bool:
    """Whether a result reaches ``levels`` (ability to level) in every ability."""
    got = result.levels or {}
    return all(got.get(ability, 0) >= level for ability, level in levels.items())


def test_facts(result: TestResult) -> dict[str, Any]:
    """A result as sentences name it: the test, its date, its level in each ability."""
    chart = result.chart
    return {
        "test_name": chart.name if chart else result.test.test,
        "test_date": result.test.date.isoformat(),
        "level_name": chart.level_name if chart else "CLB",
        "levels": dict(result.levels or {}),
    }


def funds_needed(size: int, day: date) -> int:
    """The settlement funds a family of ``size`` needs on ``day`` (``fsw.settlement_funds``)."""
    table = parameter("fsw", "settlement_funds").value_at(day)
    sizes: list[int] = table["by_size"]
    if size <= len(sizes):
        return int(sizes[size - 1])
    return int(sizes[-1] + (size - len(sizes)) * table["each_additional"])


def hours(value: Fraction, below: Fraction | None = None) -> float | int:
    """Hours for output, rounded as the CEC's (``common.figures.hours``: one decimal, never up
    to ``below``)."""
    return rounded(value, below)


def money(value: Fraction) -> int | float:
    """Dollars for output: whole dollars as integers, cents kept."""
    return int(value) if value.denominator == 1 else float(round(value, 2))


@dataclass(frozen=True)
class Judged:
    """One requirement: met or not or unknown, its reason, figures, and the inputs it lacks."""

    id: str
    met: bool | None
    reason: str
    facts: dict[str, Any]
    missing: tuple[str, ...] = ()

    def entry(self) -> dict[str, Any]:
        """The contract's requirement entry, its sentence rendered."""
        return {
            "id": self.id,
            "met": self.met,
            "reasons": [self.reason],
            "message": messages.render(self.reason, self.facts),
            "facts": self.facts,
            "missing": list(self.missing),
        }


def funds(profile: Profile, waived_by_offer: bool | None) -> Judged:
    """The funds requirement: enough for the family, or not needed with a qualifying offer
    (``waived_by_offer``: True, False, or None when the offer is unanswered) and authorization
    to work in Canada now."""
    ee = answers(profile)
    day = profile.application_date
    now = authorized_now(profile)
    facts: dict[str, Any] = {"authorized_now": now, "family_size": ee.family_size}
    if waived_by_offer and now:
        return Judged("funds", True, "funds.waived", facts)
    missing = tuple(
        path
        for path, value in (
            ("express_entry.settlement_funds", ee.settlement_funds),
            ("express_entry.family_size", ee.family_size),
        )
        if value is None
    )
    if ee.settlement_funds is None or ee.family_size is None:
        if now and waived_by_offer is None:
            missing = ("express_entry.job_offer", *missing)
        return Judged("funds", None, "funds.missing", facts, missing)
    needed = funds_needed(ee.family_size, day)
    facts.update(
        funds=money(ee.settlement_funds),
        funds_needed=needed,
        funds_short=money(max(needed - ee.settlement_funds, Fraction(0))),
    )
    if ee.settlement_funds >= needed:
        return Judged("funds", True, "funds.enough", facts)
    if now and waived_by_offer is None:
        return Judged("funds", None, "funds.missing", facts, ("express_entry.job_offer",))
    return Judged("funds", False, "funds.short", facts)


def overall(judged: Sequence[Judged]) -> tuple[bool | None, list[str]]:
    """A program's ``met`` from its requirements, and the inputs it lacks (sorted) when unknown."""
    results = [item.met for item in judged]
    if any(met is False for met in results):
        return False, []
    if all(met is True for met in results):
        return True, []
    return None, sorted({path for item in judged if item.met is None for path in item.missing})


def offer_known(ee: ExpressEntry) -> tuple[JobOffer | None, bool]:
    """The job offer and whether the question was answered."""
    return ee.job_offer, ee.job_offer_answered
