"""CRS points for each factor from the figures the grid reads (``Figures``), with the
section subtotals, caps and total; and the Canadian work the grid reads, counted from the
jobs. The rules it applies are listed in ``pycore.crs.estimate``, which builds the assessment's
``crs`` object from this module's ``Breakdown``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Any, TypeVar

from pycore.common.dates import age_on as age_on
from pycore.common.language_tests import TestResult
from pycore.common.profile import Job
from pycore.crs.grid import Table, additional_rows, grid_value, table, tables
from pycore.programs.cec.work_experience import Counting, Rules, counting, qualifying_units, window

FACTORS: tuple[str, ...] = (
    "age",
    "education",
    "first_language",
    "second_language",
    "canadian_work",
    "spouse_education",
    "spouse_language",
    "spouse_canadian_work",
    "transferability_education",
    "transferability_foreign_work",
    "transferability_certificate",
    "provincial_nomination",
    "sibling",
    "french",
    "canadian_education",
)
SECTIONS: dict[str, tuple[str, ...]] = {
    "core": FACTORS[:5],
    "spouse": FACTORS[5:8],
    "transferability": FACTORS[8:11],
    "additional": FACTORS[11:],
}
V = TypeVar("V")
Row = TypeVar("Row", int, str)  # what a grid row is looked up by: a number or a level


# ---------------------------------------------------------------- the figures scored


@dataclass(frozen=True)
class Speech:
    """Levels in the four abilities from one test (or a hypothetical one: no test)."""

    language: str  # "english" or "french"
    levels: dict[str, int]
    level_name: str
    result: TestResult | None = None
    index: int | None = None  # position in the profile's language_tests

    @property
    def lowest(self) -> int:
        """The weakest ability's level."""
        return min(self.levels.values())


@dataclass(frozen=True)
class CanadianWork:
    """Canadian work counted from the jobs in the CRS window (exact hours)."""

    years: int
    hours: Fraction
    window: tuple[date, date]
    job_hours: tuple[Fraction, ...]
    job_exclusions: tuple[str | None, ...]
    basis: Counting


@dataclass(frozen=True)
class Figures:
    """What the grid is looked up by; None where an input is missing."""

    with_spouse: bool
    age: int | None
    education: str | None
    english: Speech | None
    french: Speech | None
    canadian_years: int | None
    foreign_years: int | None
    certificate: bool | None
    nomination: bool | None
    sibling: bool | None
    canadian_education: str | None
    spouse_education: str | None = None
    spouse_years: int | None = None
    spouse_speech: Speech | None = None


@dataclass
class Scored:
    """One factor's points (None when an input is missing), maximum, reason and figures."""

    id: str
    points: int | None
    max: int
    reason: str
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Breakdown:
    """Every factor scored, the section subtotals and the total (None when incomplete)."""

    factors: list[Scored]
    sections: dict[str, int | None]
    total: int | None
    first: Speech | None
    second: Speech | None


def best_speeches(results: Sequence[TestResult], with_spouse: bool) -> dict[str, Speech]:
    """The best valid result of each language, by first-language points (then levels)."""
    column = 0 if with_spouse else 1
    grid = table("first_language")
    best: dict[str, tuple[tuple[int, int, int], Speech]] = {}
    for index, result in enumerate(results):
        if not result.valid or result.chart is None or result.levels is None:
            continue
        levels = dict(result.levels)
        points = sum(grid.points(level, column) for level in levels.values())
        key = (points, sum(levels.values()), -index)
        speech = Speech(result.chart.language, levels, result.chart.level_name, result, index)
        if result.chart.language not in best or key > best[result.chart.language][0]:
            best[result.chart.language] = (key, speech)
    return {language: speech for language, (_, speech) in best.items()}


# ---------------------------------------------------------------- scoring


def _column(figures: Figures) -> int:
    return 0 if figures.with_spouse else 1


def _language_points(speech: Speech | None, factor: str, column: int) -> tuple[int, int]:
    """(points, maximum) of a per-ability language table, its cap applied."""
    grid = table(factor)
    most = 4 * grid.most(column)
    cap = grid.cap[column] if grid.cap else most
    if speech is None:
        return 0, min(most, cap)
    return min(sum(grid.points(v, column) for v in speech.levels.values()), cap), min(most, cap)


def _speech_facts(speech: Speech) -> dict[str, Any]:
    facts: dict[str, Any] = {"language": speech.language, "level_name": speech.level_name}
    facts.update(speech.levels)
    if speech.result is not None:
        chart = speech.result.chart
        facts.update(
            test=speech.result.test.test,
            test_name=chart.name if chart else speech.result.test.test,
            test_date=speech.result.test.date.isoformat(),
            test_index=speech.index,
        )
    return facts


def _transferability(
    factor: str, row_value: int | str | None, path: str, figures: Figures, lowest: int, day: date
) -> Scored:
    """A transferability group: two tables added, capped at the group maximum; missing while
    its row's input is."""
    cap = grid_value("max_transferability_group", day)
    if row_value is None:
        return _missing(factor, cap, [path])
    found: dict[str, int] = {}
    most = 0
    for grid in tables(factor):
        figure = lowest if grid.column_reads == "clb" else figures.canadian_years or 0
        met = [i for i, minimum in enumerate(grid.column_min) if figure >= minimum]
        found[grid.column_reads or ""] = grid.points(row_value, met[-1]) if met else 0
        most += max(grid.most(i) for i in range(len(grid.column_min)))
    facts: dict[str, Any] = {
        "with_language": found.get("clb", 0),
        "with_canadian_work": found.get("years", 0),
        "group_cap": cap,
        "lowest_level": lowest,
        "canadian_years": figures.canadian_years,
    }
    reason = "crs.transferability_education"
    if factor == "transferability_foreign_work":
        reason = "crs.transferability_foreign_work"
        facts["foreign_years"] = row_value
    return Scored(factor, min(sum(found.values()), cap), min(most, cap), reason, facts)


def _missing(factor: str, most: int, fields: list[str]) -> Scored:
    return Scored(factor, None, most, "crs.missing", {"fields": fields})


def _scored(
    factor: str,
    value: V | None,
    most: int,
    path: str,
    rule: Callable[[V], tuple[int, str, dict[str, Any]]],
) -> Scored:
    """``factor`` out of ``most``: missing while its input ``value`` is None (the profile
    field ``path`` is asked for), else the points, reason and facts ``rule`` gives it."""
    if value is None:
        return _missing(factor, most, [path])
    points, reason, facts = rule(value)
    return Scored(factor, points, most, reason, facts)


def _looked_up(
    factor: str,
    value: Row | None,
    column: int,
    path: str,
    reason: str,
    facts: Callable[[Row], dict[str, Any]],
) -> Scored:
    """A factor with a grid table of its own: the points of ``value``'s row in ``column``."""
    grid = table(factor)
    return _scored(
        factor, value, grid.most(column), path, lambda v: (grid.points(v, column), reason, facts(v))
    )


def _yes_no(
    factor: str,
    answer: bool | None,
    path: str,
    *,
    worth: int,
    most: int | None = None,
    reasons: tuple[str, str],
    facts: dict[str, Any] | None = None,
) -> Scored:
    """A yes-or-no factor: ``worth`` points and the first reason for yes, 0 and the second
    for no, out of ``most`` (``worth`` when not given)."""
    return _scored(
        factor,
        answer,
        worth if most is None else most,
        path,
        lambda yes: (worth if yes else 0, reasons[0] if yes else reasons[1], dict(facts or {})),
    )


def _language(
    factor: str,
    speech: Speech | None,
    column: int,
    reasons: tuple[str, str],
    facts: Callable[[Speech], dict[str, Any]] = _speech_facts,
    none_facts: dict[str, Any] | None = None,
) -> Scored:
    """A language factor: its table's points for ``speech``'s levels (the first reason), or
    0 without a valid test (the second reason): a test is not a required input."""
    points, most = _language_points(speech, factor, column)
    if speech is None:
        return Scored(factor, 0, most, reasons[1], dict(none_facts or {}))
    return Scored(factor, points, most, reasons[0], facts(speech))


def _education_facts(grid: Table) -> Callable[[str], dict[str, Any]]:
    return lambda level: {"education": level, "education_label": grid.label(level)}


def _years_facts(years: int) -> dict[str, Any]:
    return {"years": years}


def score(figures: Figures, day: date) -> Breakdown:
    """The CRS of ``figures`` on ``day``, choosing the order of the official languages."""
    orders = [(figures.english, figures.french), (figures.french, figures.english)]
    if figures.english is None or figures.french is None:
        orders = orders[:1] if figures.english is not None else orders[1:]
    candidates = [score_in_order(figures, day, first, second) for first, second in orders]

    def rank(item: Breakdown) -> tuple[int, int, int]:
        first_points = item.factors[2].points or 0
        english_first = int(item.first is not None and item.first.language == "english")
        return (item.total if item.total is not None else -1, first_points, english_first)

    return max(candidates, key=rank)


def score_in_order(
    figures: Figures, day: date, first: Speech | None, second: Speech | None
) -> Breakdown:
    """The CRS with ``first`` as the first official language and ``second`` as the second."""
    column = _column(figures)
    lowest = first.lowest if first is not None else 0  # transferability reads the weakest
    certificate = table("transferability_certificate")
    factors = [
        _looked_up(
            "age",
            figures.age,
            column,
            "crs.date_of_birth",
            "crs.age",
            lambda age: {"age": age, "on": day.isoformat()},
        ),
        _looked_up(
            "education",
            figures.education,
            column,
            "crs.education",
            "crs.education",
            _education_facts(table("education")),
        ),
        _language(
            "first_language",
            first,
            column,
            ("crs.first_language", "crs.first_language_none"),
            none_facts={"on": day.isoformat()},
        ),
        _language(
            "second_language",
            second,
            column,
            ("crs.second_language", "crs.second_language_none"),
            lambda speech: {**_speech_facts(speech), "cap": table("second_language").cap[column]},
        ),
        _looked_up(  # never missing: counted from the jobs when not entered
            "canadian_work",
            figures.canadian_years,
            column,
            "crs.canadian_work_years",
            "crs.canadian_work",
            _years_facts,
        ),
        *_spouse_factors(figures),
        _transferability(
            "transferability_education", figures.education, "crs.education", figures, lowest, day
        ),
        _transferability(
            "transferability_foreign_work",
            figures.foreign_years,
            "crs.foreign_work_years",
            figures,
            lowest,
            day,
        ),
        _yes_no(
            "transferability_certificate",
            figures.certificate,
            "crs.certificate_of_qualification",
            worth=certificate.points(lowest, 0),
            most=certificate.most(0),
            reasons=("crs.certificate", "crs.no_certificate"),
            facts={"lowest_level": lowest},
        ),
        *_additional_factors(figures, day),
    ]

    by_id = {item.id: item for item in factors}
    sections: dict[str, int | None] = {}
    caps = {
        "transferability": grid_value("max_transferability", day),
        "additional": grid_value("max_additional", day),
    }
    for section, ids in SECTIONS.items():
        values = [by_id[i].points for i in ids]
        summed = None if None in values else sum(v or 0 for v in values)
        if summed is not None and section in caps:
            summed = min(summed, caps[section])
        sections[section] = summed
    parts = list(sections.values())
    total = None if None in parts else min(sum(p or 0 for p in parts), grid_value("max_total", day))
    return Breakdown(factors, sections, total, first, second)


def _spouse_factors(figures: Figures) -> list[Scored]:
    ids = ("spouse_education", "spouse_language", "spouse_canadian_work")
    if not figures.with_spouse:
        return [Scored(i, 0, 0, "crs.spouse_not_counted", {}) for i in ids]
    # The spouse's column is the grid's only one.
    return [
        _looked_up(
            "spouse_education",
            figures.spouse_education,
            0,
            "crs.spouse.education",
            "crs.spouse_education",
            _education_facts(table("spouse_education")),
        ),
        _language(
            "spouse_language",
            figures.spouse_speech,
            0,
            ("crs.spouse_language", "crs.spouse_language_none"),
        ),
        _looked_up(
            "spouse_canadian_work",
            figures.spouse_years,
            0,
            "crs.spouse.canadian_work_years",
            "crs.spouse_canadian_work",
            _years_facts,
        ),
    ]


def _additional_factors(figures: Figures, day: date) -> list[Scored]:
    def value(row: dict[str, Any]) -> int:
        return grid_value(str(row["parameter"]), day)

    (nomination,) = additional_rows("provincial_nomination")
    (sibling,) = additional_rows("sibling")
    schooling = additional_rows("canadian_education")

    def canadian_education(level: str) -> tuple[int, str, dict[str, Any]]:
        found = [row for row in schooling if level in row["values"]]
        reason = "crs.canadian_education" if found else "crs.no_canadian_education"
        return value(found[0]) if found else 0, reason, {"canadian_education": level}

    return [
        _yes_no(
            "provincial_nomination",
            figures.nomination,
            "crs.provincial_nomination",
            worth=value(nomination),
            reasons=("crs.nomination", "crs.no_nomination"),
        ),
        _yes_no(
            "sibling",
            figures.sibling,
            "crs.sibling_in_canada",
            worth=value(sibling),
            reasons=("crs.sibling", "crs.no_sibling"),
        ),
        _french(figures, day),
        _scored(
            "canadian_education",
            figures.canadian_education,
            max(value(row) for row in schooling),
            "crs.canadian_education",
            canadian_education,
        ),
    ]


def _french(figures: Figures, day: date) -> Scored:
    """NCLC 7+ in all four French abilities: the higher amount with CLB 5+ in all four English."""
    weak, strong = (grid_value(str(row["parameter"]), day) for row in additional_rows("french"))
    french_level = grid_value("french_points_french_level", day)
    english_level = grid_value("french_points_english_level", day)
    facts: dict[str, Any] = {"french_level": french_level, "english_level": english_level}
    french, english = figures.french, figures.english
    if french is not None:
        facts["french_lowest"] = french.lowest
    if english is not None:
        facts["english_lowest"] = english.lowest
    most = max(weak, strong)
    if french is None or french.lowest < french_level or most == 0:
        return Scored("french", 0, most, "crs.no_french", facts)
    if english is not None and english.lowest >= english_level:
        return Scored("french", strong, most, "crs.french_with_english", facts)
    return Scored("french", weak, most, "crs.french", facts)


# ---------------------------------------------------------------- Canadian work from jobs


def window_rules(day: date) -> Rules:
    """The CEC's job rules with the CRS window (ten years) instead of three."""
    return replace(Rules.on(day), window_years=grid_value("canadian_work_window_years", day))


def canadian_work(jobs: Sequence[Job], day: date) -> CanadianWork:
    """Whole years of Canadian work from the jobs: counted hours in the window / 1,560."""
    rules = window_rules(day)
    basis = counting(jobs, rules)
    first, last = window(day, rules)
    job_hours: list[Fraction] = []
    exclusions: list[str | None] = []
    for job, rate, reason in zip(jobs, basis.rates, basis.exclusions, strict=True):
        begin, end = max(job.start, first), min(job.end or last, last)
        if reason is None and end < begin:
            reason = "job.outside_window"
        units = Fraction(0)
        if reason is None:
            units = basis.timeline.share(begin.toordinal(), end.toordinal(), rate, basis.cap)
        job_hours.append(units * basis.unit)
        exclusions.append(reason)
    units_total = qualifying_units(basis, day)
    return CanadianWork(
        years=units_total // basis.required,
        hours=units_total * basis.unit,
        window=(first, last),
        job_hours=tuple(job_hours),
        job_exclusions=tuple(exclusions),
        basis=basis,
    )
