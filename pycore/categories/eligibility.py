"""Category-based selection: which category rounds a person's experience opens, on a date.

Since 2023 the Minister may invite Express Entry candidates who belong to a category (IRPA
10.3(1)(e.1); Ministerial Instructions for each round). A category is a language ability
(French: NCLC 7 or more in all four abilities) or a list of NOC 2021 occupations. For an
occupation category the round instructions ask for work experience "in a single occupation
listed", within the 3 years before the round: 6 months of continuous full-time work (or an
equal amount of part-time work) until 2026-02-18, then 12 months, not necessarily
continuous (as reported by third parties; see ``categories.toml``). Some 2026 categories
count Canadian work only. The lists and the rule of each period are dated data.

How the months are counted (recorded as the ``choice`` of ``experience_months``):

- hours accrue as for the CEC (``work_experience``: hours a week / 7 on each day worked), at
  most 30 hours a week, and a month is 1/12 of the 1,560 hours of a year of full-time work;
- two jobs in the same NOC code add up (capped together at 30 hours a week);
- two codes of the same category do not: the person needs the months in one code, so the
  code with the most experience is the one reported;
- jobs outside Canada count unless the category asks for Canadian experience; in Canada, only
  work with authorization counts; paid work only, not self-employment, not during full-time
  study (the CEC's own exclusions, kept here to avoid overstating).

The date judged stands for the day of the round (as for the CRS). A person who does not yet
qualify but has an ongoing job in a listed code gets the first date their months would be
enough at current hours, under the rule in force on the date judged.

Not modelled: the round's own instructions (a round may ask more), the military recruits
category, whether a job's duties match its NOC code, and the physicians' fee-for-service
public policy.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from itertools import accumulate
from typing import Any

from pycore.common import messages
from pycore.common.language_tests import TestResult
from pycore.common.parameters import load, parameter
from pycore.common.profile import Job
from pycore.programs.cec.work_experience import Rules, counting, window

ALL_TEERS = frozenset(range(6))  # category lists decide which occupations count, not TEER
FRENCH = "french"  # charts' language of the French tests (TEF Canada, TCF Canada)


@dataclass(frozen=True)
class Category:
    """One category of one dated list, in force from ``starts`` until ``ends`` (excluded)."""

    list_id: str
    id: str
    name: str
    kind: str  # "occupation", "french" or "not_assessed"
    codes: tuple[str, ...]
    complete: bool
    canadian_experience: bool
    months: int | None  # the category's own number of months, when it sets one
    nclc: int | None
    starts: date
    ends: date | None
    references: tuple[str, ...]
    note: str


@cache
def lists() -> tuple[dict[str, Any], ...]:
    """The dated category lists, oldest first."""
    return tuple(sorted(load("categories")["lists"], key=lambda item: item["effective"]))


@cache
def all_categories() -> tuple[Category, ...]:
    """Every category of every list, with the dates it is in force."""
    ordered = lists()
    ends = {item["id"]: nxt["effective"] for item, nxt in zip(ordered, ordered[1:], strict=False)}
    effective = {item["id"]: item["effective"] for item in ordered}
    return tuple(
        Category(
            list_id=raw["list"],
            id=raw["id"],
            name=raw["name"],
            kind=raw.get("kind", "occupation"),
            codes=tuple(raw.get("codes", ())),
            complete=bool(raw.get("complete", True)),
            canadian_experience=bool(raw.get("canadian_experience", False)),
            months=raw.get("months"),
            nclc=raw.get("nclc"),
            starts=max(effective[raw["list"]], raw.get("from", effective[raw["list"]])),
            ends=ends.get(raw["list"]),
            references=tuple(raw["references"]),
            note=raw.get("note", ""),
        )
        for raw in load("categories")["category"]
    )


def in_force(day: date) -> list[Category]:
    """The categories in force on ``day``, in file order."""
    return [c for c in all_categories() if c.starts <= day and (c.ends is None or day < c.ends)]


@dataclass(frozen=True)
class ExperienceRule:
    """The category work-experience rule in force on a date."""

    months: int
    continuous: bool
    window_years: int
    hours_per_month: Fraction

    @classmethod
    def on(cls, day: date, category: Category) -> ExperienceRule:
        """The rule for ``category`` on ``day`` (the category's own months when it sets them)."""
        months = parameter("categories", "experience_months").value_at(day)
        return cls(
            months=category.months or months,
            continuous=bool(parameter("categories", "experience_continuous").value_at(day)),
            window_years=parameter("categories", "experience_window_years").value_at(day),
            hours_per_month=Fraction(parameter("categories", "hours_per_month").value_at(day)),
        )

    @property
    def required_hours(self) -> Fraction:
        """Hours that make the months."""
        return self.months * self.hours_per_month


@dataclass(frozen=True)
class CodeExperience:
    """The experience in one NOC code that counts for a category, judged on one date."""

    code: str
    hours: Fraction
    window: tuple[date, date]
    projected: date | None  # first later date the months are reached at current hours


def _category_jobs(jobs: Sequence[Job], code: str, canadian_only: bool) -> list[Job]:
    """The jobs in ``code``, with work abroad made countable unless Canadian work is required."""
    chosen = [job for job in jobs if job.noc_code == code]
    if canadian_only:
        return chosen
    # Abroad, Canadian status and authorization do not apply; every other fact still does.
    return [job if job.in_canada else replace(job, in_canada=True, work_authorized=True)
            for job in chosen]  # fmt: skip


def code_experience(
    jobs: Sequence[Job], code: str, day: date, rule: ExperienceRule, canadian_only: bool
) -> CodeExperience:
    """Hours in ``code`` that count on ``day`` (in one continuous stretch when the rule says)."""
    weekly_cap = parameter("work_experience", "weekly_hours_cap").value_at(day)
    rules = Rules(
        hours_required=rule.required_hours,
        weekly_cap=Fraction(weekly_cap),
        window_years=rule.window_years,
        eligible_teers=ALL_TEERS,
    )
    chosen = _category_jobs(jobs, code, canadian_only)
    basis = counting(chosen, rules)
    timeline = basis.timeline
    runs = _runs(timeline.starts, timeline.raw) if rule.continuous else []

    def units_on(when: date) -> int:
        first, last = window(when, rules)
        start, stop = first.toordinal(), last.toordinal() + 1
        if not rule.continuous:
            return timeline.accrued(start, stop)
        return max(
            (
                timeline.accrued(max(a, start), min(b, stop))
                for a, b in runs
                if a < stop and b > start
            ),
            default=0,
        )

    required = math.ceil(rule.required_hours / basis.unit)
    units = units_on(day)
    projected = None
    ongoing = any(job.end is None for job, rate in zip(chosen, basis.rates, strict=True) if rate)
    if units < required and ongoing:
        # Moving the date on adds only days from the current one on, each worth at most the
        # busiest day from then on, so no date before d + shortfall / that can qualify: jump
        # there instead of trying every day (the window may also drop work). The busiest day
        # from d on, not of all time: a busy past and a light ongoing job would else step
        # one day at a time through the whole horizon.
        busiest_from = list(accumulate(reversed(timeline.capped), max))[::-1]
        horizon = day + timedelta(days=366 * rule.window_years)
        when = day
        while when <= horizon:
            have = units_on(when)
            if have >= required:
                projected = when
                break
            busiest = busiest_from[max(bisect_right(timeline.starts, when.toordinal()) - 1, 0)]
            if not busiest:
                break  # nothing is worked from here on
            when += timedelta(days=max(1, -(-(required - have) // busiest)))
    return CodeExperience(code, units * basis.unit, window(day, rules), projected)


def _runs(starts: Sequence[int], raw: Sequence[int]) -> list[tuple[int, int]]:
    """Maximal stretches of days with work, as (first ordinal, ordinal after the last)."""
    runs: list[tuple[int, int]] = []
    for index, (point, load_) in enumerate(zip(starts, raw, strict=True)):
        end = starts[index + 1] if index + 1 < len(starts) else date.max.toordinal() + 1
        if load_ <= 0:
            continue
        if runs and runs[-1][1] == point:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((point, end))
    return runs


def _months(hours: Fraction, rule: ExperienceRule, up: bool = False) -> float | int:
    """Hours as months to one decimal, rounded down (or up for a shortfall): never overstated."""
    tenths = hours * 10 / rule.hours_per_month
    whole = math.ceil(tenths) if up else math.floor(tenths)
    return whole // 10 if whole % 10 == 0 else whole / 10


def _occupation_result(category: Category, jobs: Sequence[Job], day: date) -> dict[str, Any]:
    rule = ExperienceRule.on(day, category)
    codes = [code for code in category.codes if any(job.noc_code == code for job in jobs)]
    found = [code_experience(jobs, code, day, rule, category.canadian_experience) for code in codes]
    best = max(found, key=lambda item: item.hours, default=None)
    facts: dict[str, Any] = {
        "required_months": rule.months,
        "continuous": rule.continuous,
        "window_years": rule.window_years,
        "canadian_experience": category.canadian_experience,
        "list_complete": category.complete,
        "listed_codes": len(category.codes),
        "occupation": None,
        "months": 0,
        "months_short": rule.months,
        "projected_date": None,
    }
    if best is not None:
        short = max(rule.required_hours - best.hours, Fraction(0))
        facts.update(
            occupation=best.code,
            months=_months(best.hours, rule),
            months_short=_months(short, rule, up=True),
            window_start=best.window[0].isoformat(),
            window_end=best.window[1].isoformat(),
            projected_date=best.projected.isoformat() if best.projected else None,
        )
        if best.hours >= rule.required_hours:
            return _entry(category, True, "category.qualifies", facts)
        reason = "category.short_until" if best.projected else "category.short"
        return _entry(category, False, reason, facts)
    if any(job.noc_code is None for job in jobs):
        return _entry(category, None, "category.jobs_without_code", facts)
    if not category.complete:
        return _entry(category, None, "category.list_incomplete", facts)
    return _entry(category, False, "category.no_listed_occupation", facts)


def _french_result(category: Category, results: Sequence[TestResult]) -> dict[str, Any]:
    level = int(category.nclc or 0)
    french = [r for r in results if r.valid and r.chart is not None and r.chart.language == FRENCH]
    best = max(french, key=lambda r: r.lowest_level, default=None)
    facts: dict[str, Any] = {"nclc": level, "best_level": None}
    if best is None:
        return _entry(category, None, "category.french_no_test", facts)
    assert best.chart is not None
    facts.update(
        best_level=best.lowest_level,
        test_name=best.chart.name,
        test_date=best.test.date.isoformat(),
        levels=dict(best.levels or {}),
    )
    met = best.lowest_level >= level
    return _entry(category, met, "category.french_meets" if met else "category.french_below", facts)


def _entry(
    category: Category, met: bool | None, reason: str, facts: dict[str, Any]
) -> dict[str, Any]:
    reasons = [reason]
    if met is True and not category.complete:
        reasons.append("category.list_unconfirmed")
    facts = {"category": category.name, **facts}
    return {
        "id": category.id,
        "list": category.list_id,
        "name": category.name,
        "met": met,
        "reasons": reasons,
        "message": messages.render(reason, facts),
        "facts": facts,
    }


def categories(
    jobs: Sequence[Job], results: Sequence[TestResult], day: date
) -> list[dict[str, Any]]:
    """For each category in force on ``day``: whether the person qualifies, and why or why not."""
    entries = []
    for category in in_force(day):
        if category.kind == FRENCH:
            entries.append(_french_result(category, results))
        elif category.kind == "not_assessed":
            entries.append(_entry(category, None, "category.not_assessed", {}))
        else:
            entries.append(_occupation_result(category, jobs, day))
    return entries


def with_programs(
    entries: list[dict[str, Any]], programs: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each category entry with ``programs_met`` (a category round invites only people who meet
    at least one program). A category met while no program is gets ``programs_notice``: it
    cannot invite yet, or, while a program still needs answers, it may not be able to."""
    met = [program["id"] for program in programs if program["met"] is True]
    unknown = any(program["met"] is None for program in programs)
    code = "category.program_unknown" if unknown else "category.no_program_met"
    for entry in entries:
        entry["programs_met"] = met
        if entry["met"] is True and not met:
            entry["programs_notice"] = {
                "code": code,
                "message": messages.render(code, entry["facts"]),
            }
    return entries
