"""How a person reads dates, numbers and lists: one formatter for the engine and the guide.

The engine's sentences (``pycore.messages``) and the build hooks' pages
(``site_scripts/formatting.py``) both print through these functions, so a date or a figure
reads the same on a guide page and in a result. Nothing here depends on the machine's locale
(``%B`` would: a build on a French machine would print "novembre" in an English page); the
month names are per language, so French is a row here beside the ``messages.fr`` catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def long_date(value: date | str, lang: str = "en") -> str:
    """A date (or ISO date text) as a reader writes it: 2026-11-21 -> November 21, 2026."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{MONTHS[lang][day.month - 1]} {day.day}, {day.year}"


def number(value: float) -> str:
    """A figure with thousands separators and at most one decimal: 1560 -> 1,560; 0.5 -> 0.5."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def as_written(value: int | float) -> str:
    """A data value as its file writes it: integers with separators, decimals kept (6.0, 0.25).

    A float keeps at least one decimal and at most two, so an IELTS band 6.0 stays 6.0.
    """
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:,.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def series(items: Sequence[str], conjunction: str = "or") -> str:
    """Items joined for a sentence: "0, 1, 2 or 3" (no serial comma, as canada.ca writes)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
