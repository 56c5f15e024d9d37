"""The shared scenario suite run through pycore.api.check_json (CPython) and the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support.engine import AGREED_REASON_CODES
from support.scenarios import Scenario, all_scenarios, mismatches, requirements_by_id

from pycore.api import check_json

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = all_scenarios()
ASSESSMENTS = [s for s in SCENARIOS if s.expect is not None]
ERRORS = [s for s in SCENARIOS if s.expect_errors is not None]
REQUIREMENT_IDS = ["work_experience", "language", "quebec"]
ASSESSMENT_FIELDS = {
    "eligible",
    "as_of",
    "rules_version",
    "requirements",
    "qualifying_hours",
    "required_clb",
    "language_tests",
    "projected_work_experience_date",
    "jobs",
    "crs",
}


def by_name(scenarios: list[Scenario]) -> Any:
    """Parametrize over scenarios, each test named by its scenario's sentence."""
    return pytest.mark.parametrize("scenario", scenarios, ids=[s.name for s in scenarios])


def canonical(obj: Any) -> str:
    """The agreed serialisation (the same bytes in CPython and Pyodide)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def test_suite_is_large_and_covers_every_reason_code() -> None:
    """The files hold at least 60 scenarios and, together, expect every agreed reason code."""
    from_files = [s for s in SCENARIOS if s.topic != "chart_rows"]
    assert len(from_files) >= 60
    expected_text = json.dumps([s.expect for s in from_files])
    assert {code for code in AGREED_REASON_CODES if f'"{code}"' not in expected_text} == set()


@by_name(ASSESSMENTS)
def test_scenario_assessment(scenario: Scenario) -> None:
    """The engine's assessment matches the scenario's expected subset."""
    output = check_json(scenario.text)
    result = json.loads(output)
    assert "errors" not in result, result
    assert mismatches(scenario.expect, requirements_by_id(result)) == []


@by_name(ASSESSMENTS)
def test_scenario_output_keeps_the_contract_shape(scenario: Scenario) -> None:
    """Every assessment has the contract's fields, requirement ids and one entry per input item."""
    output = check_json(scenario.text)
    result = json.loads(output)
    assert output == canonical(result)
    assert ASSESSMENT_FIELDS <= set(result)
    assert [r["id"] for r in result["requirements"]] == REQUIREMENT_IDS
    for requirement in result["requirements"]:
        assert requirement["met"] in (True, False, None)
        assert isinstance(requirement["reasons"], list)
        assert isinstance(requirement["message"], str) and requirement["message"]
    assert len(result["jobs"]) == len(scenario.profile["jobs"])
    assert len(result["language_tests"]) == len(scenario.profile["language_tests"])
    assert result["as_of"] == scenario.profile["application_date"]
    counted = [job["counted_hours"] for job in result["jobs"]]
    if None not in counted:  # jobs are not judged at all before the first supported date
        # Each figure is rounded down to a tenth: the jobs' sum loses under a tenth each.
        tolerance = 0.1 * len(counted) + 1e-6
        assert 0 <= result["qualifying_hours"] - sum(counted) + 1e-6 <= tolerance


def assert_errors(expected: list[str] | None, result: Any) -> None:
    """``result`` is an errors object whose field paths are exactly ``expected`` ("*": any)."""
    assert set(result) == {"errors"}, result
    errors = result["errors"]
    assert errors, "no error reported"
    for error in errors:
        assert isinstance(error["field"], str)
        assert isinstance(error["message"], str) and error["message"].strip()
    assert expected is not None
    if expected != ["*"]:
        assert {e["field"] for e in errors} == set(expected), errors


@by_name(ERRORS)
def test_scenario_errors(scenario: Scenario) -> None:
    """Bad input comes back as field-level errors from check_json, never as an exception."""
    output = check_json(scenario.text)
    assert output == canonical(json.loads(output))
    assert_errors(scenario.expect_errors, json.loads(output))


@pytest.fixture
def quiet_dir(tmp_path: Path) -> Path:
    """An empty working directory (also HOME) for command-line runs."""
    work = tmp_path / "cwd"
    work.mkdir()
    return work


def run_cli(text: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m pycore check -`` with ``text`` on standard input."""
    env = {**os.environ, "HOME": str(cwd), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pycore", "check", "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


@by_name(ERRORS)
def test_scenario_errors_through_the_cli(scenario: Scenario, quiet_dir: Path) -> None:
    """The command line exits 2 with the same field paths, no traceback, and writes no file."""
    completed = run_cli(scenario.text, quiet_dir)
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    assert_errors(scenario.expect_errors_cli, json.loads(completed.stdout))
    assert list(quiet_dir.iterdir()) == []


def one_per_topic() -> list[Scenario]:
    """The first assessment scenario of each topic (the CLI is slow to start; a sample suffices)."""
    seen: dict[str, Scenario] = {}
    for scenario in ASSESSMENTS:
        seen.setdefault(scenario.topic, scenario)
    return list(seen.values())


@by_name(one_per_topic())
def test_scenario_through_the_cli(scenario: Scenario, quiet_dir: Path) -> None:
    """The command line exits 0 and prints the same assessment as check_json given the day
    the check runs (the command line's default for ``--today``)."""
    completed = run_cli(scenario.text, quiet_dir)
    assert completed.returncode == 0, completed.stderr
    today = date.today().isoformat()
    assert json.loads(completed.stdout) == json.loads(check_json(scenario.text, today=today))
    assert list(quiet_dir.iterdir()) == []


class WriteWatch:
    """Records file-system writes seen by a Python audit hook while armed."""

    WRITE_EVENTS = (
        "os.mkdir",
        "os.remove",
        "os.rename",
        "os.rmdir",
        "os.truncate",
        "os.link",
        "os.symlink",
        "os.chmod",
        "os.utime",
        "shutil.copyfile",
        "shutil.rmtree",
    )

    def __init__(self) -> None:
        self.armed = False
        self.writes: list[str] = []
        sys.addaudithook(self.hook)

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.armed:
            return
        if event == "open":
            _path, mode, flags = args
            writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if writes:
                self.writes.append(f"{event} {args!r}")
        elif event in self.WRITE_EVENTS:
            self.writes.append(f"{event} {args!r}")


def test_check_json_writes_nothing_to_disk() -> None:
    """Evaluating every scenario opens no file for writing and changes no file or folder."""
    watch = WriteWatch()  # audit hooks cannot be removed; this one stays disarmed afterwards
    watch.armed = True
    try:
        for scenario in SCENARIOS:
            check_json(scenario.text)
    finally:
        watch.armed = False
    assert watch.writes == []
