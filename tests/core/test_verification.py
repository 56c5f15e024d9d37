"""When each value was last checked against its source, review horizons, and the notices a
result gives for values not checked within theirs (issue 19 item 5)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from support.contract import job
from support.rules import APP

from pycore import api, cli
from pycore.common import verification
from pycore.common.parameters import VERIFIED_HOW, load, parameter, parameters
from site_scripts.tables.data_values import data_files

# Files whose dated values are owned by the rounds and categories import (VERIFIED.md): the
# keys sit at the top of draws.toml and on each year of categories.toml.
TABLE_FILES = ("draws", "categories")


def dated_entries(file: str) -> list[tuple[str, dict[str, Any]]]:
    """Every dated value entry of a data file: parameter values, chart versions, changes."""
    raw = load(file)
    found = [
        (f"{file}.{key}@{item['effective']}", item)
        for key, table in raw.items()
        if isinstance(table, dict) and isinstance(table.get("values"), list)
        for item in table["values"]
    ]
    found += [(f"{file} version {v['effective']}", v) for v in raw.get("versions", [])]
    found += [(f"{file} entry {e.get('id')}", e) for e in raw.get("entries", [])]
    return found


def verified_problems(where: str, item: dict[str, Any]) -> list[str]:
    problems = []
    if not isinstance(item.get("verified"), date):
        problems.append(f"{where}: no verified date")
    if item.get("verified_how") not in VERIFIED_HOW:
        problems.append(f"{where}: verified_how {item.get('verified_how')!r}")
    return problems


def test_every_dated_value_says_when_and_how_it_was_checked() -> None:
    """Every dated value, chart version and change (outside the rounds and category tables)
    carries a verified date and one of the agreed ways it was checked."""
    problems = [
        problem
        for file in data_files()
        if file not in TABLE_FILES
        for where, item in dated_entries(file)
        for problem in verified_problems(where, item)
    ]
    problems += verified_problems("crs grid", load("crs"))
    assert problems == []


@pytest.mark.parametrize("file", TABLE_FILES)
def test_rounds_and_category_years_say_when_they_were_checked(file: str) -> None:
    """draws.toml (at its top) and each year of categories.toml say when and how they were
    last checked, as do the dated values inside categories.toml."""
    raw = load(file)
    tables = [("top", raw)] if file == "draws" else []
    tables += [(key, t) for key, t in raw.items() if key[:1] == "y" and key[1:].isdigit()]
    problems = [p for where, t in tables for p in verified_problems(f"{file} {where}", t)]
    problems += [p for where, item in dated_entries(file) for p in verified_problems(where, item)]
    assert tables and problems == []


def test_every_file_with_dated_values_has_a_review_horizon() -> None:
    """Each data file holding dated values maps to a kind with a horizon and a reason, and
    every parameter override names a parameter that exists."""
    for file in data_files():
        if dated_entries(file) or file in TABLE_FILES:
            limit = verification.horizon(verification.kind_of(file))
            assert limit.days > 0 and limit.why and limit.label, file
    for name in load("review").get("parameters", {}):
        file, key = name.split(".", 1)
        assert parameter(file, key).values, name


def test_rounds_are_reviewed_more_often_than_the_regulation() -> None:
    """Rounds go stale sooner than the CRS grid and categories, which go sooner than the rules."""
    days = {kind: verification.horizon(kind).days for kind in verification.kinds()}
    assert days["rounds"] < days["crs_grid"] <= days["rules"]
    assert days["rounds"] < days["categories"] <= days["rules"]
    assert days["rounds"] <= 45


def test_a_check_is_fresh_through_its_last_day_and_stale_the_next() -> None:
    """A value is fresh on the day its horizon ends and stale the day after (from the data)."""
    check = verification.value_check("work_experience", "hours_required", APP)
    assert check is not None and check.verified is not None
    last = check.verified + timedelta(days=verification.horizon(check.kind).days)
    assert verification.due(check) == last
    assert verification.stale([check], last) == []
    assert verification.stale([check], last + timedelta(days=1)) == [check]


def test_a_value_never_checked_is_always_stale() -> None:
    """A table without a verified date is stale on any day."""
    check = verification.table_check("draws", {"data_until": APP})
    assert check.verified is None and verification.stale([check], date(2000, 1, 1)) == [check]


def profile(**override: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "application_date": APP.isoformat(),
        "plans_to_live_in_quebec": False,
        "jobs": [job(APP.replace(year=APP.year - 2), None, 37.5, noc_code="21232")],
        "language_tests": [
            {"test": "celpip_general", "date": "2026-01-10", "reading": 9, "writing": 8}
            | {"listening": 9, "speaking": 8}
        ],
    }
    data.update(override)
    return data


def rules_last_fresh_day() -> date:
    """The last day on which every rule the verdict reads is still fresh."""
    days = [
        verification.due(check)
        for file in verification.VERDICT_FILES
        for p in parameters(file)
        if not p.guide_only
        for check in [verification.value_check(file, p.name.split(".", 1)[1], APP)]
        if check is not None
    ]
    return min(day for day in days if day is not None)


def verification_notices(result: dict[str, Any]) -> list[dict[str, Any]]:
    codes = (verification.NOTICE_STALE, verification.NOTICE_NEVER)
    return [n for n in result["notices"] if n["code"] in codes]


def test_result_names_rules_not_checked_within_their_horizon() -> None:
    """Checked the day after the rules' horizon ends, the result carries one notice for them,
    with the oldest check date; on the last fresh day it carries none."""
    last = rules_last_fresh_day()
    text = json.dumps(profile())
    fresh = json.loads(api.check_json(text, today=last.isoformat()))
    assert [n for n in verification_notices(fresh) if n["facts"]["kind"] == "rules"] == []
    late = json.loads(api.check_json(text, today=(last + timedelta(days=1)).isoformat()))
    [notice] = [n for n in verification_notices(late) if n["facts"]["kind"] == "rules"]
    assert notice["code"] == verification.NOTICE_STALE
    assert notice["facts"]["last_checked"] == (last - timedelta(days=365)).isoformat()
    assert "work_experience.hours_required" in notice["facts"]["values"]
    assert notice["facts"]["horizon_days"] == verification.horizon("rules").days


def test_result_without_the_day_gives_no_verification_notice() -> None:
    """Without the day the check runs (or with an unreadable one), nothing is compared."""
    text = json.dumps(profile())
    for today in (None, "not a date"):
        result = json.loads(api.check_json(text, today=today))
        assert verification_notices(result) == []


def test_crs_result_includes_the_grid_in_what_it_checks() -> None:
    """A result with a CRS estimate is compared on the CRS grid's shorter horizon too."""
    crs = {"date_of_birth": "1995-03-10", "education": "bachelors", "canadian_education": "none"}
    crs |= {"foreign_work_years": 0, "certificate_of_qualification": False}
    crs |= {"provincial_nomination": False, "sibling_in_canada": False, "spouse": None}
    grid = verification.table_check("crs", load("crs"))
    assert grid.verified is not None
    day = grid.verified + timedelta(days=verification.horizon("crs_grid").days + 1)
    result = json.loads(api.check_json(json.dumps(profile(crs=crs)), today=day.isoformat()))
    kinds = {n["facts"]["kind"] for n in verification_notices(result)}
    assert "crs_grid" in kinds
    plain = json.loads(api.check_json(json.dumps(profile()), today=day.isoformat()))
    assert "crs_grid" not in {n["facts"]["kind"] for n in verification_notices(plain)}


def test_french_notice_names_the_values_in_french() -> None:
    """The notice's sentence is French on a French result; its facts stay the same."""
    day = (rules_last_fresh_day() + timedelta(days=1)).isoformat()
    text = json.dumps(profile())
    en = json.loads(api.check_json(text, lang="en", today=day))
    fr = json.loads(api.check_json(text, lang="fr", today=day))
    [en_rules] = [n for n in verification_notices(en) if n["facts"]["kind"] == "rules"]
    [fr_rules] = [n for n in verification_notices(fr) if n["facts"]["kind"] == "rules"]
    assert en_rules["facts"] == fr_rules["facts"]
    assert "les règles du programme" in fr_rules["message"]


def test_cli_compares_with_the_day_given(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    """--today moves the comparison; the text report prints the notice."""
    path = tmp_path / "p.json"
    path.write_text(json.dumps(profile()), encoding="utf-8")
    day = (rules_last_fresh_day() + timedelta(days=1)).isoformat()
    assert cli.main(["check", str(path), "--format", "text", "--today", day]) == 0
    out = capsys.readouterr().out
    assert "the program rules (regulation, instructions, language charts)" in out


def test_cli_refuses_an_unreadable_day(capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    """A --today that is not a date is a usage error (exit 2), in the contract's error shape."""
    path = tmp_path / "p.json"
    path.write_text(json.dumps(profile()), encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        cli.main(["check", str(path), "--today", "2026-13-01"])
    assert stop.value.code == 2
    assert "--today" in json.loads(capsys.readouterr().out)["errors"][0]["message"]
