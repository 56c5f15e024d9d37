"""Validation: every contract breach is reported with its field path, all at once."""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_support import APP, job

from pycore import charts
from pycore.validation import ProfileError, parse_json, parse_profile


def base() -> dict[str, Any]:
    """A valid profile with one job and one test, to break one field at a time."""
    return {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [job(APP.replace(year=APP.year - 1), None, 37.5, noc_code="21232")],
        "language_tests": [
            {
                "test": "ielts_general",
                "date": "2026-01-10",
                "reading": 7,
                "writing": 6.5,
                "listening": 8,
                "speaking": 6,
            }
        ],
    }


def errors(data: Any, strict: bool = False) -> dict[str, str]:
    """Field path -> error code for a profile expected to be rejected."""
    with pytest.raises(ProfileError) as caught:
        parse_profile(data, strict)
    return {e["field"]: e["code"] for e in caught.value.errors}


def broken(path: str, value: Any) -> dict[str, Any]:
    """``base()`` with one field (``jobs.0.end`` style path) set, or removed when value is ...."""
    data = base()
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


def test_valid_profile_parses_to_typed_values() -> None:
    """A valid profile gives frozen dataclasses with dates and exact hours."""
    parsed = parse_profile(base())
    assert parsed.application_date == APP
    assert parsed.jobs[0].hours_per_week * 2 == 75
    assert parsed.language_tests[0].scores["writing"] == 6.5


@pytest.mark.parametrize(
    ("path", "value", "field", "code"),
    [
        ("application_date", "2026-02-30", "application_date", "input.not_date"),
        ("application_date", "20261121", "application_date", "input.not_date"),
        ("application_date", ..., "application_date", "input.missing"),
        ("application_date", "1800-01-01", "application_date", "input.date_out_of_range"),
        ("plans_to_live_in_quebec", "no", "plans_to_live_in_quebec", "input.not_boolean"),
        ("plans_to_live_in_quebec", ..., "plans_to_live_in_quebec", "input.missing"),
        ("jobs", {}, "jobs", "input.not_array"),
        ("jobs.0.teer", 6, "jobs[0].teer", "input.teer_range"),
        ("jobs.0.teer", -1, "jobs[0].teer", "input.teer_range"),
        ("jobs.0.teer", True, "jobs[0].teer", "input.teer_range"),
        ("jobs.0.teer", ..., "jobs[0].teer", "input.missing"),
        ("jobs.0.noc_code", "2123", "jobs[0].noc_code", "input.noc_format"),
        ("jobs.0.noc_code", 21232, "jobs[0].noc_code", "input.noc_format"),
        ("jobs.0.noc_code", "22232", "jobs[0].noc_code", "input.noc_teer_mismatch"),
        ("jobs.0.start", "2025-13-01", "jobs[0].start", "input.not_date"),
        ("jobs.0.start", ..., "jobs[0].start", "input.missing"),
        ("jobs.0.end", "2020-01-01", "jobs[0].end", "input.end_before_start"),
        ("jobs.0.hours_per_week", 0, "jobs[0].hours_per_week", "input.hours_range"),
        ("jobs.0.hours_per_week", 168.5, "jobs[0].hours_per_week", "input.hours_range"),
        ("jobs.0.hours_per_week", True, "jobs[0].hours_per_week", "input.not_number"),
        ("jobs.0.hours_per_week", "30", "jobs[0].hours_per_week", "input.not_number"),
        ("jobs.0.paid", 1, "jobs[0].paid", "input.not_boolean"),
        ("jobs.0.in_canada", ..., "jobs[0].in_canada", "input.missing"),
        ("jobs.0.title", 5, "jobs[0].title", "input.not_text"),
        ("jobs.0", "a job", "jobs[0]", "input.not_object"),
        ("language_tests.0.test", "ielts_academic", "language_tests[0].test", "input.unknown_test"),
        ("language_tests.0.date", None, "language_tests[0].date", "input.missing"),
        ("language_tests.0.reading", 6.3, "language_tests[0].reading", "input.score_off_scale"),
        ("language_tests.0.reading", 9.5, "language_tests[0].reading", "input.score_off_scale"),
        ("language_tests.0.speaking", False, "language_tests[0].speaking", "input.not_number"),
        ("language_tests.0.speaking", ..., "language_tests[0].speaking", "input.missing"),
    ],
)
def test_each_error_kind_has_its_field_path(path: str, value: Any, field: str, code: str) -> None:
    """Breaking one field reports exactly that field with its error code."""
    assert errors(broken(path, value)) == {field: code}


def test_scale_edges_are_derived_from_charts() -> None:
    """Each test's scale ends are accepted and one step beyond is rejected, per ability."""
    for test_id in charts.TESTS:
        version = charts.versions(test_id)[-1]
        for ability, scale in version.scale.items():
            for score, ok in (
                (scale.min, True),
                (scale.max, True),
                (scale.max + scale.step, False),
                (scale.min - scale.step, False),
            ):
                data = broken(
                    "language_tests.0",
                    {
                        "test": test_id,
                        "date": version.effective.isoformat(),
                        **dict.fromkeys(charts.ABILITIES, version.scale["reading"].min),
                        ability: score,
                    },
                )
                if ok:
                    parse_profile(data)
                else:
                    assert errors(data) == {f"language_tests[0].{ability}": "input.score_off_scale"}


def test_every_problem_is_reported_at_once() -> None:
    """Several broken fields in several entries are all reported in one error list."""
    data = base()
    data["jobs"].append(dict(data["jobs"][0], hours_per_week=-1, start="x"))
    data["language_tests"][0]["writing"] = "7"
    data["plans_to_live_in_quebec"] = None
    assert set(errors(data)) == {
        "plans_to_live_in_quebec",
        "jobs[1].hours_per_week",
        "jobs[1].start",
        "language_tests[0].writing",
    }


def test_not_json_and_not_object() -> None:
    """Text that is not JSON, or JSON that is not an object, is one error on the whole document."""
    for text in ("{", "", "[1, 2]", "null", '{"a": NaN}'):
        with pytest.raises(ProfileError) as caught:
            parse_json(text)
        assert [e["field"] for e in caught.value.errors] == [""]


def test_missing_lists_allowed_except_when_strict() -> None:
    """No jobs or tests key means none entered; the strict command-line mode wants both lists."""
    data = base()
    del data["jobs"], data["language_tests"]
    assert parse_profile(data).jobs == ()
    assert errors(data, strict=True) == {"jobs": "input.missing", "language_tests": "input.missing"}


def test_messages_are_sentences() -> None:
    """Every error carries a non-empty message from the catalog."""
    with pytest.raises(ProfileError) as caught:
        parse_json(json.dumps(broken("jobs.0.noc_code", "22232")))
    assert "TEER" in caught.value.errors[0]["message"]
