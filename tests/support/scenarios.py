"""Load the shared scenario files and resolve their templated values from the rules data.

A scenario file (``tests/scenarios/<topic>.json``) holds ``defaults`` and a list of
``scenarios``. Each scenario has a ``name`` (a sentence about a boundary), a ``profile``
(contract input) and either ``expect`` (a subset of the assessment) or ``expect_errors``
(the exact set of field paths reported). Any string that starts with ``=`` is a Python
expression evaluated in a small namespace: names set by the scenario's ``let`` (in order;
``app`` is the application date), the rule values in force on ``app`` (``REQUIRED``,
``CAP``...), and date and chart helpers. So a boundary follows the data when a threshold
changes; expected values are this suite's own reading of the contract, never the engine's.
``LIMITS`` holds the project's own input limits; a list written ``{"$repeat": N, "item": {}}``
and a ``profile_text`` starting with ``=`` are built from expressions too, so inputs at a
limit and one past it follow ``pycore/data/input_limits.toml``.

The chart-row scenarios (each row's lowest score and the score just below it, for every
test, chart version and ability) are generated here from ``pycore.charts.versions``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

from pycore import charts
from pycore.parameters import load, parameter
from pycore.validation import input_limits

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
ABILITIES = ("reading", "writing", "listening", "speaking")
DEFAULT_APP = date(2026, 11, 21)
CATEGORIES_START = parameter("categories", "experience_months").values[0].effective
MISSING = object()  # a template value that removes its key (for "missing field" errors)


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


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 28 February when that day does not exist."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def rule(file: str, key: str, on: date) -> Any:
    """A rule value in force on ``on`` from ``pycore/data``."""
    return parameter(file, key).value_at(on)


def accepted_from(test_id: str) -> date:
    """The first test date from which ``test_id`` results are accepted (from language.toml)."""
    for item in parameter("language", "accepted_tests").values:
        if test_id in item.value:
            return item.effective
    raise LookupError(test_id)


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it has none."""
    year, month = divmod(day.month - 1 + months, 12)
    first_next = date(day.year + year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return min(
        date(day.year + year, month + 1, 1) + timedelta(days=day.day - 1),
        first_next - timedelta(days=1),
    )


def chart_on(test_id: str, on: date) -> charts.Chart:
    """The chart version in force for a test taken on ``on``."""
    return charts.chart(test_id, on)


def row(test_id: str, on: date, level: int) -> dict[str, Any]:
    """The four lowest scores of ``level``'s row in the chart in force on ``on``."""
    for row_level, minimums in chart_on(test_id, on).rows:
        if row_level == level:
            return dict(minimums)
    raise LookupError(f"{test_id} has no level {level} row on {on}")


def below(test_id: str, on: date, level: int, ability: str) -> dict[str, Any]:
    """``level``'s row with ``ability`` one scale step under its lowest score."""
    scores = row(test_id, on, level)
    step = chart_on(test_id, on).scale[ability].step
    scores[ability] = scores[ability] - step
    return scores


def scale_step(test_id: str, on: date, ability: str) -> Any:
    """The step between two scores of ``ability`` on the scale in force on ``on``."""
    return chart_on(test_id, on).scale[ability].step


def days_for(hours: int | Fraction, per_week: int | Fraction) -> int:
    """Days at ``per_week / 7`` hours a day that accrue exactly ``hours``; error if not whole."""
    days = Fraction(hours) * 7 / Fraction(per_week)
    if days.denominator != 1:
        raise ValueError(f"{hours} h at {per_week} h/week is not a whole number of days")
    return int(days)


def namespace(app: date) -> dict[str, Any]:
    """Names available to ``=`` expressions: rule values in force on ``app`` and helpers.

    Before the first supported application date the rule values are those of that date,
    so scenarios about unsupported dates can still be written in terms of the data.
    """
    teer_start = parameter("program", "teer_system_start").values[0].value
    on = max(app, teer_start)
    newest_tef = charts.versions("tef_canada")[-1].effective
    return {
        "app": app,
        "REQUIRED": rule("work_experience", "hours_required", on),
        "CAP": rule("work_experience", "weekly_hours_cap", on),
        "WINDOW_YEARS": rule("work_experience", "window_years", on),
        "ELIGIBLE_TEERS": rule("work_experience", "eligible_teers", on),
        "CLB_TEER_0_1": rule("language", "minimum_level_teer_0_1", on),
        "CLB_TEER_2_3": rule("language", "minimum_level_teer_2_3", on),
        "VALIDITY_YEARS": rule("language", "result_validity_years", on),
        "TEER_START": teer_start,
        "PTE_ACCEPTED": accepted_from("pte_core"),
        "TEF_NEW": newest_tef,
        "CRS_WINDOW_YEARS": rule("crs", "canadian_work_window_years", on),
        "ITA_DAYS": rule("express_entry", "ita_response_days", on),
        "NOTICE_MONTHS": rule("express_entry", "test_expiry_notice_months", on),
        "months_after": months_after,
        "CATEGORY_MONTHS": rule("categories", "experience_months", max(app, CATEGORIES_START)),
        "HOURS_PER_MONTH": rule("categories", "hours_per_month", max(app, CATEGORIES_START)),
        "category_months": lambda day: rule("categories", "experience_months", day),
        "FRENCH_NCLC": next(c["nclc"] for c in load("categories")["category"] if "nclc" in c),
        "MISSING": MISSING,
        "LIMITS": input_limits(),  # the project's own input bounds (most_jobs, ...)
        "D": date.fromisoformat,
        "F": Fraction,
        "days": lambda n: timedelta(days=n),
        "years_before": years_before,
        "window_start": lambda day: years_before(
            day, rule("work_experience", "window_years", max(day, teer_start))
        ),
        "days_for": days_for,
        "row": row,
        "below": below,
        "scale_step": scale_step,
        "chart_on": chart_on,
        "floor": math.floor,
        "ceil": math.ceil,
        "len": len,
        "min": min,
        "max": max,
        "int": int,
        "round": round,
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


def _evaluate(expression: str, names: dict[str, Any]) -> Any:
    return eval(expression, {"__builtins__": {}, **names})  # noqa: S307 - the suite's own data


def resolve(value: Any, names: dict[str, Any]) -> Any:
    """``value`` with every ``=expression`` string evaluated and dates made ISO strings."""
    if isinstance(value, str) and value.startswith("="):
        result = _evaluate(value[1:], names)
        return MISSING if result is MISSING else _to_json(result)
    if isinstance(value, dict):
        resolved = {}
        for key, item in value.items():
            result = resolve(item, names)
            if result is MISSING:
                resolved.pop(key, None)  # also drops a score that a spread row put there
                continue
            if key == "scores" and isinstance(result, dict):
                resolved.update(result)  # a chart row spread into the four abilities
            else:
                resolved[key] = result
        return resolved
    if isinstance(value, list):
        return [resolve(item, names) for item in value]
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
    lets = raw.get("let", {})
    app_text = lets.get("app", DEFAULT_APP.isoformat())
    app = (
        _evaluate(app_text[1:], namespace(DEFAULT_APP))
        if app_text.startswith("=")
        else date.fromisoformat(app_text)
    )
    names = namespace(app)
    for key, expression in lets.items():
        if key == "app":
            continue
        names[key] = (
            _evaluate(expression[1:], names)
            if isinstance(expression, str) and expression.startswith("=")
            else expression
        )
    return names


def _repeated(profile: Any, names: dict[str, Any]) -> Any:
    """``jobs`` or ``language_tests`` written ``{"$repeat": N, "item": {...}}`` as N copies
    of the item (N may be an ``=`` expression), so list lengths can follow the data."""
    if not isinstance(profile, dict):
        return profile
    expanded = dict(profile)
    for key in ("jobs", "language_tests"):
        spec = profile.get(key)
        if isinstance(spec, dict) and "$repeat" in spec:
            count = resolve(spec["$repeat"], names)
            expanded[key] = [dict(spec.get("item", {})) for _ in range(count)]
    return expanded


def load_file(path: Path) -> list[Scenario]:
    """The resolved scenarios of one scenario file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    defaults = data.get("defaults", {})
    result = []
    for raw in data["scenarios"]:
        names = _scenario_names(raw)
        profile = _repeated(raw.get("profile"), names)
        profile = resolve(_with_defaults(profile, defaults), names)
        text = raw.get("profile_text")
        if isinstance(text, str) and text.startswith("="):  # input text built from the data
            text = _evaluate(text[1:], names)
        if profile is None and text is not None and "expect" in raw:
            profile = json.loads(text)  # an accepted text: its profile, for the shape checks
        result.append(
            Scenario(
                name=raw["name"],
                topic=path.stem,
                profile=profile,
                expect=resolve(raw["expect"], names) if "expect" in raw else None,
                expect_errors=raw.get("expect_errors"),
                expect_errors_cli=raw.get("expect_errors_cli", raw.get("expect_errors")),
                profile_text=text,
            )
        )
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
    with equal length, numbers to the output's one-decimal rounding, ``{"$lt": n}`` any
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
        return [] if abs(expected - actual) <= 0.05 + 1e-9 else [f"{path}: {actual} != {expected}"]
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
    return shaped
