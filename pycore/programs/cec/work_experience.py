"""Work experience: one year of full-time work (or its part-time equivalent) in three years.

IRPR 87.1(2)(a): the person "has acquired in Canada, within the three years before
the date on which their application for permanent residence is made, at least
one year of full-time work experience, or the equivalent in part-time work
experience, in one or more occupations ... listed in TEER Category 0, 1, 2 or 3".
87.1(3): periods of full-time study, self-employment or unauthorized work are
excluded, and the person must have had temporary resident status. s.73: full-time
work is 30 hours a week; work is an activity for which wages are paid or
commission is earned. IRCC counts one year as 1,560 hours, at most 30 a week.
https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/who-can-apply/canadian-experience-class.html

Not modelled: the NOC lead statement and main duties (87.1(2)(b)-(c)),
restricted occupations (none known to be designated), admissibility, and the
temporary public policy for physicians' fee-for-service work.

Arithmetic is exact: hours are kept as integers in units of 1/(7*D) hour, where D
clears every decimal in the input (at most 100: validation keeps hours a week to 0.01,
see pycore/data/input_limits.toml), so a day at h hours a week accrues h*D units.
The daily total across counting jobs is capped at the weekly cap / 7, and a
capped day is shared among its jobs in proportion to their hours (``job_hours``).
For 87.1(2)(e) each occupation's experience is counted on its own, capped the same
way (``occupation_hours``): see ``work_experience``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from pycore.common.dates import ONE_DAY, years_before
from pycore.common.hours import DAYS_PER_WEEK as DAYS_PER_WEEK
from pycore.common.hours import Timeline as Timeline
from pycore.common.parameters import parameter
from pycore.common.profile import Job


@dataclass(frozen=True)
class Rules:
    """The work-experience numbers in force on an application date, from ``pycore/data``."""

    hours_required: Fraction
    weekly_cap: Fraction
    window_years: int
    eligible_teers: frozenset[int]

    @classmethod
    def on(cls, day: date) -> Rules:
        """The rules in force on ``day``."""
        return cls(
            hours_required=Fraction(parameter("work_experience", "hours_required").value_at(day)),
            weekly_cap=Fraction(parameter("work_experience", "weekly_hours_cap").value_at(day)),
            window_years=parameter("work_experience", "window_years").value_at(day),
            eligible_teers=frozenset(parameter("work_experience", "eligible_teers").value_at(day)),
        )


def window(application_date: date, rules: Rules) -> tuple[date, date]:
    """The first and last day of the window: "within the three years before the date ... made".

    From the same calendar day three years earlier (28 February when that day does
    not exist) to the day before the application date, both included.
    """
    return years_before(application_date, rules.window_years), application_date - ONE_DAY


def exclusion_reasons(job: Job, rules: Rules) -> tuple[str, ...]:
    """Every reason the job's hours cannot count whatever the dates, in the order checked.

    87.1(2)(a) "TEER Category 0, 1, 2 or 3"; s.73(2) "wages are paid or commission
    is earned"; 87.1(3)(b) "self-employment or unauthorized work"; 87.1(3)(a) "engaged
    in full-time study"; 87.1(3)(c) "temporary resident status"; 87.1(2)(a) "in Canada".
    """
    checks = (
        (job.teer not in rules.eligible_teers, "job.teer_not_eligible"),
        (not job.paid, "job.unpaid"),
        (job.self_employed, "job.self_employed"),
        (job.full_time_student, "job.full_time_student"),
        (not job.work_authorized, "job.not_authorized"),
        (not job.in_canada, "job.outside_canada"),
    )
    return tuple(code for failed, code in checks if failed)


def excluded_by_facts(job: Job, rules: Rules) -> str | None:
    """The first reason the job's hours cannot count whatever the dates, or None when they can."""
    reasons = exclusion_reasons(job, rules)
    return reasons[0] if reasons else None


def occupation(job: Job) -> str:
    """The key that groups jobs into one occupation: the NOC code, or the TEER without one."""
    return job.noc_code if job.noc_code is not None else f"teer {job.teer}"


@dataclass(frozen=True)
class Counting:
    """The counting jobs of a profile in integer units: the shared basis of every hour sum."""

    rules: Rules
    unit: Fraction  # hours in one unit
    cap: int  # units a day
    required: int  # units (whole: accrued units are whole, so the ceiling decides the same)
    timeline: Timeline
    rates: tuple[int, ...]  # daily units per job (0 for a job excluded by its facts)
    exclusions: tuple[str | None, ...]  # by facts only


def counting(jobs: Sequence[Job], rules: Rules) -> Counting:
    """Put every job's facts and hours on the common integer scale and build the timeline."""
    denominator = math.lcm(
        rules.weekly_cap.denominator, *(j.hours_per_week.denominator for j in jobs)
    )
    exclusions = tuple(excluded_by_facts(job, rules) for job in jobs)
    rates = tuple(
        0 if reason else int(job.hours_per_week * denominator)
        for job, reason in zip(jobs, exclusions, strict=True)
    )
    spans = [
        (job.start.toordinal(), job.end.toordinal() if job.end else None, rate)
        for job, rate in zip(jobs, rates, strict=True)
        if rate
    ]
    cap = int(rules.weekly_cap * denominator)
    return Counting(
        rules=rules,
        unit=Fraction(1, DAYS_PER_WEEK * denominator),
        cap=cap,
        required=math.ceil(rules.hours_required * DAYS_PER_WEEK * denominator),
        timeline=Timeline(spans, cap),
        rates=rates,
        exclusions=exclusions,
    )


def qualifying_units(basis: Counting, application_date: date) -> int:
    """Capped units accrued by the counting jobs inside the window of ``application_date``."""
    first, last = window(application_date, basis.rules)
    return basis.timeline.accrued(first.toordinal(), last.toordinal() + 1)


@dataclass(frozen=True)
class OccupationHours:
    """One occupation's experience in the window, counted on its own (87.1(2)(e))."""

    occupation: str
    teer: int
    hours: Fraction


def occupation_hours(
    jobs: Sequence[Job], counted: Sequence[bool], basis: Counting, application_date: date
) -> tuple[OccupationHours, ...]:
    """Each occupation's hours in the window from its counting jobs alone, capped per day.

    The weekly cap applies to each occupation's own jobs, not to all jobs together,
    so concurrent work in another occupation never lowers this occupation's figure.
    Highest first; on equal hours, lower TEER number first.
    """
    first, last = window(application_date, basis.rules)
    spans: dict[str, list[tuple[int, int | None, int]]] = {}
    teers: dict[str, int] = {}
    for job, rate, counts in zip(jobs, basis.rates, counted, strict=True):
        if counts and rate:
            key = occupation(job)
            teers.setdefault(key, job.teer)
            spans.setdefault(key, []).append(
                (job.start.toordinal(), job.end.toordinal() if job.end else None, rate)
            )
    found = [
        OccupationHours(
            key,
            teers[key],
            Timeline(spans[key], basis.cap).accrued(first.toordinal(), last.toordinal() + 1)
            * basis.unit,
        )
        for key in spans
    ]
    return tuple(sorted(found, key=lambda item: (-item.hours, item.teer, item.occupation)))


@dataclass(frozen=True)
class WorkExperience:
    """The outcome of the work requirement on one application date, with exact hours."""

    met: bool | None
    reason: str
    qualifying_hours: Fraction
    required_hours: Fraction
    window: tuple[date, date]
    job_hours: tuple[Fraction, ...]
    job_exclusions: tuple[str | None, ...]
    main_occupation: str | None
    main_teer: int | None
    basis: Counting
    occupation_hours: tuple[OccupationHours, ...] = ()
    job_reasons: tuple[tuple[str, ...], ...] = ()  # every reason each job was left out
    job_uncapped_hours: tuple[Fraction, ...] = ()  # as entered, before the weekly cap
    job_shared_with: tuple[tuple[int, ...], ...] = ()  # jobs it shared capped days with


class WorkByDay:
    """The work requirement judged on many application dates from one set of jobs: met or
    not, and the main occupation's TEER (what the language level depends on).

    For the invitation's days: ``work_experience`` on each of them would rebuild the timeline
    and every job's share, day after day. Here the counting basis and each occupation's
    timeline are built once for each set of rules in force, so a day costs a few bisections
    of the timelines' change points per occupation. Same figures as ``work_experience``.
    """

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.jobs = tuple(jobs)
        self._prepared: dict[Rules, tuple[Counting, dict[str, tuple[int, Timeline]]]] = {}

    def _prepare(self, rules: Rules) -> tuple[Counting, dict[str, tuple[int, Timeline]]]:
        if rules not in self._prepared:
            basis = counting(self.jobs, rules)
            spans: dict[str, list[tuple[int, int | None, int]]] = {}
            teers: dict[str, int] = {}
            for job, rate in zip(self.jobs, basis.rates, strict=True):
                if rate:
                    key = occupation(job)
                    teers.setdefault(key, job.teer)
                    spans.setdefault(key, []).append(
                        (job.start.toordinal(), job.end.toordinal() if job.end else None, rate)
                    )
            # A job outside the window adds nothing to its occupation's days inside it.
            occupations = {key: (teers[key], Timeline(spans[key], basis.cap)) for key in spans}
            self._prepared[rules] = (basis, occupations)
        return self._prepared[rules]

    def on(self, day: date) -> tuple[bool | None, int | None]:
        """``met`` and ``main_teer`` of ``work_experience(jobs, day)``."""
        basis, occupations = self._prepare(Rules.on(day))
        first, last = window(day, basis.rules)
        start, stop = first.toordinal(), last.toordinal() + 1
        # An occupation counts when one of its jobs does, which is exactly when it accrued
        # something in the window (a counting job adds at least one unit a day).
        ranked = [
            (-units, teer, key)
            for key, (teer, timeline) in occupations.items()
            if (units := timeline.accrued(start, stop)) > 0
        ]
        main_teer = min(ranked)[1] if ranked else None
        if not self.jobs:
            return None, main_teer
        return qualifying_units(basis, day) >= basis.required, main_teer


def sharing(
    jobs: Sequence[Job], counted: Sequence[bool], basis: Counting, first: date, last: date
) -> tuple[tuple[int, ...], ...]:
    """For each job, the other counting jobs it ran beside on a day in the window when the
    cap was passed (``()`` for a job that does not count).

    Found once for all jobs: between two of the timeline's change points the same jobs
    run, so each stretch over the cap inside the window joins the counting jobs running
    on its first day. (Walking every pair of jobs at every change point cost seconds for
    a hundred jobs staggered through the window.)
    """
    timeline = basis.timeline
    low, high = first.toordinal(), last.toordinal()
    spans = [
        (index, job.start.toordinal(), job.end.toordinal() if job.end else high)
        for index, job in enumerate(jobs)
        if counted[index]
    ]
    together: set[int] = set()  # each stretch's running jobs, as bits (distinct sets only)
    for position, point in enumerate(timeline.starts):
        if timeline.raw[position] <= basis.cap or point > high:
            continue
        if position + 1 < len(timeline.starts) and timeline.starts[position + 1] <= low:
            continue  # the stretch ends before the window
        day = max(point, low)
        together.add(sum(1 << index for index, start, end in spans if start <= day <= end))
    partners = [0] * len(jobs)
    for running in together:
        for index, _start, _end in spans:
            if running >> index & 1:
                partners[index] |= running
    return tuple(
        tuple(
            other for other in range(len(jobs)) if other != index and partners[index] >> other & 1
        )
        for index in range(len(jobs))
    )


def work_experience(jobs: Sequence[Job], application_date: date) -> WorkExperience:
    """Whether the jobs give "at least one year of full-time work experience" in the window.

    Each counting job accrues ``hours_per_week / 7`` on each day worked inside the
    window; no more than the weekly cap / 7 counts on any day across all jobs. The
    occupation with the greater amount of experience (87.1(2)(e)) is found by NOC
    code, or by TEER for jobs without one, each occupation's hours counted on its own
    (at most the weekly cap in that occupation, see ``occupation_hours``); on a tie,
    the one with the higher TEER requirement (lower TEER number) is taken, which
    never overstates eligibility. The reading is recorded as a ``choice`` in
    ``pycore/data/work_experience.toml`` (``main_occupation``).
    """
    rules = Rules.on(application_date)
    basis = counting(jobs, rules)
    first, last = window(application_date, rules)
    job_hours: list[Fraction] = []
    uncapped: list[Fraction] = []
    exclusions: list[str | None] = []
    all_reasons: list[tuple[str, ...]] = []
    for job, rate, reason in zip(jobs, basis.rates, basis.exclusions, strict=True):
        begin, end = max(job.start, first), min(job.end or last, last)
        reasons = exclusion_reasons(job, rules)
        if end < begin:
            reasons += ("job.outside_window",)
        if reason is None and end < begin:
            reason = "job.outside_window"
        exclusions.append(reason)
        all_reasons.append(reasons)
        units = Fraction(0)
        days = max(end.toordinal() - begin.toordinal() + 1, 0)
        uncapped.append(job.hours_per_week * days / DAYS_PER_WEEK)
        if reason is None:
            units = basis.timeline.share(begin.toordinal(), end.toordinal(), rate, basis.cap)
        job_hours.append(units * basis.unit)
    counted = [reason is None for reason in exclusions]
    total = qualifying_units(basis, application_date)
    per_occupation = occupation_hours(jobs, counted, basis, application_date)
    main = per_occupation[0] if per_occupation else None
    if not jobs:
        met, reason_code = None, "work.no_jobs"
    elif total >= basis.required:
        met, reason_code = True, "work.meets_year"
    else:
        met, reason_code = False, "work.short_of_year"
    return WorkExperience(
        met=met,
        reason=reason_code,
        qualifying_hours=total * basis.unit,
        required_hours=rules.hours_required,
        window=(first, last),
        job_hours=tuple(job_hours),
        job_exclusions=tuple(exclusions),
        main_occupation=main.occupation if main else None,
        main_teer=main.teer if main else None,
        basis=basis,
        occupation_hours=per_occupation,
        job_reasons=tuple(all_reasons),
        job_uncapped_hours=tuple(uncapped),
        job_shared_with=sharing(jobs, counted, basis, first, last),
    )
