"""The contract's JSON Schemas (pycore/schemas/) accept what the engine reads and writes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from support.scenarios import all_scenarios

from pycore.api import check_json, form_metadata_json
from pycore.common import charts

SCHEMAS = Path(__file__).resolve().parents[2] / "pycore" / "schemas"
NAMES = ("profile", "assessment", "errors", "metadata")
SCENARIOS = all_scenarios()

# The contract's own examples (shared spec, "CRS estimate"): a profile's crs and a result's crs.
CRS_PROFILE = {
    "date_of_birth": "1997-03-10",
    "education": "bachelors",
    "canadian_education": "none",
    "foreign_work_years": 0,
    "canadian_work_years": None,
    "certificate_of_qualification": False,
    "provincial_nomination": False,
    "sibling_in_canada": False,
    "spouse": {
        "education": "bachelors",
        "canadian_work_years": 1,
        "language_test": {
            "test": "celpip_general",
            "date": "2026-03-01",
            "reading": 7,
            "writing": 7,
            "listening": 8,
            "speaking": 7,
        },
    },
}
CRS_RESULT = {
    "total": 410,
    "core": 372,
    "spouse": 0,
    "transferability": 38,
    "additional": 0,
    "grid_effective": "2025-03-25",
    "missing": [],
    "factors": [{"id": "age", "points": 88, "max": 110, "reasons": ["crs.age"], "message": "..."}],
}


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for ``pycore/schemas/<name>.schema.json`` that also checks date formats."""
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def problems(name: str, instance: Any) -> list[str]:
    """Each schema violation of ``instance`` as ``path: message`` (empty when valid)."""
    return [
        f"{error.json_path}: {error.message}" for error in validator(name).iter_errors(instance)
    ]


def assessed_profile() -> dict[str, Any]:
    """A valid profile from the scenario suite: one with jobs and language tests."""
    return next(
        s.profile
        for s in SCENARIOS
        if s.expect is not None and s.profile["jobs"] and s.profile["language_tests"]
    )


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_valid_draft_2020_12(name: str) -> None:
    """Every schema file is itself a valid JSON Schema (draft 2020-12) and says so."""
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_folder_holds_exactly_the_documented_schemas() -> None:
    """The folder has one schema per contract document, each named in its README."""
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    found = sorted(path.name for path in SCHEMAS.glob("*.json"))
    assert found == sorted(f"{name}.schema.json" for name in NAMES)
    assert all(f"`{name}`" in readme for name in found)


def test_every_assessed_scenario_profile_validates() -> None:
    """Each scenario input the engine assesses is a valid profile under the schema."""
    failing = {
        s.name: problems("profile", s.profile)
        for s in SCENARIOS
        if s.expect is not None and s.profile_text is None
    }
    assert {name: found for name, found in failing.items() if found} == {}


def test_every_scenario_assessment_validates() -> None:
    """Each assessment produced for the scenarios carries every field the schema requires."""
    failing = {
        s.name: problems("assessment", json.loads(check_json(s.text)))
        for s in SCENARIOS
        if s.expect is not None
    }
    assert {name: found for name, found in failing.items() if found} == {}


def test_every_scenario_error_output_validates() -> None:
    """Each error scenario answers with the errors shape, on the form's and the CLI's paths."""
    failing = {
        (s.name, strict): problems("errors", json.loads(check_json(s.text, strict)))
        for s in SCENARIOS
        if s.expect_errors is not None
        for strict in (False, True)
    }
    assert {key: found for key, found in failing.items() if found} == {}


def test_form_metadata_validates() -> None:
    """The form metadata the page receives matches the metadata schema."""
    assert problems("metadata", json.loads(form_metadata_json())) == []


def test_profile_schema_lists_the_tests_that_have_charts() -> None:
    """The schema's test names are exactly the tests with a chart in pycore/data/charts/."""
    tests = validator("profile").schema["$defs"]["language_test"]["properties"]["test"]["enum"]
    assert sorted(tests) == sorted(charts.TESTS)


def test_contract_crs_examples_validate() -> None:
    """The contract's CRS examples fit: a profile's crs section and an assessment's crs result."""
    assert problems("profile", {**assessed_profile(), "crs": CRS_PROFILE}) == []
    assessment = json.loads(check_json(json.dumps(assessed_profile())))
    assert problems("assessment", {**assessment, "crs": CRS_RESULT}) == []
    assert problems("assessment", {**assessment, "crs": None}) == []


def test_profile_schema_rejects_a_misspelt_field() -> None:
    """A job field under another name (hours_per_weeks) fails as the contract's field missing."""
    profile = assessed_profile()
    job = dict(profile["jobs"][0])
    job["hours_per_weeks"] = job.pop("hours_per_week")
    found = problems("profile", {**profile, "jobs": [job]})
    assert found == ["$.jobs[0]: 'hours_per_week' is a required property"]


def test_profile_schema_rejects_values_outside_the_contract() -> None:
    """An unknown test, a TEER above 5, an unknown education level and a slashed date fail."""
    profile = assessed_profile()
    bad_test = {**profile["language_tests"][0], "test": "toefl"}
    bad_job = {**profile["jobs"][0], "teer": 6, "start": "21/11/2025"}
    crs = {**CRS_PROFILE, "education": "phd"}
    found = problems(
        "profile", {**profile, "jobs": [bad_job], "language_tests": [bad_test], "crs": crs}
    )
    assert sorted(problem.split(":")[0] for problem in found) == [
        "$.crs.education",
        "$.jobs[0].start",
        "$.jobs[0].start",
        "$.jobs[0].teer",
        "$.language_tests[0].test",
    ]


def test_assessment_schema_rejects_a_renamed_field_but_allows_extra_ones() -> None:
    """Renaming a result field breaks the contract; adding one does not."""
    assessment = json.loads(check_json(json.dumps(assessed_profile())))
    renamed = {**assessment, "qualifying_hour": assessment["qualifying_hours"]}
    del renamed["qualifying_hours"]
    assert problems("assessment", renamed) == ["$: 'qualifying_hours' is a required property"]
    assert problems("assessment", {**assessment, "more": 1}) == []


def test_errors_schema_rejects_an_error_without_its_field_path() -> None:
    """An error keyed ``path`` instead of ``field`` is not the errors shape."""
    error = {"path": "jobs[0].end", "code": "input.end_before_start", "message": "..."}
    assert problems("errors", {"errors": [error]}) != []
