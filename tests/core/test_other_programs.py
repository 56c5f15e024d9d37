"""Other Express Entry programs: the programs array, its order, and how it prints as text."""

from __future__ import annotations

import json
from datetime import date

from support.contract import job
from support.rules import APP

from pycore.api import check_json
from pycore.cli import text_report
from pycore.common import messages
from pycore.common.parameters import parameter
from pycore.common.skilled_work import funds_needed
from pycore.programs import fst


def assess(**override: object) -> dict[str, object]:
    profile = {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [job(APP.replace(year=APP.year - 2), None, 37.5, noc_code="21232")],
        "language_tests": [],
        **override,
    }
    result: dict[str, object] = json.loads(check_json(json.dumps(profile)))
    return result


def test_programs_come_in_ircc_order_and_the_cec_repeats_the_verdict() -> None:
    """Every assessment lists cec, fsw, fst in that order; cec's met is the assessment's."""
    result = assess()
    programs = result["programs"]
    assert isinstance(programs, list)
    assert [p["id"] for p in programs] == ["cec", "fsw", "fst"]
    assert programs[0]["met"] == result["eligible"]


def test_unsupported_dates_still_list_every_program_unjudged() -> None:
    """Before the first supported date the programs are present, each with met null."""
    result = assess(application_date="2020-01-01", jobs=[])
    assert [(p["id"], p["met"]) for p in result["programs"]] == [
        ("cec", None),
        ("fsw", None),
        ("fst", None),
    ]


def test_categories_carry_programs_met() -> None:
    """Each category entry names the programs met (here the CEC's alone, or none)."""
    result = assess()
    met = [p["id"] for p in result["programs"] if p["met"] is True]
    assert all(entry["programs_met"] == met for entry in result["categories"])


def test_trade_groups_follow_the_regulation() -> None:
    """Major group 72 is a trade but not sub-major 726; 6320 and 62200 are; 62100 is not."""
    day = date(2026, 12, 6)
    assert fst.is_trade("72200", day) and not fst.is_trade("72601", day)
    assert fst.is_trade("63200", day) and fst.is_trade("62200", day)
    assert not fst.is_trade("62100", day) and not fst.is_trade("93200", day)
    assert fst.is_trade("93100", day) and not fst.is_trade(None, day)


def test_funds_beyond_the_table_add_each_member() -> None:
    """A family larger than the table's last row adds the per-member amount for each."""
    day = date(2026, 12, 6)
    table = parameter("fsw", "settlement_funds").value_at(day)
    last = len(table["by_size"])
    assert funds_needed(last, day) == table["by_size"][-1]
    assert funds_needed(last + 2, day) == table["by_size"][-1] + 2 * table["each_additional"]


def test_text_report_prints_the_programs_in_both_languages() -> None:
    """--format text lists each program with its status, in English and in French."""
    for lang, name in (("en", "Federal Skilled Worker Program"), ("fr", "travailleurs qualifiés")):
        with messages.language(lang):
            result = json.loads(check_json(json.dumps(_profile()), lang=lang))
            text = text_report(result)
        assert name in text


def _profile() -> dict[str, object]:
    return {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [job(APP.replace(year=APP.year - 2), None, 37.5, noc_code="72200", teer=2)],
        "language_tests": [],
    }
