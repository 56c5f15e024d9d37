"""Form metadata: the numbers the form shows come from the same data as the rules."""

from __future__ import annotations

from pycore import charts
from pycore.language import accepted_from
from pycore.metadata import form_metadata
from pycore.parameters import parameter


def test_thresholds_match_parameters() -> None:
    """Hours, cap and window in the metadata are the parameters in force."""
    meta = form_metadata()
    rules_day = max(v.effective for v in parameter("work_experience", "hours_required").values)
    assert meta["thresholds"]["hours_required"] == parameter(
        "work_experience", "hours_required"
    ).value_at(rules_day)
    assert meta["thresholds"]["window_years"] == parameter(
        "work_experience", "window_years"
    ).value_at(rules_day)


def test_tests_carry_accepted_from_and_every_chart_version_scale() -> None:
    """Each test lists when it is accepted from and the scale of each chart version."""
    for entry in form_metadata()["tests"]:
        first = accepted_from(entry["id"])
        assert entry["accepted_from"] == (first.isoformat() if first else None)
        assert len(entry["versions"]) == len(charts.versions(entry["id"]))
        assert entry["level_name"] in ("CLB", "NCLC")
