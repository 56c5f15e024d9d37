"""Message catalog: every code the engine can emit has a sentence, and no sentence is orphaned."""

from __future__ import annotations

import re
import string
from dataclasses import fields
from datetime import date
from importlib import resources
from pathlib import Path

from support.engine import AGREED_REASON_CODES

from pycore.common import messages
from pycore.crs.profile import CrsProfile

PREFIXES = (
    "work|language|quebec|rules|job|test|input|crs|category|notice|invitation|ui|cli|fsw|fst|funds"
)
CODE = re.compile(rf"""["']((?:{PREFIXES})\.[a-z_]+)["']""")
JS_CODE = re.compile(rf"""["'`]((?:{PREFIXES})\.[a-z_]+)["'`]""")  # template literals too
FRONT_END = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "checker"


def emitted_codes() -> set[str]:
    """Catalog keys written as string literals in the pycore modules or the page's scripts.

    Reason codes, the page's ``ui.*`` and the command line's ``cli.*`` words. Field paths
    of the profile's ``crs`` object (``crs.date_of_birth``) look like codes; those that are
    not also catalog keys are left out.
    """
    found: set[str] = set()
    for entry in Path(str(resources.files("pycore"))).rglob("*.py"):
        if entry.name.endswith(".py"):
            found |= set(CODE.findall(entry.read_text(encoding="utf-8")))
    for script in FRONT_END.rglob("*.js"):
        found |= set(JS_CODE.findall(script.read_text(encoding="utf-8")))
    paths = {f"crs.{item.name}" for item in fields(CrsProfile)}
    return found - (paths - set(messages.catalog()))


def test_scan_finds_the_agreed_codes() -> None:
    """The scan sees the codes agreed between helpers (so it is not vacuously passing)."""
    assert AGREED_REASON_CODES <= emitted_codes()


def test_every_emitted_code_has_a_message() -> None:
    """Each code in the code has a catalog entry."""
    assert emitted_codes() - set(messages.catalog()) == set()


def test_no_orphan_messages() -> None:
    """Each catalog entry is emitted by some module."""
    assert set(messages.catalog()) - emitted_codes() == set()


def test_templates_name_only_simple_fields() -> None:
    """Templates use plain names (no indexing) and only the catalog's own format specs."""
    for code, template in messages.catalog().items():
        for _, name, spec, conversion in string.Formatter().parse(template):
            if name is not None:
                assert name.isidentifier(), code
                assert spec in ("", "date", "or", "and") or spec.startswith("plural:"), code
                assert conversion is None, code


def test_render_formats_numbers_dates_and_lists() -> None:
    """Figures get thousands separators and one decimal, dates a long form, lists commas."""
    assert messages.number(1560) == "1,560" and messages.number(1302.94) == "1,302.9"
    assert messages.long_date(date(2026, 11, 21)) == "November 21, 2026"
    text = messages.render("job.teer_not_eligible", {"teer": 4, "eligible_teers": [0, 1, 2, 3]})
    assert "TEER 4" in text and "(TEER 0, 1, 2 or 3)" in text


def test_plural_and_or_specs() -> None:
    """One hour is singular, other counts plural; TEER lists read with "or"."""
    assert messages.render("job.counted", {"counted_hours": 1}) == "Counted: 1 hour."
    assert messages.render("job.counted", {"counted_hours": 1.5}) == "Counted: 1.5 hours."
    text = messages.render("job.teer_not_eligible", {"teer": 4, "eligible_teers": [0, 1]})
    assert text.endswith("(TEER 0 or 1).")
