"""API: JSON strings in and out, one serialisation, never an exception."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from support.contract import job
from support.engine import random_jobs
from support.rules import APP
from support.scenarios import file_scenarios

from pycore import api
from pycore.common import charts
from pycore.validation import ProfileError

ROOT = Path(__file__).resolve().parents[2]


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


# Checks every scenario in a fresh interpreter, after ``api.warm_up`` when asked: a snapshot of
# Python taken after the warm-up must answer exactly as a freshly started one.
CHECK_ALL = """
import json, sys
from pycore import api
texts = json.load(sys.stdin)
if sys.argv[1] == "warm":
    api.warm_up("en")
    api.warm_up("fr")
answers = [api.check_json(t, lang=lang, today="2026-12-07") for t in texts for lang in ("en", "fr")]
print(json.dumps(answers))
"""


def test_warm_up_changes_no_answer() -> None:
    """Every scenario, in both languages, answers the same with and without the warm-up first
    (it must leave no state behind but the data it read)."""
    texts = [scenario.text for scenario in file_scenarios()]
    outputs = {
        mode: subprocess.run(
            [sys.executable, "-c", CHECK_ALL, mode],
            input=json.dumps(texts),
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
        for mode in ("cold", "warm")
    }
    assert len(json.loads(outputs["cold"])) == 2 * len(texts) > 100
    assert outputs["warm"] == outputs["cold"]


def test_sample_profiles_are_valid_and_ranked() -> None:
    """The built-in samples (the warm-up's, the trace's, the bench's) pass validation, and the
    ranked one reaches the ranking, so the warm-up reads the CRS's data too."""
    for sample in (api.SAMPLE_PROFILE, api.RANKED_SAMPLE):
        assert "errors" not in json.loads(api.check_json(json.dumps(sample)))
    assert json.loads(api.check_json(json.dumps(api.RANKED_SAMPLE)))["crs"]["total"] > 0
