"""Form metadata: the numbers the form shows come from the same data as the rules."""

from __future__ import annotations

import re
from pathlib import Path

from pycore import validation
from pycore.assessment import REQUIREMENTS
from pycore.common import charts, messages
from pycore.common.language_tests import accepted_from
from pycore.common.parameters import parameter, source
from pycore.metadata import form_metadata

DOCS = Path(__file__).resolve().parents[2] / "docs"


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


def test_bounds_are_the_ones_the_engine_checks() -> None:
    """Hours a week and the NOC code shape in the metadata are what validation.py enforces."""
    bounds = form_metadata()["bounds"]
    highest = bounds["hours_per_week"]["max"]
    day = {"start": "2025-01-01", "end": "2025-06-01", "teer": 1, "paid": True}
    day |= {"self_employed": False, "full_time_student": False}
    day |= {"work_authorized": True, "in_canada": True}
    for hours, accepted in ((highest, True), (highest + 1, False)):
        raw = {
            "application_date": "2026-01-01",
            "plans_to_live_in_quebec": False,
            "jobs": [{**day, "hours_per_week": hours, "noc_code": "21232"}],
            "language_tests": [],
        }
        try:
            validation.parse_profile(raw)
        except validation.ProfileError as error:
            assert not accepted, (hours, error.errors)
        else:
            assert accepted, hours
    noc = bounds["noc_code"]
    code = "21232"
    assert len(code) == noc["length"] and re.fullmatch(noc["pattern"], code)
    assert not re.fullmatch(noc["pattern"], code + "1")
    assert code[noc["teer_digit"]] == "1"  # 21232 is a TEER 1 occupation


def test_each_requirement_names_cited_provisions_and_a_guide_page() -> None:
    """Every requirement links provisions that exist in sources.toml and a guide page."""
    meta = form_metadata()
    assert [item["id"] for item in meta["requirements"]] == list(REQUIREMENTS)
    listed = {item["id"] for item in meta["provisions"]}
    for item in meta["requirements"]:
        assert item["provisions"] and set(item["provisions"]) <= listed
        assert all(source(ref).url for ref in item["provisions"])
        guide = item["guide"].rstrip("/") + ".md"
        assert (DOCS / guide).is_file(), guide


def test_the_page_gets_exactly_the_interface_keys() -> None:
    """The metadata carries every ui.* template of the catalog and nothing else."""
    sent = form_metadata()["messages"]
    assert sent == {key: text for key, text in messages.catalog().items() if key.startswith("ui.")}
    assert "ui.locale" in sent


def test_the_ranking_section_offers_exactly_the_values_the_engine_accepts() -> None:
    """The form's education choices are the engine's, and its guide links are real pages."""
    from pycore.crs.profile import MAX_AGE, canadian_education_levels, education_levels

    crs = form_metadata()["crs"]
    assert tuple(item["value"] for item in crs["education"]) == education_levels()
    offered = ("none", *(item["value"] for item in crs["canadian_education"]))
    assert offered == canadian_education_levels()
    assert all(item["label"] for item in crs["education"] + crs["canadian_education"])
    assert crs["years_max"] == MAX_AGE
    docs = Path(__file__).resolve().parents[2] / "docs"
    for page in (crs["guide"], crs["changes_ahead"]):
        assert (docs / page / "index.md").exists() or (docs / f"{page.rstrip('/')}.md").exists()
