"""API: JSON strings in and out, one serialisation, never an exception."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest
from support.contract import job
from support.engine import random_jobs
from support.rules import APP

from pycore import api
from pycore.common import charts
from pycore.validation import ProfileError


def text() -> str:
    return json.dumps(
        {
            "application_date": APP.isoformat(),
            "plans_to_live_in_quebec": False,
            "jobs": [job(APP.replace(year=APP.year - 1), None, title="Développeuse")],
            "language_tests": [],
        }
    )


def test_check_json_returns_canonical_assessment() -> None:
    """check_json answers with compact JSON that keeps non-ASCII characters as they are."""
    output = api.check_json(text())
    assert output == api.dumps(json.loads(output))
    assert api.dumps({"title": "Développeuse", "n": [1, 2]}) == '{"title":"Développeuse","n":[1,2]}'


def test_check_json_errors_never_raise() -> None:
    """Bad input returns an errors object, whatever the input."""
    for bad in ("", "{", "[]", "1e999", '{"application_date": 5}', "\ud800"):
        assert "errors" in json.loads(api.check_json(bad))


def test_assess_raises_profile_error_with_errors() -> None:
    """assess(dict) raises ProfileError carrying the field-level errors."""
    with pytest.raises(ProfileError) as caught:
        api.assess({"application_date": "x"})
    assert {e["field"] for e in caught.value.errors} >= {"application_date"}


def test_assess_and_check_json_agree() -> None:
    """The dict API and the JSON API give the same assessment."""
    assert api.dumps(api.assess(json.loads(text()))) == api.check_json(text())


def test_form_metadata_has_tests_thresholds_teers_and_links() -> None:
    """Form metadata lists the five tests in order with scales, thresholds, TEERs and sources."""
    meta = json.loads(api.form_metadata_json())
    assert [t["id"] for t in meta["tests"]] == [
        "celpip_general",
        "ielts_general",
        "pte_core",
        "tef_canada",
        "tcf_canada",
    ]
    ielts = meta["tests"][1]
    assert ielts["scale"]["reading"] == {"min": 0, "max": 9, "step": 0.5}
    assert {
        "hours_required",
        "weekly_hours_cap",
        "window_years",
        "validity_years",
        "levels",
    } <= set(meta["thresholds"])
    assert [t["teer"] for t in meta["teer"]] == list(range(6))
    assert all(p["url"].startswith("http") for p in meta["provisions"])


def test_random_valid_profiles_always_assess() -> None:
    """Random valid profiles, dates around the rules' start, never hit the safety net."""
    rng = random.Random(5)
    for _ in range(300):
        app = APP + timedelta(days=rng.randint(-1700, 900))
        tests = []
        for _ in range(rng.randint(0, 3)):
            test_id = rng.choice(charts.TESTS)
            taken = app - timedelta(days=rng.randint(-30, 1200))
            chart = (
                charts.versions(test_id)[0]
                if taken < charts.versions(test_id)[0].effective
                else charts.chart(test_id, taken)
            )
            scores = {
                a: chart.scale[a].min
                + chart.scale[a].step
                * rng.randint(
                    0, int((chart.scale[a].max - chart.scale[a].min) / chart.scale[a].step)
                )
                for a in chart.abilities
            }
            tests.append({"test": test_id, "date": taken.isoformat(), **scores})
        body = {
            "application_date": app.isoformat(),
            "plans_to_live_in_quebec": rng.random() < 0.2,
            "jobs": random_jobs(rng, app, rng.randint(0, 6)),
            "language_tests": tests,
        }
        result = json.loads(api.check_json(json.dumps(body)))
        assert "errors" not in result, (body, result)
