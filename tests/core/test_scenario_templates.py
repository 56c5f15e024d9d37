"""The scenario files' template language: exact, data-derived, and loud about mistakes."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from support.scenarios import DEFAULT_APP, ScenarioError, load_file, namespace, resolve

from pycore.common.parameters import parameter

NAMES = namespace(DEFAULT_APP)
CAP = parameter("work_experience", "weekly_hours_cap").value_at(DEFAULT_APP)


def scenario_file(tmp_path: Path, scenario: dict[str, Any]) -> Path:
    """A scenario file holding ``scenario`` alone."""
    path = tmp_path / "topic.json"
    path.write_text(json.dumps({"scenarios": [{"name": "A named case", **scenario}]}))
    return path


def test_division_is_exact_and_whole_results_are_integers() -> None:
    """``/`` divides exactly: a seventh of the cap is a fraction, the cap over 1 an integer."""
    assert resolve("=CAP / 7", NAMES) == float(Fraction(CAP, 7))
    assert resolve("=CAP / 1", NAMES) == CAP and isinstance(resolve("=CAP / 1", NAMES), int)


def test_dates_take_durations_and_come_out_as_iso_text() -> None:
    """A date literal plus ``days(n)`` is a date, written back as ISO text."""
    assert resolve("=2024-02-28 + days(1)", NAMES) == "2024-02-29"
    assert resolve("=years_after(2024-02-29, 1)", NAMES) == "2025-02-28"


@pytest.mark.parametrize(
    "expression",
    ["=__import__('os')", "=app.isoformat()", "=[1, 2]", "=CAP if CAP else 0", "=app + 1"],
)
def test_python_beyond_the_language_is_refused(expression: str) -> None:
    """Calls, attributes, lists or mixed kinds outside the documented language fail to resolve."""
    with pytest.raises(ScenarioError):
        resolve(expression, NAMES, "profile.x")


def test_an_unknown_name_fails_with_file_scenario_and_path(tmp_path: Path) -> None:
    """A misspelled name stops the load, naming the file, the scenario and the value's path."""
    path = scenario_file(tmp_path, {"profile": {"jobs": [{"hours_per_week": "=CAPP"}]}})
    with pytest.raises(ScenarioError) as error:
        load_file(path)
    message = str(error.value)
    assert "topic.json" in message and "'A named case'" in message
    assert "profile.jobs[0].hours_per_week" in message and "CAP" in message


@pytest.mark.parametrize(
    "scenario",
    [
        {"profile": {"jobs": {"$repeats": 2, "item": {}}}},
        {"profile": {}, "expects": {}},
        {"let": {"n": "=days_fr(REQUIRED, CAP)"}, "profile": {}},
    ],
    ids=["unknown $ key", "unknown scenario key", "unknown helper in let"],
)
def test_unknown_keys_and_helpers_fail_loudly(tmp_path: Path, scenario: dict[str, Any]) -> None:
    """A key or helper the language does not define is an error, never ignored."""
    with pytest.raises(ScenarioError, match="A named case"):
        load_file(scenario_file(tmp_path, scenario))


def test_repeat_makes_copies_that_take_the_job_defaults(tmp_path: Path) -> None:
    """``$repeat`` gives N copies of its item, each completed by the file's job defaults."""
    path = tmp_path / "topic.json"
    raw = {
        "defaults": {"job": {"teer": 1}},
        "scenarios": [
            {
                "name": "Copies",
                "let": {"k": "=LIMITS.most_jobs - 1"},
                "profile": {"jobs": {"$repeat": "=k", "item": {"paid": True}}},
            }
        ],
    }
    path.write_text(json.dumps(raw))
    (scenario,) = load_file(path)
    assert scenario.profile["jobs"] == [{"teer": 1, "paid": True}] * (NAMES["LIMITS.most_jobs"] - 1)
