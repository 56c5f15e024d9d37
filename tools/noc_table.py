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

Usage (from the repository root)::

    python tools/noc_table.py --en noc_2021_version_1.0_-_elements.csv \
        --fr cnp_2021_version_1.0_-_elements.csv --out pycore/data
    python tools/noc_table.py --copy noc2021_bilingual.js --copy-origin REPO@COMMIT:PATH \
        --out pycore/data

``--copy`` reads the bilingual JSON array that a public repository derived from the same two
official files (one object per unit group: ``category_code``, ``category_EN``,
``category_FR``); it is how the committed table was made, because the official CSVs were not
reachable from the build machine. Both readers give the same rows.
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

Row = tuple[str, str, str]  # code, English title, French title


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def unit_groups_from_elements(text: str) -> dict[str, str]:
    """Code -> class title of every unit group (level 5) in one official elements CSV."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    next(reader)  # header: Level, Code, Class title, element type, element description
    titles: dict[str, str] = {}
    for row in reader:
        if len(row) < 3 or row[0].strip() != UNIT_GROUP_LEVEL:
            continue
        code, title = row[1].strip().zfill(CODE_DIGITS), row[2].strip()
        if titles.setdefault(code, title) != title:
            raise ValueError(f"unit group {code} has two class titles: {titles[code]!r}, {title!r}")
    return titles


def rows_from_elements(english: str, french: str) -> list[Row]:
    """The table rows from the English and French official elements CSVs."""
    en, fr = unit_groups_from_elements(english), unit_groups_from_elements(french)
    if set(en) != set(fr):
        raise ValueError(f"English and French files differ in codes: {sorted(set(en) ^ set(fr))}")
    return [(code, en[code], fr[code]) for code in sorted(en)]


def rows_from_bilingual_copy(text: str) -> list[Row]:
    """The table rows from the bilingual JSON array (a ``window.x = [...]`` script or bare)."""
    items = json.loads(text[text.index("[") : text.rindex("]") + 1])
    rows = {
        str(item["category_code"]).zfill(CODE_DIGITS): (
            str(item["category_EN"]).strip(),
            str(item["category_FR"]).strip(),
        )
        for item in items
    }
    return [(code, *rows[code]) for code in sorted(rows)]


def check_rows(rows: list[Row]) -> None:
    """Five-digit codes, each once, whose second digit is a TEER (0 to 5), with both titles."""
    seen: set[str] = set()
    for code, english, french in rows:
        if len(code) != CODE_DIGITS or not code.isdigit() or code[1] not in "012345":
            raise ValueError(f"not a NOC 2021 unit group code: {code!r}")
        if code in seen or not english or not french:
            raise ValueError(f"duplicate code or missing title: {code}")
        if "\t" in english + french or "\n" in english + french:
            raise ValueError(f"a title of {code} holds a tab or a line break")
        seen.add(code)


def titles_text(rows: list[Row]) -> str:
    """The titles file: a header line, then code, English title, French title (tab-separated)."""
    return "".join(f"{line}\n" for line in [TITLES_HEADER, *("\t".join(row) for row in rows)])


def toml_text(rows: list[Row], titles: str, origin: dict[str, str], day: date) -> str:
    """The codes file with its provenance (a TOML document)."""
    codes = [code for code, _, _ in rows]
    lines = [
        "# National Occupational Classification (NOC) 2021 Version 1.0: the unit groups.",
        "# Source: Statistics Canada, NOC 2021 V1.0 (Statistics Canada Open Licence).",
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


def write(rows: list[Row], origin: dict[str, str], out: Path, day: date) -> None:
    """Write both files into ``out``."""
    check_rows(rows)
    titles = titles_text(rows)
    (out / TITLES_NAME).write_text(titles, encoding="utf-8", newline="\n")
    (out / TOML_NAME).write_text(toml_text(rows, titles, origin, day), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: read the official CSVs (or the bilingual copy) and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--en", type=Path, help="noc_2021_version_1.0_-_elements.csv")
    parser.add_argument("--fr", type=Path, help="cnp_2021_version_1.0_-_elements.csv")
    parser.add_argument("--copy", type=Path, help="bilingual JSON array derived from both")
    parser.add_argument("--copy-origin", default="", help="where the copy came from")
    parser.add_argument("--out", type=Path, default=Path("pycore/data"))
    parser.add_argument("--date", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    if args.copy:
        raw = args.copy.read_bytes()
        rows = rows_from_bilingual_copy(raw.decode("utf-8"))
        origin = {"origin": args.copy_origin, "file": args.copy.name, "sha256": sha256(raw)}
    elif args.en and args.fr:
        english, french = args.en.read_bytes(), args.fr.read_bytes()
        rows = rows_from_elements(english.decode("utf-8-sig"), french.decode("utf-8-sig"))
        origin = {
            "origin": "Statistics Canada (official files)",
            "file": f"{args.en.name}, {args.fr.name}",
            "sha256": f"{sha256(english)}, {sha256(french)}",
        }
    else:
        parser.error("give --en and --fr, or --copy")
    write(rows, origin, args.out, args.date)
    print(f"{len(rows)} unit groups written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
