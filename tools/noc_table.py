"""Regenerate the NOC 2021 table in ``pycore/data`` from Statistics Canada's NOC files.

Statistics Canada publishes NOC 2021 Version 1.0 as CSV files under the Statistics Canada
Open Licence (https://www.statcan.gc.ca/en/terms-conditions/open-licence): redistribution is
allowed when Statistics Canada is named as the source. The "elements" files
(``noc_2021_version_1.0_-_elements.csv`` in English, ``cnp_2021_version_1.0_-_elements.csv``
in French) carry, on every row, the level, the code and the class title; the unit groups are
the level-5 rows. This script writes two files:

- ``noc_2021.toml``: where the data came from (files, copy, checksums, licence) and the
  516 unit-group codes, which is all the rules engine needs (it ships in the browser's wheel);
- ``noc_2021_titles.tsv``: code, English class title, French class title, one unit group a
  line. It is not in the wheel (only ``.py``/``.toml`` files are): the guide's build and the
  checker page's occupation search read it.

Read from the official files (``--en``/``--fr``), it also writes ``noc_2021_examples.tsv``:
code, language, example title, for every "Illustrative example(s)" / "Exemple(s)
illustratif(s)" row of a unit group (Statistics Canada's own words, unchanged but trimmed).
The occupation search (``site_scripts/tables/noc_search.py``) adds them to what it matches.
Only the illustrative examples: "All examples" (about 28,000 English titles) would not fit
the search's budget of 150 KB gzipped per language. The bilingual copy has no examples.

Usage (from the repository root)::

    python tools/noc_table.py --en noc_2021_version_1.0_-_elements.csv \
        --fr cnp_2021_version_1.0_-_elements.csv --out pycore/data
    python tools/noc_table.py --copy noc2021_bilingual.js --copy-origin REPO@COMMIT:PATH \
        --out pycore/data

``--copy`` reads the bilingual JSON array that a public repository derived from the same two
official files (one object per unit group: ``category_code``, ``category_EN``,
``category_FR``); it is how the committed table was made, because the official CSVs were not
reachable from the build machine. Both readers give the same rows. The codes file's header
and its ``[source_copy]`` table name the exact file read (``--copy-origin``, required with
``--copy``: repository, commit and path) and its SHA-256.

Titles reach the guide's pages and the checker: a title holding anything but letters, digits,
spaces and ``- , . ( ) ' ’ / :`` (markup, control or invisible characters) is refused, naming
the input file and line; so is any malformed input. Errors are one line each, exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from tools.safe_text import refusal

NOC_VERSION = "2021 V1.0"
UNIT_GROUP_LEVEL = "5"
CODE_DIGITS = 5
TOML_NAME = "noc_2021.toml"
# Statistics Canada's page for one unit group: {page} is the English or French script.
UNIT_GROUP_URL = (
    "https://www23.statcan.gc.ca/imdb/{page}.pl?Function=getVD&TVD=1322554&CVD=1322870"
    "&CPV={{code}}&CST=01052021&CLV=5&MLV=5"
)
TITLES_NAME = "noc_2021_titles.tsv"
TITLES_HEADER = "code\ttitle_en\ttitle_fr"
EXAMPLES_NAME = "noc_2021_examples.tsv"
EXAMPLES_HEADER = "code\tlanguage\texample_title"
# The element type of the illustrative example titles, in the English and the French file.
EXAMPLE_TYPES = {"en": "Illustrative example(s)", "fr": "Exemple(s) illustratif(s)"}

Row = tuple[str, str, str]  # code, English title, French title


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def safe_title(title: Any, where: str) -> str:
    """``title`` stripped, once it is text in the allowed characters; ValueError naming
    ``where`` (file and line) otherwise."""
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"{where}: expected a class title, got {shown(title)}")
    problem = refusal(title.strip())
    if problem:
        raise ValueError(f"{where}: title {shown(title)} refused: {problem}")
    return title.strip()


def shown(value: Any) -> str:
    """A value for a one-line message: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def unit_groups_from_elements(text: str, name: str = "elements CSV") -> dict[str, str]:
    """Code -> class title of every unit group (level 5) in one official elements CSV."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    next(reader, None)  # header: Level, Code, Class title, element type, element description
    titles: dict[str, str] = {}
    for row in reader:
        if len(row) < 3 or row[0].strip() != UNIT_GROUP_LEVEL:
            continue
        where = f"{name} line {reader.line_num}"
        code, title = row[1].strip().zfill(CODE_DIGITS), safe_title(row[2], where)
        if titles.setdefault(code, title) != title:
            raise ValueError(f"{where}: unit group {code} has two class titles: "
                             f"{shown(titles[code])}, {shown(title)}")  # fmt: skip
    return titles


def examples_from_elements(text: str, language: str, name: str = "elements CSV") -> list[Row]:
    """(code, language, example title) of every illustrative example of a unit group in one
    official elements CSV, in the file's order, each once per unit group."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    next(reader, None)
    found: dict[tuple[str, str], None] = {}
    for row in reader:
        if len(row) < 5 or row[0].strip() != UNIT_GROUP_LEVEL:
            continue
        if row[3].strip() != EXAMPLE_TYPES[language]:
            continue
        where = f"{name} line {reader.line_num}"
        found[(row[1].strip().zfill(CODE_DIGITS), safe_title(row[4], where))] = None
    return [(code, language, title) for code, title in found]


def examples_text(examples: list[Row]) -> str:
    """The examples file: a header line, then code, language, example title (tab-separated)."""
    return "".join(f"{line}\n" for line in [EXAMPLES_HEADER, *("\t".join(r) for r in examples)])


def rows_from_elements(
    english: str, french: str, names: tuple[str, str] = ("English CSV", "French CSV")
) -> list[Row]:
    """The table rows from the English and French official elements CSVs."""
    en = unit_groups_from_elements(english, names[0])
    fr = unit_groups_from_elements(french, names[1])
    if set(en) != set(fr):
        raise ValueError(f"English and French files differ in codes: {sorted(set(en) ^ set(fr))}")
    return [(code, en[code], fr[code]) for code in sorted(en)]


def rows_from_bilingual_copy(text: str, name: str = "copy") -> list[Row]:
    """The table rows from the bilingual JSON array (a ``window.x = [...]`` script or bare),
    read one object at a time so that a refused title names its line."""
    decoder = json.JSONDecoder()
    position = text.find("[")
    if position < 0:
        raise ValueError(f"{name}: no JSON array found")
    rows: dict[str, tuple[str, str]] = {}
    position += 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text):
            raise ValueError(f"{name}: the array is not closed")
        if text[position] == "]":
            break
        where = f"{name} line {text.count(chr(10), 0, position) + 1}"
        try:
            item, position = decoder.raw_decode(text, position)
        except (ValueError, RecursionError) as error:
            raise ValueError(f"{where}: not JSON ({str(error).splitlines()[0]})") from None
        if not isinstance(item, dict) or not isinstance(item.get("category_code"), str | int):
            raise ValueError(f"{where}: expected an object with a category_code, got {shown(item)}")
        code = str(item["category_code"]).zfill(CODE_DIGITS)
        rows[code] = (
            safe_title(item.get("category_EN"), f"{where} (category_EN)"),
            safe_title(item.get("category_FR"), f"{where} (category_FR)"),
        )
    return [(code, *rows[code]) for code in sorted(rows)]


def check_rows(rows: list[Row]) -> None:
    """Five-digit codes, each once, whose second digit is a TEER (0 to 5), with both titles."""
    seen: set[str] = set()
    for line, (code, english, french) in enumerate(rows, start=2):
        where = f"{TITLES_NAME} line {line}"
        if len(code) != CODE_DIGITS or not code.isdigit() or code[1] not in "012345":
            raise ValueError(f"{where}: not a NOC 2021 unit group code: {shown(code)}")
        if code in seen:
            raise ValueError(f"{where}: code {code} is listed twice")
        safe_title(english, f"{where} (English)")
        safe_title(french, f"{where} (French)")
        seen.add(code)


def titles_text(rows: list[Row]) -> str:
    """The titles file: a header line, then code, English title, French title (tab-separated)."""
    return "".join(f"{line}\n" for line in [TITLES_HEADER, *("\t".join(row) for row in rows)])


OFFICIAL_ORIGIN = "Statistics Canada (official files)"


def provenance(origin: dict[str, str]) -> list[str]:
    """The header's comment lines naming the exact file read: Statistics Canada's own files, or
    the copy (repository, commit, path) and its checksum, said to be a copy."""
    if origin["origin"] == OFFICIAL_ORIGIN:
        return [f"# Read from Statistics Canada's own files: {origin['file']}."]
    return [
        "# Read from a copy, not from Statistics Canada's own files (a public repository's",
        "# bilingual array derived from the official elements files):",
        f"# {origin['origin']}, SHA-256 {origin['sha256']}.",
    ]


def toml_text(rows: list[Row], titles: str, origin: dict[str, str], day: date) -> str:
    """The codes file with its provenance (a TOML document)."""
    codes = [code for code, _, _ in rows]
    lines = [
        "# National Occupational Classification (NOC) 2021 Version 1.0: the unit groups.",
        "# Source: Statistics Canada, NOC 2021 V1.0 (Statistics Canada Open Licence).",
        *provenance(origin),
        f"# Generated by tools/noc_table.py on {day.isoformat()}; do not edit by hand.",
        "# The class titles (English and French) are in noc_2021_titles.tsv, kept out of the",
        "# browser's wheel: the rules only need the codes. A code's second digit is its TEER.",
        "",
        f'noc_version = "{NOC_VERSION}"',
        'description = "The unit groups (five-digit codes) of NOC 2021 Version 1.0"',
        'publisher = "Statistics Canada"',
        'licence = "Statistics Canada Open Licence"',
        'licence_url = "https://www.statcan.gc.ca/en/terms-conditions/open-licence"',
        'attribution = "Source: Statistics Canada, National Occupational Classification (NOC)'
        " 2021 Version 1.0. Reproduced and distributed on an as is basis with the permission"
        ' of Statistics Canada."',
        "released = 2021-09-21  # Statistics Canada release date of NOC 2021 V1.0",
        'official_url = "https://www.statcan.gc.ca/en/subjects/standard/noc/2021/indexV1"',
        "# Statistics Canada's page for one unit group ({code}); the pattern was read on its"
        " page for 21232.",
        f'unit_group_url = {{ en = "{UNIT_GROUP_URL.format(page="p3VD")}",'
        f' fr = "{UNIT_GROUP_URL.format(page="p3VD_f")}" }}',
        'dataset_url = "https://open.canada.ca/data/en/dataset/1feee3b5-8068-4dbb-b361-180875837593"',
        'official_files = ["noc_2021_version_1.0_-_elements.csv", '
        '"cnp_2021_version_1.0_-_elements.csv"]',
        f"generated = {day.isoformat()}",
        'references = ["noc_2021", "statcan_noc_2021_v1"]',
        f'titles_file = "{TITLES_NAME}"',
        f'titles_sha256 = "{sha256(titles.encode())}"',
        f"unit_groups = {len(codes)}",
        "",
        "codes = [",
        *(
            "  " + ", ".join(f'"{code}"' for code in codes[start : start + 10]) + ","
            for start in range(0, len(codes), 10)
        ),
        "]",
        "",
        "[source_copy]",
        *(f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in origin.items()),
        "",
    ]
    return "\n".join(lines)


def read(args: argparse.Namespace) -> tuple[list[Row], list[Row], dict[str, str]]:
    """The rows, the example titles (official files only) and the origin of the files named
    on the command line."""
    if args.copy:
        raw = args.copy.read_bytes()
        rows = rows_from_bilingual_copy(raw.decode("utf-8"), args.copy.name)
        origin = {"origin": args.copy_origin.strip(), "file": args.copy.name, "sha256": sha256(raw)}
        return rows, [], origin
    english, french = args.en.read_bytes(), args.fr.read_bytes()
    texts = english.decode("utf-8-sig"), french.decode("utf-8-sig")
    rows = rows_from_elements(*texts, (args.en.name, args.fr.name))
    examples = examples_from_elements(texts[0], "en", args.en.name)
    examples += examples_from_elements(texts[1], "fr", args.fr.name)
    unknown = sorted({code for code, _, _ in examples} - {code for code, _, _ in rows})
    if unknown:
        raise ValueError(f"examples of codes that are not unit groups: {unknown}")
    return (
        rows,
        examples,
        {
            "origin": OFFICIAL_ORIGIN,
            "file": f"{args.en.name}, {args.fr.name}",
            "sha256": f"{sha256(english)}, {sha256(french)}",
        },
    )


def write(
    rows: list[Row], origin: dict[str, str], out: Path, day: date, examples: list[Row] | None = None
) -> None:
    """Write the files into ``out`` (the examples file only when there are examples)."""
    check_rows(rows)
    titles = titles_text(rows)
    (out / TITLES_NAME).write_text(titles, encoding="utf-8", newline="\n")
    if examples:
        (out / EXAMPLES_NAME).write_text(examples_text(examples), encoding="utf-8", newline="\n")
    (out / TOML_NAME).write_text(toml_text(rows, titles, origin, day), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: read the official CSVs (or the bilingual copy) and write the table; 0 when
    written, 2 (one line on stderr, nothing written) when an input is refused."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--en", type=Path, help="noc_2021_version_1.0_-_elements.csv")
    parser.add_argument("--fr", type=Path, help="cnp_2021_version_1.0_-_elements.csv")
    parser.add_argument("--copy", type=Path, help="bilingual JSON array derived from both")
    parser.add_argument("--copy-origin", default="", help="where the copy came from")
    parser.add_argument("--out", type=Path, default=Path("pycore/data"))
    parser.add_argument("--date", type=date.fromisoformat, default=date.today())
    try:  # argparse ends a usage error (or --help) with SystemExit: return its status instead
        args = parser.parse_args(argv)
        if args.copy and not args.copy_origin.strip():
            parser.error("--copy needs --copy-origin (REPOSITORY@COMMIT:PATH): the data names it")
        if not args.copy and not (args.en and args.fr):
            parser.error("give --en and --fr, or --copy")
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    try:
        rows, examples, origin = read(args)
        check_rows(rows)
        write(rows, origin, args.out, args.date, examples)
    except (OSError, ValueError) as error:
        print(f"noc_table: {error}", file=sys.stderr)
        return 2
    print(f"{len(rows)} unit groups written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
