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

The input is not trusted (a mirror, a tampered download): a URL must be https; the input is
read up to ``MOST_BYTES``; a round name must be in the characters of ``tools/safe_text.py``
(letters of any script, digits, spaces and ``- , . ( ) ' ’ / :``: what IRCC's names use, and
nothing HTML, Markdown or TOML acts on); numbers and dates must be plausible (``MOST_*``,
``FIRST_ROUND``). Every refusal is one line per field, exit status 2, nothing written, never a
traceback; names are printed with ``repr`` so that no input can write to the terminal. The
new file text is parsed back before it is written.
"""

from __future__ import annotations

import http.client
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

from tools.safe_text import refusal

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
NUMBER = re.compile(r"\d{1,5}[a-z]?")
WHOLE = re.compile(r"\d{1,3}(,\d{3})*|\d+")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Plausible bounds: Express Entry's first round was in 2015; no round invites more than a few
# tens of thousands; a CRS score is at most 1,200 (crs.toml max_total); IRCC's file is about
# 200 KB and its names a few dozen characters.
FIRST_ROUND = date(2015, 1, 1)
MOST_INVITATIONS = 100_000
MOST_CRS = 1200
MOST_BYTES = 20_000_000
MOST_NAME = 200
MOST_PROBLEMS_SHOWN = 20


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


def shown(value: Any) -> str:
    """A value for a one-line message: its repr (no control character reaches the terminal),
    cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and every control character
    escaped; any other Unicode written as itself (UTF-8), astral characters included."""
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04X}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _whole(text: Any, path: str, problems: list[str], low: int, high: int) -> int | None:
    plain = text.strip() if isinstance(text, str) else ""
    if not WHOLE.fullmatch(plain) or len(plain) > 12:
        problems.append(f'{path}: expected a whole number such as "3,000", got {shown(text)}')
        return None
    value = int(plain.replace(",", ""))
    if not low <= value <= high:
        problems.append(f"{path}: {value} is not between {low} and {high}")
        return None
    return value


def _day(text: Any, path: str, problems: list[str]) -> date | None:
    day = None
    if isinstance(text, str) and ISO_DAY.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            pass
    if day is None:
        problems.append(f"{path}: expected a date YYYY-MM-DD, got {shown(text)}")
    elif not FIRST_ROUND <= day <= date.today():
        problems.append(f"{path}: {day.isoformat()} is before Express Entry or in the future")
        day = None
    return day


def _name(text: Any, path: str, problems: list[str]) -> str | None:
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{path}: expected the round's name, got {shown(text)}")
        return None
    problem = refusal(text.strip()) or (
        f"longer than {MOST_NAME} characters" if len(text) > MOST_NAME else None
    )
    if problem:
        problems.append(f"{path}: name {shown(text)} refused: {problem}")
        return None
    return text.strip()


def parse_rounds(data: Any) -> list[Round]:
    """Every round of IRCC's JSON, validated; ImportError_ listing each bad field."""
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise ImportError_(["rounds: expected an object with a list named 'rounds'"])
    found: list[Round] = []
    for index, raw in enumerate(data["rounds"]):
        path = f"rounds[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{path}: expected an object, got {shown(raw)}")
            continue
        before = len(problems)
        number_text = raw.get("drawNumber")
        if not isinstance(number_text, str) or not NUMBER.fullmatch(number_text.strip()):
            problems.append(
                f'{path}.drawNumber: expected a draw number such as "432", got {shown(number_text)}'
            )
        day = _day(raw.get("drawDate"), f"{path}.drawDate", problems)
        name = _name(raw.get("drawName"), f"{path}.drawName", problems)
        invitations = _whole(raw.get("drawSize"), f"{path}.drawSize", problems, 1, MOST_INVITATIONS)
        cutoff = _whole(raw.get("drawCRS"), f"{path}.drawCRS", problems, 0, MOST_CRS)
        if len(problems) == before and day and name:
            assert invitations is not None and cutoff is not None and number_text
            text = number_text.strip()
            number: int | str = int(text) if text.isdigit() else text
            found.append(Round(number, day, name, invitations, cutoff))
    if problems:
        raise ImportError_(problems)
    return found


def row_text(section: str, item: Round) -> str:
    """A new ``[[section]]`` table in the file's layout."""
    lines = [f"[[{section}]]", f"date = {item.day.isoformat()}"]
    number = item.number if isinstance(item.number, int) else toml_string(item.number)
    lines.append(f"number = {number}")
    if section == "category":
        lines.append(f"name = {toml_string(item.category_title)}")
        lines.append(f"category = {toml_string(item.category_id)}")
    elif section == "other":
        lines.append(f"name = {toml_string(item.name)}")
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
    """The JSON at a path or an https URL; ImportError_ when it cannot be read or parsed."""
    if re.match(r"[a-z][a-z0-9+.-]*://", where, re.I) and not where.startswith("https://"):
        raise ImportError_([f"{shown(where)}: only https:// addresses are read"])
    try:
        if where.startswith("https://"):
            raw = (fetch or _fetch)(where)
        else:
            with Path(where).open("rb") as handle:
                raw = handle.read(MOST_BYTES + 1)
        if len(raw) > MOST_BYTES:
            raise ValueError(f"larger than {MOST_BYTES} bytes")
        return json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError, http.client.HTTPException) as error:
        reason = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        raise ImportError_([f"{shown(where)}: cannot read the rounds JSON ({reason})"]) from None


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "cec-guide-rounds-import"})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (https only)
        if not response.geturl().startswith("https://"):
            raise ValueError("redirected away from https")
        body: bytes = response.read(MOST_BYTES + 1)
        return body


def run(
    argv: list[str], draws_file: Path = DRAWS_FILE, fetch: Callable[[str], bytes] | None = None
) -> int:
    """The command: 0 when merged (or nothing new), 2 on bad input; messages on stdout/stderr."""
    where = argv[0] if argv and argv[0] else OFFICIAL_URL
    try:
        rounds = parse_rounds(read_source(where, fetch))
        text = _read_draws(draws_file)
        try:
            result = merge(text, rounds)
        except (KeyError, TypeError, AttributeError) as error:
            raise ImportError_(
                [f"{draws_file.name}: not the expected layout ({error!r})"]
            ) from None
        _check_written(text, result)
    except ImportError_ as error:
        print(f"update-draws: {error}", file=sys.stderr)
        for problem in error.problems[:MOST_PROBLEMS_SHOWN]:
            print(f"  {problem}", file=sys.stderr)
        if len(error.problems) > MOST_PROBLEMS_SHOWN:
            print(f"  ... and {len(error.problems) - MOST_PROBLEMS_SHOWN} more", file=sys.stderr)
        return 2
    if result.text != text:
        draws_file.write_text(result.text, encoding="utf-8")
    for section, item in result.added:
        print(
            f"added [[{section}]] {item.day.isoformat()} #{item.number} {item.name!r}: "
            f"{item.invitations} invitations, cut-off {item.cutoff}"
        )
    print(f"{len(result.added)} round(s) added; data_until = {result.data_until.isoformat()}")
    return 0


def _read_draws(draws_file: Path) -> str:
    """The data file's text; ImportError_ when it cannot be read or is not TOML."""
    try:
        text = draws_file.read_text(encoding="utf-8")
        tomllib.loads(text)
    except (OSError, ValueError) as error:
        raise ImportError_([f"{draws_file.name}: cannot be read ({error})"]) from None
    return text


def _check_written(before: str, result: Merge) -> None:
    """The new text parses as TOML and holds every row it had plus one per round added."""
    try:
        old, new = tomllib.loads(before), tomllib.loads(result.text)
    except ValueError as error:  # a bug here, never the input's doing: stop before writing
        raise ImportError_([f"the merged file would not be valid TOML ({error})"]) from None
    for section in {section for section, _ in result.added}:
        count = sum(1 for name, _ in result.added if name == section)
        if len(new.get(section, [])) != len(old.get(section, [])) + count:
            raise ImportError_([f"the merged file lost or doubled rows in [[{section}]]"])


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python -m tools.rounds_import [FILE_OR_URL]``; the exit status."""
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
