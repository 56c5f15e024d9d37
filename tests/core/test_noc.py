"""The NOC 2021 table: its provenance, its round trip, its regeneration tool, and code checks."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from pycore.api import check_json
from pycore.common import noc
from pycore.common.parameters import load, source
from tools import noc_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "noc"
DATA = resources.files("pycore").joinpath("data")
TABLE = load(noc.TABLE)


def titles_bytes() -> bytes:
    """The committed titles file, as bytes."""
    return DATA.joinpath(TABLE["titles_file"]).read_bytes()


def titles_rows() -> list[noc_table.Row]:
    """The committed titles file as (code, English, French) rows."""
    lines = titles_bytes().decode("utf-8").splitlines()
    assert lines[0] == noc_table.TITLES_HEADER
    return [tuple(line.split("\t")) for line in lines[1:]]  # type: ignore[misc]


def test_titles_file_matches_the_checksum_recorded_with_the_codes() -> None:
    """The titles file is byte for byte the one whose SHA-256 the codes file records."""
    assert hashlib.sha256(titles_bytes()).hexdigest() == TABLE["titles_sha256"]


def test_codes_and_titles_round_trip() -> None:
    """Codes file, titles file and the tool's writer agree: same codes, same bytes back."""
    rows = titles_rows()
    assert [code for code, _, _ in rows] == TABLE["codes"]
    assert noc_table.titles_text(rows).encode() == titles_bytes()
    assert len(rows) == TABLE["unit_groups"] == len(noc.unit_groups())
    noc_table.check_rows(rows)  # five digits, TEER digit 0-5, both titles, no duplicates


def test_table_names_its_source_version_and_licence() -> None:
    """The data says NOC 2021 V1.0, Statistics Canada, the Open Licence, and the copy it read."""
    assert noc.version() == TABLE["noc_version"] == noc_table.NOC_VERSION
    assert TABLE["publisher"] == "Statistics Canada"
    assert "Open Licence" in TABLE["licence"] and "Statistics Canada" in TABLE["attribution"]
    copy = TABLE["source_copy"]
    assert len(copy["sha256"]) == 64 and copy["origin"]
    for ref in TABLE["references"]:
        source(ref)


def test_teer_follows_from_the_code() -> None:
    """A unit group's TEER is its second digit, and every TEER 0-5 has unit groups."""
    assert noc.teer("21232") == 1 and noc.teer("63200") == 3
    assert {noc.teer(code) for code in noc.unit_groups()} == set(range(6))


def test_sampled_titles_are_the_official_ones() -> None:
    """Rows checked against the official elements CSVs and Statistics Canada's STEM variant page."""
    rows = {code: (en, fr) for code, en, fr in titles_rows()}
    assert rows["00010"] == ("Legislators", "Membres des corps législatifs")
    assert rows["00011"] == (
        "Senior government managers and officials",
        "Cadres supérieurs/cadres supérieures - administration publique",
    )
    assert rows["72204"][0] == "Telecommunications line and cable installers and repairers"
    # Statistics Canada's own page of the NOC 2021 V1.0 STEM variant (A3) lists these titles.
    statcan_stem_a3 = {
        "20012": "Computer and information systems managers",
        "21210": "Mathematicians, statisticians and actuaries",
        "21211": "Data scientists",
        "21220": "Cybersecurity specialists",
        "21221": "Business systems specialists",
        "21222": "Information systems specialists",
        "21223": "Database analysts and data administrators",
        "21230": "Computer systems developers and programmers",
        "21231": "Software engineers and designers",
        "21232": "Software developers and programmers",
        "21234": "Web developers and programmers",
        "22220": "Computer network and web technicians",
        "22222": "Information systems testing technicians",
    }
    assert {code: rows[code][0] for code in statcan_stem_a3} == statcan_stem_a3
    assert rows["72205"][0] == (
        "Telecommunications equipment installation and cable television service technicians"
    )


def test_tool_reads_the_official_elements_csvs() -> None:
    """From official-format EN and FR files: one row per unit group, titles paired by code."""
    english = (FIXTURES / "noc_2021_version_1.0_-_elements.csv").read_text(encoding="utf-8")
    french = (FIXTURES / "cnp_2021_version_1.0_-_elements.csv").read_text(encoding="utf-8")
    rows = noc_table.rows_from_elements(english, french)
    assert [code for code, _, _ in rows] == ["00010", "63200", "72205"]
    assert rows[1] == ("63200", "Cooks", "Cuisiniers/cuisinières")
    with pytest.raises(ValueError, match="differ in codes"):
        noc_table.rows_from_elements(english, french.replace("5,63200,", "5,63201,"))


def test_tool_reads_the_bilingual_copy_and_pads_codes() -> None:
    """The copy's array gives the same row shape; a code written without zeros is padded."""
    rows = noc_table.rows_from_bilingual_copy(
        (FIXTURES / "noc2021_bilingual.js").read_text(encoding="utf-8")
    )
    assert rows == [
        ("00010", "Legislators", "Membres des corps législatifs"),
        ("63200", "Cooks", "Cuisiniers/cuisinières"),
    ]


def test_tool_writes_both_files(tmp_path: Path) -> None:
    """The command line writes codes with provenance and titles whose checksum it records."""
    assert noc_table.main([
        "--en", str(FIXTURES / "noc_2021_version_1.0_-_elements.csv"),
        "--fr", str(FIXTURES / "cnp_2021_version_1.0_-_elements.csv"),
        "--out", str(tmp_path), "--date", "2026-11-30",
    ]) == 0  # fmt: skip
    import tomllib

    written = tomllib.loads((tmp_path / noc_table.TOML_NAME).read_text(encoding="utf-8"))
    titles = (tmp_path / noc_table.TITLES_NAME).read_bytes()
    assert written["codes"] == ["00010", "63200", "72205"]
    assert written["titles_sha256"] == hashlib.sha256(titles).hexdigest()
    assert written["generated"] == date(2026, 11, 30)
    assert written["source_copy"]["origin"] == "Statistics Canada (official files)"


def test_tool_rejects_a_code_that_is_not_a_unit_group() -> None:
    """A TEER digit above 5 or a short code stops the tool before anything is written."""
    for bad in ("06200", "6320"):
        with pytest.raises(ValueError):
            noc_table.check_rows([(bad, "x", "y")])


def profile_with(code: str, teer: int) -> str:
    """A one-job profile in ``code``."""
    job = {
        "noc_code": code, "teer": teer, "start": "2025-01-06", "end": None,
        "hours_per_week": 30, "paid": True, "self_employed": False,
        "full_time_student": False, "work_authorized": True, "in_canada": True,
    }  # fmt: skip
    return json.dumps({"application_date": "2026-11-21", "plans_to_live_in_quebec": False,
                       "jobs": [job], "language_tests": []})  # fmt: skip


def test_unknown_code_is_a_field_error() -> None:
    """A well-formed code that is no unit group is an error on the field, not a silent TEER."""
    unknown = next(f"6{t}{n:03d}" for t in range(4) for n in range(1000)
                   if f"6{t}{n:03d}" not in noc.unit_groups())  # fmt: skip
    answer = json.loads(check_json(profile_with(unknown, int(unknown[1]))))
    assert [(e["field"], e["code"]) for e in answer["errors"]] == [
        ("jobs[0].noc_code", "input.noc_unknown")
    ]
    assert (
        unknown in answer["errors"][0]["message"]
        and noc.version() in answer["errors"][0]["message"]
    )
    assert "errors" not in json.loads(check_json(profile_with("63200", 3)))
