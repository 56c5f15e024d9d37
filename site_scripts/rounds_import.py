"""Merge IRCC's rounds-of-invitations JSON into ``pycore/data/draws.toml``.

``make update-draws FILE_OR_URL=<file or URL>`` (default: the official file behind
canada.ca's rounds page) reads the JSON IRCC publishes (``ee_rounds_123_en.json``: an
object whose ``rounds`` list holds one object per round, every value a string, e.g.
``{"drawNumber": "432", "drawDate": "2026-08-05", "drawName": "Canadian Experience
Class", "drawSize": "3,000", "drawCRS": "516", ...}``) and merges it into the data file:

- every round is validated first; any problem is reported with its path
  (``rounds[3].drawCRS: ...``) and the command exits with status 2, writing nothing;
- every round type is kept, each in its section, by IRCC's draw number: Canadian Experience
  Class rounds in ``[[cec]]``, all-program rounds (``General``, ``No Program Specified``) in
  ``[[general]]``, provincial nominee rounds in ``[[pnp]]``, category rounds (a name with a
  "Version" suffix, French included) in ``[[category]]`` with the category's id of
  ``categories.toml`` (``CATEGORY_IDS``; empty when the name matches none), any other round
  in ``[[other]]`` with its name; a round whose number is already there must agree with it (a
  disagreement is an error, never an overwrite); rounds dated after ``data_until`` are added,
  earlier missing ones are not (the file's coverage of past years is a choice made when it was
  compiled);
- nothing is ever removed; ``data_until`` becomes the newest round date seen, never earlier.

Running it twice with the same input changes nothing the second time. New rows are appended
as text at the end of their section, so the file's comments and layout stay as written.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DRAWS_FILE = ROOT / "pycore" / "data" / "draws.toml"
OFFICIAL_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"

CEC_NAMES = frozenset({"canadian experience class"})
GENERAL_NAMES = frozenset({"general", "no program specified"})
PNP_NAMES = frozenset({"provincial nominee program"})
# A category round's name (any year's wording) -> the category's id in categories.toml; the
# first keyword found wins, so "physicians with Canadian work experience" is not "canadian".
CATEGORY_IDS = (
    ("french", "french"),
    ("physician", "physicians"),
    ("senior manager", "senior_managers"),
    ("researcher", "researchers"),
    ("military", "military"),
    ("healthcare", "healthcare"),
    ("health care", "healthcare"),
    ("trade", "trades"),
    ("transport", "transport"),
    ("stem", "stem"),
    ("education", "education"),
    ("agriculture", "agriculture"),
)
SECTIONS = ("cec", "general", "pnp", "category", "other")
# "Transport Occupations, 2026-Version 2", "STEM occupations (Version 1)", "... 2026-Version 2"
VERSION_SUFFIX = re.compile(r"[,\s]*(\(\s*version\s*\d+\s*\)|(\d{4}-)?version\s*\d+)\s*$", re.I)
NUMBER = re.compile(r"\d+[a-z]?")
WHOLE = re.compile(r"\d{1,3}(,\d{3})*|\d+")


class ImportError_(Exception):  # noqa: N801 (not the builtin ImportError)
    """The input cannot be merged: field-level problems, each with its path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the rounds data")
        self.problems = problems


@dataclass(frozen=True)
class Round:
    """One validated round of invitations."""

    number: int | str
    day: date
    name: str
    invitations: int
    cutoff: int

    @property
    def kind(self) -> str:
        """Where the round belongs: "cec", "general", "pnp", "category" or "other"."""
        plain = self.name.strip().lower()
        if plain in CEC_NAMES:
            return "cec"
        if plain in GENERAL_NAMES:
            return "general"
        if plain in PNP_NAMES:
            return "pnp"
        return "category" if VERSION_SUFFIX.search(self.name) else "other"

    @property
    def category_id(self) -> str:
        """The id in categories.toml of a category round's category ("" when none matches)."""
        plain = self.category
        return next((found for word, found in CATEGORY_IDS if word in plain), "")

    @property
    def category(self) -> str:
        """The category's name without its version suffix, compared case-insensitively."""
        return self.category_title.lower()

    @property
    def category_title(self) -> str:
        """The category's name as IRCC prints it, without the version suffix, sentence case."""
        bare = VERSION_SUFFIX.sub("", self.name).strip()
        return bare[:1].upper() + bare[1:].lower()


def _whole(text: Any, path: str, problems: list[str]) -> int | None:
    if not isinstance(text, str) or not WHOLE.fullmatch(text.strip()):
        problems.append(f'{path}: expected a whole number such as "3,000", got {text!r}')
        return None
    return int(text.strip().replace(",", ""))


def parse_rounds(data: Any) -> list[Round]:
    """Every round of IRCC's JSON, validated; ImportError_ listing each bad field."""
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise ImportError_(["rounds: expected an object with a list named 'rounds'"])
    found: list[Round] = []
    for index, raw in enumerate(data["rounds"]):
        path = f"rounds[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{path}: expected an object, got {raw!r}")
            continue
        before = len(problems)
        number_text = raw.get("drawNumber")
        if not isinstance(number_text, str) or not NUMBER.fullmatch(number_text.strip()):
            problems.append(
                f'{path}.drawNumber: expected a draw number such as "432", got {number_text!r}'
            )
        day_text = raw.get("drawDate")
        day = None
        try:
            day = date.fromisoformat(day_text) if isinstance(day_text, str) else None
        except ValueError:
            pass
        if day is None:
            problems.append(f"{path}.drawDate: expected a date YYYY-MM-DD, got {day_text!r}")
        name = raw.get("drawName")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{path}.drawName: expected the round's name, got {name!r}")
        invitations = _whole(raw.get("drawSize"), f"{path}.drawSize", problems)
        cutoff = _whole(raw.get("drawCRS"), f"{path}.drawCRS", problems)
        if len(problems) == before and day and isinstance(name, str):
            assert invitations is not None and cutoff is not None and number_text
            text = number_text.strip()
            number: int | str = int(text) if text.isdigit() else text
            found.append(Round(number, day, name.strip(), invitations, cutoff))
    if problems:
        raise ImportError_(problems)
    return found


def row_text(section: str, item: Round) -> str:
    """A new ``[[section]]`` table in the file's layout."""
    lines = [f"[[{section}]]", f"date = {item.day.isoformat()}"]
    number = item.number if isinstance(item.number, int) else json.dumps(item.number)
    lines.append(f"number = {number}")
    if section == "category":
        lines.append(f"name = {json.dumps(item.category_title)}")
        lines.append(f"category = {json.dumps(item.category_id)}")
    elif section == "other":
        lines.append(f"name = {json.dumps(item.name)}")
    lines += [f"invitations = {item.invitations}", f"cutoff = {item.cutoff}"]
    return "\n".join(lines)


@dataclass(frozen=True)
class Merge:
    """What merging the rounds into the data changes."""

    added: tuple[tuple[str, Round], ...]
    data_until: date
    text: str


def merge(text: str, rounds: list[Round]) -> Merge:
    """The data file's new text with the rounds merged; ImportError_ on a disagreement."""
    data = tomllib.loads(text)
    problems: list[str] = []
    added: list[tuple[str, Round]] = []
    by_number = {
        section: {row["number"]: row for row in data.get(section, []) if "number" in row}
        for section in SECTIONS
    }
    covered = data["data_until"]
    for item in sorted(rounds, key=lambda r: (r.day, str(r.number))):
        kind = item.kind
        existing = by_number[kind].get(item.number)
        if existing is None:
            if item.day > covered:  # earlier rounds: the file's coverage is deliberate
                added.append((kind, item))
                by_number[kind][item.number] = {}
            continue
        for field, value in (
            ("date", item.day),
            ("invitations", item.invitations),
            ("cutoff", item.cutoff),
        ):
            if existing and existing.get(field) != value:
                problems.append(
                    f"round #{item.number} ({item.day.isoformat()}).{field}: the input says "
                    f"{value}, {kind} in draws.toml says {existing.get(field)}"
                )
    if problems:
        raise ImportError_(problems)
    newest = max([r.day for r in rounds], default=data["data_until"])
    until = max(newest, data["data_until"])
    new_text = text
    for section, item in added:
        new_text = _append(new_text, section, row_text(section, item))
    new_text = re.sub(
        r"^data_until = .*$", f"data_until = {until.isoformat()}", new_text, count=1, flags=re.M
    )
    return Merge(tuple(added), until, new_text)


def _append(text: str, section: str, row: str) -> str:
    """``text`` with ``row`` added after the last ``[[section]]`` table (or at the end)."""
    header = f"[[{section}]]"
    start = text.rfind(f"\n{header}\n")
    if start < 0:
        return text.rstrip("\n") + f"\n\n{row}\n"
    end = text.find("\n\n", start + 1)
    if end < 0:
        return text.rstrip("\n") + f"\n\n{row}\n"
    return text[:end] + f"\n\n{row}" + text[end:]


def read_source(where: str, fetch: Callable[[str], bytes] | None = None) -> Any:
    """The JSON at a path or an http(s) URL; ImportError_ when it cannot be read or parsed."""
    try:
        if re.match(r"https?://", where):
            raw = (fetch or _fetch)(where)
        else:
            raw = Path(where).read_bytes()
        return json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError) as error:
        raise ImportError_([f"{where}: cannot read the rounds JSON ({error})"]) from error


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "cec-guide-rounds-import"})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (http(s) only)
        body: bytes = response.read()
        return body


def run(
    argv: list[str], draws_file: Path = DRAWS_FILE, fetch: Callable[[str], bytes] | None = None
) -> int:
    """The command: 0 when merged (or nothing new), 2 on bad input; messages on stdout/stderr."""
    where = argv[0] if argv and argv[0] else OFFICIAL_URL
    try:
        rounds = parse_rounds(read_source(where, fetch))
        result = merge(draws_file.read_text(encoding="utf-8"), rounds)
    except ImportError_ as error:
        print(f"update-draws: {error}", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    if result.text != draws_file.read_text(encoding="utf-8"):
        draws_file.write_text(result.text, encoding="utf-8")
    for section, item in result.added:
        print(
            f"added [[{section}]] {item.day.isoformat()} #{item.number} {item.name}: "
            f"{item.invitations} invitations, cut-off {item.cutoff}"
        )
    print(f"{len(result.added)} round(s) added; data_until = {result.data_until.isoformat()}")
    return 0


def main() -> None:
    """Entry point: ``python -m site_scripts.rounds_import [FILE_OR_URL]``."""
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
