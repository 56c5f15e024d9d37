"""The FSW selection grid (IRPR 76(1)(a), 78-83): six factors out of 100, pass mark 67.

A factor whose input is unanswered has no points (None) and names the paths it lacks; the
total is then None, but the points already known still decide when they reach the pass mark,
or when even the most the missing factors could add would not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from pycore.common import messages
from pycore.common.dates import ONE_DAY, age_on
from pycore.common.language_tests import TestResult, judge_test
from pycore.common.parameters import parameter
from pycore.common.profile import Profile
from pycore.common.skilled_work import (
    answers,
    excluded,
    hours,
    hours_between,
    test_facts,
    valid_results,
    weekly_cap,
    window,
)
from pycore.programs.fsw.minimums import counting_jobs

FACTORS: tuple[str, ...] = (
    "language",
    "education",
    "experience",
    "age",
    "arranged_employment",
    "adaptability",
)


def _value(key: str, day: date) -> Any:
    return parameter("fsw", key).value_at(day)


@dataclass
class Factor:
    """One factor's points (None when unanswered), maximum, reason, figures, missing inputs."""

    id: str
    points: int | None
    max: int
    reason: str
    facts: dict[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    def output(self) -> dict[str, Any]:
        """The contract's factor entry."""
        facts = {"points": self.points, "max": self.max, **self.facts}
        found: dict[str, Any] = {
            "id": self.id,
            "points": self.points,
            "max": self.max,
            "reasons": [self.reason],
            "message": messages.render(self.reason, facts),
            "facts": self.facts,
            "missing": list(self.missing),
        }
        if "uncapped" in self.facts:
            found["uncapped"] = self.facts["uncapped"]
        return found


@dataclass
class Grid:
    """Every factor scored, with the pass mark."""

    factors: list[Factor]
    pass_mark: int
    arranged_employment: bool  # whether arranged-employment points were awarded

    @property
    def known(self) -> int:
        """The points of the factors that could be scored."""
        return sum(f.points for f in self.factors if f.points is not None)

    @property
    def most_possible(self) -> int:
        """The known points plus the most every unanswered factor could add."""
        return self.known + sum(f.max for f in self.factors if f.points is None)

    @property
    def total(self) -> int | None:
        """The total, or None while a factor is unanswered."""
        return None if any(f.points is None for f in self.factors) else self.known

    @property
    def short(self) -> int | None:
        """Points under the pass mark, when the total is known and under it."""
        total = self.total
        return None if total is None or total >= self.pass_mark else self.pass_mark - total

    @property
    def missing(self) -> tuple[str, ...]:
        """Every input a factor lacks, sorted."""
        return tuple(sorted({path for f in self.factors for path in f.missing}))

    def output(self) -> dict[str, Any]:
        """The contract's ``points`` object."""
        return {
            "total": self.total,
            "known": self.known,
            "pass_mark": self.pass_mark,
            "points_short": self.short,
            "factors": [f.output() for f in self.factors],
        }


def score(profile: Profile, day: date) -> Grid:
    """The six factors for ``profile`` on ``day``."""
    arranged = _arranged_employment(profile, day)
    factors = [
        _language(profile, day),
        _education(profile, day),
        _experience(profile, day),
        _age(profile, day),
        arranged,
        _adaptability(profile, day, arranged.points),
    ]
    return Grid(factors, int(_value("pass_mark", day)), bool(arranged.points))


def _per_ability(level: int, rows: list[dict[str, int]]) -> int:
    return next((row["points"] for row in rows if level >= row["min"]), 0)


def _first_points(result: TestResult, day: date) -> int:
    rows = _value("first_language_points", day)
    return sum(_per_ability(level, rows) for level in (result.levels or {}).values())


def _language(profile: Profile, day: date) -> Factor:
    """First official language per ability (79(3)(a)); the second, all four at the level (b)."""
    most = int(_value("language_max", day))
    if not profile.language_tests:
        return Factor("language", None, most, "fsw.factor_missing", {}, ("language_tests",))
    results = valid_results(profile)
    if not results:
        return Factor("language", 0, most, "fsw.factor_language_none", {})
    first = max(results, key=lambda r: (_first_points(r, day), sum((r.levels or {}).values())))
    first_language = first.chart.language if first.chart else ""
    second_rule = _value("second_language_points", day)
    others = [r for r in results if r.chart and r.chart.language != first_language]
    second = max(others, key=lambda r: r.lowest_level, default=None)
    second_points = (
        int(second_rule["points"])
        if second is not None and second.lowest_level >= second_rule["min"]
        else 0
    )
    first_points = _first_points(first, day)
    facts = {**test_facts(first), "first_points": first_points, "second_points": second_points}
    facts["second_level"] = second.lowest_level if second is not None else None
    facts["second_level_needed"] = int(second_rule["min"])
    return Factor("language", first_points + second_points, most, "fsw.factor_language", facts)


def _education(profile: Profile, day: date) -> Factor:
    """Points for the credential (78(1)), given only with an assessment or a Canadian one."""
    most = int(_value("education_max", day))
    level = profile.crs.education if profile.crs else None
    assessed = answers(profile).education_assessed
    missing = tuple(
        path
        for path, value in (
            ("crs.education", level),
            ("express_entry.education_assessed", assessed),
        )
        if value is None
    )
    if level is None or (assessed is None and level != "none"):
        return Factor("education", None, most, "fsw.factor_missing", {}, missing)
    points = int(_value("education_points", day)[level]) if assessed else 0
    reason = (
        "fsw.factor_education" if assessed or level == "none" else "fsw.factor_education_unassessed"
    )
    return Factor("education", points, most, reason, {"education": level})


def _experience(profile: Profile, day: date) -> Factor:
    """Whole years of skilled work in the 10-year window, all occupations together (80)."""
    most = int(_value("experience_max", day))
    first, last = window(day, int(_value("window_years", day)))
    year = Fraction(_value("hours_required", day))
    got = hours_between(counting_jobs(profile, day), first, last, weekly_cap(day))
    years = int(got // year)
    points = _per_ability(years, _value("experience_points", day))
    facts = {"years": years, "hours": hours(got)}
    return Factor("experience", points, most, "fsw.factor_experience", facts)


def _age(profile: Profile, day: date) -> Factor:
    """Age in completed years on the application date (81)."""
    most = int(_value("age_max", day))
    born = profile.crs.date_of_birth if profile.crs else None
    if born is None:
        return Factor("age", None, most, "fsw.factor_missing", {}, ("crs.date_of_birth",))
    age = age_on(born, day)
    rows = _value("age_points", day)
    points = next((row["points"] for row in rows if row["min"] <= age <= row["max"]), 0)
    return Factor("age", points, most, "fsw.factor_age", {"age": age})


def _arranged_employment(profile: Profile, day: date) -> Factor:
    """A valid offer in a TEER 0-3 occupation (82)."""
    most = int(_value("arranged_employment_points", day))
    ee = answers(profile)
    if not ee.job_offer_answered:
        return Factor(
            "arranged_employment",
            None,
            most,
            "fsw.factor_missing",
            {},
            ("express_entry.job_offer",),
        )
    offer = ee.job_offer
    teers = set(_value("eligible_teers", day))
    points = most if offer is not None and offer.teer in teers else 0
    facts = {"noc_code": offer.noc_code if offer else None, "teer": offer.teer if offer else None}
    reason = "fsw.factor_offer" if offer is not None else "fsw.factor_no_offer"
    return Factor("arranged_employment", points, most, reason, facts)


def _canada_work_hours(profile: Profile, day: date) -> Fraction:
    """Hours of authorized TEER 0-3 work in Canada, any time before the application date."""
    jobs = [
        job
        for job in counting_jobs(profile, day)
        if job.in_canada and job.work_authorized and excluded(job) is None
    ]
    if not jobs:
        return Fraction(0)
    return hours_between(jobs, min(j.start for j in jobs), day - ONE_DAY, weekly_cap(day))


def _adaptability(profile: Profile, day: date, arranged: int | None) -> Factor:
    """Any combination of the 83(1) elements, at most the maximum."""
    most = int(_value("adaptability_max", day))
    points = _value("adaptability_points", day)
    ee = answers(profile)
    crs = profile.crs
    spouse_known = crs is not None and "crs.spouse" not in crs.missing
    spouse = crs.spouse if crs is not None else None
    year = Fraction(_value("hours_required", day))
    elements: list[tuple[str, bool | None, int, str]] = [
        ("own_work", _canada_work_hours(profile, day) >= year, points["own_work"], ""),
        (
            "own_study",
            ee.canadian_study_two_years,
            points["own_study"],
            "express_entry.canadian_study_two_years",
        ),
        ("relative", ee.relative_in_canada, points["relative"], "express_entry.relative_in_canada"),
        (
            "arranged_employment",
            None if arranged is None else arranged > 0,
            points["arranged_employment"],
            "express_entry.job_offer",
        ),
    ]
    if not spouse_known:
        elements.append(("spouse", None, points["spouse_work"], "crs.spouse"))
    elif spouse is not None:
        level = int(points["spouse_language_clb"])
        test = spouse.language_test
        spouse_language = False
        if test is not None:
            result = judge_test(test, day)
            spouse_language = bool(result.valid and result.lowest_level >= level)
        years = spouse.canadian_work_years
        elements += [
            ("spouse_language", spouse_language, points["spouse_language"], ""),
            (
                "spouse_study",
                ee.spouse_canadian_study_two_years,
                points["spouse_study"],
                "express_entry.spouse_canadian_study_two_years",
            ),
            (
                "spouse_work",
                None if years is None else years >= 1,
                points["spouse_work"],
                "crs.spouse.canadian_work_years",
            ),
        ]
    got = sum(value for _, yes, value, _ in elements if yes)
    unknown = tuple(path for _, yes, _, path in elements if yes is None and path)
    earned = [name for name, yes, _, _ in elements if yes]
    facts = {"uncapped": got, "elements": earned, "cap": most}
    if unknown and got < most:
        return Factor("adaptability", None, most, "fsw.factor_missing", facts, unknown)
    return Factor("adaptability", min(got, most), most, "fsw.factor_adaptability", facts)
