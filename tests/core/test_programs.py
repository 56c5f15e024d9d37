"""The program registry: each program's ID and entry, the CEC's entry agreeing with the verdict."""

from __future__ import annotations

import pytest
from support.scenarios import Scenario, all_scenarios

from pycore import programs
from pycore.assessment import assess, supported_from
from pycore.programs import cec
from pycore.validation import parse_json

# Valid profiles on dates the rules cover (before them no program is judged).
JUDGED = [
    s
    for s in all_scenarios()
    if s.expect_errors is None
    and s.profile_text is None
    and s.topic in ("dates", "quebec", "mixed_occupations")
    and parse_json(s.text, False).application_date >= supported_from()
]


def test_every_program_has_an_id_and_an_entry_and_the_cec_comes_first() -> None:
    """The registry lists programs in IRCC's order, CEC first, each with a unique ID."""
    ids = [program.ID for program in programs.PROGRAMS]
    assert ids[0] == "cec" and len(set(ids)) == len(ids)
    assert all(callable(program.entry) for program in programs.PROGRAMS)


@pytest.mark.parametrize("scenario", JUDGED, ids=lambda s: s.name)
def test_the_cec_entry_says_what_the_assessment_says(scenario: Scenario) -> None:
    """The CEC entry's met is the assessment's eligible, and its requirements are the same."""
    profile = parse_json(scenario.text, False)
    result = assess(profile)
    entry = programs.entries(profile, profile.application_date)[0]
    assert entry == {
        "id": "cec",
        "met": result["eligible"],
        "requirements": result["requirements"],
        "missing": [],
    }


def test_an_entry_already_made_is_used_as_it_is() -> None:
    """entries() takes an entry the assessment already made instead of judging again."""
    profile = parse_json(JUDGED[0].text, False)
    made = {"id": cec.ID, "met": None, "requirements": [], "missing": ["x"]}
    found = programs.entries(profile, profile.application_date, {cec.ID: made})
    assert found[0] is made
    assert [entry["id"] for entry in found] == [program.ID for program in programs.PROGRAMS]
