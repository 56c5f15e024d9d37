"""The Comprehensive Ranking System (CRS) estimate: points for each factor, explained.

Ministerial Instructions respecting the Express Entry system, Comprehensive Ranking
System; the grid as canada.ca publishes it ("CRS criteria"):
https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/check-score/crs-criteria.html

Everything is read from ``pycore/data/crs.toml``: each grid row carries its bounds (age,
education levels, CLB bands, years), dated values carry the additional points. The
"with a spouse" columns apply only to an accompanying spouse or partner who is not a
Canadian citizen or permanent resident (the profile then has a ``spouse`` object).

- Age is counted in completed years on the application date (which stands for the day
  of the invitation).
- Language: the best valid English and the best valid French result (by first-language
  points). Which one is the first official language: the order giving the higher CRS
  total (a candidate chooses it; with equal totals, the higher first-language points,
  then English). Transferability reads the first language's weakest ability.
- Canadian work: hours counted under the CEC's job rules (``pycore.work_experience``),
  at most 30 a week across jobs, within the ten years before the date; 1,560 hours make a
  year; only whole years count. ``canadian_work_years`` overrides the count.
- Caps: second language 22 with a spouse (24 without), each transferability group 50,
  transferability 100, additional 600, total 1,200 (all in the data).

Not modelled: arranged-employment points before 2025-03-25 (the profile has no job
offer); the spouse's sibling; whether a nomination or certificate is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from functools import cache
from math import floor
from typing import Any, TypeVar

from pycore import charts, messages
from pycore.crs_profile import MAX_AGE, CrsProfile, education_levels
from pycore.dates import ONE_DAY, shift_years
from pycore.language import TestResult, judge_test
from pycore.parameters import Parameter, load, parameter, parameters
from pycore.profile import Job, Profile
from pycore.projection import date_falling_below, projected_date
from pycore.work_experience import Counting, Rules, counting, qualifying_units, window

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
ROUNDS_COMPARED = 10  # how many recent CEC rounds the comparison counts (a display choice)
BIRTHDAYS_SHOWN = 3  # how many coming birthdays that cost points are listed


# ---------------------------------------------------------------- the grid, from crs.toml


@dataclass(frozen=True)
class Table:
    """One grid table: the factor it scores, what its rows are looked up by, its rows."""

    factor: str
    reads: str
    rows: tuple[dict[str, Any], ...]
    per_ability: bool = False
    cap: tuple[int, ...] = ()
    column_reads: str | None = None
    column_min: tuple[int, ...] = ()
    # Row index by figure, built once (scoring looks rows up thousands of times a check).
    index: dict[int | str, int] = field(default_factory=dict, compare=False, hash=False)
    maxima: list[int] = field(default_factory=list, compare=False, hash=False)

    def __post_init__(self) -> None:
        columns = len(self.rows[0]["points"])
        self.maxima.extend(max(int(row["points"][c]) for row in self.rows) for c in range(columns))
        for position, row in enumerate(self.rows):
            for value in row.get("values", ()):
                self.index.setdefault(value, position)
            if "values" not in row:
                for number in range(row.get("min", 0), row.get("max", MAX_AGE) + 1):
                    self.index.setdefault(number, position)

    def row(self, value: int | str) -> dict[str, Any] | None:
        """The row whose bounds hold ``value`` (an education level, or a number 0 to 120)."""
        position = self.index.get(value)
        return None if position is None else self.rows[position]

    def points(self, value: int | str, column: int) -> int:
        """Points of ``value``'s row in ``column`` (0 when no row holds it)."""
        position = self.index.get(value)
        return 0 if position is None else int(self.rows[position]["points"][column])

    def most(self, column: int) -> int:
        """The most points a row gives in ``column``."""
        return self.maxima[column]


@cache
def tables(factor: str) -> tuple[Table, ...]:
    """The grid tables that score ``factor``, in file order."""
    data = load("crs")
    found = []
    for section in ("core", "spouse", "transferability"):
        for raw in data[section]:
            if raw.get("factor") == factor:
                found.append(
                    Table(
                        factor=factor,
                        reads=raw["reads"],
                        rows=tuple(raw["rows"]),
                        per_ability=raw.get("per_ability", False),
                        cap=tuple(raw.get("cap", ())),
                        column_reads=raw.get("column_reads"),
                        column_min=tuple(raw.get("column_min", ())),
                    )
                )
    return tuple(found)


def table(factor: str) -> Table:
    """The one grid table that scores ``factor``."""
    (found,) = tables(factor)
    return found


@cache
def additional_rows(factor: str) -> tuple[dict[str, Any], ...]:
    """The additional-points rows of ``factor`` (each names its dated parameter)."""
    rows = [row for t in load("crs")["additional"] for row in t["rows"]]
    return tuple(row for row in rows if row.get("factor") == factor)


@cache
def grid_value(name: str, day: date) -> int:
    """A ``crs.toml`` value in force on ``day``.

    Before its first date: a value first recorded on the date the grid was read is taken
    as unchanged (the file's ``choice``); any other value did not exist yet, so 0.
    """
    param = parameter("crs", name)
    found = param.at(day)
    if found is not None:
        return int(found.value)
    first = param.values[0]
    return int(first.value) if first.effective == load("crs")["effective"] else 0


def grid_effective(day: date) -> date:
    """The date the grid in force on ``day`` took effect: its newest dated change by then."""
    params: list[Parameter] = parameters("crs")
    dates = [v.effective for p in params for v in p.values if v.effective <= day]
    first_read: date = load("crs")["effective"]
    if first_read <= day:
        dates.append(first_read)
    return max(dates, default=min(v.effective for p in params for v in p.values))


def grid_references() -> list[str]:
    """The grid's references (crs.toml)."""
    return list(load("crs")["references"])


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


def age_on(born: date, day: date) -> int:
    """Completed years on ``day`` (a 29 February birthday counts on 28 February)."""
    age = day.year - born.year
    return age if shift_years(born, age) <= day else age - 1


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
    return lambda level: {"education": level, "education_label": _label(grid, level)}


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


def _label(grid: Table, value: int | str) -> str:
    found = grid.row(value)
    return str(found["label"]) if found else str(value)


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


def _tenths_down(value: Fraction) -> float | int:
    """Hours to one decimal, rounded down (a year is never shown as reached when it is not)."""
    tenths = floor(value * 10)
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


# ---------------------------------------------------------------- the assessment's crs


def figures_of(profile: Profile, day: date) -> tuple[Figures, CanadianWork | None]:
    """The figures the grid reads from ``profile`` (which has a ``crs`` object)."""
    crs = profile.crs
    assert crs is not None
    with_spouse = crs.spouse is not None
    speeches = best_speeches([judge_test(t, day) for t in profile.language_tests], with_spouse)
    work = None
    years = crs.canadian_work_years
    if years is None:
        work = canadian_work(profile.jobs, day)
        years = work.years
    spouse_speech = None
    if crs.spouse is not None and crs.spouse.language_test is not None:
        judged = judge_test(crs.spouse.language_test, day)
        if judged.valid and judged.chart is not None and judged.levels is not None:
            chart = judged.chart
            spouse_speech = Speech(chart.language, dict(judged.levels), chart.level_name, judged)
    figures = Figures(
        with_spouse=with_spouse,
        age=age_on(crs.date_of_birth, day) if crs.date_of_birth else None,
        education=crs.education,
        english=speeches.get("english"),
        french=speeches.get("french"),
        canadian_years=years,
        foreign_years=crs.foreign_work_years,
        certificate=crs.certificate_of_qualification,
        nomination=crs.provincial_nomination,
        sibling=crs.sibling_in_canada,
        canadian_education=crs.canadian_education,
        spouse_education=crs.spouse.education if crs.spouse else None,
        spouse_years=crs.spouse.canadian_work_years if crs.spouse else None,
        spouse_speech=spouse_speech,
    )
    return figures, work


def assess_crs(profile: Profile, supported: bool = True) -> dict[str, Any] | None:
    """The assessment's ``crs``: None without a ``crs`` object in the profile.

    ``supported`` False (an application date before the rules the engine knows): every
    figure null, no factor scored, like the requirements then.
    """
    crs = profile.crs
    if crs is None:
        return None
    day = profile.application_date
    if not supported:
        empty = dict.fromkeys(("total", *SECTIONS), None)
        return {
            **empty,
            "grid_effective": None,
            "missing": [],
            "factors": [],
            "reasons": ["rules.date_not_supported"],
            "improvements": [],
            "lowers": [],
            "rounds": None,
        }
    figures, work = figures_of(profile, day)
    breakdown = score(figures, day)
    factors = [
        _factor_entry(item, figures, breakdown, work, crs, day) for item in breakdown.factors
    ]
    result: dict[str, Any] = {
        "total": breakdown.total,
        **breakdown.sections,
        "max_total": grid_value("max_total", day),
        "section_max": section_maxima(figures.with_spouse, day),
        "grid_effective": grid_effective(day).isoformat(),
        "missing": sorted(
            set(crs.missing) | {f for i in breakdown.factors for f in i.facts.get("fields", [])}
        ),
        "factors": factors,
        "with_spouse": figures.with_spouse,
        "first_language": breakdown.first.language if breakdown.first else None,
        "references": grid_references(),
        "not_scored": (
            ["arranged_employment"] if grid_value("arranged_employment_points", day) else []
        ),
    }
    if "crs.spouse" in crs.missing:  # which columns apply is unknown: core and spouse too
        result.update(total=None, core=None, spouse=None)
    total = result["total"]
    if total is None:
        result.update(improvements=[], lowers=[], rounds=None)
        return result
    levers = Levers(figures, total, day, work, profile)
    result["improvements"] = levers.improvements()
    result["lowers"] = levers.lowers(crs)
    result["rounds"] = rounds(total, day)
    return result


def section_maxima(with_spouse: bool, day: date) -> dict[str, int]:
    """The most points each section can give, in the columns that apply (the page's bars)."""
    return {
        "core": grid_value(
            "max_core_with_spouse" if with_spouse else "max_core_without_spouse", day
        ),
        "spouse": grid_value("max_spouse_factors", day) if with_spouse else 0,
        "transferability": grid_value("max_transferability", day),
        "additional": grid_value("max_additional", day),
    }


def _factor_entry(
    item: Scored,
    figures: Figures,
    breakdown: Breakdown,
    work: CanadianWork | None,
    crs: CrsProfile,
    day: date,
) -> dict[str, Any]:
    facts = dict(item.facts)
    reason = item.reason
    if item.id == "age" and crs.date_of_birth is not None:
        facts["date_of_birth"] = crs.date_of_birth.isoformat()
    if item.id == "canadian_work" and work is not None:
        required = work.basis.required * work.basis.unit
        facts.update(
            counted_from="jobs",
            hours=_tenths_down(work.hours),
            year_hours=_tenths_down(required),
            window_start=work.window[0].isoformat(),
            window_end=work.window[1].isoformat(),
            window_years=work.basis.rules.window_years,
            weekly_hours_cap=_tenths_down(work.basis.rules.weekly_cap),
            jobs=[
                {"job": index, "counted_hours": _tenths_down(hours), "excluded_because": why}
                for index, (hours, why) in enumerate(
                    zip(work.job_hours, work.job_exclusions, strict=True)
                )
            ],
        )
        reason = "crs.canadian_work_counted"
    elif item.id == "canadian_work":
        facts["counted_from"] = "entered"
    if item.id.startswith("transferability") and breakdown.first is not None:
        facts["level_name"] = breakdown.first.level_name
    facts.update(points=item.points, max=item.max)
    return {
        "id": item.id,
        "points": item.points,
        "max": item.max,
        "reasons": [reason],
        "message": messages.render(reason, facts),
        "facts": facts,
        "references": grid_references(),
    }


# ---------------------------------------------------------------- what would raise or lower it


class Levers:
    """Improvements (what the person can do) and lowers (what the calendar does), rescored."""

    def __init__(
        self,
        figures: Figures,
        total: int,
        day: date,
        work: CanadianWork | None,
        profile: Profile,
    ) -> None:
        self.figures = figures
        self.total = total
        self.day = day
        self.work = work
        self.profile = profile

    def _total(self, **changes: Any) -> int:
        return score(replace(self.figures, **changes), self.day).total or 0

    def improvements(self) -> list[dict[str, Any]]:
        """Each lever with its new total and gain, highest gain first."""
        found: list[dict[str, Any]] = []

        def offer(lever_id: str, reason: str, total: int, **facts: Any) -> None:
            if total > self.total:
                facts.update(total=total, gain=total - self.total)
                found.append(
                    {
                        "id": lever_id,
                        "total": total,
                        "gain": total - self.total,
                        "reasons": [reason],
                        "message": messages.render(reason, facts),
                        "facts": facts,
                    }
                )

        figures = self.figures
        for language in ("english", "french"):
            speech: Speech | None = getattr(figures, language)
            if speech is None:
                level = grid_value("french_points_french_level", self.day)
                hypothetical = Speech(
                    language,
                    dict.fromkeys(charts.ABILITIES, level),
                    "NCLC" if language == "french" else "CLB",
                )
                reason = (
                    "crs.improve_french_test"
                    if language == "french"
                    else "crs.improve_english_test"
                )
                offer(
                    f"{language}_test",
                    reason,
                    self._total(**{language: hypothetical}),
                    level=level,
                    level_name=hypothetical.level_name,
                )
                continue
            self._band_levers(offer, speech, language, language, "crs.improve_language_band")
        if figures.canadian_years is not None:
            years = figures.canadian_years + 1
            reached = None
            if self.work is not None:
                target = replace(self.work.basis, required=self.work.basis.required * years)
                reached = projected_date(target, self.day)
            reason = "crs.improve_canadian_year" if reached else "crs.improve_canadian_year_entered"
            facts: dict[str, Any] = {"years_after": years}
            if reached:
                facts["reached_on"] = reached.isoformat()
            offer("canadian_work", reason, self._total(canadian_years=years), **facts)
        if figures.with_spouse:
            self._spouse_levers(offer)
        if figures.certificate is False:
            offer("certificate", "crs.improve_certificate", self._total(certificate=True))
        found.sort(key=lambda item: (-item["gain"], item["id"]))
        return found

    def _spouse_levers(self, offer: Callable[..., None]) -> None:
        figures = self.figures
        speech = figures.spouse_speech
        if speech is None:
            level = grid_value("french_points_french_level", self.day)
            hypothetical = Speech("english", dict.fromkeys(charts.ABILITIES, level), "CLB")
            offer(
                "spouse_test",
                "crs.improve_spouse_test",
                self._total(spouse_speech=hypothetical),
                level=level,
            )
        else:
            self._band_levers(offer, speech, "spouse_speech", "spouse", "crs.improve_spouse_band")
        if figures.spouse_education is not None:
            levels = education_levels()
            grid = table("spouse_education")
            for higher in levels[levels.index(figures.spouse_education) + 1 :]:
                total = self._total(spouse_education=higher)
                if total > self.total:
                    offer(
                        "spouse_education",
                        "crs.improve_spouse_education",
                        total,
                        education=higher,
                        education_label=_label(grid, higher),
                    )
                    break

    def _band_levers(
        self,
        offer: Callable[..., None],
        speech: Speech,
        field_name: str,
        lever_prefix: str,
        reason: str,
    ) -> None:
        """Offer, per ability of ``speech`` (the figure ``field_name``), the next band that
        raises the total, as the lever ``<lever_prefix>.<ability>``."""
        for ability, level, score_needed, total in self._next_band(speech, field_name):
            offer(
                f"{lever_prefix}.{ability}",
                reason,
                total,
                ability=ability,
                level=level,
                score_needed=score_needed,
                **_test_facts(speech),
            )

    def _next_band(self, speech: Speech, field_name: str) -> list[tuple[str, int, str, int]]:
        """Per ability, the first higher level (up to the chart's top row) that raises the
        total: (ability, level, lowest score reaching it, new total)."""
        chart = speech.result.chart if speech.result is not None else None
        if chart is None:
            return []
        found = []
        for ability, level in speech.levels.items():
            for higher in range(level + 1, chart.rows[0][0] + 1):
                better = replace(speech, levels={**speech.levels, ability: higher})
                total = self._total(**{field_name: better})
                if total > self.total:
                    found.append((ability, higher, _score_text(chart, ability, higher), total))
                    break
        return found

    def lowers(self, crs: CrsProfile) -> list[dict[str, Any]]:
        """Coming dates that cost points, with the total then, soonest first."""
        found: list[dict[str, Any]] = []

        def note(kind: str, reason: str, when: date, total: int, **facts: Any) -> None:
            if total < self.total:
                facts.update(date=when.isoformat(), total=total, loss=self.total - total)
                found.append(
                    {
                        "id": kind,
                        "date": when.isoformat(),
                        "total": total,
                        "loss": self.total - total,
                        "reasons": [reason],
                        "message": messages.render(reason, facts),
                        "facts": facts,
                    }
                )

        figures = self.figures
        if crs.date_of_birth is not None and figures.age is not None:
            shown, previous = 0, self.total
            # Points change only where a new age row starts: try those birthdays alone.
            starts = sorted(row["min"] for row in table("age").rows if "min" in row)
            for age in (start for start in starts if start > figures.age):
                total = self._total(age=age)
                if total < previous:
                    note(
                        "age",
                        "crs.lower_birthday",
                        shift_years(crs.date_of_birth, age),
                        total,
                        age=age,
                    )
                    shown += 1
                previous = total
                if shown == BIRTHDAYS_SHOWN:
                    break
        for language in ("english", "french"):
            speech = getattr(figures, language)
            if speech is None or speech.result is None or speech.result.valid_until is None:
                continue
            expires = speech.result.valid_until + ONE_DAY
            later = best_speeches(
                [judge_test(t, expires) for t in self.profile.language_tests], figures.with_spouse
            ).get(language)
            note(
                f"{language}_test",
                "crs.lower_test_expiry",
                expires,
                self._total(**{language: later}),
                **_test_facts(speech),
            )
        spouse = figures.spouse_speech
        if spouse is not None and spouse.result is not None and spouse.result.valid_until:
            expires = spouse.result.valid_until + ONE_DAY
            note(
                "spouse_test",
                "crs.lower_spouse_test_expiry",
                expires,
                self._total(spouse_speech=None),
                **_test_facts(spouse),
            )
        if self.work is not None and self.work.years > 0:
            basis = self.work.basis
            when = date_falling_below(basis, self.day, basis.required * self.work.years)
            if when is not None:
                note(
                    "canadian_work",
                    "crs.lower_canadian_year",
                    when,
                    self._total(canadian_years=self.work.years - 1),
                    years_after=self.work.years - 1,
                    window_years=basis.rules.window_years,
                )
        found.sort(key=lambda item: (item["date"], item["id"]))
        return found


def _score_text(chart: charts.Chart, ability: str, level: int) -> str:
    """The lowest score reaching ``level`` as the test prints it (IELTS keeps 7.0)."""
    score = chart.lowest_score(ability, level)
    decimals = 0 if float(chart.scale[ability].step).is_integer() else 1
    return f"{score:.{decimals}f}" if score is not None else ""


def _test_facts(speech: Speech) -> dict[str, Any]:
    result = speech.result
    if result is None:
        return {"level_name": speech.level_name}
    chart = result.chart
    return {
        "test_name": chart.name if chart else result.test.test,
        "test_date": result.test.date.isoformat(),
        "level_name": speech.level_name,
    }


# ---------------------------------------------------------------- recent rounds


def rounds(total: int, day: date) -> dict[str, Any]:
    """The estimate beside recent rounds' cut-offs (draws.toml): facts, not a prediction."""
    data = load("draws")

    def shown(row: dict[str, Any]) -> dict[str, Any]:
        entry: dict[str, Any] = {key: row[key] for key in ("number", "name") if key in row}
        return {
            "date": row["date"].isoformat(),
            **entry,
            "invitations": row["invitations"],
            "cutoff": row["cutoff"],
            "cleared": total >= row["cutoff"],
        }

    def program(name: str) -> list[dict[str, Any]]:
        rows = [row for row in data.get(name, []) if row["date"] <= day]
        return sorted(rows, key=lambda row: row["date"])

    cec = program("cec")[-ROUNDS_COMPARED:]
    general = program("general")
    facts = {
        "total": total,
        "compared": len(cec),
        "cleared": sum(1 for row in cec if total >= row["cutoff"]),
        "data_until": data["data_until"].isoformat(),
    }
    return {
        **facts,
        "latest_cec": shown(cec[-1]) if cec else None,
        "latest_general": shown(general[-1]) if general else None,
        "cec": [shown(row) for row in cec],
        "category": [shown(row) for row in program("category")],
        "references": list(data["references"]),
        "reasons": ["crs.rounds"],
        "message": messages.render("crs.rounds", facts) if cec else None,
    }
