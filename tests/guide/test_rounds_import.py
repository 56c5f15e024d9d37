"""The rounds import: IRCC's rounds JSON merged into draws.toml, validated, idempotent."""

from __future__ import annotations

import json
import shutil
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tools import rounds_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE_JSON = FIXTURES / "ee_rounds_sample.json"
CATEGORIES = rounds_import.ROOT / "pycore" / "data" / "categories.toml"


@pytest.fixture
def draws_file(tmp_path: Path) -> Path:
    """A writable copy of the small draws fixture."""
    target = tmp_path / "draws.toml"
    shutil.copy(FIXTURES / "draws_sample.toml", target)
    return target


def sample() -> dict[str, Any]:
    """The recorded sample of IRCC's JSON."""
    data: dict[str, Any] = json.loads(SAMPLE_JSON.read_text(encoding="utf-8"))
    return data


def rows(path: Path, section: str) -> list[dict[str, Any]]:
    """The rows of one section of a draws file."""
    found: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))[section]
    return found


def test_new_cec_rounds_after_data_until_are_added_and_the_date_moves_on(draws_file: Path) -> None:
    """CEC rounds dated after data_until are appended; data_until becomes the newest round."""
    before = {row["number"] for row in rows(draws_file, "cec")}
    until = tomllib.loads(draws_file.read_text())["data_until"]
    assert rounds_import.run([str(SAMPLE_JSON)], draws_file) == 0
    expected = [
        r
        for r in sample()["rounds"]
        if r["drawName"] == "Canadian Experience Class" and r["drawDate"] > until.isoformat()
    ]
    after = rows(draws_file, "cec")
    added = [row for row in after if row["number"] not in before]
    assert [row["number"] for row in added] == [int(r["drawNumber"]) for r in expected]
    for row, raw in zip(added, expected, strict=True):
        assert row["invitations"] == int(raw["drawSize"].replace(",", ""))
        assert row["cutoff"] == int(raw["drawCRS"])
    newest = max(r["drawDate"] for r in sample()["rounds"])
    assert tomllib.loads(draws_file.read_text())["data_until"].isoformat() == newest


def test_running_twice_changes_nothing_the_second_time(draws_file: Path) -> None:
    """The import is idempotent: the second run leaves the file byte for byte as the first."""
    assert rounds_import.run([str(SAMPLE_JSON)], draws_file) == 0
    once = draws_file.read_bytes()
    assert rounds_import.run([str(SAMPLE_JSON)], draws_file) == 0
    assert draws_file.read_bytes() == once


def test_history_comments_and_other_sections_are_kept(draws_file: Path) -> None:
    """No row is ever removed, and the file's comments and ranges stay as written."""
    original = draws_file.read_text()
    old = tomllib.loads(original)
    assert rounds_import.run([str(SAMPLE_JSON)], draws_file) == 0
    new = tomllib.loads(draws_file.read_text())
    for section in ("cec", "general", "category", "ranges"):
        assert all(row in new[section] for row in old[section]), section
    for line in original.splitlines():
        if line.startswith("#"):
            assert line in draws_file.read_text()


def test_every_round_type_after_data_until_is_kept_in_its_section(draws_file: Path) -> None:
    """Category rounds (with their category id), PNP and other rounds after data_until are added."""
    until = tomllib.loads(draws_file.read_text())["data_until"].isoformat()
    assert rounds_import.run([str(SAMPLE_JSON)], draws_file) == 0
    data = tomllib.loads(draws_file.read_text())
    later = [r for r in sample()["rounds"] if r["drawDate"] > until]
    kept = {
        (row["date"].isoformat(), row.get("number"))
        for section in rounds_import.SECTIONS
        for row in data.get(section, [])
    }
    assert {(r["drawDate"], int(r["drawNumber"])) for r in later} <= kept
    ids = {row["id"] for row in tomllib.loads(CATEGORIES.read_text(encoding="utf-8"))["category"]}
    assert all(row["category"] in ids for row in data["category"] if "number" in row)


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Trades Occupations, 2026-Version 3", "trades"),
        ("Healthcare and Social Services Occupations, 2026-Version 3", "healthcare"),
        ("Physicians with Canadian Work Experience, 2026-Version 1", "physicians"),
        ("Senior managers with Canadian Work Experience, 2026-Version 1", "senior_managers"),
        ("French-Language proficiency 2026-Version 2", "french"),
        ("Skilled Military Recruits, 2026-Version 1", "military"),
    ],
)
def test_a_category_round_carries_its_category_id(name: str, category: str) -> None:
    """A category round's name maps to the category's id in categories.toml."""
    item = rounds_import.Round(447, date(2026, 10, 1), name, 100, 400)
    assert (item.kind, item.category_id) == ("category", category)


def test_a_round_disagreeing_with_the_data_is_an_error_and_nothing_is_written(
    draws_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A known draw number with another cut-off exits 2, names the field, and writes nothing."""
    text = draws_file.read_text()
    (known,) = rows(draws_file, "cec")
    draws_file.write_text(
        text.replace(f"cutoff = {known['cutoff']}", f"cutoff = {known['cutoff'] + 1}", 1)
    )
    before = draws_file.read_bytes()
    assert rounds_import.run([str(SAMPLE_JSON)], draws_file) == 2
    assert f"round #{known['number']}" in capsys.readouterr().err
    assert draws_file.read_bytes() == before


def test_each_bad_field_is_reported_with_its_path(
    draws_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Invalid rounds exit 2 with one message per field (rounds[i].field) and no write."""
    data = sample()
    data["rounds"][1]["drawCRS"] = "N/A"
    data["rounds"][2]["drawDate"] = "2026-02-30"
    del data["rounds"][3]["drawSize"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    before = draws_file.read_bytes()
    assert rounds_import.run([str(bad)], draws_file) == 2
    err = capsys.readouterr().err
    for path in ("rounds[1].drawCRS", "rounds[2].drawDate", "rounds[3].drawSize"):
        assert path in err
    assert "Traceback" not in err
    assert draws_file.read_bytes() == before


@pytest.mark.parametrize("content", [b"not json", b'{"no_rounds": []}', b"[1, 2]"])
def test_unreadable_input_exits_2(draws_file: Path, tmp_path: Path, content: bytes) -> None:
    """Input that is not the rounds JSON exits 2 without touching the data."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = draws_file.read_bytes()
    assert rounds_import.run([str(bad)], draws_file) == 2
    assert draws_file.read_bytes() == before


def test_a_url_is_read_through_the_fetcher(draws_file: Path) -> None:
    """An http(s) argument is fetched (here by an injected fetcher: no network in tests)."""
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return SAMPLE_JSON.read_bytes()

    assert rounds_import.run([rounds_import.OFFICIAL_URL], draws_file, fetch=fetch) == 0
    assert asked == [rounds_import.OFFICIAL_URL]


def test_the_recorded_sample_agrees_with_the_guide_data() -> None:
    """Every CEC round of the recorded sample that the guide's data holds has the same figures."""
    data = tomllib.loads(rounds_import.DRAWS_FILE.read_text(encoding="utf-8"))
    merged = rounds_import.merge(
        rounds_import.DRAWS_FILE.read_text(encoding="utf-8"),
        rounds_import.parse_rounds(sample()),
    )
    assert merged.data_until == data["data_until"]  # the data is newer than the sample
