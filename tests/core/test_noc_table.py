"""The NOC table tool refuses hostile titles and damaged input, and names the file it read."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from pycore.common import noc
from pycore.common.parameters import load
from tools import noc_table

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "noc"
ENGLISH = FIXTURES / "noc_2021_version_1.0_-_elements.csv"
FRENCH = FIXTURES / "cnp_2021_version_1.0_-_elements.csv"
COPY = FIXTURES / "noc2021_bilingual.js"
DATA = resources.files("pycore").joinpath("data")
ORIGIN = "github.com/example/noc@0123456789abcdef0123456789abcdef01234567:noc2021_bilingual.js"
HOSTILE_TITLES = [
    "<img src=x onerror=alert(1)>",
    "**Cooks**",
    "[Cooks](javascript:alert(1))",
    "Cooks | Chefs",
    "Cooks `code`",
    "Cooks &amp; chefs",
    'Cooks" onmouseover="x',
    "Cooks\x1b[31m",  # a terminal escape sequence
    "Cooks\x00",
    "Cooks\u202e",  # right-to-left override
    "Co\u200boks",  # zero-width space
    "Cooks\u2028Chefs",  # line separator
    "Cooks\x7f",
]


def run(tmp_path: Path, *args: str) -> int:
    """The tool's command line writing into ``tmp_path``."""
    return noc_table.main([*args, "--out", str(tmp_path), "--date", "2026-11-30"])


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_hostile_title_in_the_official_csv_is_refused_naming_its_line(
    tmp_path: Path, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title with markup or a control character stops the tool: exit 2, one line naming the
    file and line, nothing written."""
    lines = ENGLISH.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if ",63200,Cooks," in line)
    quoted = '"' + title.replace('"', '""') + '"'
    lines[number - 1] = lines[number - 1].replace("Cooks", quoted, 1)
    bad = tmp_path / "in" / ENGLISH.name
    bad.parent.mkdir()
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert run(out, "--en", str(bad), "--fr", str(FRENCH)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("noc_table: ")
    assert f"{ENGLISH.name} line {number}:" in err and "refused" in err
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("title", HOSTILE_TITLES[:4] + HOSTILE_TITLES[7:9])
def test_a_hostile_title_in_the_copy_is_refused_naming_its_line(
    tmp_path: Path, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bilingual copy's titles pass the same check; the error names the object's line."""
    import json

    text = COPY.read_text(encoding="utf-8").replace('"Legislators"', json.dumps(title))
    bad = tmp_path / "copy.js"
    bad.write_text(text, encoding="utf-8")
    number = next(
        i for i, line in enumerate(text.splitlines(), 1) if '"category_code": "10"' in line
    )
    assert run(tmp_path, "--copy", str(bad), "--copy-origin", ORIGIN) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"copy.js line {number} (category_EN)" in err
    assert not (tmp_path / noc_table.TOML_NAME).exists()


@pytest.mark.parametrize(
    "text",
    [
        "no array here",
        "window.x = [",
        "window.x = [{]",
        'window.x = ["just a string"]',
        'window.x = [{"category_code": null, "category_EN": "A", "category_FR": "B"}]',
        'window.x = [{"category_code": "63200", "category_EN": 5, "category_FR": "B"}]',
        "window.x = [" + "[" * 100_000 + "]" * 100_000 + "]",
    ],
)
def test_a_damaged_copy_is_one_line_error(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Broken or wrongly shaped JSON ends with exit 2 and one line, never a traceback."""
    bad = tmp_path / "copy.js"
    bad.write_text(text, encoding="utf-8")
    assert run(tmp_path, "--copy", str(bad), "--copy-origin", ORIGIN) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and len(err) < 400


def test_unreadable_files_and_usage_errors_return_a_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a file that is not UTF-8 and a copy without its origin return 2."""
    assert run(tmp_path, "--en", str(tmp_path / "missing.csv"), "--fr", str(FRENCH)) == 2
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Level,Code,Class title\n5,63200,Cuisini\xe8res\n".encode("latin-1"))
    assert run(tmp_path, "--en", str(latin), "--fr", str(FRENCH)) == 2
    assert run(tmp_path, "--copy", str(COPY)) == 2
    assert "--copy-origin" in capsys.readouterr().err


def test_the_copy_is_named_exactly_in_the_header_and_the_data(tmp_path: Path) -> None:
    """Made from a copy, the codes file says it is a copy, not Statistics Canada's own files,
    and names the repository, commit, path and SHA-256 it read."""
    assert run(tmp_path, "--copy", str(COPY), "--copy-origin", ORIGIN) == 0
    text = (tmp_path / noc_table.TOML_NAME).read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    written = tomllib.loads(text)["source_copy"]
    assert "not from Statistics Canada's own files" in header
    assert ORIGIN in header and written["sha256"] in header and written["origin"] == ORIGIN


def test_the_official_files_are_named_as_read(tmp_path: Path) -> None:
    """Made from the official CSVs, the header names those two files."""
    assert run(tmp_path, "--en", str(ENGLISH), "--fr", str(FRENCH)) == 0
    text = (tmp_path / noc_table.TOML_NAME).read_text(encoding="utf-8")
    assert f"# Read from Statistics Canada's own files: {ENGLISH.name}, {FRENCH.name}." in text


def test_the_official_files_give_their_illustrative_examples(tmp_path: Path) -> None:
    """From the official CSVs the examples file holds each illustrative example of a unit
    group, in its language, as Statistics Canada wrote it (trimmed); no other element type."""
    assert run(tmp_path, "--en", str(ENGLISH), "--fr", str(FRENCH)) == 0
    lines = (tmp_path / noc_table.EXAMPLES_NAME).read_text(encoding="utf-8").splitlines()
    assert lines == [
        noc_table.EXAMPLES_HEADER,
        "00010\ten\tmayor",
        "63200\ten\tcook",
        "00010\tfr\tmaire/mairesse",
    ]


def test_the_copy_gives_no_examples_file(tmp_path: Path) -> None:
    """The bilingual copy carries no example titles: no examples file is written."""
    assert run(tmp_path, "--copy", str(COPY), "--copy-origin", ORIGIN) == 0
    assert not (tmp_path / noc_table.EXAMPLES_NAME).exists()


def test_a_hostile_example_title_is_refused_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An example title with markup stops the tool (it would reach the search's options)."""
    english = tmp_path / "en.csv"
    english.write_text(
        ENGLISH.read_text(encoding="utf-8").replace("cook ", "<b>cook</b>"), encoding="utf-8"
    )
    out = tmp_path / "out"
    out.mkdir()
    assert noc_table.main(["--en", str(english), "--fr", str(FRENCH), "--out", str(out)]) == 2
    assert "en.csv line 4" in capsys.readouterr().err
    assert not list(out.iterdir())


def test_the_committed_table_names_the_copy_it_was_made_from() -> None:
    """The committed codes file's header is the tool's for its recorded copy (the copy's
    SHA-256 was re-checked against the repository's file on 2026-12-06: it regenerates the
    titles byte for byte)."""
    table = load(noc.TABLE)
    committed = DATA.joinpath(f"{noc.TABLE}.toml").read_text(encoding="utf-8")
    assert "\n".join(noc_table.provenance(table["source_copy"])) in committed


def test_the_committed_titles_pass_the_check() -> None:
    """Every committed title is in the allowed characters (the check refuses nothing real)."""
    text = DATA.joinpath(noc_table.TITLES_NAME).read_text(encoding="utf-8")
    rows = [tuple(line.split("\t")) for line in text.splitlines()[1:]]
    noc_table.check_rows(rows)  # type: ignore[arg-type]
