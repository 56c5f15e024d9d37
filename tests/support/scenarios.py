"""Load the shared scenario files and resolve their templated values from the rules data.

A scenario file (``tests/scenarios/<topic>.json``) holds ``defaults`` and a list of
``scenarios``. Each scenario has a ``name`` (a sentence about a boundary), a ``profile``
(contract input) and either ``expect`` (a subset of the assessment) or ``expect_errors``
(the exact set of field paths reported); ``let`` names values for it, ``note`` is for people.
Expected values are this suite's own reading of the contract, never the engine's.

Templates: values that follow the data
--------------------------------------
A string starting with ``=`` is an expression in a small language (``support.expressions``:
numbers, ISO dates, 'texts', the names and helpers below, ``+ - * / //`` and parentheses; no
``eval``, no Python). It is replaced by its value, dates as ISO text::

    "start": "=app - days(n)"
    "hours_per_week": "=CAP / 2"
    "qualifying_hours": "=REQUIRED - CAP / 7"
    "scores": "=lowest_scores('ielts_general', app - days(30), CLB_TEER_2_3)"

``/`` is exact (hours are fractions; a whole result is an integer). A boundary written with
these names follows ``pycore/data`` when a threshold changes. ``let`` is evaluated in order,
each entry seeing the ones before it; ``app`` (the application date, a plain ISO date or an
expression) comes first and defaults to 2026-11-21. Other JSON forms:

- ``{"$repeat": N, "item": {...}}`` anywhere: a list of N copies of the item (N may be an
  expression), e.g. ``LIMITS.most_jobs`` jobs; job and test defaults apply to each copy.
- ``"scores": <a row of scores>`` in a language test spreads the four abilities into the test
  (an ability written beside it overrides the row's).
- ``"=MISSING"`` removes its key (for "missing field" errors).
- ``"profile_text": "=..."`` builds the input text itself (e.g. at the size limit).
- ``{"$lt": n}`` in ``expect`` matches any number under n.

Rule values, in force on ``app`` (on the first supported date when ``app`` is earlier):

=====================  ==========================================================================
``app``                the application date
``REQUIRED``           hours of work that make the year (work_experience.hours_required)
``CAP``                most hours a week that count (work_experience.weekly_hours_cap)
``WINDOW_YEARS``       years the window reaches back (work_experience.window_years)
``FIRST_ELIGIBLE_TEER``, ``LAST_ELIGIBLE_TEER``  the lowest and highest eligible TEER
``CLB_TEER_0_1``       the language level a TEER 0 or 1 occupation needs (language.minimum_level)
``CLB_TEER_2_3``       the language level a TEER 2 or 3 occupation needs (an error if they differ)
``VALIDITY_YEARS``     years a language result stays valid (language.result_validity_years)
``TEER_START``         the first supported application date (program.teer_system_start)
``PTE_ACCEPTED``       the first test date PTE Core results are accepted from
``TEF_NEW``            the date the newest TEF Canada chart took effect
``CRS_WINDOW_YEARS``   years of Canadian work the CRS looks back (crs.canadian_work_window_years)
``ITA_DAYS``           days to answer an invitation (express_entry.ita_response_days)
``NOTICE_MONTHS``      months ahead a test expiry is flagged (express_entry)
``CATEGORY_MONTHS``    months of experience a category asks (categories.experience_months)
``HOURS_PER_MONTH``    hours that make a month for the categories (categories.hours_per_month)
``FRENCH_NCLC``        the French category's NCLC level (categories.toml)
``LIMITS.<name>``      the project's own input bounds (input_limits.toml: ``LIMITS.most_jobs``...)
``FSW_REQUIRED``       FSW's one year in one occupation (fsw.hours_required)
``FSW_WINDOW_YEARS``   years FSW's work window reaches back (fsw.window_years)
``FSW_CLB``            FSW's language level in each ability (fsw.language_minimum_clb)
``FSW_PASS``           FSW's pass mark on the selection grid (fsw.pass_mark)
``FST_REQUIRED``       FST's hours in one trade (fst.hours_required)
``FST_WINDOW_YEARS``   years FST's work window reaches back (fst.window_years)
``MISSING``            no value: the key is removed
=====================  ==========================================================================

Helpers (``on`` is a date; ``test`` a test id such as 'celpip_general'; ``ability`` one of
'reading', 'writing', 'listening', 'speaking'):

=======================================  ===========================================================
``days(n)``                              a duration of n days (``app - days(30)``)
``years_before(day, n)``                 the same calendar day n years earlier (28 Feb for 29 Feb)
``years_after(day, n)``                  the same calendar day n years later (28 Feb for 29 Feb)
``months_after(day, n)``                 the same day n months later, or that month's last day
``window_start(day)``                    the first day of the work window of an application on day
``days_between(first, last)``            the days from first to last (``last - first``)
``days_for(hours, per_week)``            days at per_week / 7 hours a day that make exactly hours
                                         (an error when that is not a whole number of days)
``category_months(on)``                  the months of experience a category asks on ``on``
``lowest_scores(test, on, level)``       the four lowest scores of ``level``'s row in the chart in
                                         force for a test taken on ``on`` (a row, for "scores")
``lowest_score(test, on, level, ability)``  one ability's lowest score in that row
``one_step_under(test, on, level, ability)``  that row with ``ability`` one scale step lower
``highest_level(test, on)``, ``lowest_level(test, on)``  the chart's top and bottom row levels
``top_score(test, on, ability)``         the highest score of the ability's scale
``chart_start(test, on)``                the date the chart in force on ``on`` took effect
``first_chart(test)``                    the date the test's first chart took effect
``first_effective(name)``, ``first_value(name)``  the first dated value of parameter ``name``
                                         ('file.key', e.g. 'express_entry.ita_response_days'):
                                         its date, its value
``ceil(x)``, ``round(x, decimals)``      rounding up to a whole number; to ``decimals`` places
``repeat(text, n)``, ``length(text)``    text n times over; the number of characters in text
``funds(size, on)``                      the settlement funds a family of size needs on ``on``
=======================================  ===========================================================

An unknown name or helper, a value of the wrong kind (a date plus a number) or an unknown
``$`` key fails the load with the file, the scenario's name and the path of the value.

The chart-row scenarios (each row's lowest score and the score just below it, for every
test, chart version and ability) are generated here from ``pycore.common.charts.versions``.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

from pycore.common import charts
from pycore.common.parameters import Parameter, load, parameter
from pycore.validation import InputLimits, input_limits

from .expressions import ExpressionError, evaluate, parse
from .rules import (
    APP,
    exact_days_for,
    level_for_teer,
    months_after,
    rule,
    years_after,
    years_before,
)

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
DEFAULT_APP = APP  # a scenario without its own app is judged on this day
CATEGORIES_START = parameter("categories", "experience_months").values[0].effective
MISSING = object()  # a template value that removes its key (for "missing field" errors)
SCENARIO_KEYS = frozenset(
    {"name", "note", "let", "profile", "profile_text", "expect", "expect_errors"}
    | {"expect_errors_cli"}
)


class ScenarioError(ValueError):
    """A scenario value that cannot be resolved; the message names the scenario and the path."""


@dataclass(frozen=True)
class Scenario:
    """One resolved scenario: plain JSON profile and expectations."""

    name: str
    topic: str
    profile: Any
    expect: dict[str, Any] | None = None
    expect_errors: list[str] | None = None
    expect_errors_cli: list[str] | None = None  # where the command line is stricter
    profile_text: str | None = None  # raw input text, when the scenario is about the text itself
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The input exactly as handed to ``check_json``."""
        if self.profile_text is not None:
            return self.profile_text
        return json.dumps(self.profile, ensure_ascii=False)


# ---------------------------------------------------------------- date and rule helpers


def accepted_from(test_id: str) -> date:
    """The first test date from which ``test_id`` results are accepted (from language.toml)."""
    for item in parameter("language", "accepted_tests").values:
        if test_id in item.value:
            return item.effective
    raise LookupError(test_id)


def chart_on(test_id: str, on: date) -> charts.Chart:
    """The chart version in force for a test taken on ``on``."""
    return charts.chart(test_id, on)


def lowest_scores(test_id: str, on: date, level: int) -> dict[str, Any]:
    """The four lowest scores of ``level``'s row in the chart in force on ``on``."""
    for row_level, minimums in chart_on(test_id, on).rows:
        if row_level == level:
            return dict(minimums)
    raise LookupError(f"{test_id} has no level {level} row on {on}")


def one_step_under(test_id: str, on: date, level: int, ability: str) -> dict[str, Any]:
    """``level``'s row with ``ability`` one scale step under its lowest score."""
    scores = lowest_scores(test_id, on, level)
    step = chart_on(test_id, on).scale[ability].step
    scores[ability] = scores[ability] - step
    return scores


def _dated(name: Any) -> Parameter:
    """The dated parameter named ``'file.key'`` (``'express_entry.ita_response_days'``)."""
    file, _, key = str(name).partition(".")
    return parameter(file, key)


def _whole(value: Any) -> int:
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{value!r} is not a whole number")
    return value


def _on(day: date) -> date:
    """``day``, or the first supported application date when ``day`` is earlier."""
    return max(day, parameter("program", "teer_system_start").values[0].value)


HELPERS: dict[str, Callable[..., Any]] = {
    "days": lambda n: timedelta(days=_whole(n)),
    "years_before": lambda day, n: years_before(day, _whole(n)),
    "years_after": lambda day, n: years_after(day, _whole(n)),
    "months_after": lambda day, n: months_after(day, _whole(n)),
    "window_start": lambda day: years_before(
        day, rule("work_experience", "window_years", _on(day))
    ),
    "days_between": lambda first, last: (last - first).days,
    "days_for": exact_days_for,
    "category_months": lambda on: rule("categories", "experience_months", on),
    "lowest_scores": lowest_scores,
    "lowest_score": lambda test, on, level, ability: lowest_scores(test, on, level)[ability],
    "one_step_under": one_step_under,
    "highest_level": lambda test, on: chart_on(test, on).rows[0][0],
    "lowest_level": lambda test, on: chart_on(test, on).rows[-1][0],
    "top_score": lambda test, on, ability: chart_on(test, on).scale[ability].max,
    "chart_start": lambda test, on: chart_on(test, on).effective,
    "first_chart": lambda test: charts.versions(str(test))[0].effective,
    "first_effective": lambda name: _dated(name).values[0].effective,
    "first_value": lambda name: _dated(name).values[0].value,
    "ceil": math.ceil,
    "round": lambda x, decimals: round(Fraction(x), _whole(decimals)),
    "repeat": lambda text, n: str(text) * _whole(n),
    "length": lambda text: len(str(text)),
    "funds": lambda size, on: _funds(_whole(size), on),
}


def _funds(size: int, on: date) -> int:
    """The settlement funds a family of ``size`` needs on ``on`` (fsw.settlement_funds)."""
    table = rule("fsw", "settlement_funds", on)
    sizes = table["by_size"]
    if size <= len(sizes):
        return int(sizes[size - 1])
    return int(sizes[-1] + (size - len(sizes)) * table["each_additional"])


def _shared_level(teers: tuple[int, ...], on: date) -> int:
    """The language level the ``teers`` categories share (``CLB_TEER_0_1``: TEER 0 and 1)."""
    levels = {level_for_teer(teer, on) for teer in teers}
    if len(levels) != 1:
        raise ValueError(f"TEER {teers} no longer share one language level: rename the name")
    return levels.pop()


def _limit_names(limits: InputLimits) -> list[str]:
    """The input limits' fields and derived values (``hours_step``)."""
    derived = [name for name, v in vars(InputLimits).items() if isinstance(v, property)]
    return [f.name for f in fields(limits)] + derived


def namespace(app: date) -> dict[str, Any]:
    """The names expressions can use: rule values in force on ``app`` (see the module doc).

    Before the first supported application date the rule values are those of that date,
    so scenarios about unsupported dates can still be written in terms of the data.
    """
    on = _on(app)
    eligible = rule("work_experience", "eligible_teers", on)
    categories_on = max(app, CATEGORIES_START)
    limits = input_limits()
    return {
        "app": app,
        "REQUIRED": rule("work_experience", "hours_required", on),
        "CAP": rule("work_experience", "weekly_hours_cap", on),
        "WINDOW_YEARS": rule("work_experience", "window_years", on),
        "FIRST_ELIGIBLE_TEER": min(eligible),
        "LAST_ELIGIBLE_TEER": max(eligible),
        "CLB_TEER_0_1": _shared_level((0, 1), on),
        "CLB_TEER_2_3": _shared_level((2, 3), on),
        "VALIDITY_YEARS": rule("language", "result_validity_years", on),
        "TEER_START": parameter("program", "teer_system_start").values[0].value,
        "PTE_ACCEPTED": accepted_from("pte_core"),
        "TEF_NEW": charts.versions("tef_canada")[-1].effective,
        "CRS_WINDOW_YEARS": rule("crs", "canadian_work_window_years", on),
        "ITA_DAYS": rule("express_entry", "ita_response_days", on),
        "NOTICE_MONTHS": rule("express_entry", "test_expiry_notice_months", on),
        "CATEGORY_MONTHS": rule("categories", "experience_months", categories_on),
        "HOURS_PER_MONTH": rule("categories", "hours_per_month", categories_on),
        "FRENCH_NCLC": next(c["nclc"] for c in load("categories")["category"] if "nclc" in c),
        "FSW_REQUIRED": rule("fsw", "hours_required", on),
        "FSW_WINDOW_YEARS": rule("fsw", "window_years", on),
        "FSW_CLB": rule("fsw", "language_minimum_clb", on),
        "FSW_PASS": rule("fsw", "pass_mark", on),
        "FST_REQUIRED": rule("fst", "hours_required", on),
        "FST_WINDOW_YEARS": rule("fst", "window_years", on),
        "MISSING": MISSING,
        **{f"LIMITS.{name}": getattr(limits, name) for name in _limit_names(limits)},
    }


# ---------------------------------------------------------------- template resolution


def _to_json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items() if v is not MISSING}
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    return value


def _evaluate(expression: str, names: dict[str, Any], path: str) -> Any:
    """The value of ``=expression`` (without its ``=``); errors name ``path``."""
    try:
        return evaluate(parse(expression), names, HELPERS)
    except ExpressionError as error:
        raise ScenarioError(f"{path}: {error}") from None


def _expand(value: Any, names: dict[str, Any], path: str) -> Any:
    """``value`` with every ``{"$repeat": N, "item": ...}`` replaced by N copies of the item."""
    if isinstance(value, dict) and "$repeat" in value:
        if set(value) - {"$repeat", "item"}:
            raise ScenarioError(f"{path}: $repeat takes only an item, not {sorted(value)}")
        count = resolve(value["$repeat"], names, f"{path}.$repeat")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ScenarioError(f"{path}.$repeat: {count!r} is not a count")
        item = _expand(value.get("item", {}), names, f"{path}.item")
        return [copy.deepcopy(item) for _ in range(count)]
    if isinstance(value, dict):
        return {key: _expand(item, names, f"{path}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item, names, f"{path}[{i}]") for i, item in enumerate(value)]
    return value


def resolve(value: Any, names: dict[str, Any], path: str = "") -> Any:
    """``value`` with every ``=expression`` string evaluated and dates made ISO strings."""
    if isinstance(value, str) and value.startswith("="):
        result = _evaluate(value[1:], names, path)
        return MISSING if result is MISSING else _to_json(result)
    if isinstance(value, dict):
        unknown = sorted(key for key in value if key.startswith("$") and key != "$lt")
        if unknown:
            raise ScenarioError(f"{path}: unknown template key {unknown[0]!r}")
        resolved = {}
        for key, item in value.items():
            result = resolve(item, names, f"{path}.{key}" if path else key)
            if result is MISSING:
                resolved.pop(key, None)  # also drops a score that a spread row put there
                continue
            if key == "scores" and isinstance(result, dict):
                resolved.update(result)  # a chart row spread into the four abilities
            else:
                resolved[key] = result
        return resolved
    if isinstance(value, list):
        return [resolve(item, names, f"{path}[{i}]") for i, item in enumerate(value)]
    return value


def _with_defaults(profile: Any, defaults: dict[str, Any]) -> Any:
    if not isinstance(profile, dict):
        return profile
    merged = {**defaults.get("profile", {}), **profile}
    for key, default_key in (("jobs", "job"), ("language_tests", "test")):
        items = merged.get(key)
        if isinstance(items, list) and default_key in defaults:
            merged[key] = [
                {**defaults[default_key], **item} if isinstance(item, dict) else item
                for item in items
            ]
    return merged


def _scenario_names(raw: dict[str, Any]) -> dict[str, Any]:
    """The names of one scenario: the rule values on its ``app``, then its ``let`` in order."""
    lets = raw.get("let", {})
    app_value = lets.get("app", DEFAULT_APP.isoformat())
    if app_value.startswith("="):
        app = _evaluate(app_value[1:], namespace(DEFAULT_APP), "let.app")
        if not isinstance(app, date):
            raise ScenarioError(f"let.app: {app!r} is not a date")
    else:
        app = date.fromisoformat(app_value)
    names = namespace(app)
    for key, value in lets.items():
        if key != "app":
            is_expression = isinstance(value, str) and value.startswith("=")
            names[key] = _evaluate(value[1:], names, f"let.{key}") if is_expression else value
    return names


def _load_scenario(raw: dict[str, Any], defaults: dict[str, Any], topic: str) -> Scenario:
    unknown = sorted(set(raw) - SCENARIO_KEYS)
    if unknown:
        raise ScenarioError(f"unknown scenario key {unknown[0]!r}")
    names = _scenario_names(raw)
    profile = _expand(raw.get("profile"), names, "profile")
    profile = resolve(_with_defaults(profile, defaults), names, "profile")
    text = raw.get("profile_text")
    if isinstance(text, str) and text.startswith("="):  # input text built from the data
        text = _evaluate(text[1:], names, "profile_text")
        if not isinstance(text, str):
            raise ScenarioError(f"profile_text: {text!r} is not a text")
    if profile is None and text is not None and "expect" in raw:
        profile = json.loads(text)  # an accepted text: its profile, for the shape checks
    expect = None
    if "expect" in raw:
        expect = resolve(_expand(raw["expect"], names, "expect"), names, "expect")
    return Scenario(
        name=raw["name"],
        topic=topic,
        profile=profile,
        expect=expect,
        expect_errors=raw.get("expect_errors"),
        expect_errors_cli=raw.get("expect_errors_cli", raw.get("expect_errors")),
        profile_text=text,
    )


def load_file(path: Path) -> list[Scenario]:
    """The resolved scenarios of one scenario file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    defaults = data.get("defaults", {})
    result = []
    for number, raw in enumerate(data["scenarios"]):
        try:
            result.append(_load_scenario(raw, defaults, path.stem))
        except ScenarioError as error:
            name = raw.get("name", f"scenario {number}")
            raise ScenarioError(f"{path.name}: {name!r}: {error}") from None
    return result


# ---------------------------------------------------------------- generated chart rows


def chart_row_scenarios() -> Iterator[Scenario]:
    """Each chart row's lowest score and the score one step below, per test, version, ability."""
    first_judged = parameter("program", "teer_system_start").values[0].value
    for test_id in charts.TESTS:
        chart_versions = charts.versions(test_id)
        for number, version in enumerate(chart_versions):
            # A test the engine judges: accepted, on this chart, and on or after the first
            # supported application date (so a valid result is possible at all).
            test_day = max(version.effective, accepted_from(test_id), first_judged)
            if number + 1 < len(chart_versions):
                validity = rule("language", "result_validity_years", first_judged)
                if chart_versions[number + 1].effective <= years_before(first_judged, validity):
                    continue  # history only: no result on this chart is ever valid
                assert test_day < chart_versions[number + 1].effective, version
            app = test_day + timedelta(days=30)
            rows = version.rows
            for index, (level, minimums) in enumerate(rows):
                below_level = rows[index + 1][0] if index + 1 < len(rows) else None
                for ability in version.abilities:
                    scores = dict(minimums)
                    yield _chart_case(version, test_day, app, scores, ability, level, "lowest")
                    step = version.scale[ability].step
                    scores = dict(minimums)
                    scores[ability] = minimums[ability] - step
                    if scores[ability] < version.scale[ability].min:
                        continue
                    expected: Any = below_level if below_level is not None else {"$lt": level}
                    yield _chart_case(version, test_day, app, scores, ability, expected, "below")


def _chart_case(
    version: charts.Chart,
    test_day: date,
    app: date,
    scores: dict[str, Any],
    ability: str,
    expected_level: Any,
    kind: str,
) -> Scenario:
    level_text = (
        f"{version.level_name} {expected_level}"
        if isinstance(expected_level, int)
        else f"below the lowest row ({version.level_name} < {expected_level['$lt']})"
    )
    where = "the lowest score of its row" if kind == "lowest" else "one step under its row"
    name = (
        f"{version.name} {ability} {scores[ability]} ({where}, chart of "
        f"{version.effective.isoformat()}) gives {level_text}"
    )
    profile = {
        "application_date": app.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [],
        "language_tests": [{"test": version.test, "date": test_day.isoformat(), **scores}],
    }
    expect = {"language_tests": [{"valid": True, "clb": {ability: expected_level}}]}
    return Scenario(name=name, topic="chart_rows", profile=profile, expect=expect)


# ---------------------------------------------------------------- everything


def file_scenarios() -> list[Scenario]:
    """Every scenario of every file in ``tests/scenarios``, in file order."""
    result: list[Scenario] = []
    for path in sorted(SCENARIO_DIR.glob("*.json")):
        result.extend(load_file(path))
    return result


def all_scenarios() -> list[Scenario]:
    """File scenarios then the generated chart-row scenarios; names are unique."""
    result = file_scenarios() + list(chart_row_scenarios())
    names = [s.name for s in result]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"duplicate scenario names: {sorted(duplicates)}")
    return result


# ---------------------------------------------------------------- matching


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where ``actual`` differs from the subset ``expected`` (empty when it matches).

    Dicts match key by key (extra keys in ``actual`` are fine), lists element by element
    with equal length, numbers to the output's one decimal (hours rounded down, shortfalls up:
    within a tenth either way), ``{"$lt": n}`` any
    number under n.
    """
    if isinstance(expected, dict) and set(expected) == {"$lt"}:
        ok = isinstance(actual, (int, float)) and not isinstance(actual, bool)
        return [] if ok and actual < expected["$lt"] else [f"{path}: {actual!r} !< {expected}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        problems = []
        for key, item in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing")
            else:
                problems.extend(mismatches(item, actual[key], f"{path}.{key}"))
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        problems = []
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            problems.extend(mismatches(want, got, f"{path}[{index}]"))
        return problems
    if _is_number(expected) and _is_number(actual):
        return [] if abs(expected - actual) < 0.1 - 1e-9 else [f"{path}: {actual} != {expected}"]
    if expected != actual or isinstance(expected, bool) != isinstance(actual, bool):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def expectations(scenario: Scenario) -> dict[str, Any]:
    """The scenario's ``expect`` with the requirements list turned into a by-id mapping."""
    return scenario.expect or {}


def requirements_by_id(assessment: dict[str, Any]) -> dict[str, Any]:
    """The assessment with ``requirements`` (and the CRS ``factors`` and ``improvements``)
    keyed by id, so expectations can name them."""
    shaped = dict(assessment)
    if isinstance(assessment.get("requirements"), list):
        shaped["requirements"] = {r.get("id"): r for r in assessment["requirements"]}
    crs = assessment.get("crs")
    if isinstance(crs, dict):  # the CRS factors and improvements, keyed by id too
        shaped["crs"] = {
            **crs,
            **{
                key: {item.get("id"): item for item in crs[key]}
                for key in ("factors", "improvements")
                if isinstance(crs.get(key), list)
            },
        }
    if isinstance(assessment.get("categories"), list):  # categories in force, keyed by id
        shaped["categories"] = {c.get("id"): c for c in assessment["categories"]}
    if isinstance(assessment.get("programs"), list):  # programs, their requirements, factors
        shaped["programs"] = {p.get("id"): _program_by_id(p) for p in assessment["programs"]}
    return shaped


def _program_by_id(program: dict[str, Any]) -> dict[str, Any]:
    shaped = dict(program)
    if isinstance(program.get("requirements"), list):
        shaped["requirements"] = {r.get("id"): r for r in program["requirements"]}
    points = program.get("points")
    if isinstance(points, dict) and isinstance(points.get("factors"), list):
        shaped["points"] = {**points, "factors": {f.get("id"): f for f in points["factors"]}}
    return shaped
