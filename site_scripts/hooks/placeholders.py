"""MkDocs hook: expand data placeholders in guide pages and append their sources.

Guide pages never type a legal number; they name it, and this hook fills it in from
``pycore/data`` at build time, so the guide and the checker read the same data.

Placeholders (outside code spans and fenced code):

``{{ value FILE.KEY }}``
    The value in force on the review date (``extra.reviewed`` in mkdocs.yml), formatted
    for readers: ``1,560``, ``November 16, 2022``, ``0, 1, 2 or 3``. ``FILE`` is a data
    file name (``work_experience``), ``KEY`` a parameter in it. Undated facts (a table
    with a single ``value`` and no ``values`` list) work too.
``{{ value FILE.KEY teer=N }}``
    For a value given by TEER category (a list of ``{ teers = [...], level = L }`` tables,
    such as ``language.minimum_level``), the level for TEER ``N``: ``7``.
``{{ effective FILE.KEY }}``
    The date the value in force on the review date took effect: ``November 16, 2022``.
``{{ table NAME [ARG] }}``
    A generated Markdown table; names and arguments are listed in ``site_scripts.tables.tables``
    (``language_chart TEST``, ``crs core``, ``draws cec``, ``categories 2026``,
    ``timeline``, ``sources all``, ``choices`` ...).
``{{ draws_range PROGRAM YEAR [low|high] }}``
    Lowest and highest cut-off score of that year's draws: ``507–523`` (or one end).
``{{ latest_draw PROGRAM FIELD }}``
    A field of the most recent draw in the data: ``date``, ``number``, ``invitations``, ``cutoff``.
``{{ chart_effective TEST }}``
    The date the newest score chart of a test took effect: ``December 11, 2023``.
``{{ reviewed }}``
    The review date: ``November 21, 2026``.
``{{ verified FILE.KEY }}``
    The day the value in force on the review date was last checked against its source.
``{{ horizon KIND }}``
    The review horizon of a kind of value in days (``pycore/data/review.toml``): ``45``.
``{{ verified_range }}``
    When the data's values were last checked: ``between November 21 and December 6, 2026``.

A page whose placeholders put on it a value not checked against its source within its review
horizon (``pycore/data/review.toml``) on the build date gets a warning under its title
(``site_scripts/tables/verified_notice.py``).

Front matter ``sources: [id, ...]`` (ids from ``pycore/data/sources.toml``) appends an
"Official sources" section and the last-reviewed date to the page.

An unknown placeholder, file, key, table or source id stops the build with a
``PluginError`` naming the page and the placeholder.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# The hook is loaded from its path, not as a package: make the repo root importable so
# `pycore` (the rules data) and the sibling modules resolve the same way in tests.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# category_tables, changes_ahead and source_dates register their tables into `tables` when imported.
from pycore import assessment  # noqa: E402
from pycore.common import messages, verification  # noqa: E402
from site_scripts.tables import (  # noqa: E402, F401
    category_tables,
    changes_ahead,
    draws,
    program_tables,
    source_dates,
    tables,
)
from site_scripts.tables.data_values import effective_on, previous_value, value_on  # noqa: E402
from site_scripts.tables.formatting import long_date, reader_value  # noqa: E402
from site_scripts.tables.sources_section import sources_section  # noqa: E402
from site_scripts.tables.verified_notice import (  # noqa: E402
    build_date,
    page_notice,
    record,
    used,
    verified_on,
    verified_range,
)

PLACEHOLDER = re.compile(r"\{\{\s*(?P<body>[^{}]*?)\s*\}\}")
# Fenced blocks and code spans are shown literally (the guide documents the syntax).
CODE = re.compile(r"(^(?P<fence>```|~~~).*?^(?P=fence)[ \t]*$|`[^`\n]+`)", re.M | re.S)


def review_date(config: Any) -> date:
    """The date the guide's facts were last reviewed, from ``extra.reviewed``."""
    reviewed = config["extra"].get("reviewed")
    if isinstance(reviewed, date):
        return reviewed
    try:
        return date.fromisoformat(str(reviewed))
    except ValueError as error:
        raise PluginError(f"mkdocs.yml extra.reviewed must be a date, not {reviewed!r}") from error


def level_for_teer(value: Any, teer: str) -> Any:
    """The level a value given by TEER category (``[{teers, level}, ...]``) sets for ``teer``."""
    if not teer.isdigit():
        raise ValueError(f"teer={teer} is not a TEER category")
    if not isinstance(value, list) or not all(isinstance(i, dict) and "teers" in i for i in value):
        raise ValueError("teer= applies only to a value given by TEER category")
    for item in value:
        if int(teer) in item["teers"]:
            return item["level"]
    raise LookupError(f"no level for TEER {teer}")


def expand_one(body: str, reviewed: date) -> str:
    """The text for one placeholder body (``value work_experience.hours_required``); the
    values it puts on the page are noted for the page's verification notice."""
    name, *args = body.split()
    text = _expand_one(name, args, reviewed)
    record(name, args, reviewed)
    return text


def _expand_one(name: str, args: list[str], reviewed: date) -> str:
    if name == "verified" and len(args) == 1:
        return long_date(verified_on(args[0], reviewed))
    if name == "verified_range" and not args:
        return verified_range()
    if name == "horizon" and len(args) == 1:
        return reader_value(verification.horizon(args[0]).days)
    if name == "reviewed" and not args:
        return long_date(reviewed)
    if name == "value" and len(args) == 1:
        return reader_value(value_on(args[0], reviewed))
    if name == "value" and len(args) == 2 and args[1].startswith("teer="):
        levels = value_on(args[0], reviewed)
        return reader_value(level_for_teer(levels, args[1].removeprefix("teer=")))
    if name == "previous" and len(args) == 1:
        return reader_value(previous_value(args[0], reviewed))
    if name == "effective" and len(args) == 1:
        return long_date(effective_on(args[0], reviewed))
    if name == "table" and 1 <= len(args) <= 2:
        return tables.render(args[0], args[1] if len(args) == 2 else None, reviewed)
    if name == "draws_range" and len(args) in (2, 3):
        return draws.cutoff_range(args[0], int(args[1]), args[2] if len(args) == 3 else "")
    if name == "chart_effective" and len(args) == 1:
        return long_date(tables.chart_effective(args[0]))
    if name == "latest_draw" and len(args) == 2:
        return draws.latest_field(args[0], args[1])
    raise LookupError(f"unknown placeholder {name!r} with {len(args)} argument(s)")


def expand(markdown: str, reviewed: date, where: str = "page") -> str:
    """Every placeholder in ``markdown`` replaced; raises PluginError naming the bad one."""

    def replace(match: re.Match[str]) -> str:
        try:
            return expand_one(match.group("body"), reviewed)
        except (LookupError, ValueError) as error:
            raise PluginError(f"{where}: cannot expand {match.group(0)}: {error}") from error

    pieces = CODE.split(markdown)
    out: list[str] = []
    # re.split with groups interleaves text, the code match and its inner groups.
    step = 1 + CODE.groups
    for index in range(0, len(pieces), step):
        out.append(PLACEHOLDER.sub(replace, pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


def page_language(page: Any, config: Any) -> str:
    """The page's language: mkdocs-static-i18n's locale for the file, else the theme's."""
    lang = getattr(page.file, "locale", None)
    if not lang:
        try:
            lang = config["theme"]["language"]
        except (KeyError, TypeError):
            lang = "en"
    return lang if lang in messages.LANGUAGES else "en"


def on_config(config: Any) -> Any:
    """MkDocs event: the footer's freshness from the data, as the checker's result gives it:
    the newest check against an official source and the last day the rounds cover."""
    fresh = assessment.data_verified()
    config["extra"]["data_verified"] = date.fromisoformat(fresh["data_verified"])
    config["extra"]["rounds_until"] = date.fromisoformat(fresh["rounds_until"])
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """MkDocs event: expand placeholders, then append the page's sources section, in the
    page's language (dates, numbers and generated words)."""
    with messages.language(page_language(page, config)):
        return _page_markdown(markdown, page, config)


# The glossary's tooltips, one file per language, appended to every page in its language.
ABBREVIATIONS = {"en": "includes/abbreviations.md", "fr": "includes/abbreviations.fr.md"}


def abbreviations(config: Any, lang: str) -> str:
    """The abbreviation definitions (tooltips) for pages in ``lang``."""
    docs = Path(config["docs_dir"]) if "docs_dir" in config else ROOT / "docs"
    return (docs / ABBREVIATIONS[lang]).read_text(encoding="utf-8")


def _page_markdown(markdown: str, page: Any, config: Any) -> str:
    text = _expanded(markdown, page, config)
    return text + "\n\n" + abbreviations(config, messages.current_language())


def with_notice(text: str, notice: str) -> str:
    """``text`` with ``notice`` under its first level-1 heading (at the top without one)."""
    if not notice:
        return text
    match = re.search(r"^# .*$", text, re.M)
    if match is None:
        return notice + "\n" + text
    return text[: match.end()] + "\n\n" + notice + text[match.end() :]


def _expanded(markdown: str, page: Any, config: Any) -> str:
    reviewed = review_date(config)
    where = page.file.src_uri
    with used() as checks:
        text = expand(markdown, reviewed, where)
    try:
        notice = page_notice(checks, build_date())
    except ValueError as error:
        raise PluginError(f"CEC_BUILD_DATE must be a date written YYYY-MM-DD: {error}") from error
    # Front matter `verified_notice: end` (the home page) keeps the first screen for what the
    # page is for and puts the warning at the end, before the sources.
    if page.meta.get("verified_notice") == "end":
        text = text.rstrip("\n") + ("\n\n" + notice if notice else "\n")
    else:
        text = with_notice(text, notice)
    source_ids = page.meta.get("sources")
    if source_ids:
        if not isinstance(source_ids, list):
            raise PluginError(f"{where}: front matter 'sources' must be a list of ids")
        try:
            text += sources_section([str(s) for s in source_ids], reviewed)
        except KeyError as error:
            raise PluginError(f"{where}: unknown source id {error} in front matter") from error
    return text
