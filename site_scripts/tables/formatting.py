"""Reader-facing formats for data values: 1,560; November 16, 2022; "0, 1, 2 or 3".

Dates, numbers and lists come from ``pycore.common.formatting``, the formatter the engine's
sentences use too (locale-independent), so a guide page and a checker result print them alike;
in the page's language (``pycore.common.messages.language``, set per page by ``placeholders.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common import formatting, messages
from pycore.common.messages import current_language
from site_scripts.tables.words import Html, inert, say


def number(value: int | float) -> str:
    """A data value as its file writes it, in the page's language (1,560; 1 560; 6,5)."""
    return formatting.as_written(value, current_language())


def long_date(value: date | str) -> str:
    """A long date in the page's language: November 21, 2026; 21 novembre 2026."""
    return formatting.long_date(value, current_language())


def series(items: Any, conjunction: str = "or") -> str:
    """Items joined for a sentence in the page's language: "0, 1, 2 or 3"; "0, 1, 2 ou 3"."""
    return formatting.series(items, conjunction, current_language())


def quantity(value: int | float, unit: str) -> str:
    """A number with its unit, as readers write it: "1,560 hours", "30 hours per week".

    A unit naming a level scale ("CLB/NCLC level") goes before the number, without the
    word "level": "CLB/NCLC 7", as IRCC writes language levels.
    """
    if unit.endswith(" level"):
        return f"{unit.removesuffix(' level')} {number(value)}"
    return f"{number(value)} {say(unit) if unit else ''}".rstrip()


def reader_value(value: Any) -> Html:
    """Any TOML value (number, date, list, text, boolean) as text for a guide page, made inert
    (``words.inert``): a text value of the data never adds markup where it is shown."""
    if isinstance(value, bool):
        return inert(say("yes") if value else say("no"))
    if isinstance(value, int | float):
        return inert(number(value))
    if isinstance(value, date):
        return inert(long_date(value))
    if isinstance(value, list):
        return Html(series([reader_value(item) for item in value]))
    return inert(label(str(value)))


def label(text: str) -> str:
    """A text value of the data in the page's language (``pycore/data/labels.fr.toml``)."""
    return messages.labels(current_language()).get(text, text) if text else text
