"""The rounds import against hostile input: unsafe names, damaged JSON, absurd numbers and
dates, non-https addresses. Each is one line per field, exit 2, nothing written."""

from __future__ import annotations

import http.client
import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pycore.common.parameters import parameter
from tools import rounds_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def draws_file(tmp_path: Path) -> Path:
    """A writable copy of the small draws fixture."""
    target = tmp_path / "draws.toml"
    shutil.copy(FIXTURES / "draws_sample.toml", target)
    return target


def a_round(**fields: Any) -> dict[str, Any]:
    """One valid category round after the fixture's data_until, with ``fields`` replaced."""
    base = {
        "drawNumber": "436",
        "drawDate": "2026-08-20",
        "drawName": "Trade occupations (Version 1)",
        "drawSize": "1,000",
        "drawCRS": "433",
    }
    return {**base, **fields}


def run_with(
    tmp_path: Path, draws_file: Path, content: bytes | Any, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Run the import on ``content`` (bytes as they are, anything else as JSON): status and
    stderr, after checking that a refusal wrote nothing and printed no traceback."""
    source = tmp_path / "rounds.json"
    source.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    before = draws_file.read_bytes()
    status = rounds_import.run([str(source)], draws_file)
    err = capsys.readouterr().err
    if status == 2:
        assert draws_file.read_bytes() == before
    assert "Traceback" not in err
    assert all(len(line) < 300 for line in err.splitlines())
    assert not any(ord(c) < 0x20 and c != "\n" for c in err)  # no control character printed
    return status, err


HOSTILE_NAMES = [
    "<img src=x onerror=alert(1)> (Version 1)",
    "**Trades** (Version 1)",
    "[Trades](javascript:alert(1)) (Version 1)",
    "Trades | Healthcare (Version 1)",
    'Trades" injected = "yes (Version 1)',
    "Trades\\ (Version 1)",
    "Trades\nname = 1 (Version 1)",
    "\x1b[2JTrades (Version 1)",
    "Trades\u202e (Version 1)",
    "Trades\u200b (Version 1)",
    "{{ value crs.max_total }} (Version 1)",
    "# Trades (Version 1)",
    "T" * 201 + " (Version 1)",
    "   ",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_round_name_outside_the_safe_characters_is_refused(
    tmp_path: Path, draws_file: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Markup, quotes, backslashes, control and invisible characters, placeholders and over-long
    names are refused with the field's path and the name's repr; nothing is written."""
    status, err = run_with(tmp_path, draws_file, {"rounds": [a_round(drawName=name)]}, capsys)
    assert status == 2
    assert "rounds[0].drawName:" in err


ACCEPTED_NAMES = [
    "Compétences linguistiques en français (Version 1)",
    "Métiers spécialisés, 2026-Version 1",
    "Professions de la santé et des services sociaux (Version 2)",
    "Travailleurs’ métiers: génie/électricité (Version 1)",
    "Ελληνικά επαγγέλματα (Version 1)",
    "職業 2026-Version 1",
    "𠀀𠀁 occupations (Version 1)",  # letters beyond the Basic Multilingual Plane
    "Cafe\u0301 workers (Version 1)",  # an accent written as a combining mark
]


def test_names_in_any_script_are_written_as_valid_toml_and_read_back(
    tmp_path: Path, draws_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Accepted names in any script (astral letters and combining marks included) land in a file
    that tomllib reads, each name back exactly as the import titles it."""
    rounds = [
        a_round(drawNumber=str(500 + i), drawDate=f"2026-09-{10 + i:02d}", drawName=name)
        for i, name in enumerate(ACCEPTED_NAMES)
    ]
    status, _ = run_with(tmp_path, draws_file, {"rounds": rounds}, capsys)
    assert status == 0
    written = tomllib.loads(draws_file.read_text(encoding="utf-8"))
    names = {
        row.get("name")
        for rows in written.values()
        if isinstance(rows, list)
        for row in rows
        if isinstance(row, dict)
    }
    for raw in rounds:
        item = rounds_import.parse_rounds({"rounds": [raw]})[0]
        assert item.category_title in names


@pytest.mark.parametrize(
    "text",
    ['"', "\\", '\\"', "\x00\x01\x1f\x7f", "a\nb\r\tc", "é 職 𠀀 \u0301 \u202e \ufeff", "'''"],
)
def test_toml_strings_round_trip_for_any_unicode(text: str) -> None:
    """The TOML writer escapes quotes, backslashes and control characters and keeps the rest."""
    assert tomllib.loads(f"x = {rounds_import.toml_string(text)}")["x"] == text


DAMAGED: list[tuple[str, bytes | Any]] = [
    ("not JSON", b"{rounds: [}"),
    ("empty file", b""),
    ("not UTF-8", '{"rounds": [{"drawName": "Métiers"}]}'.encode("latin-1")),
    ("nested too deep", b"[" * 200_000 + b"]" * 200_000),
    ("a list, not an object", [1, 2]),
    ("rounds not a list", {"rounds": {"a": 1}}),
    ("a round not an object", {"rounds": ["436"]}),
    ("missing fields", {"rounds": [{"drawNumber": "436"}]}),
    ("numbers not strings", {"rounds": [a_round(drawSize=1000, drawCRS=433)]}),
    ("null name", {"rounds": [a_round(drawName=None)]}),
    ("name a list", {"rounds": [a_round(drawName=["Trades"])]}),
    ("huge size", {"rounds": [a_round(drawSize="9" * 5000)]}),
    ("size beyond any round", {"rounds": [a_round(drawSize="1,000,000,000")]}),
    ("no invitations", {"rounds": [a_round(drawSize="0")]}),
    ("negative score", {"rounds": [a_round(drawCRS="-5")]}),
    ("score above the CRS maximum", {"rounds": [a_round(drawCRS="1201")]}),
    ("huge draw number", {"rounds": [a_round(drawNumber="1" * 5000)]}),
    ("impossible date", {"rounds": [a_round(drawDate="2026-02-30")]}),
    ("words for a date", {"rounds": [a_round(drawDate="yesterday")]}),
    ("compact date", {"rounds": [a_round(drawDate="20260820")]}),
    ("week date", {"rounds": [a_round(drawDate="2026-W34-4")]}),
    ("before Express Entry", {"rounds": [a_round(drawDate="2014-12-31")]}),
    ("in the future", {"rounds": [a_round(drawDate="2999-01-01")]}),
]


@pytest.mark.parametrize(("case", "content"), DAMAGED, ids=[case for case, _ in DAMAGED])
def test_damaged_input_is_a_one_line_error_never_a_traceback(
    tmp_path: Path,
    draws_file: Path,
    case: str,
    content: bytes | Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Damaged JSON, missing fields, wrong types, huge numbers and non-dates exit 2, one line
    per problem, with nothing written."""
    status, err = run_with(tmp_path, draws_file, content, capsys)
    assert status == 2, case
    assert 2 <= len(err.splitlines()) <= 6, err


def test_many_problems_are_listed_up_to_a_limit(
    tmp_path: Path, draws_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Thousands of bad rounds print a bounded list and the count of the rest."""
    content = {"rounds": [a_round(drawCRS="x")] * 5000}
    status, err = run_with(tmp_path, draws_file, content, capsys)
    assert status == 2
    assert len(err.splitlines()) == rounds_import.MOST_PROBLEMS_SHOWN + 2
    assert f"and {5000 - rounds_import.MOST_PROBLEMS_SHOWN} more" in err


def test_an_input_larger_than_the_cap_is_not_read(
    tmp_path: Path,
    draws_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A file over the size cap is refused before it is parsed."""
    monkeypatch.setattr(rounds_import, "MOST_BYTES", 100)
    status, err = run_with(tmp_path, draws_file, {"rounds": [a_round()] * 10}, capsys)
    assert status == 2 and "larger than 100 bytes" in err


@pytest.mark.parametrize(
    "where", ["http://www.canada.ca/rounds.json", "file:///etc/passwd", "ftp://x.org/r.json"]
)
def test_only_https_addresses_are_fetched(
    draws_file: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any other scheme is refused without fetching anything."""

    def fetch(url: str) -> bytes:
        raise AssertionError(f"fetched {url}")

    assert rounds_import.run([where], draws_file, fetch=fetch) == 2
    assert "only https://" in capsys.readouterr().err


def test_a_broken_download_is_a_one_line_error(
    draws_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A connection cut mid-body (an http.client error, not an OSError) exits 2."""

    def fetch(url: str) -> bytes:
        raise http.client.IncompleteRead(b"{", 100)

    assert rounds_import.run([rounds_import.OFFICIAL_URL], draws_file, fetch=fetch) == 2
    assert "cannot read the rounds JSON" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["data_until = [", "description = 'no data_until'\n"])
def test_a_damaged_data_file_is_a_one_line_error(
    tmp_path: Path, draws_file: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A draws.toml that is not TOML, or lacks what the import reads, exits 2 untouched."""
    draws_file.write_text(text, encoding="utf-8")
    status, err = run_with(tmp_path, draws_file, {"rounds": [a_round()]}, capsys)
    assert status == 2 and "draws.toml" in err


def test_names_are_printed_with_repr(
    tmp_path: Path, draws_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the import reports naming a round is the name's repr, quotes included."""
    source = tmp_path / "rounds.json"
    source.write_text(json.dumps({"rounds": [a_round()]}), encoding="utf-8")
    assert rounds_import.run([str(source)], draws_file) == 0
    assert "'Trade occupations (Version 1)'" in capsys.readouterr().out


def test_main_returns_the_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main(argv)`` returns the exit status (here for a missing file) instead of exiting."""
    assert rounds_import.main([str(tmp_path / "missing.json")]) == 2
    assert "cannot read the rounds JSON" in capsys.readouterr().err


def test_bounds_match_the_data() -> None:
    """The highest cut-off the import accepts is the CRS's maximum total in crs.toml."""
    assert rounds_import.MOST_CRS == max(v.value for v in parameter("crs", "max_total").values)
